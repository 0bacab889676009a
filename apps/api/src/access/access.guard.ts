import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { allowsAnonymous, permittedBeforeSecondFactor, requiresSecondFactor } from '@dastarkhan/domain';
import { assertRecentlyAuthenticated } from '../auth/recent-authentication';
import { AppError } from '../common/errors/app-error';
import type { Viewer } from '../auth/viewer';
import { accessRequirementsOf, recentAuthenticationRequired, type AccessSource } from './access.decorator';
import { AccessService } from './access.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GuardedRequest {
  method?: string;
  user?: Viewer | null;
  params?: Record<string, unknown>;
  body?: unknown;
  query?: Record<string, unknown>;
}

/** The id a requirement names, when the request carries a well-formed one (otherwise validation answers 400). */
function idFrom(request: GuardedRequest, from: AccessSource): string | undefined {
  const value =
    'param' in from
      ? request.params?.[from.param]
      : 'query' in from
        ? request.query?.[from.query]
        : request.body && typeof request.body === 'object'
          ? (request.body as Record<string, unknown>)[from.body]
          : undefined;
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
}

/**
 * The one gate of every route: identifies the caller from its session (cookie or bearer), then
 * answers each permission the route declared (@Access) before validation and the use case run.
 * A route that declares none is denied. A session whose user must have a second factor and has
 * none reaches its own account only; a consequential step needs a recent re-authentication.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly access: AccessService) {
    super();
  }

  /** No valid session: anonymous (routes decide). An error while checking one (the database is down) is not "signed out". */
  override handleRequest<T = Viewer>(error: unknown, viewer: T | false): T {
    if (error) throw error;
    return (viewer || null) as T;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirements = accessRequirementsOf(context.getHandler());
    if (requirements.length === 0) throw new AppError('FORBIDDEN', 'This route declares no permission, so it is closed');
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const viewer = request.user ?? null;
    if (!viewer && !requirements.every((r) => allowsAnonymous(r.permission))) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    // Administrators and officials sign in with a second factor: until they set one up, only their own account is open.
    if (viewer && requiresSecondFactor(viewer) && !viewer.secondFactorEnabled && !requirements.every((r) => permittedBeforeSecondFactor(r.permission))) {
      throw new AppError('AUTH.SECOND_FACTOR_SETUP_REQUIRED', 'Set up two-step sign-in first (your account page)');
    }
    for (const { permission, from } of requirements) {
      const id = from ? idFrom(request, from) : undefined;
      // A malformed or missing id is the validation pipe's to refuse, with the field named.
      if (from && id === undefined) continue;
      const resource = await this.access.require(viewer, permission, id);
      // Reading a protected community's record as an official or administrator is recorded, whatever the answer prints.
      if (request.method === 'GET') this.access.noteRecordRead(viewer, resource, permission);
    }
    if (viewer && recentAuthenticationRequired(context.getHandler())) assertRecentlyAuthenticated(viewer);
    return true;
  }
}
