/**
 * Errors that services throw instead of HTTP exceptions; the exception filter maps each code to
 * a status. `NOT_FOUND` is also what a caller gets for a record it may not see.
 */
export type AppErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'AUTH.INVALID_CREDENTIALS'
  | 'AUTH.TOO_MANY_ATTEMPTS'
  | 'AUTH.EMAIL_TAKEN'
  | 'AUTH.EMAIL_NOT_CONFIRMED'
  | 'AUTH.INVALID_CODE'
  | 'AUTH.CHALLENGE_EXPIRED'
  | 'AUTH.INVALID_LINK'
  | 'AUTH.WEAK_PASSWORD'
  | 'AUTH.TOO_MANY_REQUESTS'
  | 'AUTH.REAUTHENTICATION_REQUIRED'
  | 'AUTH.SECOND_FACTOR_SETUP_REQUIRED'
  | 'AUTH.SECOND_FACTOR_REQUIRED_FOR_ROLE'
  | 'AUTH.NO_ENROLMENT'
  | 'MINUTES.STALE_VERSION'
  | 'ACTION_ITEM.STALE_VERSION'
  | 'COMMUNITY.STALE_VERSION'
  | 'TOPIC.STALE_VERSION'
  | 'HOLIDAY.STALE_VERSION'
  | 'OBSERVANCE.STALE_VERSION'
  | 'MEETING.CONFLICT'
  | 'MEETING.STALE_VERSION'
  | 'PARTICIPATION.ALREADY_LIVE'
  | 'PARTICIPATION.STALE_VERSION'
  | 'ATTENDANCE.STALE_VERSION'
  | 'MEETING.WRONG_CODE'
  | 'MEETING.TOO_MANY_ATTEMPTS'
  | 'PROJECT.STALE_VERSION'
  | 'PROJECT.ALREADY_JOINED'
  | 'PROJECT.COMMUNITY_NOT_ELIGIBLE'
  | 'PATHWAY.ALREADY_SPONSORED'
  | 'APPEAL.NOT_OPEN'
  | 'APPEAL.COMMUNITY_REAPPLIED'
  | 'REVIEW.ALREADY_RESOLVED'
  | 'COMMUNITY.HAS_LIVE_PARTICIPATIONS'
  | 'REGISTRATION.CLAIM_PENDING'
  | 'REGISTRATION.CLAIM_DECIDED'
  | 'TEXT.NAMES_COMMUNITY'
  | 'ATTENDANCE.NOT_ON_ROSTER';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
