import { normaliseRegistrationNumber, parseCsv, readRoster, ROSTER_LIMITS } from './roster-csv';

const rowsOf = (text: string) => {
  const parsed = readRoster(text);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.error}`);
  return parsed.rows;
};

describe('roster CSV', () => {
  it('reads a UTF-8 file with a BOM, semicolons and CRLF line ends, as Excel writes it', () => {
    const rows = rowsOf('\uFEFFНазвание;Традиция;Регистрационный номер;Контакт\r\nОбщина «Мир»;Ислам суннитского толка;KZ-01;Info@Mir.kz\r\n');
    expect(rows).toEqual([
      {
        line: 2,
        name: 'Община «Мир»',
        tradition: 'sunni_islam',
        registrationNumber: 'KZ-01',
        contact: 'info@mir.kz',
        registrationDate: null,
        issuingBody: '',
        reasons: [],
      },
    ]);
  });

  it('reads commas, quoted fields with delimiters, doubled quotes and line breaks, and skips empty lines', () => {
    const rows = rowsOf(
      'name,tradition,registration number,contact,registration date,issuing body\n\n' +
        '"Church ""St. Nicholas"", Almaty",russian_orthodox,"12 34",a@b.kz,31.12.2019,"Justice department,\nAlmaty"\n' +
        ',,,\n',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      line: 3,
      name: 'Church "St. Nicholas", Almaty',
      tradition: 'russian_orthodox',
      registrationNumber: '12 34',
      registrationDate: '2019-12-31',
      issuingBody: 'Justice department, Almaty',
      reasons: [],
    });
  });

  it('honours an Excel "sep=" line and Kazakh headers', () => {
    const rows = rowsOf('sep=;\nАтауы;Дәстүр;Тіркеу нөмірі;Байланыс;Тіркеу күні\nҚауым;buddhism;77;q@w.kz;2020-02-29\n');
    expect(rows[0]).toMatchObject({ line: 3, name: 'Қауым', tradition: 'buddhism', registrationDate: '2020-02-29' });
  });

  it('gives each bad row its reasons: missing name, unknown tradition, no number, bad contact, bad date, a number twice', () => {
    const rows = rowsOf(
      'name;tradition;registration number;contact;registration date\n' +
        'A;sunni_islam;1;a@b.kz;\n' +
        'Good name;astrology;;not-an-email;30.02.2020\n' +
        'Other;catholic; 1 ;c@d.kz;\n',
    );
    expect(rows.map((row) => row.reasons)).toEqual([
      ['NAME_MISSING'],
      ['TRADITION_UNKNOWN', 'REGISTRATION_NUMBER_MISSING', 'CONTACT_INVALID', 'REGISTRATION_DATE_INVALID'],
      ['DUPLICATE_IN_FILE'],
    ]);
  });

  it('names the missing columns, and refuses an empty file or one beyond the limits', () => {
    expect(readRoster('name;contact\nA;b@c.kz\n')).toEqual({ ok: false, error: 'MISSING_COLUMNS', missing: ['tradition', 'registrationNumber'] });
    expect(readRoster('\uFEFF\r\n\r\n')).toEqual({ ok: false, error: 'EMPTY' });
    expect(readRoster('name;tradition;registration number;contact\r\n')).toEqual({ ok: false, error: 'EMPTY' });
    expect(readRoster('x'.repeat(ROSTER_LIMITS.maxCharacters + 1))).toEqual({ ok: false, error: 'TOO_LARGE' });
    const many = 'name;tradition;registration number;contact\n' + 'Name;other;1;a@b.kz\n'.repeat(ROSTER_LIMITS.maxRows + 1);
    expect(readRoster(many)).toEqual({ ok: false, error: 'TOO_MANY_ROWS' });
  });

  it('splits records without losing a last line that has no line end', () => {
    expect(parseCsv('a,b\r\nc,"d\r\ne"', ',')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd\r\ne'] },
    ]);
  });

  it('compares registration numbers without spaces and case', () => {
    expect(normaliseRegistrationNumber(' kz 12-34 ')).toBe('KZ12-34');
  });
});
