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

/** Suffixes by the last word of a number: нөл, бір … тоғыз; он … тоқсан. */
const KK_ABLATIVE_UNITS = ['ден', 'ден', 'ден', 'тен', 'тен', 'тен', 'дан', 'ден', 'ден', 'дан'];
const KK_ABLATIVE_TENS = ['', 'нан', 'дан', 'дан', 'тан', 'ден', 'тан', 'тен', 'нен', 'нан'];

/**
 * The Kazakh ablative suffix ("than", "from") of a number written in digits, by how its last word
 * sounds (vowel harmony and the last consonant): 2-ден, 5-тен, 6-дан, 10-нан, 40-тан, 100-ден, 1000-нан.
 */
export function kazakhAblative(value: number): string {
  const whole = Math.trunc(Math.abs(value));
  if (whole % 10 !== 0 || whole === 0) return KK_ABLATIVE_UNITS[whole % 10];
  if (whole % 100 !== 0) return KK_ABLATIVE_TENS[(whole / 10) % 10];
  if (whole % 1000 !== 0) return 'ден'; // жүз
  return 'нан'; // мың, миллион
}

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

/**
 * Intl's formatting without the Russian year abbreviation ("2 янв. 2027 г."): a date ending in a
 * full stop doubles the stop of the sentence it closes ("до 2 янв. 2027 г.. Решает"), so Russian
 * dates read "2 янв. 2027", as in most Russian interfaces.
 */
function intlFormat(locale: string, options: Intl.DateTimeFormatOptions, date: Date): string {
  return new Intl.DateTimeFormat(locale, options)
    .formatToParts(date)
    .map((part) => (part.type === 'literal' ? part.value.replace(/\s*г\./, '') : part.value))
    .join('');
}

/** A moment (ISO date-time) as Almaty wall-clock time, in the UI language. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (locale === 'kk') {
    const p = almatyParts(date);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}, ${p.hour}:${p.minute}`;
  }
  return intlFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: KAZAKHSTAN_TIME_ZONE }, date);
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
  return intlFormat(locale, { dateStyle: 'medium', timeZone: KAZAKHSTAN_TIME_ZONE }, date);
}

/** A `YYYY-MM` month as a calendar heading ("December 2026"), in the UI language. */
export function formatMonth(month: string, locale: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (locale === 'kk') return `${year} ж. ${KK_MONTHS[monthNumber - 1]}`;
  const text = intlFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }, new Date(Date.UTC(year, monthNumber - 1, 15)));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The Almaty wall-clock time of a moment: HH:mm, or the UI language's short time style. */
export function formatTime(iso: string, locale?: string): string {
  if (locale && locale !== 'kk') {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: KAZAKHSTAN_TIME_ZONE }).format(new Date(iso));
  }
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: KAZAKHSTAN_TIME_ZONE }).format(new Date(iso));
}

/** A meeting's span: "25 Nov 2026, 18:00–20:00" (the end's date too when it is another day). */
export function formatTimeRange(startIso: string, endIso: string, locale: string): string {
  const sameDay = formatDate(startIso, locale) === formatDate(endIso, locale);
  return `${formatDateTime(startIso, locale)}–${sameDay ? formatTime(endIso, locale) : formatDateTime(endIso, locale)}`;
}
