import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Viewer } from './viewer';

/** The authenticated caller, or `null` on a route that anonymous callers may use (access/access.decorator.ts). */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer | null =>
    (context.switchToHttp().getRequest<{ user?: Viewer | null }>().user ?? null),
);
