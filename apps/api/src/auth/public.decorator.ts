import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Viewer } from './viewer';

export const PUBLIC_ROUTE = 'dastarkhan:public';

/** The route also answers anonymous callers (the viewer is then `null`). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The authenticated caller, or `null` on a @Public() route without a session. */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer | null =>
    (context.switchToHttp().getRequest<{ user?: Viewer | null }>().user ?? null),
);
