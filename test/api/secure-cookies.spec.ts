import { hashPassword } from '../../apps/api/src/auth/passwords';
import { sessionCookie, TEST_PASSWORD, unique } from './support/factories';
import { expectError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

/** Behind TLS (COOKIE_SECURE, the production default): its own file, since passport's strategies are process-wide. */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ COOKIE_SECURE: 'true' });
});
afterAll(() => t?.close());

const cookieNamed = (setCookie: string[] | string | undefined, name: string) => [setCookie ?? []].flat().find((c) => c.startsWith(`${name}=`));

describe('the session cookie behind TLS', () => {
  it('is Secure with the __Host- prefix (Path=/, no Domain), and the unprefixed name is not believed', async () => {
    const email = `${unique('secure-')}@dastarkhan.test`;
    const { rows: [user] } = await t.db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name, locale) VALUES ($1, $2, 'Secure', 'en') RETURNING id`,
      [email, await hashPassword(TEST_PASSWORD)],
    );
    const response = await t.api.post('/api/auth/login').send({ email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = cookieNamed(response.headers['set-cookie'], '__Host-dastarkhan_session') as string;
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookieNamed(response.headers['set-cookie'], '__Host-dastarkhan_device')).toMatch(/;\s*Secure/i);
    expect((await t.api.get('/api/auth/me').set('Cookie', cookie.split(';')[0])).body.id).toBe(user.id);
    // A cookie planted under the plain name (by a subdomain or a plain-http page) is not a session.
    const token = cookie.split(';')[0].slice('__Host-dastarkhan_session='.length);
    expectError(await t.api.get('/api/auth/me').set(sessionCookie(token)), 401, 'UNAUTHENTICATED');
  });
});
