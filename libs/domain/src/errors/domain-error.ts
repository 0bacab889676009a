/**
 * A broken business rule. `code` is stable and machine-readable (the API maps it to an HTTP
 * status in one place); `message` is for developers, the UI translates by code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const DOMAIN_ERROR_CODES = [
  'PARTICIPATION.INVALID_TRANSITION',
  'PARTICIPATION.REASON_REQUIRED',
  'PARTICIPATION.ACTION_NOT_ALLOWED_FOR_ROLE',
  'PARTICIPATION.REGISTRATION_REQUIRED',
  'MEETING.INVALID_RECURRENCE',
  'MEETING.NOT_STARTED',
  'MEETING.CANCELLED',
  'MEETING.CLOSED',
  'PROJECT.INVALID_TRANSITION',
  'PROJECT.REASON_REQUIRED',
  'PROJECT.ACTION_NOT_ALLOWED_FOR_ROLE',
  'PROJECT.NOT_ACTIVE',
  'PROJECT.OUTCOME_REQUIRED',
  'PROJECT.PENDING_CONTRIBUTIONS',
  'PROJECT.INVALID_DATES',
  'CONTRIBUTION.EMPTY',
  'CONTRIBUTION.LEAD_ROLE_RESERVED',
  'CONTRIBUTION.NOT_REVIEWABLE',
  'PATHWAY.SPONSOR_NOT_MEMBER',
  'PATHWAY.NOT_OBSERVER',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
