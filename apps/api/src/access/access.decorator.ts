import type { Permission } from '@dastarkhan/domain';

export const ACCESS_REQUIREMENTS = 'dastarkhan:access';

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
 */
export function Access(permission: Permission, from?: AccessSource): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const declared: AccessRequirement[] = Reflect.getMetadata(ACCESS_REQUIREMENTS, descriptor.value) ?? [];
    Reflect.defineMetadata(ACCESS_REQUIREMENTS, [{ permission, from }, ...declared], descriptor.value);
    return descriptor;
  };
}

/** The requirements a handler declared (empty: none). */
export const accessRequirementsOf = (handler: object): AccessRequirement[] => Reflect.getMetadata(ACCESS_REQUIREMENTS, handler) ?? [];
