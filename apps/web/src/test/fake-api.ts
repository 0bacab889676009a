import { vi } from 'vitest';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export interface FakeResponse {
  status?: number;
  body?: unknown;
}

export type FakeRoute = FakeResponse | ((request: FakeRequest) => FakeResponse | Promise<FakeResponse>);

/** What the layout polls on every page for a signed-in user (the bell; a coordinator's To do count); a test may override it. */
const BACKGROUND_ROUTES: Record<string, FakeRoute> = {
  'GET /api/notifications/unread-count': { body: { count: 0 } },
  'GET /api/work-queue/count': { body: { count: 0, overdue: 0 } },
};

/**
 * A stand-in for the API at the network boundary: `fetch` answers JSON per "METHOD /path" (or
 * "METHOD /path?query" for an exact query). Unknown routes answer 404 like the real API and are
 * recorded in `unhandled`, so a test notices a request it did not expect.
 */
export function createFakeApi(initialRoutes: Record<string, FakeRoute> = {}) {
  const routes = new Map(Object.entries({ ...BACKGROUND_ROUTES, ...initialRoutes }));
  const calls: FakeRequest[] = [];
  const unhandled: string[] = [];

  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const call: FakeRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    calls.push(call);
    const me = routes.get('GET /api/auth/me');
    if (request.method === 'GET' && url.pathname === SESSION_PATH && me && !routes.has(`GET ${SESSION_PATH}`)) return sessionFrom(me, call);
    const route = routes.get(`${request.method} ${url.pathname}${url.search}`) ?? routes.get(`${request.method} ${url.pathname}`);
    if (!route) {
      unhandled.push(`${request.method} ${url.pathname}${url.search}`);
      return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' });
    }
    const response = typeof route === 'function' ? await route(call) : route;
    return json(response.status ?? 200, response.body);
  });

  return {
    fetch,
    calls,
    unhandled,
    /** Replaces (or adds) a route, e.g. to answer differently after a mutation. */
    on(key: string, route: FakeRoute) {
      routes.set(key, route);
    },
    callsTo(method: string, path: string) {
      return calls.filter((call) => call.method === method && call.path === path);
    },
    install() {
      vi.stubGlobal('fetch', fetch);
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

const SESSION_PATH = '/api/auth/session';

/**
 * Tests name the viewer once, as `GET /api/auth/me` answers it (the user, or 401 signed out); the app
 * asks `GET /api/auth/session`, which answers the same user, or `{ user: null }` with 200 where /me says 401.
 */
async function sessionFrom(me: FakeRoute, call: FakeRequest): Promise<Response> {
  const answer = typeof me === 'function' ? await me({ ...call, path: '/api/auth/me' }) : me;
  const status = answer.status ?? 200;
  if (status === 401) return json(200, { user: null });
  return status === 200 ? json(200, { user: answer.body }) : json(status, answer.body);
}

function json(status: number, body: unknown): Response {
  if (status === 204 || body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function apiError(status: number, code: string, fields?: Record<string, string>): FakeResponse {
  return { status, body: { statusCode: status, code, message: code, ...(fields ? { fields } : {}) } };
}
