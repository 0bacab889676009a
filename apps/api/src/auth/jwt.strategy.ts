import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { Strategy } from 'passport-jwt';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { BACKGROUND_HEADER } from './client';
import { Cookies } from './cookies';
import { SessionsService } from './sessions.service';
import type { Viewer } from './viewer';

/**
 * The session token travels in the httpOnly cookie only (browsers and API clients alike keep it in
 * a cookie jar): no script can read it, and no token is handed out in a body.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    cookies: Cookies,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: (request: FastifyRequest) => cookies.sessionToken(request),
      // A KeyObject, not a string: jsonwebtoken otherwise tries to parse the secret as a public
      // key on every request (STACK.md: ~550 µs per request).
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
      algorithms: ['HS256'],
      passReqToCallback: true,
    });
  }

  async validate(request: FastifyRequest, payload: { sid?: string }): Promise<Viewer | false> {
    if (!payload.sid) return false;
    const background = request.headers[BACKGROUND_HEADER] === '1';
    return (await this.sessions.viewerForSession(payload.sid, { background, address: request.ip })) || false;
  }
}
