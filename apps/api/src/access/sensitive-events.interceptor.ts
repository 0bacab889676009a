import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { mergeMap, Observable } from 'rxjs';
import type { Viewer } from '../auth/viewer';
import { ReadLog, readLogs } from './read-log';
import { SensitiveEventsService } from './sensitive-events.service';

/**
 * Runs each request with its own read log and, once the use case succeeded, writes what it read
 * of protected records as one sensitive event before the answer leaves (a failed write fails the
 * request: nothing protected is shown unrecorded).
 */
@Injectable()
export class SensitiveReadsInterceptor implements NestInterceptor {
  constructor(private readonly events: SensitiveEventsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ user?: Viewer | null; id?: string }>();
    const log = new ReadLog();
    return new Observable((subscriber) =>
      readLogs.run(log, () =>
        next
          .handle()
          .pipe(
            mergeMap(async (value) => {
              await this.events.recordReads(request.user ?? null, log, request.id ?? null);
              return value;
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
