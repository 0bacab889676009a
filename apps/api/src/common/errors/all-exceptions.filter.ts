import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError } from '@dastarkhan/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { capacityOf, SensitiveEventsService } from '../../access/sensitive-events.service';
import type { Viewer } from '../../auth/viewer';
import { AppError } from './app-error';
import { ERROR_STATUS } from './error-status';
import { ErrorResponseDto } from './error-response.dto';
import { ValidationFailed } from '../validation';
import { isDatabaseUnavailable } from '../../database/postgres-errors';

/** Seconds a client should wait before retrying while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * One place that turns every error into `{ statusCode, code, message, fields }`. A refusal (403)
 * is a security event (ASVS V7.1.3): it is recorded before the answer leaves.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly events: SensitiveEventsService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.code === 'DATABASE_UNAVAILABLE') {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) this.logger.error(exception);
    const recorded = body.statusCode === 403 ? this.recordRefusal(http.getRequest<FastifyRequest & { user?: Viewer | null }>(), body.code) : Promise.resolve();
    void recorded
      .catch((error: unknown) => this.logger.error(error, 'the refusal could not be recorded'))
      .then(() => reply.status(body.statusCode).send(body));
  }

  private recordRefusal(request: FastifyRequest & { user?: Viewer | null }, code: string): Promise<void> {
    const viewer = request.user ?? null;
    return this.events.security({
      kind: 'access.denied',
      userId: viewer?.userId ?? null,
      actorRole: capacityOf(viewer),
      resource: `${request.method} ${request.routeOptions?.url ?? request.url.split('?')[0]}`,
      address: request.ip,
      requestId: String(request.id),
      details: { code },
    });
  }

  private toBody(exception: unknown): ErrorResponseDto {
    if (exception instanceof ValidationFailed) {
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: exception.message, fields: exception.fields };
    }
    if (exception instanceof AppError || exception instanceof DomainError) {
      return {
        statusCode: ERROR_STATUS[exception.code],
        code: exception.code,
        message: exception.message,
        fields: exception.fields,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      return { statusCode, code: HTTP_CODES[statusCode] ?? `HTTP_${statusCode}`, message: exception.message };
    }
    const status = (exception as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own errors (malformed JSON, body too large, wrong content type).
      return { statusCode: status, code: HTTP_CODES[status] ?? `HTTP_${status}`, message: (exception as Error).message };
    }
    if (isDatabaseUnavailable(exception)) {
      // Not the caller's fault and nothing was written: a 503 with Retry-After, as readiness says.
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; try again shortly' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'Internal server error' };
  }
}
