import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError } from '@dastarkhan/domain';
import type { FastifyReply } from 'fastify';
import { AppError } from './app-error';
import { ERROR_STATUS } from './error-status';
import { ErrorResponseDto } from './error-response.dto';
import { ValidationFailed } from '../validation';

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
};

/** One place that turns every error into `{ statusCode, code, message, fields }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    void reply.status(body.statusCode).send(body);
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
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'Internal server error' };
  }
}
