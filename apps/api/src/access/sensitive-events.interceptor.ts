import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { mergeMap, Observable } from 'rxjs';
import type { Viewer } from '../auth/viewer';
import { readLogs } from './read-log';
import { SensitiveEventsService } from './sensitive-events.service';

/**
 * Once the use case succeeded, writes what the request read of protected records (its read log,
 * opened when the request arrived: app.ts) as one sensitive event before the answer leaves — a
 * failed write fails the request, so nothing protected is shown unrecorded.
 */
@Injectable()
export class SensitiveReadsInterceptor implements NestInterceptor {
  constructor(private readonly events: SensitiveEventsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ user?: Viewer | null; id?: string }>();
    const log = readLogs.getStore();
    return next.handle().pipe(
      mergeMap(async (value) => {
        if (log) await this.events.recordReads(request.user ?? null, log, request.id ?? null);
        return value;
      }),
    );
  }
}
