import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Access } from './access.decorator';
import { AccessGuard } from './access.guard';
import type { AccessService } from './access.service';
import { AppError } from '../common/errors/app-error';

/**
 * docs/domain.md, P14: "A route that declares no permission is denied." The guard refuses such a
 * route before it identifies the caller or asks the access service anything (no database needed).
 */
class Routes {
  undeclared(): string {
    return 'must never run';
  }

  @Access('public.read')
  declared(): string {
    return 'runs';
  }
}

function contextFor(handler: (...args: never[]) => unknown, request: Record<string, unknown> = {}): ExecutionContext {
  return {
    getHandler: () => handler,
    getClass: () => Routes,
    getType: () => 'http',
    getArgs: () => [request, {}, () => undefined],
    getArgByIndex: (index: number) => [request, {}, () => undefined][index],
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}), getNext: () => () => undefined }),
    switchToRpc: () => {
      throw new Error('http only');
    },
    switchToWs: () => {
      throw new Error('http only');
    },
  } as unknown as ExecutionContext;
}

describe('AccessGuard', () => {
  const access = { require: jest.fn(), noteRecordRead: jest.fn() };
  const guard = new AccessGuard(access as unknown as AccessService);
  /** The session part (passport's JWT guard) the access guard extends. */
  const authenticate = jest.spyOn(Object.getPrototypeOf(AccessGuard.prototype) as { canActivate: () => Promise<boolean> }, 'canActivate');

  beforeEach(() => {
    jest.clearAllMocks();
    authenticate.mockResolvedValue(true);
  });
  afterAll(() => authenticate.mockRestore());

  it('denies a route whose handler declares no permission, with FORBIDDEN, before identifying the caller or loading anything', async () => {
    const refusal = guard.canActivate(contextFor(Routes.prototype.undeclared, { method: 'GET', user: null }));

    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(authenticate).not.toHaveBeenCalled();
    expect(access.require).not.toHaveBeenCalled();
  });

  it('denies it to a signed-in administrator just the same: no role opens an undeclared route', async () => {
    const administrator = { userId: 'admin-1', roles: [{ role: 'administrator', clubId: null, communityId: null, region: null }], participations: [] };

    await expect(guard.canActivate(contextFor(Routes.prototype.undeclared, { method: 'POST', user: administrator }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(access.require).not.toHaveBeenCalled();
  });

  it('answers a route that declares its permission from the access service (the control case)', async () => {
    access.require.mockResolvedValue({ kind: 'global' });

    await expect(guard.canActivate(contextFor(Routes.prototype.declared, { method: 'GET', user: null }))).resolves.toBe(true);
    expect(authenticate).toHaveBeenCalledTimes(1);
    expect(access.require).toHaveBeenCalledWith(null, 'public.read', undefined);
  });

  it('treats a caller without a valid session as anonymous, but an error while checking the session as an error (not as signed out)', () => {
    expect(guard.handleRequest(null, false)).toBeNull();
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(() => guard.handleRequest(outage, false)).toThrow(outage);
  });
});
