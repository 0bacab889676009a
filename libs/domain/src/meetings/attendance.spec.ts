import { DomainError } from '../errors/domain-error';
import { PARTICIPATION_STATUSES, ParticipationStatus } from '../participation/participation-status';
import {
  attendanceRole,
  canCheckIn,
  canRecordAttendance,
  canRsvp,
  isInvited,
  MeetingWindow,
  rsvpCounts,
} from './attendance';

const START = new Date('2026-03-03T13:00:00Z');
const END = new Date('2026-03-03T15:00:00Z');
const meeting = (status: MeetingWindow['status'] = 'scheduled'): MeetingWindow => ({ status, startsAt: START, endsAt: END });
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
const code = (error: DomainError | null) => error?.code ?? null;

describe('attendanceRole', () => {
  it.each<[ParticipationStatus, string | null]>([
    ['member', 'member'],
    ['observer', 'observer'],
    ['candidate', 'observer'],
    ['suspended', 'observer'],
    ['applied', null],
    ['declined', null],
    ['withdrawn', null],
  ])('a %s community attends as %s', (status, role) => {
    expect(attendanceRole(status)).toBe(role);
  });

  it('covers every participation status', () => {
    for (const status of PARTICIPATION_STATUSES) expect(() => attendanceRole(status)).not.toThrow();
  });
});

describe('isInvited', () => {
  it('invites observers, candidates and members only', () => {
    expect(PARTICIPATION_STATUSES.filter(isInvited)).toEqual(['observer', 'candidate', 'member']);
  });
});

describe('canRecordAttendance', () => {
  it('refuses more than an hour before the start (MEETING.NOT_STARTED)', () => {
    expect(code(canRecordAttendance(meeting(), minutes(START, -61)))).toBe('MEETING.NOT_STARTED');
    expect(code(canRecordAttendance(meeting(), minutes(START, -24 * 60)))).toBe('MEETING.NOT_STARTED');
  });

  it('opens exactly an hour before the start', () => {
    expect(canRecordAttendance(meeting(), minutes(START, -60))).toBeNull();
  });

  it('stays open during and long after the meeting, for corrections', () => {
    expect(canRecordAttendance(meeting(), START)).toBeNull();
    expect(canRecordAttendance(meeting(), minutes(END, 60 * 24 * 90))).toBeNull();
  });

  it('refuses a cancelled meeting at any time (MEETING.CANCELLED)', () => {
    expect(code(canRecordAttendance(meeting('cancelled'), minutes(START, -120)))).toBe('MEETING.CANCELLED');
    expect(code(canRecordAttendance(meeting('cancelled'), START))).toBe('MEETING.CANCELLED');
  });

  it('returns a DomainError naming the start', () => {
    const error = canRecordAttendance(meeting(), minutes(START, -120));
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.fields).toEqual({ startsAt: START.toISOString() });
  });
});

describe('canCheckIn', () => {
  it.each([
    [-61, 'MEETING.NOT_STARTED'],
    [-60, null],
    [0, null],
    [120, null],
  ])('%i minutes from the start: %s', (offset, expected) => {
    expect(code(canCheckIn(meeting(), minutes(START, offset)))).toBe(expected);
  });

  it('stays open until three hours after the end, and closes right after', () => {
    expect(canCheckIn(meeting(), minutes(END, 180))).toBeNull();
    expect(code(canCheckIn(meeting(), minutes(END, 181)))).toBe('MEETING.CLOSED');
  });

  it('refuses a cancelled meeting', () => {
    expect(code(canCheckIn(meeting('cancelled'), START))).toBe('MEETING.CANCELLED');
  });
});

describe('canRsvp', () => {
  it('accepts answers from long before until the end', () => {
    expect(canRsvp(meeting(), minutes(START, -60 * 24 * 30))).toBeNull();
    expect(canRsvp(meeting(), minutes(END, -1))).toBeNull();
  });

  it('closes when the meeting ends (MEETING.CLOSED)', () => {
    expect(code(canRsvp(meeting(), END))).toBe('MEETING.CLOSED');
    expect(code(canRsvp(meeting(), minutes(END, 60 * 24)))).toBe('MEETING.CLOSED');
  });

  it('refuses a cancelled meeting (MEETING.CLOSED)', () => {
    expect(code(canRsvp(meeting('cancelled'), minutes(START, -60 * 24)))).toBe('MEETING.CLOSED');
  });
});

describe('rsvpCounts', () => {
  it('tallies answers, unanswered invitations and the people expected from yes answers', () => {
    expect(
      rsvpCounts(
        [
          { answer: 'yes', attendees: 3 },
          { answer: 'yes', attendees: 2 },
          { answer: 'maybe', attendees: 4 },
          { answer: 'no', attendees: 0 },
        ],
        6,
      ),
    ).toEqual({ yes: 2, no: 1, maybe: 1, noAnswer: 2, expectedPeople: 5 });
  });

  it('counts every invitation as unanswered when nobody answered', () => {
    expect(rsvpCounts([], 3)).toEqual({ yes: 0, no: 0, maybe: 0, noAnswer: 3, expectedPeople: 0 });
  });

  it('never reports a negative number of unanswered invitations', () => {
    expect(rsvpCounts([{ answer: 'no', attendees: 0 }], 0).noAnswer).toBe(0);
  });
});
