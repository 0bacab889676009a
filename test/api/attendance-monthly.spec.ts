import { createFactories, Factories, TestClub, TestCommunity, TestUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The dashboard reads attendance from `attendance_monthly`, which triggers keep in the writer's
 * transaction (migrations/1796305200500-attendance-monthly.ts). After records are written, corrected
 * and removed, and meetings moved, cancelled and deleted, the summary must equal a fresh recount and
 * the dashboard must answer the same before and after the recount.
 */
let t: TestApp;
let f: Factories;
let club: TestClub;
let coordinator: TestUser;
let communities: TestCommunity[];

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
type Cell = { value: number | null };
type Dashboard = { tables: Array<{ key: string; rows: Array<{ key: string; cells: Cell[] }> }> };

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  club = await f.newClub();
  coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
  communities = [];
  for (let i = 0; i < 4; i++) communities.push(await f.newCommunity({ tradition: 'sunni_islam', registered: true }));
});

afterAll(() => t?.close());

async function meeting(startsAt: Date, status = 'scheduled'): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, cancel_reason, created_by_id)
     VALUES ($1, 'Monthly meeting', $2, $3, 'in_person', 'club', $4, 'K7Q2', $5, $6) RETURNING id`,
    [club.id, startsAt, new Date(startsAt.getTime() + 2 * 3600_000), status, status === 'cancelled' ? 'Storm warning' : null, coordinator.id],
  );
  return rows[0].id;
}

const attend = (meetingId: string, who: TestCommunity, status: string) =>
  t.db.query(`INSERT INTO attendance (meeting_id, community_id, status, role, method, recorded_by_id) VALUES ($1, $2, $3, 'member', 'coordinator', $4)`, [
    meetingId,
    who.id,
    status,
    coordinator.id,
  ]);

/** The club's summary rows as the triggers left them, and as a recount from the records computes them. */
async function summaryAndRecount() {
  const kept = await t.db.query(
    `SELECT bucket, month, community_id, n, present, records FROM attendance_monthly WHERE club_id = $1 AND n > 0 ORDER BY 1, 2, 3`,
    [club.id],
  );
  const recounted = await t.db.query(
    `SELECT k.bucket, k.month, a.community_id, count(*)::int AS n, count(*) FILTER (WHERE a.status = 'present')::int AS present,
            count(*) FILTER (WHERE a.status <> 'excused')::int AS records
       FROM meetings m CROSS JOIN LATERAL attendance_monthly_key(m.club_id, m.starts_at, m.status) k JOIN attendance a ON a.meeting_id = m.id
      WHERE m.club_id = $1 AND k.club_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [club.id],
  );
  return { kept: kept.rows, recounted: recounted.rows };
}

async function monthly(): Promise<Record<string, Array<number | null>>> {
  const response = await t.api.get('/api/reports/dashboard').set(coordinator.auth);
  expect(response.status).toBe(200);
  const table = (response.body as Dashboard).tables.find((tb) => tb.key === 'meetingsByMonth');
  return Object.fromEntries((table?.rows ?? []).filter((r) => r.cells[0].value !== 0).map((r) => [r.key, r.cells.map((c) => c.value)]));
}

/** The summary equals a recount, and the dashboard answers the same after the whole table is recounted. */
async function expectExact() {
  const { kept, recounted } = await summaryAndRecount();
  expect(kept).toEqual(recounted);
  const before = await monthly();
  await t.db.query('SELECT recount_attendance_monthly()');
  expect(await monthly()).toEqual(before);
  return before;
}

const almatyMonth = (date: Date) => new Date(date.getTime() + 5 * 3600_000).toISOString().slice(0, 7);

it('keeps the monthly attendance exact through corrections, moves, cancellations and deletions', async () => {
  const [a, b, c, d] = communities;
  const early = await meeting(daysAgo(75));
  const late = await meeting(daysAgo(35));
  const cancelled = await meeting(daysAgo(45), 'cancelled');
  for (const who of [a, b, c]) await attend(early, who, 'present');
  await attend(early, d, 'excused');
  for (const who of [a, b]) await attend(late, who, 'present');
  await attend(cancelled, c, 'present');
  // This month's meetings are read live: one held an hour ago counts, one an hour ahead (recorded early) not yet.
  const anHourAgo = new Date(Date.now() - 3600_000);
  await attend(await meeting(anHourAgo), c, 'present');
  await attend(await meeting(new Date(Date.now() + 3600_000)), d, 'present');

  const recorded = await expectExact();
  expect(recorded[almatyMonth(anHourAgo)]).toEqual([1, 1, 100]);
  // Three of the three counted records present in the early month; two of two in the late one.
  expect(recorded[almatyMonth(daysAgo(75))]).toEqual([1, 3, 100]);
  expect(recorded[almatyMonth(daysAgo(35))]).toEqual([1, 2, 100]);

  // A correction: present → absent, and an excused record becomes counted.
  await t.db.query(`UPDATE attendance SET status = 'absent' WHERE meeting_id = $1 AND community_id = $2`, [early, b.id]);
  await t.db.query(`UPDATE attendance SET status = 'absent' WHERE meeting_id = $1 AND community_id = $2`, [early, d.id]);
  const corrected = await expectExact();
  expect(corrected[almatyMonth(daysAgo(75))]).toEqual([1, 2, 50]);

  // The late meeting moves 55 days back, out of its month (next to the early meeting).
  await t.db.query(`UPDATE meetings SET starts_at = starts_at - interval '55 days', ends_at = ends_at - interval '55 days' WHERE id = $1`, [late]);
  const moved = await expectExact();
  expect(moved[almatyMonth(daysAgo(35))]).toBeUndefined();

  // The cancelled meeting takes place after all; a record is removed; then the early meeting is deleted.
  await t.db.query(`UPDATE meetings SET status = 'scheduled', cancel_reason = NULL WHERE id = $1`, [cancelled]);
  await t.db.query(`DELETE FROM attendance WHERE meeting_id = $1 AND community_id = $2`, [late, a.id]);
  await expectExact();
  await t.db.query(`DELETE FROM meetings WHERE id = $1`, [early]);
  const deleted = await expectExact();
  expect(deleted[almatyMonth(daysAgo(45))]).toEqual([1, 1, 100]);
});
