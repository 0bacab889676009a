import { KAZAKHSTAN_TIME_ZONE } from './format';

/** A wall-clock date and time in Almaty, as form inputs hold them: `YYYY-MM-DD` and `HH:mm`. */
export interface LocalDateTime {
  date: string;
  time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Almaty wall-clock parts of a moment. */
export function toAlmaty(moment: Date | string): LocalDateTime & { year: number; month: number; day: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: KAZAKHSTAN_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(typeof moment === 'string' ? new Date(moment) : moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const year = Number(part('year'));
  const month = Number(part('month'));
  const day = Number(part('day'));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return { year, month, day, weekday, date: `${year}-${pad(month)}-${pad(day)}`, time: `${part('hour')}:${part('minute')}` };
}

/** Minutes Almaty is ahead of UTC at a moment (300 since March 2024). */
function offsetMinutes(moment: Date): number {
  const local = toAlmaty(moment);
  const [hours, minutes] = local.time.split(':').map(Number);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, hours, minutes);
  return Math.round((asUtc - Math.floor(moment.getTime() / 60_000) * 60_000) / 60_000);
}

/** An Almaty wall-clock date and time as an ISO-8601 UTC instant (what the API takes). */
export function almatyToUtc(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  const naive = Date.UTC(year, month - 1, day, hours, minutes);
  const guess = naive - offsetMinutes(new Date(naive)) * 60_000;
  // A second pass settles the rare case where the offset differs at the guessed moment.
  return new Date(naive - offsetMinutes(new Date(guess)) * 60_000).toISOString();
}

/** The calendar date N days after a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** Day of the week of a `YYYY-MM-DD` date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first given weekday (0 = Sunday) of the month after the one `today` is in. */
export function firstWeekdayOfNextMonth(today: string, weekday: number): string {
  const [y, m] = today.split('-').map(Number);
  const first = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
  return addDays(first, (weekday - weekdayOf(first) + 7) % 7);
}

/** `YYYY-MM` month arithmetic for calendars. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}
