import type { Tradition } from '@dastarkhan/domain';
import { createFactories, Factories, TestClub, TestCommunity, TestUser, unique } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Reports (apps/api/docs/reports-contract.md): every figure against a hand-computed fixture (read
 * unsuppressed by the club's coordinator), the small-count rule for officials and the public with
 * crafted datasets where subtraction or a narrow filter would reveal one community, exports and
 * what they record, and the consent rule for named records.
 */
let t: TestApp;
let f: Factories;

type Cell = { value: number | null; listed: number | null; fewerThan: number | null };
type Row = { key: string; kind: string; label: string | null; href: string | null; cells: Cell[] };
type Table = { key: string; columns: string[]; rows: Row[] };
type Dashboard = { scope: string; threshold: number; months: string[]; tables: Table[] };

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const almatyMonth = (date: Date) => new Date(date.getTime() + 5 * 3600_000).toISOString().slice(0, 7);

interface Fixture {
  cityA: { id: string; regionCode: string };
  cityB: { id: string };
  a1: TestClub;
  b1: TestClub;
  c: Record<string, TestCommunity>;
  p: Record<string, string>;
  coordinator: TestUser;
  official: TestUser;
  otherOfficial: TestUser;
  representative: TestUser;
  consentingRep: TestUser;
  meetings: { m1: string; m2: string };
}
let x: Fixture;

async function participationWithHistory(club: TestClub, community: TestCommunity, status: Parameters<Factories['newParticipation']>[0]['status'], days: number[]) {
  const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status });
  const { rows } = await t.db.query<{ id: string }>(`SELECT id FROM participation_events WHERE participation_id = $1 ORDER BY sequence`, [id]);
  if (rows.length !== days.length) throw new Error(`${status}: ${rows.length} events, ${days.length} dates`);
  for (const [i, row] of rows.entries()) await t.db.query(`UPDATE participation_events SET created_at = $2 WHERE id = $1`, [row.id, daysAgo(days[i])]);
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  const cityA = await f.newCity();
  const { rows: [cityB] } = await t.db.query<{ id: string }>(
    `INSERT INTO cities (slug, name, region_code, region) VALUES ($1, $2, $3, $4) RETURNING id`,
    [unique('cityb-'), { kk: 'Қала Б', ru: 'Город Б', en: 'City B' }, cityA.regionCode, { kk: 'Облыс', ru: 'Область', en: 'Region' }],
  );
  const a1 = await f.newClub({ city: cityA, name: `Club A1 ${unique()}` });
  const b1 = await f.newClub({ city: { id: cityB.id, slug: 'b', regionCode: cityA.regionCode }, name: `Club B1 ${unique()}` });

  const community = (name: string, tradition: Tradition, options: Parameters<Factories['newCommunity']>[0] = {}) =>
    f.newCommunity({ name: `${name} ${unique()}`, tradition, ...options });
  const c: Record<string, TestCommunity> = {
    reg1: await community('Registered Mosque', 'sunni_islam', { registered: true }),
    reg2: await community('Registered Parish', 'russian_orthodox', { registered: true }),
    c1: await community('Consenting Church', 'evangelical_protestant', { consent: true }),
    m1: await community('Hidden Catholic member', 'catholic'),
    j1: await community('Lone Witnesses', 'jehovahs_witnesses'),
    d1: await community('Declined Society', 'hare_krishna'),
    b9: await community('Lone Buddhists', 'buddhism', { registrationStatus: 'registration_pending' }),
  };
  for (let i = 1; i <= 5; i++) c[`o${i}`] = await community(`Hidden Fellowship ${i}`, 'evangelical_protestant');
  for (let i = 1; i <= 7; i++) c[`e${i}`] = await community(`Hidden Church B${i}`, 'evangelical_protestant');

  const p: Record<string, string> = {
    reg1: await participationWithHistory(a1, c.reg1, 'member', [300, 290]),
    reg2: await participationWithHistory(a1, c.reg2, 'member', [200, 190]),
    c1: await participationWithHistory(a1, c.c1, 'candidate', [250, 240, 60]),
    m1: await participationWithHistory(a1, c.m1, 'member', [320, 310, 190, 140]),
    j1: await participationWithHistory(a1, c.j1, 'observer', [100, 90]),
    d1: await participationWithHistory(a1, c.d1, 'declined', [100, 80]),
    b9: await participationWithHistory(b1, c.b9, 'observer', [100, 90]),
  };
  for (let i = 1; i <= 5; i++) p[`o${i}`] = await participationWithHistory(a1, c[`o${i}`], 'observer', [100, 90]);
  for (let i = 1; i <= 7; i++) p[`e${i}`] = await participationWithHistory(b1, c[`e${i}`], 'observer', [100, 90]);

  const coordinator = await f.newUser({ role: 'coordinator', clubId: a1.id });
  const official = await f.newUser({ role: 'official', region: cityA.regionCode });
  const otherOfficial = await f.newUser({ role: 'official', region: unique('elsewhere-') });
  const representative = await f.newUser({ role: 'representative', communityId: c.o1.id });
  const consentingRep = await f.newUser({ role: 'representative', communityId: c.c1.id });
  const actor = coordinator.id;

  // Decisions, an appeal, a concern.
  const decision = async (participation: string, sequence: number, outcome: string, from: string, reason: string, days: number) => {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO participation_decisions (participation_id, event_sequence, outcome, from_status, reason_code, reason_text, milestone_snapshot,
                                            earliest_reapply_on, decider_id, decided_at)
       VALUES ($1, $2, $3, $4, $5, 'Reasons given at length by the tests', '{"allMet": false, "milestones": []}'::jsonb, $6, $7, $8) RETURNING id`,
      [participation, sequence, outcome, from, reason, outcome === 'admit' ? null : '2030-01-01', actor, daysAgo(days)],
    );
    return rows[0].id;
  };
  await decision(p.m1, 4, 'admit', 'candidate', 'milestones_met', 140);
  await decision(p.reg1, 2, 'admit', 'applied', 'registered_community', 290);
  const declined = await decision(p.d1, 2, 'decline', 'applied', 'club_charter', 80);
  await t.db.query(
    `INSERT INTO decision_appeals (decision_id, appellant_id, text, status, created_at, resolved_at, resolved_by_id, resolution)
     VALUES ($1, $2, 'We ask the secretariat to look again.', 'upheld', $3, $4, $2, 'The decision stands.')`,
    [declined, actor, daysAgo(70), daysAgo(60)],
  );
  await t.db.query(
    `INSERT INTO participation_reviews (participation_id, official_id, verdict, text, created_at) VALUES ($1, $2, 'concern', 'A question about the youth camp.', $3)`,
    [p.c1, official.id, daysAgo(30)],
  );

  // Meetings: two held in different months, one cancelled; attendance; action items.
  const meeting = async (days: number, status = 'scheduled', visibility = 'club') => {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, cancel_reason, created_by_id)
       VALUES ($1, $2, $3, $4, 'in_person', $5, $6, 'K7Q2', $7, $8) RETURNING id`,
      [a1.id, `Meeting ${days}`, daysAgo(days), new Date(daysAgo(days).getTime() + 2 * 3600_000), visibility, status, status === 'cancelled' ? 'Storm warning' : null, actor],
    );
    return rows[0].id;
  };
  const m1 = await meeting(75, 'scheduled', 'public');
  const m2 = await meeting(20);
  await meeting(10, 'cancelled');
  const attend = (meetingId: string, who: TestCommunity, status: string) =>
    t.db.query(`INSERT INTO attendance (meeting_id, community_id, status, role, method, recorded_by_id) VALUES ($1, $2, $3, 'member', 'coordinator', $4)`, [
      meetingId,
      who.id,
      status,
      actor,
    ]);
  for (const [who, status] of [[c.reg1, 'present'], [c.reg2, 'present'], [c.o1, 'present'], [c.j1, 'absent'], [c.c1, 'excused']] as const) await attend(m1, who, status);
  for (const who of [c.reg1, c.o1, c.o2, c.j1]) await attend(m2, who, 'present');
  for (const [due, status] of [['2020-01-01', 'open'], ['2099-01-01', 'open'], ['2020-01-01', 'done']]) {
    await t.db.query(
      `INSERT INTO action_items (club_id, meeting_id, title, owner_name, due_date, status, done_at, created_by_id) VALUES ($1, $2, 'Book the hall', 'The secretariat', $3, $4, $5, $6)`,
      [a1.id, m1, due, status, status === 'done' ? new Date() : null, actor],
    );
  }

  // Joint projects: one active, one completed (public), with confirmed contributions.
  const project = async (lead: TestCommunity, status: string, partners: Array<[TestCommunity, string]>) => {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO projects (club_id, title, description, category, lead_community_id, proposed_by_id, starts_on, status, visibility,
                             outcome_summary, outcome_figures, outcome_photo_links, completed_at)
       VALUES ($1, $2, 'Together for the city', 'charity', $3, $4, '2025-01-01', $5, 'public', $6, $7, '[]'::jsonb, $8) RETURNING id`,
      [a1.id, `Project ${status} ${unique()}`, lead.id, actor, status, status === 'completed' ? 'Done well.' : null,
        JSON.stringify(status === 'completed' ? [{ label: 'Coats delivered', value: 140 }] : []), status === 'completed' ? daysAgo(45) : null],
    );
    for (const [who, partnerStatus] of [[lead, 'confirmed'], ...partners] as Array<[TestCommunity, string]>) {
      await t.db.query(
        `INSERT INTO project_partners (project_id, community_id, role, status, requested_by_id, decided_by_id, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [rows[0].id, who.id, who === lead ? 'lead' : 'partner', partnerStatus, actor, partnerStatus === 'requested' ? null : actor, partnerStatus === 'requested' ? null : new Date()],
      );
    }
    return rows[0].id;
  };
  const contribute = async (projectId: string, who: TestCommunity, volunteers: number, hours: number, days: number) => {
    const { rows } = await t.db.query<{ id: string }>(`INSERT INTO project_contributions (project_id, community_id) VALUES ($1, $2) RETURNING id`, [projectId, who.id]);
    await t.db.query(
      `INSERT INTO project_contribution_revisions (contribution_id, revision, role, volunteers, hours, status, entered_by_id, reviewed_by_id, reviewed_at)
       VALUES ($1, 1, 'partner', $2, $3, 'confirmed', $4, $4, $5)`,
      [rows[0].id, volunteers, hours, actor, daysAgo(days)],
    );
  };
  const p1 = await project(c.reg1, 'active', [[c.o1, 'confirmed'], [c.o2, 'requested']]);
  const p2 = await project(c.reg2, 'completed', [[c.o1, 'confirmed'], [c.j1, 'confirmed']]);
  await contribute(p2, c.reg2, 10, 20, 45);
  await contribute(p2, c.o1, 3, 6, 45);
  await contribute(p1, c.reg1, 5, 10, 5);

  x = { cityA, cityB, a1, b1, c, p, coordinator, official, otherOfficial, representative, consentingRep, meetings: { m1, m2 } };
});

afterAll(() => t?.close());

async function dashboard(user: TestUser, query: Record<string, string> = {}): Promise<Dashboard> {
  const response = await t.api.get('/api/reports/dashboard').query(query).set(user.auth);
  expect(response.status).toBe(200);
  return response.body;
}
const table = (d: Dashboard, key: string) => d.tables.find((tb) => tb.key === key) as Table;
const values = (tb: Table) => Object.fromEntries(tb.rows.map((r) => [r.key, r.cells.map((c) => c.value)]));
const exact = (value: number) => ({ value, listed: null, fewerThan: null });

describe("the coordinator's dashboard: every figure against the hand-computed fixture (unsuppressed)", () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await dashboard(x.coordinator);
  });

  it('covers exactly its club, unsuppressed', () => {
    expect(d.scope).toBe('clubs');
    expect(d.threshold).toBe(1);
  });

  it('communities per stage × registration status at the end of the period', () => {
    expect(values(table(d, 'stages'))).toEqual({
      applied: [0, 0, 0, 0],
      observer: [0, 6, 0, 6],
      candidate: [0, 1, 0, 1],
      member: [2, 1, 0, 3],
      suspended: [0, 0, 0, 0],
      withdrawn: [0, 0, 0, 0],
      total: [2, 8, 0, 10],
    });
  });

  it('the funnel: communities that took each step in the period', () => {
    expect(values(table(d, 'funnel'))).toEqual({ applied: [11], observer: [8], candidate: [2], member: [3] });
  });

  it('median and spread of days in each stage and from observer to member', () => {
    // Observer stays: 180 days (Consenting Church) and 120 (the catholic member): median 150, IQR 165 − 135 = 30.
    expect(values(table(d, 'durations'))).toEqual({ observer: [2, 150, 30], candidate: [1, 50, 0], observer_to_member: [1, 170, 0] });
  });

  it('decisions by outcome and reason, appeals and rulings, concerns', () => {
    expect(values(table(d, 'decisions'))).toEqual({ 'admit:milestones_met': [1], 'admit:registered_community': [1], 'decline:club_charter': [1] });
    expect(values(table(d, 'appeals'))).toEqual({ open: [0], upheld: [1], overturned: [0] });
    expect(values(table(d, 'concerns'))).toEqual({ open: [1], raised: [1], resolved: [0] });
  });

  it('meetings held per month, communities attending, the attendance rate; open and overdue action items', () => {
    const byMonth = values(table(d, 'meetingsByMonth'));
    expect(byMonth[almatyMonth(daysAgo(75))]).toEqual([1, 3, 75]);
    expect(byMonth[almatyMonth(daysAgo(20))]).toEqual([1, 4, 100]);
    expect(Object.values(byMonth).reduce((s, [meetings]) => s + (meetings as number), 0)).toBe(2);
    const meetings = table(d, 'meetings');
    expect(meetings.rows.map((r) => [r.key, r.cells[0].value])).toEqual([[x.meetings.m1, 3], [x.meetings.m2, 4]]);
    expect(meetings.rows[0].href).toBe(`/meetings/${x.meetings.m1}`);
    expect(values(table(d, 'actionItems'))).toEqual({ items: [2, 1] });
  });

  it('joint projects: active and completed, partners per project, confirmed volunteers and hours per month', () => {
    expect(values(table(d, 'projects'))).toEqual({ projects: [1, 1] });
    expect(table(d, 'partners').rows.map((r) => r.cells[0].value).sort()).toEqual([2, 3]);
    const byMonth = values(table(d, 'contributionsByMonth'));
    expect(byMonth[almatyMonth(daysAgo(45))]).toEqual([13, 26]);
    expect(byMonth[almatyMonth(daysAgo(5))]).toEqual([5, 10]);
  });

  it('the overview: its city and club side by side', () => {
    const overview = table(d, 'overview');
    expect(overview.columns).toEqual(['participants', 'observer', 'candidate', 'member', 'meetings', 'active', 'completed', 'hours']);
    expect(overview.rows.map((r) => [r.kind, r.cells.map((c) => c.value)])).toEqual([
      ['city', [10, 6, 1, 3, 2, 1, 1, 36]],
      ['club', [10, 6, 1, 3, 2, 1, 1, 36]],
      ['total', [10, 6, 1, 3, 2, 1, 1, 36]],
    ]);
    expect(overview.rows[1].href).toBe(`/clubs/${x.a1.id}`);
  });

  it('a tradition filter narrows the community counts', async () => {
    const evangelical = await dashboard(x.coordinator, { tradition: 'evangelical_protestant' });
    expect(values(table(evangelical, 'stages')).observer).toEqual([0, 5, 0, 5]);
    expect(values(table(evangelical, 'stages')).candidate).toEqual([0, 1, 0, 1]);
  });
});

describe('officials: the small-count rule, and no filter reveals what the unfiltered view hides', () => {
  /** Every selection a reader can ask for, with the communities behind the observer counts. */
  const selections = () => [
    {},
    { cityId: x.cityA.id },
    { clubId: x.a1.id },
    { cityId: x.cityB.id },
    { clubId: x.b1.id },
    { tradition: 'evangelical_protestant' },
    { tradition: 'jehovahs_witnesses' },
    { tradition: 'buddhism' },
    { cityId: x.cityA.id, tradition: 'evangelical_protestant' },
    { clubId: x.a1.id, tradition: 'evangelical_protestant' },
    { clubId: x.a1.id, tradition: 'jehovahs_witnesses' },
    { clubId: x.b1.id, tradition: 'evangelical_protestant' },
    { clubId: x.b1.id, tradition: 'buddhism' },
  ];

  it('reads its region with threshold 5; consenting and registered communities are listed, the rest suppressed', async () => {
    const d = await dashboard(x.official, { clubId: x.a1.id });
    expect(d.scope).toBe('regional');
    expect(d.threshold).toBe(5);
    const stages = table(d, 'stages');
    const member = stages.rows.find((r) => r.key === 'member') as Row;
    expect(member.cells[0]).toEqual(exact(2)); // registered: listed
    expect(member.cells[1]).toEqual({ value: null, listed: 0, fewerThan: 5 }); // the hidden catholic member
    expect((stages.rows.find((r) => r.key === 'candidate') as Row).cells[1]).toEqual(exact(1)); // consenting: listed
  });

  it('a single community behind a narrow filter reads "fewer than 5"', async () => {
    const jw = await dashboard(x.official, { clubId: x.a1.id, tradition: 'jehovahs_witnesses' });
    expect((table(jw, 'stages').rows.find((r) => r.key === 'observer') as Row).cells[1]).toEqual({ value: null, listed: 0, fewerThan: 5 });
    const buddhists = await dashboard(x.official, { tradition: 'buddhism' });
    expect((table(buddhists, 'stages').rows.find((r) => r.key === 'observer') as Row).cells[2]).toEqual({ value: null, listed: 0, fewerThan: 5 });
  });

  it('subtraction between any two filters never recovers the lone Witnesses or the lone Buddhists', async () => {
    // Naively: club A1 has 6 unlisted observers and 5 evangelical ones (6 − 5 = the Witnesses);
    // club B1 has 8 observers and 7 evangelical ones (8 − 7 = the Buddhists).
    const figures: Array<{ selection: string; observers: number | null; participants: number | null }> = [];
    for (const selection of selections()) {
      const d = await dashboard(x.official, selection as Record<string, string>);
      const observer = (table(d, 'stages').rows.find((r) => r.key === 'observer') as Row).cells[3];
      const club = (id: string) => table(d, 'overview').rows.find((r) => r.key === id);
      figures.push({ selection: JSON.stringify(selection), observers: observer.value, participants: (club(x.b1.id) ?? club(x.a1.id))?.cells[0].value ?? null });
    }
    // The pairs that would give them away are never both exact.
    const by = (s: object) => figures.find((fg) => fg.selection === JSON.stringify(s)) as (typeof figures)[number];
    const pairs: Array<[object, object]> = [
      [{ clubId: x.a1.id }, { clubId: x.a1.id, tradition: 'evangelical_protestant' }],
      [{ clubId: x.b1.id }, { clubId: x.b1.id, tradition: 'evangelical_protestant' }],
      [{}, { tradition: 'evangelical_protestant' }],
      [{ cityId: x.cityA.id }, { cityId: x.cityA.id, tradition: 'evangelical_protestant' }],
    ];
    for (const [coarse, fine] of pairs) {
      const both = by(coarse).observers !== null && by(fine).observers !== null;
      if (both) expect((by(coarse).observers as number) - (by(fine).observers as number)).not.toBe(1);
    }
  });

  it('lists meetings one by one only when a single club is selected; wider views keep the monthly figures', async () => {
    // At national scale the region's view would otherwise list every meeting of every club.
    const wide = await dashboard(x.official);
    expect(table(wide, 'meetings').rows).toEqual([]);
    expect(values(table(wide, 'meetingsByMonth'))[almatyMonth(daysAgo(20))][0]).toBeGreaterThanOrEqual(1);
    const one = await dashboard(x.official, { clubId: x.a1.id });
    expect(table(one, 'meetings').rows.map((r) => r.key)).toEqual([x.meetings.m1, x.meetings.m2]);
  });

  it('medians and rates over fewer than 5 communities are not shown', async () => {
    const d = await dashboard(x.official, { clubId: x.a1.id });
    for (const row of table(d, 'durations').rows) expect(row.cells.every((c) => c.value === null && c.fewerThan === null)).toBe(true);
    const rates = table(d, 'meetingsByMonth').rows.map((r) => r.cells[2]);
    expect(rates.filter((c) => c.value !== null && c.value > 0)).toEqual([]);
  });

  it('sums of hours resting on one or two hidden communities are withheld', async () => {
    const d = await dashboard(x.official, { clubId: x.a1.id });
    const month = values(table(d, 'contributionsByMonth'))[almatyMonth(daysAgo(45))];
    expect(month).toEqual([null, null]);
    // Only registered communities contributed this month: exact.
    expect(values(table(d, 'contributionsByMonth'))[almatyMonth(daysAgo(5))]).toEqual([5, 10]);
  });

  it('links the candidates figure to the candidacies it may review, and names no community anywhere', async () => {
    const response = await t.api.get('/api/reports/dashboard').set(x.official.auth);
    expect((table(response.body, 'stages').rows.find((r) => r.key === 'candidate') as Row).href).toBe('/official/candidacies');
    const text = JSON.stringify(response.body);
    for (const community of Object.values(x.c)) expect(text).not.toContain(community.name);
  });

  it('an official of another region sees none of these clubs, and a filter on them answers 404', async () => {
    const d = await dashboard(x.otherOfficial);
    expect(d.tables.find((tb) => tb.key === 'overview')?.rows.some((r) => r.key === x.a1.id)).toBe(false);
    expect((await t.api.get('/api/reports/dashboard').query({ clubId: x.a1.id }).set(x.otherOfficial.auth)).status).toBe(404);
  });

  it('representatives and the public have no dashboard', async () => {
    expect((await t.api.get('/api/reports/dashboard').set(x.representative.auth)).status).toBe(403);
    expect((await t.api.get('/api/reports/dashboard')).status).toBe(401);
  });
});

describe('exports', () => {
  const csvOf = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

  it('a dashboard table as CSV: BOM, headers in the reader’s language, the same suppression, recorded', async () => {
    const response = await t.api.get('/api/reports/dashboard.csv').query({ table: 'stages', clubId: x.a1.id, lang: 'ru' }).set(x.official.auth).buffer(true).parse((res, done) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => done(null, data));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="dastarkhan-stages-last-12-months\.csv"/);
    const text = response.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = csvOf(text);
    expect(lines[0]).toBe('Этап;Зарегистрирована;Не зарегистрирована;Регистрация в процессе;Всего');
    expect(lines).toHaveLength(8);
    expect(lines).toContain('Кандидат;0;1;0;1');
    expect(lines.find((l) => l.startsWith('Член клуба'))).toBe('Член клуба;2;меньше 5;0;2 + меньше 5');

    const { rows } = await t.db.query(`SELECT kind, actor_role, community_ids, resource, details FROM sensitive_events WHERE actor_id = $1 AND kind = 'export'`, [x.official.id]);
    expect(rows).toEqual([
      {
        kind: 'export',
        actor_role: 'official',
        community_ids: [],
        resource: 'reports.stages',
        details: { period: 'last-12-months', cityId: null, clubId: x.a1.id, tradition: null, threshold: 5, rows: 7 },
      },
    ]);
  });

  const text = (request: ReturnType<TestApp['api']['get']>) =>
    request.buffer(true).parse((res, done) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => done(null, data));
    });

  it('the monthly attendance per club is streamed, with the dashboard’s figures', async () => {
    const response = await text(t.api.get('/api/reports/attendance.csv').query({ lang: 'en' }).set(x.coordinator.auth));
    expect(response.status).toBe(200);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    const lines = csvOf(response.body as string);
    expect(lines[0]).toBe('City,Club,Month,Meetings held,Communities attending,"Attendance rate, %"');
    expect(lines).toHaveLength(1 + 12);
    const m1 = lines.find((l) => l.includes(`,${almatyMonth(daysAgo(75))},`)) as string;
    expect(m1.split(',').slice(-3)).toEqual(['1', '3', '75']);
  });

  it("a club's annual report, in Kazakh, with the same suppression for an official", async () => {
    const year = String(new Date(Date.now() + 5 * 3600_000).getUTCFullYear());
    const coordinatorCsv = await text(t.api.get(`/api/reports/clubs/${x.a1.id}/annual.csv`).query({ year, lang: 'kk' }).set(x.coordinator.auth));
    expect(coordinatorCsv.status).toBe(200);
    const lines = csvOf(coordinatorCsv.body as string);
    expect(lines[0]).toContain(x.a1.name);
    expect(lines).toContain('Жыл басындағы кезеңдер бойынша қауымдастықтар');
    expect(lines).toContain('Жыл соңындағы кезеңдер бойынша қауымдастықтар');
    const officialCsv = await text(t.api.get(`/api/reports/clubs/${x.a1.id}/annual.csv`).query({ year, lang: 'kk' }).set(x.official.auth));
    expect(officialCsv.body).toContain('5-ден аз');
    expect((await t.api.get(`/api/reports/clubs/${x.a1.id}/annual.csv`).query({ year }).set(x.otherOfficial.auth)).status).toBe(404);
    expect((await t.api.get(`/api/reports/clubs/${x.a1.id}/annual.csv`).query({ year }).set(x.representative.auth)).status).toBe(404);
  });
});

describe('named records only as the rules allow', () => {
  it("an official reads a consenting candidate's record, and the read shows in the community's access log", async () => {
    expect((await t.api.get(`/api/participations/${x.p.c1}`).set(x.official.auth)).status).toBe(200);
    expect((await t.api.get(`/api/participations/${x.p.o1}`).set(x.official.auth)).status).toBe(404);
    const log = await t.api.get(`/api/communities/${x.c.c1.id}/access-log`).set(x.consentingRep.auth);
    expect(log.status).toBe(200);
    expect(log.body.items.some((e: { kind: string; actorRole: string }) => e.kind === 'read' && e.actorRole === 'official')).toBe(true);
  });

  it('loading the dashboard records no read of any protected record (it names none)', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM sensitive_events WHERE actor_id = $1 AND kind = 'read'`, [x.otherOfficial.id]);
    await dashboard(x.otherOfficial);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM sensitive_events WHERE actor_id = $1 AND kind = 'read'`, [x.otherOfficial.id]);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});

describe('open data: the public page of a city', () => {
  it('counts clubs, meetings and projects with the public rule (10), and shows what public projects achieved', async () => {
    const response = await t.api.get(`/api/open-data/cities/${x.cityA.id}`);
    expect(response.status).toBe(200);
    expect(response.body.threshold).toBe(10);
    const club = response.body.clubs.rows.find((r: Row) => r.key === x.a1.id) as Row;
    expect(club.cells[0]).toMatchObject({ value: null }); // 2 registered listed + 8 protected: hidden
    expect(club.cells[4]).toEqual(exact(2)); // meetings held
    expect(club.cells[5]).toEqual(exact(1)); // active projects
    const [completed] = response.body.projects;
    expect(completed).toMatchObject({ outcomeSummary: 'Done well.', outcomeFigures: [{ label: 'Coats delivered', value: 140 }] });
    // One protected partner contributed: the sums rest on fewer than 10 hidden communities.
    expect(completed.volunteers).toEqual({ value: null, listed: null, fewerThan: 10 });
    const text = JSON.stringify(response.body);
    for (const community of Object.values(x.c)) expect(text).not.toContain(community.name);
  });

  it('answers 404 for an unknown city', async () => {
    expect((await t.api.get('/api/open-data/cities/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
