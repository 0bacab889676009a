import { ApiResponse } from '@nestjs/swagger';
import { allowsAnonymous, permittedBeforeSecondFactor, PERMISSIONS, type Permission } from '@dastarkhan/domain';
import { ErrorResponseDto } from '../common/errors/error-response.dto';

export const ACCESS_REQUIREMENTS = 'dastarkhan:access';
const RECENT_AUTHENTICATION = 'dastarkhan:recent-authentication';
/** @nestjs/swagger's metadata key for a route's security (DECORATORS.API_SECURITY, not exported by the package). */
const API_SECURITY = 'swagger/apiSecurity';

/** The OpenAPI security scheme of the session cookie (app.ts). */
export const SESSION_SECURITY = 'session';

/** Where the id of the record a permission is asked about comes from in the request. */
export type AccessSource = { param: string } | { body: string } | { query: string };

export interface AccessRequirement {
  permission: Permission;
  from?: AccessSource;
}

/**
 * Declares what a route needs (libs/domain/src/access/permissions.ts): the access guard loads the
 * record named by `from` and answers 401/404/403 before the handler runs. A route may stack
 * several (e.g. a meeting it acts on and the community named in the body). A route with none is
 * denied (access.guard.ts), so a new route cannot ship without its rule.
 *
 * It also writes what the rule implies into the OpenAPI document: the security requirement (none,
 * optional or the session cookie) and the 401 / 403 / 404 the guard may answer. A route adds only
 * `@ApiOperation({ summary })`, its success answer and its own domain statuses (409, 422, 429).
 */
export function Access(permission: Permission, from?: AccessSource): MethodDecorator {
  return (target, key, descriptor: PropertyDescriptor) => {
    const declared: AccessRequirement[] = [{ permission, from }, ...accessRequirementsOf(descriptor.value)];
    Reflect.defineMetadata(ACCESS_REQUIREMENTS, declared, descriptor.value);
    documentAccess(declared, recentAuthenticationRequired(descriptor.value))(target, key, descriptor);
    return descriptor;
  };
}

/**
 * A consequential step (ASVS V3.7.1): the session must have proved it is its user within the last
 * minutes (POST /api/auth/reauthentication), else 403 AUTH.REAUTHENTICATION_REQUIRED. Place it
 * below `@Access`.
 */
export function RecentAuthentication(): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    Reflect.defineMetadata(RECENT_AUTHENTICATION, true, descriptor.value);
    return descriptor;
  };
}

/** The requirements a handler declared (empty: none). */
export const accessRequirementsOf = (handler: object): AccessRequirement[] => Reflect.getMetadata(ACCESS_REQUIREMENTS, handler) ?? [];

export const recentAuthenticationRequired = (handler: object): boolean => Reflect.getMetadata(RECENT_AUTHENTICATION, handler) === true;

interface RuleShape {
  anonymous?: true;
  see?: unknown;
  can?: unknown;
  write?: true;
}

/** The security and the guard's answers for a route's requirements, replacing what an earlier @Access wrote. */
function documentAccess(requirements: AccessRequirement[], recent: boolean): MethodDecorator {
  return (target, key, descriptor: PropertyDescriptor) => {
    const rules = requirements.map((r) => PERMISSIONS[r.permission] as RuleShape);
    const anonymousOnly = requirements.some((r) => r.permission === 'account.sign-up');
    const anonymous = requirements.every((r) => allowsAnonymous(r.permission));
    const security = anonymousOnly ? [{}] : anonymous ? [{}, { [SESSION_SECURITY]: [] }] : [{ [SESSION_SECURITY]: [] }];
    Reflect.defineMetadata(API_SECURITY, security, descriptor.value);
    const error = (status: number, description: string) => ApiResponse({ status, type: ErrorResponseDto, description })(target, key, descriptor);
    if (!anonymous) error(401, 'UNAUTHENTICATED: no live session (signed out, expired, or idle too long)');
    const forbidden = [
      ...(rules.some((rule) => rule.can || rule.write) || anonymousOnly ? ['FORBIDDEN: the caller sees the record but may not do this'] : []),
      ...(!requirements.every((r) => permittedBeforeSecondFactor(r.permission)) ? ['AUTH.SECOND_FACTOR_SETUP_REQUIRED: administrators and officials set up a second factor first'] : []),
      ...(recent ? ['AUTH.REAUTHENTICATION_REQUIRED: confirm the password (POST /api/auth/reauthentication) first'] : []),
    ];
    if (forbidden.length > 0) error(403, forbidden.join('; '));
    if (requirements.some((r) => r.from)) error(404, 'NOT_FOUND: absent, or not visible to the caller (docs/domain.md, P13)');
  };
}
