import type { FastifyReply, FastifyRequest } from 'fastify';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function refuse(reply: FastifyReply, statusCode: number, code: string, message: string): void {
  void reply.status(statusCode).send({ statusCode, code, message, fields: {} });
}

/**
 * Writes from a browser must come from our own pages (a cookie session is sent by the browser on a
 * cross-site form post too: SameSite=Lax alone does not cover every case), and carry JSON — which
 * a cross-site form cannot send without a preflight. Non-browser clients send no Origin and pass.
 */
export function crossSiteGuard(publicUrl: string) {
  const ownOrigin = new URL(publicUrl).origin;
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) return done();
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const sameSite = site === 'same-origin' || site === 'same-site' || site === 'none';
    if (site === 'cross-site' || (origin && origin !== ownOrigin && !sameSite)) {
      return refuse(reply, 403, 'CROSS_SITE', 'Writes are accepted from this site’s own pages only');
    }
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const type = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (hasBody && type !== 'application/json') {
      return refuse(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    }
    done();
  };
}
