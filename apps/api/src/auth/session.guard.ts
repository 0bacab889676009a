import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '../common/errors/app-error';
import { PUBLIC_ROUTE } from './public.decorator';
import type { Viewer } from './viewer';

/** Global guard: every route needs a live session unless it is marked @Public(). */
@Injectable()
export class SessionGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override handleRequest<T = Viewer>(_error: unknown, viewer: T | false, _info: unknown, context: ExecutionContext): T {
    if (viewer) return viewer;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return null as T;
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  }
}
