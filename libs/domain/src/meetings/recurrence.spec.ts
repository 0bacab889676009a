import { DomainError } from '../errors/domain-error';
import {
  addDays,
  expandRecurrence,
  localDate,
  MAX_OCCURRENCES,
  validateRecurrenceRule,
  wallTimeAt,
  wallTimeToUtc,
} from './recurrence';

const starts = (rule: string, first: Date | string, minutes = 120) =>
  expandRecurrence(rule, first, minutes).map((o) => o.startsAt.toISOString());

function recurrenceError(run: () => unknown, field = 'recurrence.rrule'): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('MEETING.INVALID_RECURRENCE');
    expect(Object.keys((error as DomainError).fields)).toEqual([field]);
    return error as DomainError;
  }
  throw new Error('expected MEETING.INVALID_RECURRENCE');
}

describe('Almaty wall time ↔ UTC', () => {
  it('uses UTC+6 before 2024-03-01 and UTC+5 from then on (no hard-coded offset)', () => {
    const wall = { hour: 18, minute: 0, second: 0 };
    expect(wallTimeToUtc({ year: 2024, month: 2, day: 29, ...wall }).toISOString()).toBe('2024-02-29T12:00:00.000Z');
    expect(wallTimeToUtc({ year: 2024, month: 3, day: 1, ...wall }).toISOString()).toBe('2024-03-01T13:00:00.000Z');
    expect(wallTimeToUtc({ year: 2026, month: 4, day: 7, ...wall }).toISOString()).toBe('2026-04-07T13:00:00.000Z');
  });

  it('reads the wall clock back, and the local date near midnight', () => {
    expect(wallTimeAt(new Date('2026-04-07T13:00:00Z'))).toEqual({ year: 2026, month: 4, day: 7, hour: 18, minute: 0, second: 0 });
    expect(localDate(new Date('2026-03-19T19:30:00Z'))).toBe('2026-03-20'); // 00:30 local
    expect(localDate(new Date('2026-03-20T18:59:59Z'))).toBe('2026-03-20'); // 23:59:59 local
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-03-20', 3)).toBe('2026-03-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('converts in any IANA zone', () => {
    expect(wallTimeToUtc({ year: 2026, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T10:00:00.000Z',
    );
  });
});

describe('expandRecurrence', () => {
  it('expands "first Tuesday monthly at 18:00" to 13:00 UTC on each first Tuesday', () => {
    expect(starts('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=4', '2026-04-01T18:00')).toEqual([
      '2026-04-07T13:00:00.000Z',
      '2026-05-05T13:00:00.000Z',
      '2026-06-02T13:00:00.000Z',
      '2026-07-07T13:00:00.000Z',
    ]);
    expect(starts('FREQ=MONTHLY;BYDAY=1TU;COUNT=2', '2026-04-01T18:00')).toEqual([
      '2026-04-07T13:00:00.000Z',
      '2026-05-05T13:00:00.000Z',
    ]);
  });

  it('takes the first start as a UTC instant too, and gives each occurrence the same duration', () => {
    const occurrences = expandRecurrence('FREQ=WEEKLY;COUNT=3', new Date('2026-04-07T13:00:00Z'), 90);
    expect(occurrences.map((o) => [o.startsAt.toISOString(), o.endsAt.toISOString()])).toEqual([
      ['2026-04-07T13:00:00.000Z', '2026-04-07T14:30:00.000Z'],
      ['2026-04-14T13:00:00.000Z', '2026-04-14T14:30:00.000Z'],
      ['2026-04-21T13:00:00.000Z', '2026-04-21T14:30:00.000Z'],
    ]);
  });

  it('expands weekly on several days, every other week', () => {
    expect(starts('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=4', '2026-04-06T10:00')).toEqual([
      '2026-04-06T05:00:00.000Z',
      '2026-04-09T05:00:00.000Z',
      '2026-04-20T05:00:00.000Z',
      '2026-04-23T05:00:00.000Z',
    ]);
  });

  it('stops at COUNT', () => {
    expect(starts('FREQ=DAILY;COUNT=2', '2026-04-06T10:00')).toHaveLength(2);
  });

  it('stops at UNTIL: a bare date includes that whole day', () => {
    expect(starts('FREQ=WEEKLY;UNTIL=20260421', '2026-04-07T18:00')).toEqual([
      '2026-04-07T13:00:00.000Z',
      '2026-04-14T13:00:00.000Z',
      '2026-04-21T13:00:00.000Z',
    ]);
  });

  it('reads an UNTIL with Z as a UTC instant', () => {
    // 2026-04-21T12:59:59Z is 17:59:59 in Almaty: the 18:00 meeting that day is excluded.
    expect(starts('FREQ=WEEKLY;UNTIL=20260421T125959Z', '2026-04-07T18:00')).toHaveLength(2);
    expect(starts('FREQ=WEEKLY;UNTIL=20260421T130000Z', '2026-04-07T18:00')).toHaveLength(3);
  });

  it('reads an UNTIL date-time without Z as Almaty wall time', () => {
    expect(starts('FREQ=WEEKLY;UNTIL=20260421T180000', '2026-04-07T18:00')).toHaveLength(3);
    expect(starts('FREQ=WEEKLY;UNTIL=20260421T175959', '2026-04-07T18:00')).toHaveLength(2);
  });

  it('handles month ends: the last day of each month, and a 31st that skips short months', () => {
    expect(starts('FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3', '2026-01-31T10:00')).toEqual([
      '2026-01-31T05:00:00.000Z',
      '2026-02-28T05:00:00.000Z',
      '2026-03-31T05:00:00.000Z',
    ]);
    expect(starts('FREQ=MONTHLY;COUNT=3', '2026-01-31T10:00')).toEqual([
      '2026-01-31T05:00:00.000Z',
      '2026-03-31T05:00:00.000Z',
      '2026-05-31T05:00:00.000Z',
    ]);
  });

  it('keeps 18:00 local across the 2024-03-01 change from UTC+6 to UTC+5', () => {
    expect(starts('FREQ=MONTHLY;BYDAY=1TU;COUNT=4', '2024-01-01T18:00')).toEqual([
      '2024-01-02T12:00:00.000Z',
      '2024-02-06T12:00:00.000Z',
      '2024-03-05T13:00:00.000Z',
      '2024-04-02T13:00:00.000Z',
    ]);
  });

  it('starts at the first match on or after the first start', () => {
    expect(starts('FREQ=WEEKLY;BYDAY=FR;COUNT=1', '2026-04-06T10:00')).toEqual(['2026-04-10T05:00:00.000Z']);
  });

  it('accepts a leading RRULE: and lower case', () => {
    expect(starts('RRULE:freq=weekly;count=2', '2026-04-06T10:00')).toHaveLength(2);
  });

  it(`allows ${MAX_OCCURRENCES} occurrences and up to 2 years`, () => {
    expect(starts(`FREQ=WEEKLY;COUNT=${MAX_OCCURRENCES}`, '2026-01-05T10:00')).toHaveLength(MAX_OCCURRENCES);
    expect(starts('FREQ=MONTHLY;UNTIL=20280105', '2026-01-05T10:00')).toHaveLength(25);
  });

  it.each([
    ['more than 60 occurrences', `FREQ=DAILY;COUNT=${MAX_OCCURRENCES + 1}`],
    ['more than 2 years', 'FREQ=MONTHLY;UNTIL=20280205'],
    ['no end at all', 'FREQ=MONTHLY'],
    ['no end, within 60 but beyond 2 years', 'FREQ=YEARLY'],
  ])('refuses %s', (_case, rule) => {
    const error = recurrenceError(() => expandRecurrence(rule, '2026-01-05T10:00', 60));
    expect(error.message).toMatch(/at most 60 occurrences within 2 years/);
  });

  it.each([
    ['', 'empty'],
    ['COUNT=3', 'no FREQ'],
    ['FREQ=FOO', 'unknown frequency'],
    ['FREQ=HOURLY;COUNT=3', 'sub-daily frequency'],
    ['FREQ=WEEKLY;BYDAY=XX', 'unknown day'],
    ['FREQ=WEEKLY;COUNT=x', 'non-numeric count'],
    ['FREQ=WEEKLY;COUNT=0', 'zero count'],
    ['FREQ=WEEKLY;FOO=BAR', 'unknown part'],
    ['FREQ=WEEKLY;COUNT=2;COUNT=3', 'a repeated part'],
    ['FREQ=WEEKLY;COUNT=2;UNTIL=20260501', 'COUNT and UNTIL together'],
    ['FREQ=WEEKLY;COUNT=2;DTSTART=20260101T000000Z', 'a DTSTART'],
    ['FREQ=DAILY;BYHOUR=9,18;COUNT=4', 'BYHOUR'],
    ['FREQ=MONTHLY;BYMONTHDAY=32;COUNT=2', 'a 32nd day'],
    ['FREQ=WEEKLY;BYDAY=1TU;COUNT=2', 'a numbered day in a weekly rule'],
    ['FREQ=WEEKLY;;COUNT=2', 'an empty part'],
    ['FREQ=WEEKLY;UNTIL=2026-05-01', 'a dashed UNTIL'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2', 'no occurrence at all'],
  ])('refuses %j (%s)', (rule) => {
    recurrenceError(() => expandRecurrence(rule, '2026-01-05T10:00', 60));
  });

  it('refuses occurrences that overlap each other', () => {
    const error = recurrenceError(() => expandRecurrence('FREQ=DAILY;COUNT=3', '2026-01-05T10:00', 25 * 60));
    expect(error.message).toMatch(/overlap/);
  });

  it('validates without expanding', () => {
    expect([...validateRecurrenceRule('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=12').keys()]).toEqual(['FREQ', 'BYDAY', 'BYSETPOS', 'COUNT']);
  });

  it('ends on a date (UNTIL, that whole Almaty day included) as well as after a count', () => {
    const starts = expandRecurrence('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260127', '2026-01-06T18:00', 90).map((o) => o.startsAt.toISOString());
    expect(starts).toEqual(['2026-01-06T13:00:00.000Z', '2026-01-13T13:00:00.000Z', '2026-01-20T13:00:00.000Z', '2026-01-27T13:00:00.000Z']);
  });

  it('skips single dates of the series, and refuses a skip date that is not one of them', () => {
    const starts = expandRecurrence('FREQ=WEEKLY;COUNT=4', '2026-01-06T18:00', 90, undefined, ['2026-01-13']).map((o) => o.startsAt.toISOString());
    expect(starts).toEqual(['2026-01-06T13:00:00.000Z', '2026-01-20T13:00:00.000Z', '2026-01-27T13:00:00.000Z']);
    expect(recurrenceError(() => expandRecurrence('FREQ=WEEKLY;COUNT=4', '2026-01-06T18:00', 90, undefined, ['2026-01-14']), 'recurrence.skipDates').message).toMatch(
      /2026-01-14 is not a date of the series/,
    );
    recurrenceError(() => expandRecurrence('FREQ=WEEKLY;COUNT=1', '2026-01-06T18:00', 90, undefined, ['2026-01-06']), 'recurrence.skipDates');
  });
});
