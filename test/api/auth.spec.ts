import { createHmac } from 'node:crypto';
import { createFactories, Factories, TEST_PASSWORD, unique } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  // As behind a proxy on the same host: X-Forwarded-For is believed from loopback only.
  t = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
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

function sessionCookie(setCookie: string[] | string | undefined): string | undefined {
  return [setCookie ?? []].flat().find((cookie) => cookie.startsWith('dastarkhan_session='));
}

function signupBody(overrides: Record<string, unknown> = {}, community: Record<string, unknown> = {}) {
  return {
    email: `${unique('signup-')}@community.test`,
    password: 'a long enough password',
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

describe('POST /api/auth/login', () => {
  it('signs in: sets an httpOnly SameSite session cookie and returns a token that also works as a bearer token', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });

    const response = await t.api.post('/api/auth/login').send({ email: coordinator.email, password: TEST_PASSWORD });

    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      id: coordinator.id,
      email: coordinator.email,
      displayName: coordinator.displayName,
      locale: 'en',
      roles: [{ role: 'coordinator', clubId: club.id, communityId: null, region: null }],
    });
    const token: string = response.body.accessToken;
    const cookie = sessionCookie(response.headers['set-cookie']);
    expect(cookie).toBeDefined();
    expect(cookie).toContain(`dastarkhan_session=${token};`);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/;\s*Path=\//i);

    const withBearer = await t.api.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(withBearer.status).toBe(200);
    expect(withBearer.body.id).toBe(coordinator.id);

    const withCookie = await t.api.get('/api/auth/me').set('Cookie', (cookie as string).split(';')[0]);
    expect(withCookie.status).toBe(200);
    expect(withCookie.body.id).toBe(coordinator.id);
  });

  it('accepts the email in any letter case', async () => {
    const user = await f.newUser();
    const response = await t.api.post('/api/auth/login').send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(user.id);
  });

  it('refuses a wrong password with 401 AUTH.INVALID_CREDENTIALS and opens no session', async () => {
    const user = await f.newUser();
    const before = await sessionsOf(user.id);

    const response = await t.api.post('/api/auth/login').set(fromAddress()).send({ email: user.email, password: 'not the password' });

    expectError(response, 401, 'AUTH.INVALID_CREDENTIALS');
    expect(response.body.accessToken).toBeUndefined();
    expect(sessionCookie(response.headers['set-cookie'])).toBeUndefined();
    expect(await sessionsOf(user.id)).toBe(before);
  });

  it('answers an unknown email exactly like a wrong password (no account enumeration)', async () => {
    const response = await t.api
      .post('/api/auth/login')
      .set(fromAddress())
      .send({ email: `${unique('nobody-')}@dastarkhan.test`, password: TEST_PASSWORD });
    expectError(response, 401, 'AUTH.INVALID_CREDENTIALS');
  });

  it('locks the account after 5 failed attempts: 429 AUTH.TOO_MANY_ATTEMPTS even with the right password', async () => {
    const user = await f.newUser();
    const address = fromAddress();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const failed = await t.api.post('/api/auth/login').set(address).send({ email: user.email, password: `wrong-${attempt}` });
      expectError(failed, 401, 'AUTH.INVALID_CREDENTIALS');
    }
    const before = await sessionsOf(user.id);

    const locked = await t.api.post('/api/auth/login').set(address).send({ email: user.email, password: TEST_PASSWORD });
    expectError(locked, 429, 'AUTH.TOO_MANY_ATTEMPTS');
    expect(sessionCookie(locked.headers['set-cookie'])).toBeUndefined();

    // Another address does not unlock the account: the limit is per email too.
    const elsewhere = await t.api.post('/api/auth/login').set(fromAddress()).send({ email: user.email, password: TEST_PASSWORD });
    expectError(elsewhere, 429, 'AUTH.TOO_MANY_ATTEMPTS');
    expect(await sessionsOf(user.id)).toBe(before);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const user = await f.newUser();
    const address = fromAddress();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await t.api.post('/api/auth/login').set(address).send({ email: user.email, password: 'wrong' }).expect(401);
    }
    await t.api.post('/api/auth/login').set(address).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await t.api.post('/api/auth/login').set(address).send({ email: user.email, password: 'wrong' }).expect(401);
    }
    const response = await t.api.post('/api/auth/login').set(address).send({ email: user.email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
  });

  it('throttles a client address that fails against many accounts, even for an account it has not tried', async () => {
    const user = await f.newUser();
    const address = fromAddress();
    // 5 × LOGIN_MAX_FAILURES failures from one address, each on a different (unknown) email.
    for (let attempt = 1; attempt <= 25; attempt++) {
      await t.api.post('/api/auth/login').set(address).send({ email: `${unique('spray-')}@dastarkhan.test`, password: 'guess' }).expect(401);
    }
    expectError(await t.api.post('/api/auth/login').set(address).send({ email: user.email, password: TEST_PASSWORD }), 429, 'AUTH.TOO_MANY_ATTEMPTS');
    // The account itself is not locked for the user elsewhere.
    expect((await t.api.post('/api/auth/login').set(fromAddress()).send({ email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('rejects a malformed login with 400 and the offending fields, without counting it as a failed attempt', async () => {
    const email = `${unique('malformed-')}@dastarkhan.test`;
    const response = await t.api.post('/api/auth/login').send({ email: 'not-an-email', password: '' });
    expectValidationFailure(response, 'email', 'password');

    const missing = await t.api.post('/api/auth/login').send({ email });
    expectValidationFailure(missing, 'password');
    expect(await countRows(t.db, `SELECT 1 FROM login_attempts WHERE key = $1`, [`email:${email}`])).toBe(0);
  });

  it('rejects unknown fields with 400', async () => {
    const user = await f.newUser();
    const before = await sessionsOf(user.id);
    const response = await t.api.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD, rememberMe: true });
    expectValidationFailure(response, 'rememberMe');
    expect(await sessionsOf(user.id)).toBe(before);
  });
});

describe('POST /api/auth/logout', () => {
  it('signs out: the session is revoked, the cookie cleared, and the old token gets 401', async () => {
    const user = await f.newUser();
    const token = await f.login(user.email);

    const response = await t.api.post('/api/auth/logout').set('Authorization', `Bearer ${token}`);

    expect(response.status).toBe(204);
    const cleared = sessionCookie(response.headers['set-cookie']);
    expect(cleared).toMatch(/^dastarkhan_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    expectError(await t.api.get('/api/auth/me').set('Authorization', `Bearer ${token}`), 401, 'UNAUTHENTICATED');
    expectError(await t.api.get('/api/auth/me').set('Cookie', `dastarkhan_session=${token}`), 401, 'UNAUTHENTICATED');
    expect(await countRows(t.db, `SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NOT NULL`, [user.id])).toBe(1);
  });

  it('signs out a browser that only sends the session cookie', async () => {
    const user = await f.newUser();
    const token = await f.login(user.email);

    const response = await t.api.post('/api/auth/logout').set('Cookie', `dastarkhan_session=${token}`);

    expect(response.status).toBe(204);
    expectError(await t.api.get('/api/auth/me').set('Authorization', `Bearer ${token}`), 401, 'UNAUTHENTICATED');
  });

  it("keeps the user's other sessions (other devices) signed in", async () => {
    const user = await f.newUser();
    const phone = await f.login(user.email);

    await t.api.post('/api/auth/logout').set(user.auth).expect(204);

    expect((await t.api.get('/api/auth/me').set('Authorization', `Bearer ${phone}`)).status).toBe(200);
  });

  it('answers 401 to an anonymous caller', async () => {
    expectError(await t.api.post('/api/auth/logout'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/auth/me', () => {
  it('returns the signed-in user with every role and its scope', async () => {
    const club = await f.newClub();
    const community = await f.newCommunity();
    const user = await f.newUser({ role: 'representative', communityId: community.id, displayName: 'Aigerim Sadykova' });
    await t.db.query(`INSERT INTO role_assignments (user_id, role, club_id) VALUES ($1, 'coordinator', $2)`, [user.id, club.id]);

    const response = await t.api.get('/api/auth/me').set(user.auth);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, email: user.email, displayName: 'Aigerim Sadykova', locale: 'en' });
    expect(response.body.passwordHash).toBeUndefined();
    expect(response.body.roles).toHaveLength(2);
    expect(response.body.roles).toEqual(
      expect.arrayContaining([
        { role: 'representative', clubId: null, communityId: community.id, region: null },
        { role: 'coordinator', clubId: club.id, communityId: null, region: null },
      ]),
    );
  });

  it('answers 401 once the session has expired', async () => {
    const user = await f.newUser();
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [user.id]);
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
    expectError(await t.api.get('/api/auth/me').set('Authorization', 'Bearer not-a-token'), 401, 'UNAUTHENTICATED');

    // A well-formed token naming a live session, but signed with another secret.
    const user = await f.newUser();
    const { rows: [session] } = await t.db.query<{ id: string }>(
      `SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL LIMIT 1`,
      [user.id],
    );
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: user.id, sid: session.id, iat: now, exp: now + 3600 })}`;
    const signature = createHmac('sha256', 'an attacker secret of at least 32 characters').update(unsigned).digest('base64url');
    expectError(await t.api.get('/api/auth/me').set('Authorization', `Bearer ${unsigned}.${signature}`), 401, 'UNAUTHENTICATED');
  });
});

describe('POST /api/auth/signup', () => {
  const userByEmail = (email: string) => countRows(t.db, `SELECT 1 FROM users WHERE email = $1`, [email.toLowerCase()]);
  const communityByName = (name: string) => countRows(t.db, `SELECT 1 FROM communities WHERE name = $1`, [name]);

  it('creates the account, its community and the representative role in one go, and signs the user in', async () => {
    const body = signupBody();

    const response = await t.api.post('/api/auth/signup').send(body);

    expect(response.status).toBe(201);
    const { user, accessToken } = response.body;
    expect(user).toMatchObject({ email: body.email, displayName: 'Pastor Aidar', locale: 'ru' });
    expect(user.roles).toEqual([{ role: 'representative', clubId: null, communityId: expect.any(String), region: null }]);
    const communityId = user.roles[0].communityId;
    expect(sessionCookie(response.headers['set-cookie'])).toContain(`dastarkhan_session=${accessToken};`);

    const { rows } = await t.db.query(
      `SELECT c.name, c.tradition, c.registration_status, c.registration_number, c.contact_email, c.is_public,
              c.official_consent_at, r.role
         FROM communities c JOIN role_assignments r ON r.community_id = c.id
         JOIN users u ON u.id = r.user_id
        WHERE u.email = $1`,
      [body.email],
    );
    expect(rows).toEqual([
      {
        name: body.community.name,
        tradition: 'evangelical_protestant',
        registration_status: 'not_registered',
        registration_number: null,
        contact_email: 'newlife@community.test',
        is_public: false,
        official_consent_at: null,
        role: 'representative',
      },
    ]);

    const mine = await t.api.get('/api/communities/mine').set('Authorization', `Bearer ${accessToken}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([expect.objectContaining({ id: communityId, name: body.community.name })]);
  });

  it('stores the email in lower case, so the new user can sign in however it is typed', async () => {
    const body = signupBody({ email: `${unique('Mixed.Case-')}@Community.TEST` });
    expect((await t.api.post('/api/auth/signup').send(body)).status).toBe(201);
    expect(await userByEmail(body.email)).toBe(1);
    const { rows } = await t.db.query(`SELECT email FROM users WHERE email = $1`, [body.email.toLowerCase()]);
    expect(rows).toEqual([{ email: body.email.toLowerCase() }]);
    expect((await t.api.post('/api/auth/login').send({ email: body.email.toLowerCase(), password: body.password })).status).toBe(200);
  });

  it('signs up a community that says it is registered as a claim for an official to verify (not registered until then)', async () => {
    const body = signupBody(
      {},
      { registrationStatus: 'registered', registrationNumber: 'ALM-0042', registrationDate: '2012-09-14', registrationIssuingBody: 'Almaty justice department' },
    );

    const response = await t.api.post('/api/auth/signup').send(body);

    expect(response.status).toBe(201);
    const { rows } = await t.db.query(
      `SELECT c.registration_status, c.registration_number, rc.registration_number AS claimed, rc.status
         FROM communities c JOIN registration_claims rc ON rc.community_id = c.id WHERE c.name = $1`,
      [body.community.name],
    );
    expect(rows).toEqual([{ registration_status: 'not_registered', registration_number: null, claimed: 'ALM-0042', status: 'pending' }]);
  });

  it('refuses an email that is already taken (any letter case) with 409 and writes nothing: no orphan community', async () => {
    const existing = await f.newUser();
    const body = signupBody({ email: existing.email.toUpperCase() });
    const communitiesBefore = await countRows(t.db, `SELECT 1 FROM communities`);

    const response = await t.api.post('/api/auth/signup').send(body);

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ statusCode: 409, code: 'AUTH.EMAIL_TAKEN', fields: { email: expect.any(String) } });
    expect(sessionCookie(response.headers['set-cookie'])).toBeUndefined();
    expect(await communityByName(body.community.name)).toBe(0);
    expect(await countRows(t.db, `SELECT 1 FROM communities`)).toBe(communitiesBefore);
    expect(await userByEmail(existing.email)).toBe(1);
  });

  it('refuses a registered community without a registration number with 400, writing nothing', async () => {
    const body = signupBody({}, { registrationStatus: 'registered', registrationDate: '2012-09-14' });

    const response = await t.api.post('/api/auth/signup').send(body);

    expectValidationFailure(response, 'community.registrationNumber');
    expect(await userByEmail(body.email)).toBe(0);
    expect(await communityByName(body.community.name)).toBe(0);
  });

  it('rejects invalid input with 400 naming every offending field, writing nothing', async () => {
    const body = signupBody(
      { password: 'short', locale: 'de', displayName: '' },
      { tradition: 'pastafarian', contactEmail: 'not-an-email' },
    );

    const response = await t.api.post('/api/auth/signup').send(body);

    expectValidationFailure(response, 'password', 'locale', 'displayName', 'community.tradition', 'community.contactEmail');
    expect(await userByEmail(body.email)).toBe(0);
    expect(await communityByName(body.community.name)).toBe(0);
  });

  it('refuses a display name or community name made only of blanks (400), writing nothing', async () => {
    const body = signupBody({ displayName: '    ' }, { name: '     ' });
    const response = await t.api.post('/api/auth/signup').send(body);
    expectValidationFailure(response, 'displayName', 'community.name');
    expect(await userByEmail(body.email)).toBe(0);
  });

  it('rejects a sign-up without a community profile', async () => {
    const { community: _omitted, ...body } = signupBody();
    const response = await t.api.post('/api/auth/signup').send(body);
    expectValidationFailure(response, 'community');
    expect(await userByEmail(body.email)).toBe(0);
  });

  it('rejects unknown fields, e.g. an attempt to grant itself a role or consent, writing nothing', async () => {
    const withRole = signupBody({ role: 'administrator' });
    expectValidationFailure(await t.api.post('/api/auth/signup').send(withRole), 'role');
    expect(await userByEmail(withRole.email)).toBe(0);

    const withConsent = signupBody({}, { officialConsentAt: '2020-01-01T00:00:00Z' });
    expectValidationFailure(await t.api.post('/api/auth/signup').send(withConsent), 'community.officialConsentAt');
    expect(await userByEmail(withConsent.email)).toBe(0);
    expect(await communityByName(withConsent.community.name)).toBe(0);
  });
});
