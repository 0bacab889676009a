import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { FastifyRequest } from 'fastify';
import { AuthService, type SignInOutcome } from './auth.service';
import { Cookies } from './cookies';

/** Email + password; the outcome (signed in, or a second step to take) becomes `request.user` for the login handler. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: Cookies,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: FastifyRequest, email: string, password: string): Promise<SignInOutcome> {
    return this.auth.signIn(email, password, this.cookies.client(request));
  }
}
