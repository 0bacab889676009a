/** All of Kazakhstan is on one zone (UTC+5 since March 2024); the API stores UTC. */
export const KAZAKHSTAN_TIME_ZONE = 'Asia/Almaty';

/**
 * Kazakh month names. Chromium ships trimmed ICU data for `kk` (it formats "2026 M11 25" while
 * claiming support), so Kazakh dates are assembled here from the zone-correct numeric parts.
 */
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

function almatyParts(date: Date) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: KAZAKHSTAN_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: part('year'), month: Number(part('month')), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** A moment (ISO date-time) as Almaty wall-clock time, in the UI language. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (locale === 'kk') {
    const p = almatyParts(date);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}, ${p.hour}:${p.minute}`;
  }
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: KAZAKHSTAN_TIME_ZONE,
  }).format(date);
}

/** A calendar date (YYYY-MM-DD) or the Almaty date of a moment, in the UI language. */
export function formatDate(iso: string, locale: string): string {
  // A bare YYYY-MM-DD is a calendar date, not an instant: read it without shifting zones.
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(isDateOnly ? `${iso}T12:00:00+05:00` : iso);
  if (locale === 'kk') {
    const p = almatyParts(date);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}`;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: KAZAKHSTAN_TIME_ZONE }).format(date);
}
