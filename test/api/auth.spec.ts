import { createHmac } from 'node:crypto';
import type { Response } from 'supertest';
import { createFactories, Factories, sessionCookie, sessionTokenOf, TEST_PASSWORD, unique } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { emailsTo, linkSecret } from './support/mail';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  // As behind a proxy on the same host: X-Forwarded-For is believed from loopback only.
  t = await startTestApp({ TRUST_PROXY: '127.0.0.1', ACCOUNT_REQUESTS_PER_HOUR: '3' });
  f = createFactories(t);
});
afterAll(() => t?.close());

/**
 * Each throttling test gets its own client address (X-Forwarded-For, believed from the loopback proxy), so the
 * per-address counter of one test never throttles another. The database is fresh per run.
 */
let addresses = 0;
const fromAddress = () => ({ 'X-Forwarded-For': `203.0.113.${++addresses}` });

const sessionsOf = (userId: string) => countRows(t.db, `SELECT 1 FROM sessions WHERE user_id = $1`, [userId]);
const liveSessionsOf = (userId: string) => countRows(t.db, `SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);

function cookieNamed(response: Response, name: string): string | undefined {
  return [response.headers['set-cookie'] ?? []].flat().find((cookie: string) => cookie.startsWith(`${name}=`));
}

/** The browser's device cookie, as it would send it back. */
const deviceOf = (response: Response) => (cookieNamed(response, 'dastarkhan_device') as string).split(';')[0];

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.api.post('/api/auth/login').set(headers).send({ email, password });

function signupBody(overrides: Record<string, unknown> = {}, community: Record<string, unknown> = {}) {
  return {
    email: `${unique('signup-')}@community.test`,
    password: 'steppe kettle violin morning',
    displayName: 'Pastor Aidar',
    locale: 'ru',
    community: {
      name: `New Life House Church ${unique()}`,
      tradition: 'evangelical_protestant',
      registrationStatus: 'not_registered',
      contactEmail: 'newlife@community.test',
      contactPhone: '+7 701 555 0101',
      ...community,
    },
    ...overrides,
  };
}

const signup = (body: Record<string, unknown>) => t.api.post('/api/auth/signup').set(fromAddress()).send(body);

describe('POST /api/auth/login', () => {
  it('signs in: an httpOnly SameSite session cookie, and no token in the body', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });

    const response = await login(coordinator.email, TEST_PASSWORD);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: {
        id: coordinator.id,
        email: coordinator.email,
        displayName: coordinator.displayName,
        locale: 'en',
        roles: [{ role: 'coordinator', clubId: club.id, communityId: null, region: null }],
        secondFactorEnabled: false,
        secondFactorRequired: false,
      },
    });
    const cookie = cookieNamed(response, 'dastarkhan_session') as string;
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(JSON.stringify(response.body)).not.toContain(sessionTokenOf(response));

    const withCookie = await t.api.get('/api/auth/me').set('Cookie', cookie.split(';')[0]);
    expect(withCookie.status).toBe(200);
    expect(withCookie.body.id).toBe(coordinator.id);
    // The token is a cookie, not a bearer credential a script could have read and replayed.
    expectError(await t.api.get('/api/auth/me').set('Authorization', `Bearer ${sessionTokenOf(response)}`), 401, 'UNAUTHENTICATED');
  });

  it('accepts the email in any letter case', async () => {
    const user = await f.newUser();
    const response = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(user.id);
  });

  it('refuses a wrong password with 401 AUTH.INVALID_CREDENTIALS and opens no session', async () => {
    const user = await f.newUser();
    const before = await sessionsOf(user.id);

    const response = await login(user.email, 'not the password', fromAddress());

    expectError(response, 401, 'AUTH.INVALID_CREDENTIALS');
    expect(cookieNamed(response, 'dastarkhan_session')).toBeUndefined();
    expect(await sessionsOf(user.id)).toBe(before);
  });

  it('answers an unknown email exactly like a wrong password (no account enumeration)', async () => {
    expectError(await login(`${unique('nobody-')}@dastarkhan.test`, TEST_PASSWORD, fromAddress()), 401, 'AUTH.INVALID_CREDENTIALS');
  });

  it('slows guessing down without locking the owner out: a browser that signed in before keeps its own allowance', async () => {
    const user = await f.newUser();
    const owner = { ...fromAddress(), Cookie: deviceOf(await login(user.email, TEST_PASSWORD)) };
    // An attacker guesses from several addresses until unknown browsers are refused for this account.
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectError(await login(user.email, `guess-${attempt}`, fromAddress()), 401, 'AUTH.INVALID_CREDENTIALS');
    }
    expectError(await login(user.email, TEST_PASSWORD, fromAddress()), 429, 'AUTH.TOO_MANY_ATTEMPTS');

    // The owner's browser still signs in, with the right password.
    const mine = await login(user.email, TEST_PASSWORD, owner);
    expect(mine.status).toBe(200);
    expect(cookieNamed(mine, 'dastarkhan_session')).toBeDefined();

    const { rows } = await t.db.query(
      `SELECT kind, count(*)::int AS n FROM sensitive_events WHERE actor_id = $1 AND kind IN ('sign-in', 'sign-in.failed', 'throttled') GROUP BY kind ORDER BY kind`,
      [user.id],
    );
    expect(rows).toEqual([
      { kind: 'sign-in', n: 3 },
      { kind: 'sign-in.failed', n: 5 },
      { kind: 'throttled', n: 1 },
    ]);
  });

  it('slows down a trusted browser that fails itself, leaving the account to other browsers of the owner', async () => {
    const user = await f.newUser();
    const laptop = { Cookie: deviceOf(await login(user.email, TEST_PASSWORD)) };
    const phone = { Cookie: deviceOf(await login(user.email, TEST_PASSWORD)) };
    for (let attempt = 1; attempt <= 5; attempt++) await login(user.email, 'wrong', laptop).expect(401);
    expectError(await login(user.email, TEST_PASSWORD, laptop), 429, 'AUTH.TOO_MANY_ATTEMPTS');
    expect((await login(user.email, TEST_PASSWORD, phone)).status).toBe(200);
    expect((await login(user.email, TEST_PASSWORD, fromAddress())).status).toBe(200);
  });

  it('throttles a client address that fails against many accounts, even for an account it has not tried', async () => {
    const user = await f.newUser();
    const address = fromAddress();
    // 5 × LOGIN_MAX_FAILURES failures from one address, each on a different (unknown) email.
    for (let attempt = 1; attempt <= 25; attempt++) {
      await login(`${unique('spray-')}@dastarkhan.test`, 'guess', address).expect(401);
    }
    expectError(await login(user.email, TEST_PASSWORD, address), 429, 'AUTH.TOO_MANY_ATTEMPTS');
    // The account itself is not locked for the user elsewhere.
    expect((await login(user.email, TEST_PASSWORD, fromAddress())).status).toBe(200);
  });

  it('rejects a malformed login with 400 and the offending fields, without counting it as a failed attempt', async () => {
    const email = `${unique('malformed-')}@dastarkhan.test`;
    expectValidationFailure(await t.api.post('/api/auth/login').send({ email: 'not-an-email', password: '' }), 'email', 'password');
    expectValidationFailure(await t.api.post('/api/auth/login').send({ email }), 'password');
    expect(await countRows(t.db, `SELECT 1 FROM login_attempts WHERE key = $1`, [`email:${email}`])).toBe(0);
  });

  it('rejects unknown fields with 400', async () => {
    const user = await f.newUser();
    const before = await sessionsOf(user.id);
    expectValidationFailure(await t.api.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD, rememberMe: true }), 'rememberMe');
    expect(await sessionsOf(user.id)).toBe(before);
  });
});

describe('POST /api/auth/logout', () => {
  it('signs out: the session is revoked, the cookie cleared, and the old token gets 401', async () => {
    const user = await f.newUser();
    const token = await f.login(user.email);

    const response = await t.api.post('/api/auth/logout').set(sessionCookie(token));

    expect(response.status).toBe(204);
    const cleared = cookieNamed(response, 'dastarkhan_session') as string;
    expect(cleared).toMatch(/^dastarkhan_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    expectError(await t.api.get('/api/auth/me').set(sessionCookie(token)), 401, 'UNAUTHENTICATED');
    expect(await countRows(t.db, `SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NOT NULL`, [user.id])).toBe(1);
    expect(await countRows(t.db, `SELECT 1 FROM sensitive_events WHERE actor_id = $1 AND kind = 'sign-out'`, [user.id])).toBe(1);
  });

  it("keeps the user's other sessions (other devices) signed in", async () => {
    const user = await f.newUser();
    const phone = await f.login(user.email);
    await t.api.post('/api/auth/logout').set(user.auth).expect(204);
    expect((await t.api.get('/api/auth/me').set(sessionCookie(phone))).status).toBe(200);
  });

  it('answers 401 to an anonymous caller', async () => {
    expectError(await t.api.post('/api/auth/logout'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/auth/me and the session limits', () => {
  it('returns the signed-in user with every role and its scope', async () => {
    const club = await f.newClub();
    const community = await f.newCommunity();
    const user = await f.newUser({ role: 'representative', communityId: community.id, displayName: 'Aigerim Sadykova' });
    await t.db.query(`INSERT INTO role_assignments (user_id, role, club_id) VALUES ($1, 'coordinator', $2)`, [user.id, club.id]);

    const response = await t.api.get('/api/auth/me').set(user.auth);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, email: user.email, displayName: 'Aigerim Sadykova', locale: 'en' });
    expect(response.body.passwordHash).toBeUndefined();
    expect(response.body.roles).toEqual(
      expect.arrayContaining([
        { role: 'representative', clubId: null, communityId: community.id, region: null },
        { role: 'coordinator', clubId: club.id, communityId: null, region: null },
      ]),
    );
  });

  it('ends a session 12 hours after sign-in at the latest, however active', async () => {
    const user = await f.newUser();
    const { rows: [session] } = await t.db.query(`SELECT expires_at - created_at AS lifetime FROM sessions WHERE user_id = $1`, [user.id]);
    expect(session.lifetime.hours).toBe(12);
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [user.id]);
    expectError(await t.api.get('/api/auth/me').set(user.auth), 401, 'UNAUTHENTICATED');
  });

  it('ends a session after 30 minutes without user activity; the bell’s background poll does not count as activity', async () => {
    const user = await f.newUser();
    await t.db.query(`UPDATE sessions SET last_active_at = now() - interval '20 minutes' WHERE user_id = $1`, [user.id]);
    const lastActive = async () => (await t.db.query(`SELECT last_active_at FROM sessions WHERE user_id = $1`, [user.id])).rows[0].last_active_at as Date;
    const before = await lastActive();

    expect((await t.api.get('/api/notifications/unread-count').set(user.auth).set('X-Background', '1')).status).toBe(200);
    expect(await lastActive()).toEqual(before);

    expect((await t.api.get('/api/notifications').set(user.auth)).status).toBe(200);
    expect((await lastActive()).getTime()).toBeGreaterThan(Date.now() - 60_000);

    await t.db.query(`UPDATE sessions SET last_active_at = now() - interval '31 minutes' WHERE user_id = $1`, [user.id]);
    expectError(await t.api.get('/api/auth/me').set(user.auth), 401, 'UNAUTHENTICATED');
  });

  it('reflects a role taken away by the secretariat on the very next request (nothing cached in the token)', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    await t.api.get(`/api/clubs/${club.id}/participations`).set(coordinator.auth).expect(200);

    await t.db.query(`DELETE FROM role_assignments WHERE user_id = $1`, [coordinator.id]);

    expect((await t.api.get('/api/auth/me').set(coordinator.auth)).body.roles).toEqual([]);
    expectError(await t.api.get(`/api/clubs/${club.id}/participations`).set(coordinator.auth), 403, 'FORBIDDEN');
  });

  it('answers 401 UNAUTHENTICATED without a session, with a garbage token, or with a token signed by someone else', async () => {
    expectError(await t.api.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await t.api.get('/api/auth/me').set(sessionCookie('not-a-token')), 401, 'UNAUTHENTICATED');

    // A well-formed token naming a live session, but signed with another secret.
    const user = await f.newUser();
    const { rows: [session] } = await t.db.query<{ id: string }>(`SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL LIMIT 1`, [user.id]);
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: user.id, sid: session.id, iat: now, exp: now + 3600 })}`;
    const signature = createHmac('sha256', 'an attacker secret of at least 32 characters').update(unsigned).digest('base64url');
    expectError(await t.api.get('/api/auth/me').set(sessionCookie(`${unsigned}.${signature}`)), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/auth/session', () => {
  it('answers 200 with the signed-in user, the same as GET /api/auth/me', async () => {
    const user = await f.newUser({ displayName: 'Aigerim Sadykova' });
    const response = await t.api.get('/api/auth/session').set(user.auth);
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual((await t.api.get('/api/auth/me').set(user.auth)).body);
  });

  it('answers 200 with user null when signed out: no session, a garbage token, or a session that ended', async () => {
    expect(await t.api.get('/api/auth/session')).toMatchObject({ status: 200, body: { user: null } });
    expect(await t.api.get('/api/auth/session').set(sessionCookie('not-a-token'))).toMatchObject({ status: 200, body: { user: null } });
    const user = await f.newUser();
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [user.id]);
    expect(await t.api.get('/api/auth/session').set(user.auth)).toMatchObject({ status: 200, body: { user: null } });
  });
});

describe('POST /api/auth/signup', () => {
  const userByEmail = (email: string) => countRows(t.db, `SELECT 1 FROM users WHERE email = $1`, [email.toLowerCase()]);
  const communityByName = (name: string) => countRows(t.db, `SELECT 1 FROM communities WHERE name = $1`, [name]);

  it('opens the account, its community and the representative role, signs nobody in, and emails a link that confirms the address', async () => {
    const body = signupBody();

    const response = await signup(body);

    expect(response.status).toBe(202);
    expect(response.body).toEqual({});
    expect(cookieNamed(response, 'dastarkhan_session')).toBeUndefined();
    const { rows } = await t.db.query(
      `SELECT c.name, c.registration_status, c.official_consent_at, r.role, u.email_confirmed_at
         FROM communities c JOIN role_assignments r ON r.community_id = c.id JOIN users u ON u.id = r.user_id WHERE u.email = $1`,
      [body.email],
    );
    expect(rows).toEqual([{ name: body.community.name, registration_status: 'not_registered', official_consent_at: null, role: 'representative', email_confirmed_at: null }]);

    // Until the link is opened, the right password is told the address is not confirmed yet (and no session opens).
    expectError(await login(body.email, body.password), 403, 'AUTH.EMAIL_NOT_CONFIRMED');
    expectError(await login(body.email, 'wrong password here', fromAddress()), 401, 'AUTH.INVALID_CREDENTIALS');

    const [email] = await emailsTo(t.db, body.email, 'account.confirm-email');
    expect(email.subject).toBe('Подтвердите адрес электронной почты');
    expect(email.body).toMatch(/http:\/\/localhost:3000\/confirm-email#[\w-]{40,}/);
    const secret = await linkSecret(t.db, body.email, 'account.confirm-email');
    expect((await t.api.post('/api/auth/email-confirmation').send({ token: secret })).status).toBe(204);
    expectError(await t.api.post('/api/auth/email-confirmation').send({ token: secret }), 400, 'AUTH.INVALID_LINK');

    const signedIn = await login(body.email, body.password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.roles).toEqual([{ role: 'representative', clubId: null, communityId: expect.any(String), region: null }]);
  });

  it('answers an address that has an account exactly alike, creates nothing, and tells the owner by email', async () => {
    const existing = await f.newUser();
    const body = signupBody({ email: existing.email.toUpperCase() });
    const communitiesBefore = await countRows(t.db, `SELECT 1 FROM communities`);

    const response = await signup(body);

    expect(response.status).toBe(202);
    expect(response.body).toEqual({});
    expect(cookieNamed(response, 'dastarkhan_session')).toBeUndefined();
    expect(await communityByName(body.community.name)).toBe(0);
    expect(await countRows(t.db, `SELECT 1 FROM communities`)).toBe(communitiesBefore);
    expect(await userByEmail(existing.email)).toBe(1);
    const [notice] = await emailsTo(t.db, existing.email, 'account.signup-existing');
    expect(notice.body).toContain('/forgot-password');
    // The existing account's password is unchanged.
    expect((await login(existing.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('stores the email in lower case, so the new user can sign in however it is typed', async () => {
    const body = signupBody({ email: `${unique('Mixed.Case-')}@Community.TEST` });
    expect((await signup(body)).status).toBe(202);
    const { rows } = await t.db.query(`SELECT email FROM users WHERE email = $1`, [body.email.toLowerCase()]);
    expect(rows).toEqual([{ email: body.email.toLowerCase() }]);
  });

  it('signs up a community that says it is registered as a claim for an official to verify (not registered until then)', async () => {
    const body = signupBody(
      {},
      { registrationStatus: 'registered', registrationNumber: 'ALM-0042', registrationDate: '2012-09-14', registrationIssuingBody: 'Almaty justice department' },
    );
    expect((await signup(body)).status).toBe(202);
    const { rows } = await t.db.query(
      `SELECT c.registration_status, c.registration_number, rc.registration_number AS claimed, rc.status
         FROM communities c JOIN registration_claims rc ON rc.community_id = c.id WHERE c.name = $1`,
      [body.community.name],
    );
    expect(rows).toEqual([{ registration_status: 'not_registered', registration_number: null, claimed: 'ALM-0042', status: 'pending' }]);
  });

  it.each([
    ['a common password', 'password1234'],
    ['a keyboard pattern', 'qwertyuiop123'],
    ['a Russian commonplace', 'йцукен123456'],
    ['the person’s own name', 'aigerimsadykova'],
  ])('refuses %s with 400 AUTH.WEAK_PASSWORD, writing nothing', async (_case, password) => {
    const body = signupBody({ password, displayName: 'Aigerim Sadykova' });
    const response = await signup(body);
    expectError(response, 400, 'AUTH.WEAK_PASSWORD');
    expect(response.body.fields).toEqual({ password: expect.any(String) });
    expect(await userByEmail(body.email)).toBe(0);
  });

  it('refuses a password shorter than 12 characters with 400', async () => {
    const body = signupBody({ password: 'Short1!xyz' });
    expectValidationFailure(await signup(body), 'password');
    expect(await userByEmail(body.email)).toBe(0);
  });

  it('throttles sign-ups from one address (429 AUTH.TOO_MANY_REQUESTS), whatever the addresses signed up', async () => {
    const address = fromAddress();
    for (let i = 0; i < 3; i++) expect((await t.api.post('/api/auth/signup').set(address).send(signupBody())).status).toBe(202);
    const body = signupBody();
    expectError(await t.api.post('/api/auth/signup').set(address).send(body), 429, 'AUTH.TOO_MANY_REQUESTS');
    expect(await userByEmail(body.email)).toBe(0);
    expect((await signup(signupBody())).status).toBe(202);
  });

  it('refuses a registered community without a registration number with 400, writing nothing', async () => {
    const body = signupBody({}, { registrationStatus: 'registered', registrationDate: '2012-09-14' });
    expectValidationFailure(await signup(body), 'community.registrationNumber');
    expect(await userByEmail(body.email)).toBe(0);
    expect(await communityByName(body.community.name)).toBe(0);
  });

  it('rejects invalid input with 400 naming every offending field, writing nothing', async () => {
    const body = signupBody({ password: 'short', locale: 'de', displayName: '' }, { tradition: 'pastafarian', contactEmail: 'not-an-email' });
    expectValidationFailure(await signup(body), 'password', 'locale', 'displayName', 'community.tradition', 'community.contactEmail');
    expect(await userByEmail(body.email)).toBe(0);
    expect(await communityByName(body.community.name)).toBe(0);
  });

  it('refuses a display name or community name made only of blanks (400), writing nothing', async () => {
    const body = signupBody({ displayName: '    ' }, { name: '     ' });
    expectValidationFailure(await signup(body), 'displayName', 'community.name');
    expect(await userByEmail(body.email)).toBe(0);
  });

  it('rejects a sign-up without a community profile', async () => {
    const { community: _omitted, ...body } = signupBody();
    expectValidationFailure(await signup(body), 'community');
    expect(await userByEmail(body.email)).toBe(0);
  });

  it('rejects unknown fields, e.g. an attempt to grant itself a role or consent, writing nothing', async () => {
    const withRole = signupBody({ role: 'administrator' });
    expectValidationFailure(await signup(withRole), 'role');
    expect(await userByEmail(withRole.email)).toBe(0);

    const withConsent = signupBody({}, { officialConsentAt: '2020-01-01T00:00:00Z' });
    expectValidationFailure(await signup(withConsent), 'community.officialConsentAt');
    expect(await userByEmail(withConsent.email)).toBe(0);
    expect(await communityByName(withConsent.community.name)).toBe(0);
  });

  it('is refused to a signed-in caller (403): an account is opened signed out', async () => {
    const user = await f.newUser();
    const body = signupBody();
    expectError(await t.api.post('/api/auth/signup').set(user.auth).send(body), 403, 'FORBIDDEN');
    expect(await userByEmail(body.email)).toBe(0);
    expect(await liveSessionsOf(user.id)).toBe(1);
  });
});
