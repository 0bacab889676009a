import type { Tradition } from '../participation/participation-status';
import { addDays, localDate, MEETING_TIME_ZONE, wallTimeToUtc } from './recurrence';

/** A holiday as the rules need it: `date` (YYYY-MM-DD) and the `days` it lasts; tradition null = national. */
export interface HolidayFacts {
  code: string;
  tradition: Tradition | null;
  date: string;
  days: number;
}

export type MeetingWarning<H extends HolidayFacts = HolidayFacts> =
  | { kind: 'friday_prayer'; date: string; traditions: Tradition[] }
  | { kind: 'holiday'; date: string; holiday: H; traditions: Tradition[] };

/** Jumu'ah: Friday midday prayer, 12:00–14:30 local time, generously covering the season's variation. */
export const FRIDAY_PRAYER = { from: { hour: 12, minute: 0 }, to: { hour: 14, minute: 30 } } as const;

/** The local dates (YYYY-MM-DD) a meeting touches, from its start to just before its end. */
export function localDatesOf(meeting: { startsAt: Date; endsAt: Date }, timeZone = MEETING_TIME_ZONE): string[] {
  const last = localDate(new Date(Math.max(meeting.startsAt.getTime(), meeting.endsAt.getTime() - 1)), timeZone);
  const dates = [localDate(meeting.startsAt, timeZone)];
  while (dates[dates.length - 1] < last) dates.push(addDays(dates[dates.length - 1], 1));
  return dates;
}

const at = (date: string, time: { hour: number; minute: number }, timeZone: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return wallTimeToUtc({ year, month, day, ...time, second: 0 }, timeZone);
};

/**
 * Non-blocking warnings for planning a meeting with the communities invited to it: it overlaps
 * Friday prayer while a Sunni Muslim community is invited, or it falls on a holiday of an invited
 * tradition (or a national one). Holidays of one code and date (e.g. Western Easter, stored once
 * per tradition) make one warning naming every invited tradition concerned.
 */
export function interfaithWarnings<H extends HolidayFacts>(
  meeting: { startsAt: Date; endsAt: Date },
  invitedTraditions: readonly Tradition[],
  holidays: readonly H[],
  timeZone = MEETING_TIME_ZONE,
): MeetingWarning<H>[] {
  const invited = [...new Set(invitedTraditions)];
  const warnings: MeetingWarning<H>[] = [];
  const dates = localDatesOf(meeting, timeZone);

  if (invited.includes('sunni_islam')) {
    for (const date of dates) {
      if (new Date(`${date}T00:00:00Z`).getUTCDay() !== 5) continue;
      const prayer = { startsAt: at(date, FRIDAY_PRAYER.from, timeZone), endsAt: at(date, FRIDAY_PRAYER.to, timeZone) };
      if (meeting.startsAt < prayer.endsAt && prayer.startsAt < meeting.endsAt) {
        warnings.push({ kind: 'friday_prayer', date, traditions: ['sunni_islam'] });
      }
    }
  }

  const byKey = new Map<string, Extract<MeetingWarning<H>, { kind: 'holiday' }>>();
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
  warnings.push(...[...byKey.values()].sort((a, b) => a.date.localeCompare(b.date) || a.holiday.code.localeCompare(b.holiday.code)));
  return warnings;
}
