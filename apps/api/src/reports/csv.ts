import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import { REPORT_TEXT, type Locale, type ReportText } from '@dastarkhan/domain';
import type { ReportCellDto, ReportRowDto, ReportTableDto } from './dto/reports.dto';

/** The byte order mark that makes Excel read the file as UTF-8 (Kazakh and Russian text intact). */
export const BOM = '\uFEFF';

/**
 * CSV in the reader's language: Excel in Kazakh and Russian locales splits on ';' and reads ','
 * as the decimal mark, in English on ',' with '.'.
 */
export function csvDialect(locale: Locale): { separator: string; decimal: string } {
  return locale === 'en' ? { separator: ',', decimal: '.' } : { separator: ';', decimal: ',' };
}

/** What makes a field need care, per separator: a formula's first character, a quote, a line break, the separator. */
const NEEDS_CARE: Record<string, RegExp> = { ',': /^[=+\-@\t\r]|[",\n\r]/, ';': /^[=+\-@\t\r]|[";\n\r]/ };

/** One field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvField(value: string, separator: string): string {
  // Most fields need nothing: one test decides it (an export writes millions of fields).
  if (!(NEEDS_CARE[separator] ?? /./).test(value)) return value;
  const text = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly string[], locale: Locale): string {
  const { separator } = csvDialect(locale);
  return `${fields.map((f) => csvField(f, separator)).join(separator)}\r\n`;
}

export function numberText(value: number, locale: Locale): string {
  return String(value).replace('.', csvDialect(locale).decimal);
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** A figure as text: the value, or "fewer than 5", "3 + fewer than 5", "withheld", "not shown". */
export function cellText(cell: ReportCellDto, locale: Locale): string {
  const text = REPORT_TEXT[locale].cells;
  if (cell.value !== null) return numberText(cell.value, locale);
  if (cell.listed === null && cell.fewerThan === null) return text.notShown;
  const hidden = cell.fewerThan !== null ? fill(text.fewerThan, { n: cell.fewerThan }) : text.withheld;
  return cell.listed ? `${numberText(cell.listed, locale)} + ${hidden}` : hidden;
}

function almatyDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

/** A row's label in the reader's language. */
export function rowLabel(row: ReportRowDto, text: ReportText, locale: Locale): string {
  const pick = (group: Record<string, string>, key: string) => group[key] ?? key;
  switch (row.kind) {
    case 'stage':
      return pick(text.status, row.key);
    case 'step':
      return pick(text.steps, row.key);
    case 'duration':
      return pick(text.durations, row.key);
    case 'decision': {
      const [outcome, reason] = row.key.split(':');
      return `${pick(text.outcome, outcome)} — ${pick(text.reason, reason)}`;
    }
    case 'appeal':
      return pick(text.appeals, row.key);
    case 'concern':
      return pick(text.concerns, row.key);
    case 'items':
      return text.rows.items;
    case 'projects':
      return text.rows.projects;
    case 'total':
      return text.rows.total;
    case 'city':
      return row.cityName?.[locale] ?? row.key;
    case 'meeting':
      return `${row.date ? almatyDate(row.date) : ''} ${row.label ?? text.rows.meeting}`.trim();
    case 'month':
      return row.key;
    default:
      return row.label ?? row.key;
  }
}

/** A dashboard table as CSV lines (header first), in the reader's language. */
export function* tableLines(table: ReportTableDto, locale: Locale): Generator<string> {
  const text = REPORT_TEXT[locale];
  yield csvLine([text.labels[table.key as keyof ReportText['labels']] ?? table.key, ...table.columns.map((c) => columnText(text, c))], locale);
  for (const row of table.rows) yield csvLine([rowLabel(row, text, locale), ...row.cells.map((cell) => cellText(cell, locale))], locale);
}

export function columnText(text: ReportText, column: string): string {
  return (text.columns as Record<string, string>)[column] ?? (text.registration as Record<string, string>)[column] ?? (text.status as Record<string, string>)[column] ?? column;
}

/** A file name that every browser and OS keeps: ASCII only. */
export function contentDisposition(name: string): string {
  return `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '-')}"`;
}

/**
 * A CSV answer streamed from its chunks. The first chunk is read before the answer starts, so a
 * failure there is still an HTTP error rather than a cut file; a reader who leaves stops the reading.
 */
export async function csvFile(chunks: AsyncGenerator<string>, name: string): Promise<StreamableFile> {
  const first = await chunks.next();
  async function* all(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  // Counted in bytes, not chunks: a slow reader holds back the reading after one chunk, not sixteen.
  return new StreamableFile(Readable.from(all(), { objectMode: false }), { type: 'text/csv; charset=utf-8', disposition: contentDisposition(name) });
}
