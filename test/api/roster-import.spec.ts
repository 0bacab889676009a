import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createFactories, Factories, TestClub, TestUser, unique } from './support/factories';
import { expectError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;
let administrator: TestUser;
let club: TestClub;
let coordinator: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  administrator = await f.newUser({ role: 'administrator' });
  club = await f.newClub();
  coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
});
afterAll(() => t?.close());

const HEADER = 'Название;Традиция;Регистрационный номер;Контакт;Дата регистрации;Орган регистрации';
const email = () => `${unique('roster-')}@dastarkhan.test`;
/** One roster line, semicolon-separated, with its name quoted as Excel does when it holds a `;`. */
const line = (name: string, number: string, contact = email(), tradition = 'lutheran') => `"${name.replace(/"/g, '""')}";${tradition};${number};${contact};01.02.2010;Justice department`;
const csvOf = (...lines: string[]) => `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`;

const upload = (csv: string, commit: boolean, caller = coordinator, clubId = club.id) =>
  t.api.post(`/api/clubs/${clubId}/roster-imports`).set(caller.auth).send({ csv, commit });

const countsIn = async (numbers: string[]) => {
  const { rows } = await t.db.query(
    `SELECT (SELECT count(*)::int FROM registration_claims WHERE registration_number = ANY($1)) AS claims,
            (SELECT count(*)::int FROM communities c JOIN registration_claims rc ON rc.community_id = c.id WHERE rc.registration_number = ANY($1)) AS communities,
            (SELECT count(*)::int FROM invitations i JOIN registration_claims rc ON rc.community_id = i.community_id WHERE rc.registration_number = ANY($1)) AS invitations,
            (SELECT count(*)::int FROM sensitive_events WHERE kind = 'change' AND details->>'action' = 'roster.imported' AND club_id = $2) AS imports`,
    [numbers, club.id],
  );
  return rows[0];
};

describe('roster import from CSV', () => {
  it('reports a dry run per row, writing nothing; the commit creates the valid rows on their behalf and invites them', async () => {
    const registered = await f.newCommunity({ registered: true });
    const [{ registration_number: held }] = (await t.db.query(`SELECT registration_number FROM communities WHERE id = $1`, [registered.id])).rows;
    const [a, b] = [unique('A-'), unique('B-')];
    const [contactA, contactB] = [email(), email()];
    const csv = csvOf(line('Church; "Grace"', a, contactA), line('Mosque Nur', b, contactB, 'sunni_islam'), line('Old friends', held), line('Broken', '', 'not-an-email'));
    const before = await countsIn([a, b]);

    const dry = await upload(csv, false);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      committed: false,
      counts: { new: 2, matched: 1, error: 1 },
      rows: [
        { line: 2, name: 'Church; "Grace"', registrationNumber: a, outcome: 'new', reasons: [], communityId: null },
        { line: 3, name: 'Mosque Nur', registrationNumber: b, outcome: 'new', reasons: [], communityId: null },
        // A registered community already on the platform, named as the caller may see it.
        { line: 4, name: registered.name, registrationNumber: held, outcome: 'matched', reasons: [], communityId: registered.id },
        { line: 5, name: 'Broken', registrationNumber: '', outcome: 'error', reasons: ['REGISTRATION_NUMBER_MISSING', 'CONTACT_INVALID'], communityId: null },
      ],
    });
    expect(await countsIn([a, b])).toEqual(before);

    const committed = await upload(csv, true);
    expect(committed.status).toBe(200);
    expect(committed.body.committed).toBe(true);
    expect(committed.body.counts).toEqual({ new: 2, matched: 1, error: 1 });
    expect(await countsIn([a, b])).toEqual({ claims: 2, communities: 2, invitations: 2, imports: before.imports + 1 });
    const created = committed.body.rows[0].communityId;
    expect((await t.db.query(`SELECT registration_status, created_via_club_id FROM communities WHERE id = $1`, [created])).rows[0]).toEqual({
      registration_status: 'registration_pending',
      created_via_club_id: club.id,
    });
    const outbox = await t.db.query(`SELECT to_address FROM email_outbox WHERE kind = 'account.invitation' AND to_address = ANY($1)`, [[contactA, contactB]]);
    expect(outbox.rows).toHaveLength(2);

    // The import is one audit row, with counts and no contacts or names.
    const audit = await t.api.get('/api/admin/audit-log').query({ action: 'roster' }).set(administrator.auth);
    const row = audit.body.items.find((item: { clubId: string }) => item.clubId === club.id);
    expect(row).toMatchObject({ action: 'roster.imported' });
    expect(JSON.stringify(audit.body)).not.toContain(contactA);
    expect(JSON.stringify(audit.body)).not.toContain('Grace');

    // Importing the same file again creates nothing twice: its rows are now waiting for verification.
    const again = await upload(csv, false);
    expect(again.body.rows.slice(0, 2).map((r: { reasons: string[] }) => r.reasons)).toEqual([['REGISTRATION_NUMBER_TAKEN'], ['REGISTRATION_NUMBER_TAKEN']]);
  });

  it('reads a comma-separated file without a BOM, and names missing columns', async () => {
    const number = unique('C-');
    const csv = `name,tradition,registration number,contact,registration date,issuing body\n"Hope, Church",catholic,${number},${email()},2011-03-04,Justice\n`;
    const dry = await upload(csv, false);
    expect(dry.body.rows).toEqual([{ line: 2, name: 'Hope, Church', registrationNumber: number, outcome: 'new', reasons: [], communityId: null }]);

    const missing = await upload('name;contact\nA;b@c.kz\n', false);
    expectError(missing, 422, 'ROSTER.INVALID_FILE');
    expect(missing.body.fields).toEqual({ tradition: 'column missing', registrationNumber: 'column missing' });
    expectError(await upload(`${HEADER}\r\n`, false), 422, 'ROSTER.INVALID_FILE');
  });

  it('creates new communities from the four columns of the issue alone: the verifier enters the date and issuing body', async () => {
    const [a, b] = [unique('D-'), unique('E-')];
    const [contactA, contactB] = [email(), email()];
    const csv = `name;tradition;registration number;contact\nA church;other;${a};${contactA}\nB mosque;sunni_islam;${b};${contactB}\n`;
    const committed = await upload(csv, true);
    expect(committed.status).toBe(200);
    expect(committed.body.counts).toEqual({ new: 2, matched: 0, error: 0 });
    expect(await countsIn([a, b])).toMatchObject({ claims: 2, communities: 2, invitations: 2 });
    const claims = await t.db.query(`SELECT registration_date, issuing_body, on_behalf FROM registration_claims WHERE registration_number = ANY($1)`, [[a, b]]);
    expect(claims.rows).toEqual([
      { registration_date: null, issuing_body: null, on_behalf: true },
      { registration_date: null, issuing_body: null, on_behalf: true },
    ]);
    const outbox = await t.db.query(`SELECT to_address FROM email_outbox WHERE kind = 'account.invitation' AND to_address = ANY($1)`, [[contactA, contactB]]);
    expect(outbox.rows).toHaveLength(2);
  });

  it('refuses a file over the limits with 413', async () => {
    const many = csvOf(...Array.from({ length: 2_001 }, (_, i) => line(`Community ${i}`, `N-${i}`, `c${i}@x.kz`)));
    expectError(await upload(many, false), 413, 'ROSTER.TOO_LARGE');
  });

  it('commits with the same few statements whatever the number of rows (set-based, not per row)', async () => {
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const commit = async (rows: number) => {
      const numbers = Array.from({ length: rows }, () => unique('S-'));
      statements.mockClear();
      const response = await upload(csvOf(...numbers.map((number, i) => line(`Set ${i} ${number}`, number))), true);
      const count = statements.mock.calls.length;
      expect(response.body.counts).toEqual({ new: rows, matched: 0, error: 0 });
      expect(await countsIn(numbers)).toMatchObject({ claims: rows, communities: rows, invitations: rows });
      return count;
    };
    try {
      const few = await commit(3);
      expect(await commit(30)).toBe(few);
      expect(few).toBeLessThan(20);
    } finally {
      statements.mockRestore();
    }
  });

  it('never reveals a community the coordinator may not see: a number held by a protected one is an unnamed error', async () => {
    const hidden = await f.newCommunity({ name: `Protected ${unique()}` });
    const number = unique('H-');
    await t.db.query(
      `INSERT INTO registration_claims (community_id, registered_name, registration_number, registration_date, issuing_body, claimed_by_id) VALUES ($1, $2, $3, '2010-01-01', 'Justice', $4)`,
      [hidden.id, hidden.name, number, administrator.id],
    );
    const dry = await upload(csvOf(line('My guess', number)), false);
    expect(dry.body.rows).toEqual([{ line: 2, name: 'My guess', registrationNumber: number, outcome: 'error', reasons: ['REGISTRATION_NUMBER_TAKEN'], communityId: null }]);
    expect(JSON.stringify(dry.body)).not.toContain(hidden.name);
    expect(JSON.stringify(dry.body)).not.toContain(hidden.id);
  });

  it('commits in one transaction: a failure on a later row leaves nothing of the earlier ones', async () => {
    const [first, second] = [unique('T1-'), unique('T2-')];
    const doomed = `Doomed ${unique()}`;
    // A trigger that fails the second community's insert stands for any failure midway (a lost connection, a constraint).
    await t.db.query(`CREATE OR REPLACE FUNCTION roster_test_fail() RETURNS trigger AS $$ BEGIN IF NEW.name = '${doomed}' THEN RAISE EXCEPTION 'midway'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.db.query(`CREATE TRIGGER roster_test_fail BEFORE INSERT ON communities FOR EACH ROW EXECUTE FUNCTION roster_test_fail()`);
    const before = await countsIn([first, second]);
    try {
      const response = await upload(csvOf(line('Fine first', first), line(doomed, second)), true);
      expect(response.status).toBe(500);
    } finally {
      await t.db.query(`DROP TRIGGER roster_test_fail ON communities`);
      await t.db.query(`DROP FUNCTION roster_test_fail()`);
    }
    expect(await countsIn([first, second])).toEqual(before);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM communities WHERE name = 'Fine first' AND created_via_club_id = $1`, [club.id])).rows[0].n).toBe(0);
  });

  it('is for the club\'s coordinators and the administrator only', async () => {
    const csv = csvOf(line('Anyone', unique('W-')));
    expect((await upload(csv, false, administrator)).status).toBe(200);
    const otherCoordinator = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });
    const official = await f.newUser({ role: 'official', region: club.regionCode });
    const representative = await f.newUser({ role: 'representative', communityId: (await f.newCommunity({ registered: true })).id });
    for (const caller of [otherCoordinator, official, representative]) expectError(await upload(csv, false, caller), 403, 'FORBIDDEN');
  });
});
