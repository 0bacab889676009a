import { weekdayOf } from '../../../lib/almaty-time';

export type RepeatKind = 'none' | 'weekly' | 'monthly_weekday' | 'monthly_day';
export const REPEAT_KINDS: RepeatKind[] = ['none', 'weekly', 'monthly_weekday', 'monthly_day'];

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/**
 * Which occurrence of its weekday a date is in its month: 1..4, or -1 for the last one when it is
 * the fifth (a fifth Tuesday does not exist every month, "the last Tuesday" does).
 */
export function weekdayPosition(date: string): number {
  const nth = Math.ceil(Number(date.split('-')[2]) / 7);
  return nth === 5 ? -1 : nth;
}

/** How a series ends: after a number of meetings, or on a last date (Almaty, included). */
export type SeriesEnd = { count: number } | { until: string };

/**
 * The RFC 5545 RRULE (no DTSTART: the API anchors it at the meeting's Almaty start) for a repeat
 * choice, with the weekday and position taken from the first meeting's date. `null` for none.
 */
export function buildRrule(kind: RepeatKind, date: string, end: SeriesEnd): string | null {
  if (kind === 'none' || !date) return null;
  const weekday = BYDAY[weekdayOf(date)];
  const day = Number(date.split('-')[2]);
  const ending = 'until' in end ? `UNTIL=${end.until.replace(/-/g, '')}` : `COUNT=${end.count}`;
  switch (kind) {
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${weekday};${ending}`;
    case 'monthly_weekday':
      return `FREQ=MONTHLY;BYDAY=${weekday};BYSETPOS=${weekdayPosition(date)};${ending}`;
    case 'monthly_day':
      return `FREQ=MONTHLY;BYMONTHDAY=${day};${ending}`;
  }
}
