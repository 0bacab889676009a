import { createFactories, Factories, unique } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp } from './support/test-app';

/** The edges an attacker and a fuzzer tried: every one answers 4xx with the error body and changes nothing. */
let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: 'https://dastarkhan.example.kz' });
  f = createFactories(t);
});
afterAll(() => t?.close());

async function activeProjectWithPartner() {
  const club = await f.newClub();
  const community = await f.newCommunity({ registered: true });
  await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'member' });
  const [coordinator, representative] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'representative', communityId: community.id }),
  ]);
  const proposed = await t.api.post(`/api/clubs/${club.id}/projects`).set(representative.auth).send({
    communityId: community.id,
    title: 'Winter coats drive',
    description: 'Warm coats for families who need them, collected together.',
    category: 'charity',
    startsOn: '2026-11-01',
  });
  await t.api.post(`/api/projects/${proposed.body.id}/transitions`).set(coordinator.auth).send({ action: 'approve', version: 1 }).expect(200);
  return { id: proposed.body.id as string, coordinator, representative, community };
}

describe('numbers written with an exponent', () => {
  it('refuses 1e-7 hours and a 5e-324 outcome figure with a 400 naming the field, writing nothing', async () => {
    const p = await activeProjectWithPartner();
    const entry = await t.api
      .post(`/api/projects/${p.id}/contributions`)
      .set(p.representative.auth)
      .send({ communityId: p.community.id, role: 'lead', volunteers: 1, hours: 1e-7 });
    expectValidationFailure(entry, 'hours');
    expect(await countRows(t.db, `SELECT 1 FROM project_contributions WHERE project_id = $1`, [p.id])).toBe(0);

    const completed = await t.api
      .post(`/api/projects/${p.id}/complete`)
      .set(p.coordinator.auth)
      .set('content-type', 'application/json')
      .send('{"version":2,"summary":"Coats for 40 families.","figures":[{"label":"Families","value":5e-324}],"photoLinks":[]}');
    expectValidationFailure(completed, 'figures.0.value');
    expect(await countRows(t.db, `SELECT 1 FROM projects WHERE id = $1 AND status = 'active'`, [p.id])).toBe(1);
  });
});

describe('a NUL character in text', () => {
  it('is a 400 on anonymous sign-up, and no account is created', async () => {
    const email = `${unique('nul-')}@community.test`;
    const response = await t.api
      .post('/api/auth/signup')
      .set('content-type', 'application/json')
      .send(
        `{"email":"${email}","password":"a long enough password","displayName":"Pastor\\u0000Aidar","locale":"ru",` +
          `"community":{"name":"Nul Church","tradition":"other","registrationStatus":"not_registered"}}`,
      );
    expectError(response, 400, 'BAD_REQUEST');
    expect(await countRows(t.db, `SELECT 1 FROM users WHERE email = $1`, [email])).toBe(0);
  });
});

describe('JSON nested 2 000 deep', () => {
  it('is a 400 on the anonymous login, not a crash', async () => {
    const deep = `{"email":${'['.repeat(2000)}${']'.repeat(2000)},"password":"x"}`;
    const response = await t.api.post('/api/auth/login').set('content-type', 'application/json').send(deep);
    expectError(response, 400, 'BAD_REQUEST');
    expect((await t.api.get('/api/health')).status).toBe(200);
  });
});

describe('forwarded headers are not believed from anyone', () => {
  it('builds the private calendar link from PUBLIC_URL, whatever Host or X-Forwarded-Host the client sends', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const response = await t.api
      .post(`/api/clubs/${club.id}/calendar-token`)
      .set(coordinator.auth)
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'http');
    expect(response.status).toBe(201);
    expect(response.body.url).toMatch(new RegExp(`^https://dastarkhan\\.example\\.kz/api/clubs/${club.id}/calendar\\.ics\\?token=`));
  });
});

describe('caching', () => {
  it('tells no cache to keep an API answer with personal data; the iCal feed keeps its own short private cache', async () => {
    const user = await f.newUser();
    expect((await t.api.get('/api/auth/me').set(user.auth)).headers['cache-control']).toBe('no-store');
    const club = await f.newClub();
    expect((await t.api.get(`/api/clubs/${club.id}/calendar.ics`)).headers['cache-control']).toBe('private, max-age=300');
  });

  it('sends a script policy without unsafe-inline', async () => {
    const csp = (await t.api.get('/api/health')).headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('cross-site writes', () => {
  it('takes writes as JSON only (415 for a form post), changing nothing', async () => {
    const user = await f.newUser();
    const response = await t.api
      .post('/api/auth/logout')
      .set(user.auth)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('a=1');
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect((await t.api.get('/api/auth/me').set(user.auth)).status).toBe(200);
  });

  it('refuses a write from another site (Origin or Sec-Fetch-Site), and lets our own pages and non-browser clients write', async () => {
    const user = await f.newUser();
    const from = (headers: Record<string, string>) => t.api.post('/api/notifications/read-all').set(user.auth).set(headers).send({});
    expectError(await from({ Origin: 'https://evil.example' }), 403, 'CROSS_SITE');
    expectError(await from({ 'Sec-Fetch-Site': 'cross-site' }), 403, 'CROSS_SITE');
    expect((await from({ Origin: 'https://dastarkhan.example.kz', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(204);
    expect((await from({ Origin: 'http://localhost:4200', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(204);
    expect((await from({})).status).toBe(204);
  });
});

describe('wrong methods', () => {
  it('answer 405 with Allow on a known path, 404 on an unknown one', async () => {
    const response = await t.api.delete('/api/cities');
    expectError(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers.allow).toBe('GET, POST, HEAD');
    const participation = await t.api.put(`/api/participations/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`);
    expect(participation.status).toBe(405);
    expect(participation.headers.allow).toBe('GET, HEAD');
    expect((await t.api.get('/api/no-such-thing')).status).toBe(404);
  });
});
