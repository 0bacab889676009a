import type { DomainErrorCode } from '@dastarkhan/domain';
import type { AppErrorCode } from './app-error';

/** Every error code and its HTTP status, exhaustively: adding a code without a status fails to compile. */
export const ERROR_STATUS: Record<AppErrorCode | DomainErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.TOO_MANY_ATTEMPTS': 429,
  'AUTH.EMAIL_TAKEN': 409,
  'PARTICIPATION.ALREADY_LIVE': 409,
  'PARTICIPATION.STALE_VERSION': 409,
  'PARTICIPATION.INVALID_TRANSITION': 409,
  'PARTICIPATION.REASON_REQUIRED': 400,
  'PARTICIPATION.ACTION_NOT_ALLOWED_FOR_ROLE': 403,
  'PARTICIPATION.REGISTRATION_REQUIRED': 422,
  'MEETING.INVALID_RECURRENCE': 400,
  'MEETING.NOT_STARTED': 409,
  'MEETING.CANCELLED': 409,
  'MEETING.CLOSED': 409,
};
