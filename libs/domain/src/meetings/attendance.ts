import { DomainError } from '../errors/domain-error';
import type { ParticipationStatus } from '../participation/participation-status';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_ROLES = ['member', 'observer'] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];

export const ATTENDANCE_METHODS = ['coordinator', 'check_in'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** What the attendance rules need to know about a meeting. */
export interface MeetingWindow {
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
}

const MINUTE = 60_000;
/** Attendance may be taken (and check-in opens) this long before the start: people arrive early. */
export const ATTENDANCE_OPENS_BEFORE_START_MINUTES = 60;
/** Check-in stays open this long after the end, for whoever checks in on the way home. */
export const CHECK_IN_CLOSES_AFTER_END_MINUTES = 180;

/**
 * The role in which a community attends, from its participation status at the time: a member
 * counts as member; observers, candidates and suspended communities as observers (the pathway
 * counts their meetings). Any other status is not invited: `null`.
 */
export function attendanceRole(status: ParticipationStatus): AttendanceRole | null {
  switch (status) {
    case 'member':
      return 'member';
    case 'observer':
    case 'candidate':
    case 'suspended':
      return 'observer';
    default:
      return null;
  }
}

/** Whether a participation status makes a community one of the meeting's invited communities. */
export function isInvited(status: ParticipationStatus): boolean {
  return status === 'observer' || status === 'candidate' || status === 'member';
}

const opensAt = (meeting: MeetingWindow) => meeting.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_START_MINUTES * MINUTE;

function cancelled(): DomainError {
  return new DomainError('MEETING.CANCELLED', 'The meeting was cancelled');
}

function notStarted(meeting: MeetingWindow): DomainError {
  return new DomainError(
    'MEETING.NOT_STARTED',
    `Attendance opens ${ATTENDANCE_OPENS_BEFORE_START_MINUTES} minutes before the meeting starts`,
    { startsAt: meeting.startsAt.toISOString() },
  );
}

/**
 * Whether a coordinator may record attendance now: the meeting is scheduled (not cancelled) and
 * starts within the hour or has started. There is no upper bound: a mistake may be corrected
 * later (every change is kept as an event). Returns the refusal, or `null` when allowed.
 */
export function canRecordAttendance(meeting: MeetingWindow, now: Date): DomainError | null {
  if (meeting.status === 'cancelled') return cancelled();
  if (now.getTime() < opensAt(meeting)) return notStarted(meeting);
  return null;
}

/**
 * Whether a representative may check in with the meeting's code now: from an hour before the
 * start to three hours after the end of a scheduled meeting. Returns the refusal, or `null`.
 */
export function canCheckIn(meeting: MeetingWindow, now: Date): DomainError | null {
  if (meeting.status === 'cancelled') return cancelled();
  if (now.getTime() < opensAt(meeting)) return notStarted(meeting);
  if (now.getTime() > meeting.endsAt.getTime() + CHECK_IN_CLOSES_AFTER_END_MINUTES * MINUTE) {
    return new DomainError('MEETING.CLOSED', 'Check-in for this meeting has closed');
  }
  return null;
}

/** Whether an invited community may answer (or change its answer) now: until the meeting ends. */
export function canRsvp(meeting: MeetingWindow, now: Date): DomainError | null {
  if (meeting.status === 'cancelled') return new DomainError('MEETING.CLOSED', 'The meeting was cancelled');
  if (now.getTime() >= meeting.endsAt.getTime()) return new DomainError('MEETING.CLOSED', 'The meeting is over');
  return null;
}

export interface RsvpCounts {
  yes: number;
  no: number;
  maybe: number;
  /** Invited communities that have not answered. */
  noAnswer: number;
  /** People announced by the communities that answered yes. */
  expectedPeople: number;
}

/**
 * Tallies the answers of the invited communities. `responses` must be those of invited
 * communities only (one per community), so that `noAnswer` is what is left of `invitedCount`.
 */
export function rsvpCounts(
  responses: ReadonlyArray<{ answer: RsvpAnswer; attendees: number }>,
  invitedCount: number,
): RsvpCounts {
  const counts: RsvpCounts = { yes: 0, no: 0, maybe: 0, noAnswer: 0, expectedPeople: 0 };
  for (const response of responses) {
    counts[response.answer] += 1;
    if (response.answer === 'yes') counts.expectedPeople += response.attendees;
  }
  counts.noAnswer = Math.max(0, invitedCount - responses.length);
  return counts;
}
