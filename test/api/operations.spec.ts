import { DrainState } from '../../apps/api/src/health/drain-state';
import { startTestApp, TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('GET /api/health', () => {
  it('answers 200 with the database up, to anyone', async () => {
    const response = await t.api.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });
});

describe('liveness and readiness', () => {
  afterEach(() => {
    t.app.get(DrainState).draining = false;
  });

  it('GET /api/health/live answers 200 without asking the database; /ready checks it', async () => {
    expect((await t.api.get('/api/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.api.get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { replica: { status: 'up' }, database: { status: 'up' } } });
  });

  it('a replica shutting down answers 503 on readiness while it still serves requests and stays live', async () => {
    t.app.get(DrainState).draining = true;
    const ready = await t.api.get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect((await t.api.get('/api/health')).status).toBe(503);
    expect((await t.api.get('/api/health/live')).status).toBe(200);
    expect((await t.api.get('/api/cities')).status).toBe(200);
  });
});

describe('request ids', () => {
  it('gives every response an x-request-id, a fresh one per request', async () => {
    const [first, second] = await Promise.all([t.api.get('/api/health'), t.api.get('/api/cities')]);
    expect(first.headers['x-request-id']).toMatch(/^[\w-]{8,64}$/);
    expect(second.headers['x-request-id']).toMatch(/^[\w-]{8,64}$/);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it("echoes the caller's x-request-id, on errors too", async () => {
    const ok = await t.api.get('/api/health').set('x-request-id', 'trace-from-the-proxy-42');
    expect(ok.headers['x-request-id']).toBe('trace-from-the-proxy-42');
    const unauthenticated = await t.api.get('/api/auth/me').set('x-request-id', 'trace-of-a-401');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers['x-request-id']).toBe('trace-of-a-401');
  });

  it('replaces a request id that is not a safe token (header injection, oversized)', async () => {
    for (const given of ['<script>alert(1)</script>', 'x'.repeat(65), 'two words']) {
      const response = await t.api.get('/api/health').set('x-request-id', given);
      expect(response.headers['x-request-id']).not.toBe(given);
      expect(response.headers['x-request-id']).toMatch(/^[\w-]{1,64}$/);
    }
  });
});

describe('security headers', () => {
  it('sends the helmet headers and no x-powered-by', async () => {
    const response = await t.api.get('/api/cities');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("object-src 'none'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('sends them on error responses too', async () => {
    const response = await t.api.get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('GET /api/docs-json', () => {
  it('is an OpenAPI 3 document describing the participation transitions', async () => {
    const response = await t.api.get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(response.body.info).toMatchObject({ title: 'Dastarkhan API' });
    const transitions = response.body.paths['/api/participations/{id}/transitions'];
    expect(transitions?.post).toBeDefined();
    expect(transitions.post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TransitionDto' });
    expect(response.body.components.schemas.TransitionDto.required).toEqual(expect.arrayContaining(['action', 'version']));
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/clubs/{clubId}/applications', '/api/communities/{id}', '/api/health']),
    );
  });
});

describe('errors', () => {
  it('answers an unknown /api path with a JSON 404', async () => {
    // (A known path with a method it does not take is a 405: edges.spec.ts.)
    for (const request of [t.api.get('/api/no-such-endpoint'), t.api.delete('/api/no-such-endpoint'), t.api.get('/api')]) {
      const response = await request;
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) });
    }
  });

  it('answers a malformed JSON body with a JSON 400', async () => {
    const response = await t.api.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.kz",');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ statusCode: 400, code: expect.any(String), message: expect.any(String) });
  });

  it('answers an oversized body with a JSON 413', async () => {
    const response = await t.api
      .post('/api/auth/signup')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'big@dastarkhan.test', padding: 'x'.repeat(1024 * 1024 + 1) }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unsupported content type with a JSON 415', async () => {
    const response = await t.api.post('/api/auth/login').set('Content-Type', 'application/xml').send('<login/>');
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
