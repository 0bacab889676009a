/**
 * Report periods, in whole Almaty calendar months (docs/domain.md § 3.1: one time zone, UTC+5).
 * Only fixed periods exist — the last 12 months (up to this month) or one calendar year — so the
 * time series of every report share the same month columns, and a period filter only selects
 * months of it (apps/api/docs/reports-contract.md).
 */
export type ReportPeriod = { kind: 'last-12-months' } | { kind: 'year'; year: number };

export const DEFAULT_PERIOD = 'last-12-months';
export const PERIOD_PATTERN = /^(last-12-months|\d{4})$/;
const ALMATY_OFFSET_MS = 5 * 60 * 60 * 1000;

export function parsePeriod(text: string | null | undefined): ReportPeriod {
  const value = text ?? DEFAULT_PERIOD;
  if (value === 'last-12-months') return { kind: 'last-12-months' };
  if (/^\d{4}$/.test(value)) {
    const year = Number(value);
    if (year >= 2000 && year <= 2100) return { kind: 'year', year };
  }
  throw new RangeError(`Unknown report period ${value}`);
}

export const periodCode = (period: ReportPeriod): string => (period.kind === 'year' ? String(period.year) : period.kind);

/** 'YYYY-MM' of an instant in Almaty time. */
export function almatyMonth(instant: Date): string {
  const shifted = new Date(instant.getTime() + ALMATY_OFFSET_MS);
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The UTC instant at which an Almaty month starts. */
export function almatyMonthStart(month: string): Date {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, 1) - ALMATY_OFFSET_MS);
}

function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface PeriodRange {
  /** The period's months, oldest first ('YYYY-MM'). */
  months: string[];
  /** First instant of the period. */
  from: Date;
  /** The end of the period, or `now` when it has not ended yet: stage counts are taken here. */
  to: Date;
}

/** The months and instants of a period as of `now`. */
export function periodRange(period: ReportPeriod, now: Date): PeriodRange {
  const last = period.kind === 'year' ? `${period.year}-12` : almatyMonth(now);
  const first = period.kind === 'year' ? `${period.year}-01` : addMonths(last, -11);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(first, i));
  const end = almatyMonthStart(addMonths(last, 1));
  return { months, from: almatyMonthStart(first), to: end.getTime() < now.getTime() ? end : now };
}
