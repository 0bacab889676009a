import type { Tradition } from '../participation/participation-status';
import { addDays, localDate, MEETING_TIME_ZONE, wallTimeToUtc } from './recurrence';

/** A holiday as the rules need it: `date` (YYYY-MM-DD) and the `days` it lasts; tradition null = national. */
export interface HolidayFacts {
  code: string;
  tradition: Tradition | null;
  date: string;
  days: number;
}

/**
 * A weekly time a tradition keeps (Friday prayer, Shabbat, Sunday worship): from `weekday` at
 * `startTime` to `endWeekday` at `endTime`, Almaty wall time. Weekdays are ISO (1 Monday … 7 Sunday).
 */
export interface ObservanceFacts {
  code: string;
  tradition: Tradition;
  weekday: number;
  startTime: string;
  endWeekday: number;
  endTime: string;
}

export type MeetingWarning<H extends HolidayFacts = HolidayFacts, O extends ObservanceFacts = ObservanceFacts> =
  | { kind: 'observance'; date: string; observance: O; traditions: Tradition[] }
  | { kind: 'holiday'; date: string; holiday: H; traditions: Tradition[] };

/** ISO weekday (1 Monday … 7 Sunday) of a YYYY-MM-DD. */
export const isoWeekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** How many days after its start an observance ends (0: the same day): a window reaching into the next week is refused. */
export function observanceSpanDays(observance: Pick<ObservanceFacts, 'weekday' | 'startTime' | 'endWeekday' | 'endTime'>): number | null {
  const days = (observance.endWeekday - observance.weekday + 7) % 7;
  if (days === 0 && minutesOf(observance.endTime) <= minutesOf(observance.startTime)) return null;
  return days;
}

/** The local dates (YYYY-MM-DD) a meeting touches, from its start to just before its end. */
export function localDatesOf(meeting: { startsAt: Date; endsAt: Date }, timeZone = MEETING_TIME_ZONE): string[] {
  const last = localDate(new Date(Math.max(meeting.startsAt.getTime(), meeting.endsAt.getTime() - 1)), timeZone);
  const dates = [localDate(meeting.startsAt, timeZone)];
  while (dates[dates.length - 1] < last) dates.push(addDays(dates[dates.length - 1], 1));
  return dates;
}

const at = (date: string, time: string, timeZone: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return wallTimeToUtc({ year, month, day, hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)), second: 0 }, timeZone);
};

/**
 * Non-blocking warnings for planning a meeting with the communities of its club: it overlaps a
 * weekly observance of a tradition present (Friday prayer, Shabbat, Sunday worship …), or it falls
 * on a holiday of such a tradition (or a national one). Holidays of one code and date (e.g.
 * Western Easter, stored once per tradition; Orthodox Christmas, both national and Orthodox) make
 * one warning naming every tradition concerned.
 */
export function interfaithWarnings<H extends HolidayFacts, O extends ObservanceFacts = ObservanceFacts>(
  meeting: { startsAt: Date; endsAt: Date },
  invitedTraditions: readonly Tradition[],
  holidays: readonly H[],
  observances: readonly O[] = [],
  timeZone = MEETING_TIME_ZONE,
): MeetingWarning<H, O>[] {
  const invited = [...new Set(invitedTraditions)];
  const warnings: MeetingWarning<H, O>[] = [];
  const dates = localDatesOf(meeting, timeZone);

  for (const observance of observances) {
    if (!invited.includes(observance.tradition)) continue;
    const span = observanceSpanDays(observance);
    if (span === null) continue;
    // An observance that began up to `span` days before the meeting's first date may still be running.
    for (let date = addDays(dates[0], -span); date <= dates[dates.length - 1]; date = addDays(date, 1)) {
      if (isoWeekday(date) !== observance.weekday) continue;
      const window = { startsAt: at(date, observance.startTime, timeZone), endsAt: at(addDays(date, span), observance.endTime, timeZone) };
      if (meeting.startsAt < window.endsAt && window.startsAt < meeting.endsAt) {
        warnings.push({ kind: 'observance', date: date < dates[0] ? dates[0] : date, observance, traditions: [observance.tradition] });
        break;
      }
    }
  }

  const byKey = new Map<string, Extract<MeetingWarning<H, O>, { kind: 'holiday' }>>();
  for (const holiday of holidays) {
    if (holiday.tradition !== null && !invited.includes(holiday.tradition)) continue;
    const end = addDays(holiday.date, Math.max(1, holiday.days));
    const date = dates.find((d) => d >= holiday.date && d < end);
    if (!date) continue;
    const key = `${holiday.code}|${holiday.date}`;
    const traditions = holiday.tradition === null ? invited : [holiday.tradition];
    const known = byKey.get(key);
    if (known) known.traditions = [...new Set([...known.traditions, ...traditions])];
    else byKey.set(key, { kind: 'holiday', date, holiday, traditions: [...traditions] });
  }
  warnings.sort((a, b) => a.date.localeCompare(b.date) || (a.kind === 'observance' && b.kind === 'observance' ? a.observance.code.localeCompare(b.observance.code) : 0));
  warnings.push(...[...byKey.values()].sort((a, b) => a.date.localeCompare(b.date) || a.holiday.code.localeCompare(b.holiday.code)));
  return warnings;
}
