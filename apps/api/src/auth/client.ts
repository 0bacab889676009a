import type { FastifyRequest } from 'fastify';

/** Who is calling, as far as the network tells: for throttles, sessions and the record of security events. */
export interface ClientContext {
  /** The client address (X-Forwarded-For only from proxies named in TRUST_PROXY). */
  address: string;
  userAgent: string | null;
  requestId: string;
  /** The device cookie, when the browser has one. */
  deviceToken: string | null;
}

/** A background request (the bell's poll) sends this header: it does not count as user activity. */
export const BACKGROUND_HEADER = 'x-background';

export function clientOf(request: FastifyRequest, deviceCookie: string): ClientContext {
  const agent = request.headers['user-agent'];
  return {
    address: request.ip,
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
    requestId: String(request.id),
    deviceToken: request.cookies?.[deviceCookie] ?? null,
  };
}
