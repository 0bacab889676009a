import { RRule } from 'rrule';
import { DomainError } from '../errors/domain-error';

/** All of Kazakhstan keeps one civil time zone; meetings are planned in its wall time, stored in UTC. */
export const MEETING_TIME_ZONE = 'Asia/Almaty';

/** A wall-clock time without zone: `YYYY-MM-DDTHH:mm` (seconds optional). */
export type LocalDateTime = string;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock reading in `timeZone` at the instant `date` (the zone's rules come from Intl/ICU). */
export function wallTimeAt(date: Date, timeZone = MEETING_TIME_ZONE): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** A wall time as if it were UTC: the "floating" representation rrule computes with. */
export const floating = (wall: WallTime): Date =>
  new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));

export const fromFloating = (date: Date): WallTime => ({
  year: date.getUTCFullYear(),
  month: date.getUTCMonth() + 1,
  day: date.getUTCDate(),
  hour: date.getUTCHours(),
  minute: date.getUTCMinutes(),
  second: date.getUTCSeconds(),
});

/** The zone's offset from UTC (ms) at the instant `date`. */
function offsetAt(date: Date, timeZone: string): number {
  return floating(wallTimeAt(date, timeZone)).getTime() - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * The UTC instant at which the wall clock in `timeZone` shows `wall`. The offset is looked up at
 * that very moment (not hard-coded): Almaty moved from UTC+6 to UTC+5 on 2024-03-01.
 */
export function wallTimeToUtc(wall: WallTime, timeZone = MEETING_TIME_ZONE): Date {
  const asUtc = floating(wall).getTime();
  const first = asUtc - offsetAt(new Date(asUtc), timeZone);
  const second = asUtc - offsetAt(new Date(first), timeZone);
  return new Date(second);
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function parseLocalDateTime(value: LocalDateTime): WallTime {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) throw new RangeError(`Not a local date-time (YYYY-MM-DDTHH:mm): ${value}`);
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  return { year, month, day, hour, minute, second };
}

/** `YYYY-MM-DD` shifted by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of the instant in `timeZone`. */
export function localDate(date: Date, timeZone = MEETING_TIME_ZONE): string {
  const { year, month, day } = wallTimeAt(date, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Recurrence

export const MAX_OCCURRENCES = 60;
export const MAX_SERIES_YEARS = 2;

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

const DAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
const list = (item: string) => new RegExp(`^${item}(?:,${item})*$`);
const int = (min: number, max: number) => (value: string) => /^[+-]?\d{1,3}$/.test(value) && Number(value) >= min && Number(value) <= max;
const signedList = (min: number, max: number) => (value: string) =>
  value.split(',').every((part) => int(-max, max)(part) && Math.abs(Number(part)) >= min);

/**
 * The RRULE parts a meeting series may use, each with a strict check of its value (rrule's own
 * parser silently ignores what it does not understand, e.g. `FREQ=FOO` or `BYDAY=XX`). The time
 * of day comes from the first meeting, so BYHOUR/BYMINUTE/BYSECOND are not offered; neither are
 * DTSTART or TZID: the rule is always read in Asia/Almaty wall time.
 */
const PARTS: Record<string, (value: string) => boolean> = {
  FREQ: (value) => ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(value),
  INTERVAL: int(1, 99),
  COUNT: int(1, 999),
  UNTIL: (value) => /^\d{8}(?:T\d{6}Z?)?$/.test(value),
  BYDAY: (value) => list(`[+-]?(?:\\d{1,2})?${DAY}`).test(value),
  BYMONTHDAY: signedList(1, 31),
  BYMONTH: (value) => value.split(',').every(int(1, 12)),
  BYSETPOS: signedList(1, 366),
  BYWEEKNO: signedList(1, 53),
  BYYEARDAY: signedList(1, 366),
  WKST: (value) => new RegExp(`^${DAY}$`).test(value),
};

const invalid = (reason: string) =>
  new DomainError('MEETING.INVALID_RECURRENCE', `Invalid recurrence: ${reason}`, { 'recurrence.rrule': reason });

const skipInvalid = (reason: string) =>
  new DomainError('MEETING.INVALID_RECURRENCE', `Invalid recurrence: ${reason}`, { 'recurrence.skipDates': reason });

/** Checks an RRULE (without DTSTART) part by part; returns its parts, upper-cased. */
export function validateRecurrenceRule(rule: string): Map<string, string> {
  const text = rule.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (!text) throw invalid('the rule is empty');
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length) throw invalid(`malformed part '${part}'`);
    if (!(key in PARTS)) throw invalid(`${key} is not supported`);
    if (parts.has(key)) throw invalid(`${key} appears twice`);
    if (!PARTS[key](value)) throw invalid(`${key}=${value} is not valid`);
    parts.set(key, value);
  }
  if (!parts.has('FREQ')) throw invalid('FREQ is required');
  if (parts.has('COUNT') && parts.has('UNTIL')) throw invalid('COUNT and UNTIL exclude each other');
  const bydays = parts.get('BYDAY')?.split(',') ?? [];
  if (bydays.some((day) => /\d/.test(day)) && !['MONTHLY', 'YEARLY'].includes(parts.get('FREQ')!)) {
    throw invalid('a numbered BYDAY (e.g. 1TU) needs FREQ=MONTHLY or YEARLY');
  }
  return parts;
}

/** UNTIL read as the rule's floating wall time: a `Z` time is an instant, a bare date includes that whole day. */
function floatingUntil(until: string, timeZone: string): Date {
  const [year, month, day] = [until.slice(0, 4), until.slice(4, 6), until.slice(6, 8)].map(Number);
  if (until.length === 8) return new Date(Date.UTC(year, month - 1, day, 23, 59, 59));
  const [hour, minute, second] = [until.slice(9, 11), until.slice(11, 13), until.slice(13, 15)].map(Number);
  const wall = { year, month, day, hour, minute, second };
  return until.endsWith('Z') ? floating(wallTimeAt(new Date(Date.UTC(year, month - 1, day, hour, minute, second)), timeZone)) : floating(wall);
}

/**
 * The occurrences of a series: `rule` (RFC 5545 RRULE, no DTSTART) expanded from the first
 * meeting's start in `timeZone` wall time, each lasting `durationMinutes`. The expansion runs on
 * the wall clock (a monthly 18:00 meeting stays at 18:00 local whatever the UTC offset does) and
 * each wall time is then converted to UTC with the zone's rules at that date. As with rrule,
 * occurrences are the rule's matches at or after the first start (the first start gives the time
 * of day and the earliest date). At most 60 occurrences within 2 years, else the rule is refused.
 * `skipDates` (local YYYY-MM-DD, like an RFC 5545 EXDATE) leave single dates of the series out;
 * each must be one of its dates.
 */
export function expandRecurrence(
  rule: string,
  firstStart: Date | LocalDateTime,
  durationMinutes: number,
  timeZone = MEETING_TIME_ZONE,
  skipDates: readonly string[] = [],
): Occurrence[] {
  if (!(durationMinutes > 0)) throw new RangeError('durationMinutes must be positive');
  const parts = validateRecurrenceRule(rule);
  const start = typeof firstStart === 'string' ? parseLocalDateTime(firstStart) : wallTimeAt(firstStart, timeZone);
  const options = RRule.parseString([...parts].filter(([key]) => key !== 'UNTIL').map(([k, v]) => `${k}=${v}`).join(';'));
  const until = parts.get('UNTIL');
  const rrule = new RRule({
    ...options,
    dtstart: floating(start),
    until: until ? floatingUntil(until, timeZone) : null,
    tzid: null,
  });
  const limit = floating({ ...start, year: start.year + MAX_SERIES_YEARS });
  let tooMany = false;
  const wallStarts = rrule.all((date, index) => {
    if (index >= MAX_OCCURRENCES || date > limit) {
      tooMany = true;
      return false;
    }
    return true;
  });
  if (tooMany) {
    throw invalid(`a series has at most ${MAX_OCCURRENCES} occurrences within ${MAX_SERIES_YEARS} years`);
  }
  if (wallStarts.length === 0) throw invalid('the rule has no occurrence');
  const dateOf = (wall: Date) => wall.toISOString().slice(0, 10);
  const dates = new Set(wallStarts.map(dateOf));
  const notInSeries = skipDates.find((date) => !dates.has(date));
  if (notInSeries) throw skipInvalid(`${notInSeries} is not a date of the series`);
  const kept = wallStarts.filter((wall) => !skipDates.includes(dateOf(wall)));
  if (kept.length === 0) throw skipInvalid('every date of the series is skipped');
  const occurrences = kept.map((wall) => {
    const startsAt = wallTimeToUtc(fromFloating(wall), timeZone);
    return { startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
  });
  if (occurrences.some((o, i) => i > 0 && o.startsAt < occurrences[i - 1].endsAt)) {
    throw invalid('the occurrences overlap each other (the meeting lasts longer than the gap between two)');
  }
  return occurrences;
}
