import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { clientOf, type ClientContext } from './client';

const DEVICE_DAYS = 180;

/**
 * The session and device cookies. Behind TLS (COOKIE_SECURE, on by default in production) they
 * carry the `__Host-` prefix: Secure, Path=/, no Domain — no other host or plain-http page can set
 * or overwrite them.
 */
@Injectable()
export class Cookies {
  readonly session: string;
  readonly device: string;

  constructor(private readonly config: AppConfig) {
    const prefix = config.COOKIE_SECURE ? '__Host-' : '';
    this.session = `${prefix}dastarkhan_session`;
    this.device = `${prefix}dastarkhan_device`;
  }

  private options(maxAge: number) {
    return { httpOnly: true, sameSite: 'lax' as const, secure: !!this.config.COOKIE_SECURE, path: '/', maxAge };
  }

  setSession(reply: FastifyReply, token: string): void {
    reply.setCookie(this.session, token, this.options(this.config.SESSION_HOURS * 3600));
  }

  clearSession(reply: FastifyReply): void {
    reply.clearCookie(this.session, { path: '/', secure: !!this.config.COOKIE_SECURE, httpOnly: true, sameSite: 'lax' });
  }

  /** A browser that signed in keeps this (OWASP's device cookie): its own allowance of failed sign-ins. */
  setDevice(reply: FastifyReply, token: string): void {
    reply.setCookie(this.device, token, this.options(DEVICE_DAYS * 86400));
  }

  sessionToken(request: FastifyRequest): string | null {
    return request.cookies?.[this.session] ?? null;
  }

  /** The caller as throttles, sessions and security events see it. */
  client(request: FastifyRequest): ClientContext {
    return clientOf(request, this.device);
  }
}
