import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Answers a request for a known path with a method it does not take as 405 with `Allow` (instead
 * of 404), from the routes the OpenAPI document lists.
 */
export function methodNotAllowed(document: OpenAPIObject) {
  const routes = Object.entries(document.paths).map(([path, operations]) => ({
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
    methods: Object.keys(operations)
      .filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key))
      .map((method) => method.toUpperCase()),
  }));
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    // A matched route has its URL; only unmatched requests are looked at.
    if (request.routeOptions.url !== undefined) return done();
    const path = request.url.split('?')[0];
    const allowed = routes.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods);
    if (allowed.length === 0 || allowed.includes(request.method)) return done();
    const allow = [...new Set(allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed)].join(', ');
    void reply
      .status(405)
      .header('allow', allow)
      .send({ statusCode: 405, code: 'METHOD_NOT_ALLOWED', message: `${request.method} is not allowed here; use ${allow}`, fields: {} });
  };
}
