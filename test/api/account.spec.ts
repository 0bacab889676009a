import { hashPassword } from '../../apps/api/src/auth/passwords';
import { recentAuthenticationRequired } from '../../apps/api/src/access/access.decorator';
import { DecisionsController } from '../../apps/api/src/decisions/decisions.controller';
import type { Response } from 'supertest';
import { createFactories, Factories, sessionCookie, sessionTokenOf, TEST_PASSWORD, TestUser, totpCode, unique } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { emailsTo, linkSecret } from './support/mail';
import { countRows, startTestApp, TestApp, versionOf } from './support/test-app';

/** One's own account: password, reset, email address, second factor, sessions, re-authentication, and the security record. */
let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
  f = createFactories(t);
});
afterAll(() => t?.close());

let addresses = 0;
const fromAddress = () => ({ 'X-Forwarded-For': `198.51.100.${++addresses}` });
const NEW_PASSWORD = 'steppe kettle violin morning';

const login = (email: string, password: string) => t.api.post('/api/auth/login').set(fromAddress()).send({ email, password });
const liveSessions = (userId: string) => countRows(t.db, `SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
const eventsOf = async (userId: string, kind: string) =>
  (await t.db.query(`SELECT kind, resource, address, details FROM sensitive_events WHERE actor_id = $1 AND kind = $2 ORDER BY id`, [userId, kind])).rows;
/** Ages the session's proof of identity past the 10 minutes consequential steps accept. */
const staleProof = (user: TestUser) => t.db.query(`UPDATE sessions SET reauthenticated_at = now() - interval '11 minutes' WHERE user_id = $1`, [user.id]);

/** Signs in a user who has a second factor: password, then a code. */
async function loginWithCode(email: string, secret: string, password = TEST_PASSWORD): Promise<Response> {
  const first = await login(email, password);
  expect(first.status).toBe(202);
  return t.api.post('/api/auth/login/second-factor').send({ challenge: first.body.challenge, code: await totpCode(secret) });
}

/** Enrols an authenticator app through the API, as the account page does; returns the secret and the recovery codes. */
async function enrolThroughApi(user: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await t.api.post('/api/auth/second-factor/enrolment').set(user.auth);
  expect(started.status).toBe(201);
  const confirmed = await t.api.post('/api/auth/second-factor/enrolment/confirmation').set(user.auth).send({ code: await totpCode(started.body.secret) });
  expect(confirmed.status).toBe(200);
  return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
}

describe('changing the password (POST /api/auth/password)', () => {
  it('needs the current password, refuses a guessable one, ends every other session and emails the owner', async () => {
    const user = await f.newUser();
    const phone = await f.login(user.email);
    expect(await liveSessions(user.id)).toBe(2);

    expectError(await t.api.post('/api/auth/password').set(user.auth).send({ currentPassword: 'not it at all', newPassword: NEW_PASSWORD }), 401, 'AUTH.INVALID_CREDENTIALS');
    expectError(await t.api.post('/api/auth/password').set(user.auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'password1234' }), 400, 'AUTH.WEAK_PASSWORD');
    expectValidationFailure(await t.api.post('/api/auth/password').set(user.auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }), 'newPassword');
    expect(await liveSessions(user.id)).toBe(2);

    expect((await t.api.post('/api/auth/password').set(user.auth).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);

    expect((await t.api.get('/api/auth/me').set(user.auth)).status).toBe(200);
    expectError(await t.api.get('/api/auth/me').set(sessionCookie(phone)), 401, 'UNAUTHENTICATED');
    expectError(await login(user.email, TEST_PASSWORD), 401, 'AUTH.INVALID_CREDENTIALS');
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
    expect((await emailsTo(t.db, user.email, 'account.password-changed'))).toHaveLength(1);
    const [event] = await eventsOf(user.id, 'password.changed');
    expect(event).toMatchObject({ resource: 'auth.password', details: { otherSessionsEnded: 1 } });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });
});

describe('resetting a forgotten password', () => {
  it('answers any address alike; an account gets a single-use link valid 30 minutes that ends every session', async () => {
    const user = await f.newUser();
    const unknown = `${unique('nobody-')}@dastarkhan.test`;
    const known = await t.api.post('/api/auth/password-reset').set(fromAddress()).send({ email: user.email.toUpperCase() });
    const other = await t.api.post('/api/auth/password-reset').set(fromAddress()).send({ email: unknown });
    expect([known.status, other.status]).toEqual([202, 202]);
    expect(known.body).toEqual(other.body);
    expect(await emailsTo(t.db, unknown)).toEqual([]);

    const [email] = await emailsTo(t.db, user.email, 'account.password-reset');
    expect(email.body).toContain('30 minutes');
    const { rows: [token] } = await t.db.query(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 60) AS minutes FROM account_tokens WHERE user_id = $1 AND purpose = 'reset-password'`,
      [user.id],
    );
    expect(Number(token.minutes)).toBe(30);
    const secret = await linkSecret(t.db, user.email, 'account.password-reset');

    // A guessable password is refused without using up the link.
    expectError(await t.api.post('/api/auth/password-reset/completion').send({ token: secret, newPassword: 'qwerty123456' }), 400, 'AUTH.WEAK_PASSWORD');
    expect((await t.api.post('/api/auth/password-reset/completion').send({ token: secret, newPassword: NEW_PASSWORD })).status).toBe(204);
    expectError(await t.api.post('/api/auth/password-reset/completion').send({ token: secret, newPassword: `${NEW_PASSWORD} again` }), 400, 'AUTH.INVALID_LINK');

    expectError(await t.api.get('/api/auth/me').set(user.auth), 401, 'UNAUTHENTICATED');
    expect(await liveSessions(user.id)).toBe(0);
    expectError(await login(user.email, TEST_PASSWORD), 401, 'AUTH.INVALID_CREDENTIALS');
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
    expect(await emailsTo(t.db, user.email, 'account.password-changed')).toHaveLength(1);
    expect(await eventsOf(user.id, 'password.reset')).toHaveLength(1);
  });

  it('refuses an expired link, and a newer link replaces the older one', async () => {
    const user = await f.newUser();
    await t.api.post('/api/auth/password-reset').set(fromAddress()).send({ email: user.email }).expect(202);
    const first = await linkSecret(t.db, user.email, 'account.password-reset');
    await t.api.post('/api/auth/password-reset').set(fromAddress()).send({ email: user.email }).expect(202);
    const second = await linkSecret(t.db, user.email, 'account.password-reset');
    expectError(await t.api.post('/api/auth/password-reset/completion').send({ token: first, newPassword: NEW_PASSWORD }), 400, 'AUTH.INVALID_LINK');
    await t.db.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expectError(await t.api.post('/api/auth/password-reset/completion').send({ token: second, newPassword: NEW_PASSWORD }), 400, 'AUTH.INVALID_LINK');
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('sends one address three reset emails an hour at most, answering further requests alike', async () => {
    const user = await f.newUser();
    for (let i = 0; i < 5; i++) expect((await t.api.post('/api/auth/password-reset').set(fromAddress()).send({ email: user.email })).status).toBe(202);
    expect(await emailsTo(t.db, user.email, 'account.password-reset')).toHaveLength(3);
  });

  it('keeps reset links out of the administrator’s outbox view', async () => {
    const admin = await f.newUser({ role: 'administrator' });
    const user = await f.newUser();
    await t.api.post('/api/auth/password-reset').set(fromAddress()).send({ email: user.email }).expect(202);
    const outbox = await t.api.get('/api/admin/email-outbox').set(admin.auth);
    const message = outbox.body.find((m: { to: string; kind: string }) => m.to === user.email && m.kind === 'account.password-reset');
    expect(message).toMatchObject({ withheld: true, subject: null, body: null });
  });
});

describe('changing the email address', () => {
  it('sends a link to the new address; opening it moves the account and tells the old address', async () => {
    const user = await f.newUser();
    const newEmail = `${unique('moved-')}@dastarkhan.test`;
    expect((await t.api.post('/api/auth/email-change').set(user.auth).send({ email: newEmail })).status).toBe(202);
    const secret = await linkSecret(t.db, newEmail, 'account.email-change-confirm');
    expect((await t.api.post('/api/auth/email-change/confirmation').send({ token: secret })).status).toBe(204);
    expect((await t.api.get('/api/auth/me').set(user.auth)).body.email).toBe(newEmail);
    expect(await emailsTo(t.db, user.email, 'account.email-changed')).toHaveLength(1);
    expect((await login(newEmail, TEST_PASSWORD)).status).toBe(200);
    expect(await eventsOf(user.id, 'email.changed')).toHaveLength(1);
  });

  it('answers alike for an address that has an account: its owner is told, nothing changes', async () => {
    const user = await f.newUser();
    const holder = await f.newUser();
    expect((await t.api.post('/api/auth/email-change').set(user.auth).send({ email: holder.email })).status).toBe(202);
    expect(await emailsTo(t.db, holder.email, 'account.email-change-taken')).toHaveLength(1);
    expect(await countRows(t.db, `SELECT 1 FROM account_tokens WHERE user_id = $1 AND purpose = 'change-email'`, [user.id])).toBe(0);
  });

  it('needs a recent proof of identity (403 AUTH.REAUTHENTICATION_REQUIRED)', async () => {
    const user = await f.newUser();
    await staleProof(user);
    expectError(await t.api.post('/api/auth/email-change').set(user.auth).send({ email: `${unique('x-')}@dastarkhan.test` }), 403, 'AUTH.REAUTHENTICATION_REQUIRED');
  });
});

describe('the second factor (TOTP with recovery codes)', () => {
  it('is enrolled with a QR code and its first code, then asked at every sign-in; a code works once', async () => {
    const user = await f.newUser();
    const started = await t.api.post('/api/auth/second-factor/enrolment').set(user.auth);
    expect(started.status).toBe(201);
    expect(started.body.uri).toMatch(/^otpauth:\/\/totp\/Dastarkhan:.*secret=/);
    expect(started.body.qrCode).toMatch(/^data:image\/png;base64,/);
    const secret: string = started.body.secret;

    expectError(await t.api.post('/api/auth/second-factor/enrolment/confirmation').set(user.auth).send({ code: '000000' }), 401, 'AUTH.INVALID_CODE');
    const confirmed = await t.api.post('/api/auth/second-factor/enrolment/confirmation').set(user.auth).send({ code: await totpCode(secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect((await t.api.get('/api/auth/me').set(user.auth)).body.secondFactorEnabled).toBe(true);
    expect(await emailsTo(t.db, user.email, 'account.second-factor-enabled')).toHaveLength(1);
    const { rows: [stored] } = await t.db.query(`SELECT totp_secret FROM users WHERE id = $1`, [user.id]);
    expect(stored.totp_secret).not.toContain(secret);

    // The password alone no longer signs in: a second step is asked for, and no session opens yet.
    const first = await login(user.email, TEST_PASSWORD);
    expect(first.status).toBe(202);
    expect(sessionTokenOf(first)).toBeUndefined();
    const code = await totpCode(secret);
    const second = await t.api.post('/api/auth/login/second-factor').send({ challenge: first.body.challenge, code });
    expect(second.status).toBe(200);
    expect(sessionTokenOf(second)).toBeDefined();
    // The same code again (a replay) is refused.
    const again = await login(user.email, TEST_PASSWORD);
    expectError(await t.api.post('/api/auth/login/second-factor').send({ challenge: again.body.challenge, code }), 401, 'AUTH.INVALID_CODE');
  });

  it('takes a recovery code once in place of the app', async () => {
    const user = await f.newUser();
    const { recoveryCodes } = await enrolThroughApi(user);
    const first = await login(user.email, TEST_PASSWORD);
    const used = recoveryCodes[0].toLowerCase().replace('-', ' ');
    expect((await t.api.post('/api/auth/login/second-factor').send({ challenge: first.body.challenge, code: used })).status).toBe(200);
    const again = await login(user.email, TEST_PASSWORD);
    expectError(await t.api.post('/api/auth/login/second-factor').send({ challenge: again.body.challenge, code: recoveryCodes[0] }), 401, 'AUTH.INVALID_CODE');
    expect(await eventsOf(user.id, 'second-factor.recovery-used')).toHaveLength(1);
    expect((await t.api.get('/api/auth/second-factor').set(user.auth)).body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 9 });
  });

  it('voids a sign-in step after five wrong codes, and slows down the account’s codes', async () => {
    const user = await f.newUser();
    await enrolThroughApi(user);
    const first = await login(user.email, TEST_PASSWORD);
    for (let i = 0; i < 5; i++) {
      expectError(await t.api.post('/api/auth/login/second-factor').send({ challenge: first.body.challenge, code: '123456' }), 401, 'AUTH.INVALID_CODE');
    }
    expectError(await t.api.post('/api/auth/login/second-factor').send({ challenge: first.body.challenge, code: '123456' }), 401, 'AUTH.CHALLENGE_EXPIRED');
    const next = await login(user.email, TEST_PASSWORD);
    expectError(await t.api.post('/api/auth/login/second-factor').send({ challenge: next.body.challenge, code: '123456' }), 429, 'AUTH.TOO_MANY_ATTEMPTS');
    expect(await eventsOf(user.id, 'second-factor.failed')).toHaveLength(5);
  });

  it('is turned off by its owner after re-authenticating, unless the roles require it', async () => {
    const user = await f.newUser();
    const { secret } = await enrolThroughApi(user);
    await staleProof(user);
    expectError(await t.api.delete('/api/auth/second-factor').set(user.auth), 403, 'AUTH.REAUTHENTICATION_REQUIRED');
    // With a second factor, re-authenticating takes a code too.
    expectError(await t.api.post('/api/auth/reauthentication').set(user.auth).send({ password: TEST_PASSWORD }), 401, 'AUTH.INVALID_CODE');
    expect((await t.api.post('/api/auth/reauthentication').set(user.auth).send({ password: TEST_PASSWORD, code: await totpCode(secret) })).status).toBe(204);
    expect((await t.api.delete('/api/auth/second-factor').set(user.auth)).status).toBe(204);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
    expect(await emailsTo(t.db, user.email, 'account.second-factor-disabled')).toHaveLength(1);

    const admin = await f.newUser({ role: 'administrator' });
    expectError(await t.api.delete('/api/auth/second-factor').set(admin.auth), 403, 'AUTH.SECOND_FACTOR_REQUIRED_FOR_ROLE');
  });

  it('is required of administrators and officials: until it is set up, only their own account is open', async () => {
    const email = `${unique('admin-')}@dastarkhan.test`;
    const { rows: [{ id }] } = await t.db.query(
      `INSERT INTO users (email, password_hash, display_name, locale) VALUES ($1, $2, 'New Administrator', 'en') RETURNING id`,
      [email, await hashPassword(TEST_PASSWORD)],
    );
    await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'administrator')`, [id]);
    const token = sessionTokenOf(await login(email, TEST_PASSWORD)) as string;
    const admin = { id, email, displayName: 'New Administrator', token, auth: sessionCookie(token) };

    expect((await t.api.get('/api/auth/me').set(admin.auth)).body).toMatchObject({ secondFactorEnabled: false, secondFactorRequired: true });
    expectError(await t.api.get('/api/appeals').set(admin.auth), 403, 'AUTH.SECOND_FACTOR_SETUP_REQUIRED');
    expectError(await t.api.get('/api/admin/security-events').set(admin.auth), 403, 'AUTH.SECOND_FACTOR_SETUP_REQUIRED');
    const { secret } = await enrolThroughApi(admin);
    expect((await t.api.get('/api/appeals').set(admin.auth)).status).toBe(200);
    expect((await loginWithCode(email, secret)).status).toBe(200);
  });
});

describe('re-authentication before consequential steps', () => {
  async function representedCommunity() {
    const community = await f.newCommunity();
    const representative = await f.newUser({ role: 'representative', communityId: community.id });
    return { community, representative };
  }

  it('guards consent changes: refused with a stale proof, allowed after POST /api/auth/reauthentication', async () => {
    const { community, representative } = await representedCommunity();
    await staleProof(representative);
    const consent = async () =>
      t.api.patch(`/api/communities/${community.id}`).set(representative.auth).send({ officialConsent: true, version: await versionOf(t.db, 'communities', community.id) });
    expectError(await consent(), 403, 'AUTH.REAUTHENTICATION_REQUIRED');
    expect(await countRows(t.db, `SELECT 1 FROM communities WHERE id = $1 AND official_consent_at IS NOT NULL`, [community.id])).toBe(0);

    expectError(await t.api.post('/api/auth/reauthentication').set(representative.auth).send({ password: 'not the password' }), 401, 'AUTH.INVALID_CREDENTIALS');
    expect((await t.api.post('/api/auth/reauthentication').set(representative.auth).send({ password: TEST_PASSWORD })).status).toBe(204);
    expect((await consent()).status).toBe(200);
    // A profile edit that does not touch consent needs no fresh proof.
    await staleProof(representative);
    const edit = await t.api
      .patch(`/api/communities/${community.id}`)
      .set(representative.auth)
      .send({ leaders: 'Pastor Aidar', version: await versionOf(t.db, 'communities', community.id) });
    expect(edit.status).toBe(200);
    expect(await eventsOf(representative.id, 'reauthenticated')).toHaveLength(1);
    expect(await eventsOf(representative.id, 'reauthentication.failed')).toHaveLength(1);
  });

  it('guards erasure, withdrawal with erasure and appeal rulings', async () => {
    const { community, representative } = await representedCommunity();
    await staleProof(representative);
    expectError(await t.api.post(`/api/communities/${community.id}/erasure`).set(representative.auth), 403, 'AUTH.REAUTHENTICATION_REQUIRED');
    expect(await countRows(t.db, `SELECT 1 FROM communities WHERE id = $1 AND contact_erased_at IS NULL`, [community.id])).toBe(1);

    const club = await f.newClub();
    const p = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });
    expectError(
      await t.api.post(`/api/participations/${p.id}/transitions`).set(representative.auth).send({ action: 'withdraw', version: p.version, eraseContactDetails: true }),
      403,
      'AUTH.REAUTHENTICATION_REQUIRED',
    );
    expect(await countRows(t.db, `SELECT 1 FROM participations WHERE id = $1 AND status = 'observer'`, [p.id])).toBe(1);

    // An appeal ruling declares the same need (the access guard asks it, as for the erasure above).
    expect(recentAuthenticationRequired(DecisionsController.prototype.resolve)).toBe(true);
  });

  it('is slowed down like a sign-in', async () => {
    const user = await f.newUser();
    for (let i = 0; i < 5; i++) await t.api.post('/api/auth/reauthentication').set(user.auth).send({ password: `wrong ${i}` }).expect(401);
    expectError(await t.api.post('/api/auth/reauthentication').set(user.auth).send({ password: TEST_PASSWORD }), 429, 'AUTH.TOO_MANY_ATTEMPTS');
  });
});

describe('my sessions', () => {
  it('lists my live sessions with device, address and last activity; ends one, or all of them', async () => {
    const user = await f.newUser();
    const phone = sessionTokenOf(
      await t.api.post('/api/auth/login').set({ 'X-Forwarded-For': '192.0.2.77', 'User-Agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/130' }).send({ email: user.email, password: TEST_PASSWORD }),
    ) as string;
    const laptop = await f.login(user.email);

    const listed = await t.api.get('/api/auth/sessions').set(user.auth);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(3);
    expect(listed.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const phoneSession = listed.body.find((s: { userAgent: string | null }) => s.userAgent?.includes('Android'));
    expect(phoneSession).toMatchObject({ address: '192.0.2.77', current: false, lastActiveAt: expect.any(String), expiresAt: expect.any(String) });

    // Someone else's session is not mine to end (404), and stays.
    const stranger = await f.newUser();
    expectError(await t.api.delete(`/api/auth/sessions/${phoneSession.id}`).set(stranger.auth), 404, 'NOT_FOUND');
    expect((await t.api.delete(`/api/auth/sessions/${phoneSession.id}`).set(user.auth)).status).toBe(204);
    expectError(await t.api.get('/api/auth/me').set(sessionCookie(phone)), 401, 'UNAUTHENTICATED');
    expect((await t.api.get('/api/auth/me').set(sessionCookie(laptop))).status).toBe(200);

    const everywhere = await t.api.delete('/api/auth/sessions').set(user.auth);
    expect(everywhere.status).toBe(204);
    expect(await liveSessions(user.id)).toBe(0);
    expectError(await t.api.get('/api/auth/me').set(user.auth), 401, 'UNAUTHENTICATED');
    expect(await eventsOf(user.id, 'session.ended')).toHaveLength(2);
  });
});

describe('the record of security events (ASVS V7)', () => {
  it('keeps who, when, from where and what — never a password, a code or a token', async () => {
    const user = await f.newUser();
    await login(user.email, 'a wrong password typed').expect(401);
    const { rows } = await t.db.query(`SELECT * FROM sensitive_events WHERE actor_id = $1 ORDER BY id`, [user.id]);
    expect(rows.map((r) => r.kind)).toEqual(['sign-in', 'sign-in.failed']);
    for (const row of rows) {
      expect(row.address).toMatch(/^(198\.51\.100\.\d+|127\.0\.0\.1|::ffff:127\.0\.0\.1)$/);
      expect(row.occurred_at).toBeInstanceOf(Date);
      expect(JSON.stringify(row)).not.toMatch(/wrong password|correct horse|\.ey/);
    }
  });

  it('records a refusal (403) with the route and the caller', async () => {
    const coordinator = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });
    expectError(await t.api.get('/api/appeals').set(coordinator.auth), 403, 'FORBIDDEN');
    expect(await eventsOf(coordinator.id, 'access.denied')).toEqual([
      expect.objectContaining({ resource: 'GET /api/appeals', details: { code: 'FORBIDDEN' } }),
    ]);
  });

  it('is searched by the administrator by kind, account and period, a page at a time', async () => {
    const admin = await f.newUser({ role: 'administrator' });
    const user = await f.newUser();
    const since = new Date(Date.now() - 1000).toISOString();
    for (let i = 0; i < 3; i++) await login(user.email, `wrong ${i}`).expect(401);

    const search = (query: Record<string, string | number>) => t.api.get('/api/admin/security-events').query(query).set(admin.auth);
    const first = await search({ kind: 'sign-in.failed', actor: user.email.toUpperCase(), from: since, limit: 2 });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({ kind: 'sign-in.failed', actorId: user.id, actorEmail: user.email, resource: 'auth.sign-in', details: { reason: 'password' } });
    const rest = await search({ kind: 'sign-in.failed', actor: user.email, from: since, limit: 2, before: first.body.nextBefore });
    expect(rest.body).toEqual({ items: [expect.objectContaining({ kind: 'sign-in.failed' })], nextBefore: null });
    expect((await search({ kind: 'sign-in.failed', actor: user.email, to: since })).body.items).toEqual([]);

    expectValidationFailure(await search({ kind: 'made-up' }), 'kind');
    const coordinator = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });
    expectError(await t.api.get('/api/admin/security-events').set(coordinator.auth), 403, 'FORBIDDEN');
    expectError(await t.api.get('/api/admin/security-events'), 401, 'UNAUTHENTICATED');
  });
});
