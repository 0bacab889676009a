import { TRADITIONS, type Tradition } from '../participation/participation-status';
import { REPORT_TEXT } from '../reports/report-text';

/**
 * A club's roster as a coordinator exports it from Excel (issue 12, item 5): UTF-8 with or without
 * a BOM, comma- or semicolon-separated (Excel writes `;` where the decimal comma is local, and may
 * start with a `sep=;` line), quoted fields with doubled quotes, CRLF line ends, empty lines.
 * Framework-free: the API validates against the database what this file cannot know.
 */

/** At most this many characters and data rows (the API answers 413 beyond them). */
export const ROSTER_LIMITS = { maxCharacters: 400_000, maxRows: 2_000 } as const;

export const ROSTER_COLUMNS = ['name', 'tradition', 'registrationNumber', 'contact', 'registrationDate', 'issuingBody'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
/** The four columns; the registration date and issuing body are needed only for a community not yet on the platform. */
export const REQUIRED_ROSTER_COLUMNS: readonly RosterColumn[] = ['name', 'tradition', 'registrationNumber', 'contact'];

/** Header names accepted for each column, in en, ru and kk (compared case- and punctuation-insensitively). */
const HEADER_NAMES: Record<RosterColumn, string[]> = {
  name: ['name', 'community', 'community name', 'название', 'наименование', 'община', 'атауы', 'атау', 'қауымдастық'],
  tradition: ['tradition', 'традиция', 'конфессия', 'дәстүр'],
  registrationNumber: ['registration number', 'registration no', 'reg number', 'регистрационный номер', 'номер регистрации', 'тіркеу нөмірі'],
  contact: ['contact', 'email', 'e mail', 'contact email', 'контакт', 'электронная почта', 'эл почта', 'почта', 'байланыс', 'электрондық пошта'],
  registrationDate: ['registration date', 'дата регистрации', 'тіркелген күні', 'тіркеу күні'],
  issuingBody: ['issuing body', 'registered by', 'орган регистрации', 'кем выдано', 'регистрирующий орган', 'тіркеген орган'],
};

export type RosterFileError = 'EMPTY' | 'TOO_LARGE' | 'TOO_MANY_ROWS' | 'MISSING_COLUMNS';

/** Why a row cannot be imported (the API adds those that need the database). */
export type RosterRowReason =
  | 'NAME_MISSING'
  | 'TRADITION_UNKNOWN'
  | 'REGISTRATION_NUMBER_MISSING'
  | 'CONTACT_INVALID'
  | 'REGISTRATION_DATE_INVALID'
  | 'DUPLICATE_IN_FILE';

export interface RosterRow {
  /** The line of the file the row starts on (1-based, header included), for the report. */
  line: number;
  name: string;
  tradition: Tradition | null;
  registrationNumber: string;
  /** The contact email, lower-cased. */
  contact: string;
  /** YYYY-MM-DD, or null when absent. */
  registrationDate: string | null;
  issuingBody: string;
  reasons: RosterRowReason[];
}

export type RosterParse = { ok: true; rows: RosterRow[] } | { ok: false; error: RosterFileError; missing?: RosterColumn[] };

const simplify = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.:/№#]+/g, ' ')
    .trim();

const COLUMN_OF = new Map<string, RosterColumn>(
  ROSTER_COLUMNS.flatMap((column) => HEADER_NAMES[column].map((header) => [simplify(header), column] as const)),
);

/** Codes ("sunni_islam"), and the names the app prints in each language ("Суннитский ислам"). */
const TRADITION_OF = new Map<string, Tradition>(
  TRADITIONS.flatMap((code) => [
    [simplify(code), code] as const,
    ...Object.values(REPORT_TEXT).map((text) => [simplify(text.tradition[code]), code] as const),
  ]),
);

/** Registration numbers compare without spaces and case ("KZ 12-34" = "kz12-34"). */
export const normaliseRegistrationNumber = (number: string): string => number.replace(/\s+/g, '').toUpperCase();

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Splits CSV text into records of fields; `delimiter` is `,` or `;`. Lines are counted for the report. */
export function parseCsv(text: string, delimiter: ',' | ';'): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((value) => value.trim() !== '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += char;
  }
  endRecord();
  return records;
}

/** The delimiter of the header line: the one that occurs more often outside quotes. */
function delimiterOf(header: string): ',' | ';' {
  const unquoted = header.replace(/"[^"]*"/g, '');
  return (unquoted.match(/;/g)?.length ?? 0) > (unquoted.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Reads a roster file into rows, each with the reasons it cannot be imported as it stands. */
export function readRoster(raw: string): RosterParse {
  if (raw.length > ROSTER_LIMITS.maxCharacters) return { ok: false, error: 'TOO_LARGE' };
  let text = raw.replace(/^\uFEFF/, '');
  let skipped = 0;
  const sep = /^sep=([;,])\r?\n/i.exec(text);
  if (sep) {
    text = text.slice(sep[0].length);
    skipped = 1;
  }
  const firstLine = text.split(/\r?\n|\r/).find((candidate) => candidate.trim() !== '') ?? '';
  const records = parseCsv(text, (sep?.[1] as ',' | ';' | undefined) ?? delimiterOf(firstLine)).map((record) => ({ ...record, line: record.line + skipped }));
  if (records.length === 0) return { ok: false, error: 'EMPTY' };
  const [header, ...data] = records;
  const index = new Map<RosterColumn, number>();
  header.fields.forEach((name, position) => {
    const column = COLUMN_OF.get(simplify(name));
    if (column && !index.has(column)) index.set(column, position);
  });
  const missing = REQUIRED_ROSTER_COLUMNS.filter((column) => !index.has(column));
  if (missing.length) return { ok: false, error: 'MISSING_COLUMNS', missing };
  if (data.length === 0) return { ok: false, error: 'EMPTY' };
  if (data.length > ROSTER_LIMITS.maxRows) return { ok: false, error: 'TOO_MANY_ROWS' };

  const seen = new Set<string>();
  const rows = data.map(({ line, fields }): RosterRow => {
    const cell = (column: RosterColumn) => {
      const position = index.get(column);
      return position === undefined ? '' : (fields[position] ?? '').trim().replace(/\s+/g, ' ');
    };
    const rawTradition = cell('tradition');
    const rawDate = cell('registrationDate');
    const row: RosterRow = {
      line,
      name: cell('name'),
      tradition: TRADITION_OF.get(simplify(rawTradition)) ?? null,
      registrationNumber: cell('registrationNumber'),
      contact: cell('contact').toLowerCase(),
      registrationDate: rawDate ? dateOf(rawDate) : null,
      issuingBody: cell('issuingBody'),
      reasons: [],
    };
    if (row.name.length < 2 || row.name.length > 200) row.reasons.push('NAME_MISSING');
    if (!row.tradition) row.reasons.push('TRADITION_UNKNOWN');
    const number = normaliseRegistrationNumber(row.registrationNumber);
    if (!number || number.length > 100) row.reasons.push('REGISTRATION_NUMBER_MISSING');
    else if (seen.has(number)) row.reasons.push('DUPLICATE_IN_FILE');
    else seen.add(number);
    if (!EMAIL.test(row.contact) || row.contact.length > 254) row.reasons.push('CONTACT_INVALID');
    if (rawDate && !row.registrationDate) row.reasons.push('REGISTRATION_DATE_INVALID');
    return row;
  });
  return { ok: true, rows };
}

/** A date as Excel writes it in Kazakhstan (31.12.2019) or ISO (2019-12-31), as YYYY-MM-DD; null when it is not a real date. */
function dateOf(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!year) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}
