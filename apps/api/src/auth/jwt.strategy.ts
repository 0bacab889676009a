import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { SessionsService } from './sessions.service';
import { SESSION_COOKIE } from './session-cookie';
import type { Viewer } from './viewer';

const fromCookie = (request: FastifyRequest) => request.cookies?.[SESSION_COOKIE] ?? null;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([fromCookie, ExtractJwt.fromAuthHeaderAsBearerToken()]),
      // A KeyObject, not a string: jsonwebtoken otherwise tries to parse the secret as a public
      // key on every request (STACK.md: ~550 µs per request).
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
      algorithms: ['HS256'],
    });
  }

  async validate(payload: { sid?: string }): Promise<Viewer | false> {
    return (payload.sid && (await this.sessions.viewerForSession(payload.sid))) || false;
  }
}
