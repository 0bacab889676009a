import type { EntityManager } from 'typeorm';
import {
  addFigures,
  allows,
  GLOBAL,
  DECISION_REASON_CODES,
  DECISION_OUTCOMES,
  exactCell,
  hiddenCell,
  interquartileRange,
  median,
  statisticAllowed,
  sumAllowed,
  suppressBlock,
  viewCell,
  viewCells,
  reportCell,
  type Block,
  type CommunityClass,
  type Figure,
  type ProjectResource,
  type ReportCell,
  type Selection,
} from '@dastarkhan/domain';
import { projectReadCommunityIds } from '../access/project-visibility';
import type { ReportRowDto, ReportTableDto, ReportTableKey } from './dto/reports.dto';
import { citiesOf, COMMUNITY_CLASS_SQL, coarserSelections, listedIn, type ParticipationFact, type ReportContext } from './report-data';

const COMMUNITY_CLASSES: readonly CommunityClass[] = ['open', 'consenting', 'closed'];

/** The stages of the issue's participation table, and the registration statuses (columns). */
export const STAGES = ['applied', 'observer', 'candidate', 'member', 'suspended', 'withdrawn'] as const;
export const REGISTRATIONS = ['registered', 'not_registered', 'registration_pending'] as const;
const PARTICIPANT_STAGES = ['observer', 'candidate', 'member', 'suspended'] as const;
const STEPS = ['applied', 'observer', 'candidate', 'member'] as const;
const STEP_ACTIONS: Record<(typeof STEPS)[number], readonly string[]> = {
  applied: ['apply'],
  observer: ['accept'],
  candidate: ['nominate', 'request_nomination'],
  member: ['admit'],
};
const DECISION_PAIRS = DECISION_OUTCOMES.flatMap((outcome) => DECISION_REASON_CODES[outcome].map((reason) => `${outcome}:${reason}`));
const APPEAL_COLUMNS = ['open', 'upheld', 'overturned'] as const;
const CONCERN_COLUMNS = ['open', 'raised', 'resolved'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One counted community in a block: its club, tradition, whether the reader lists it, and the column. */
interface Counted {
  clubId: string;
  tradition: string;
  listed: boolean;
  column: number;
  /** Counted once per key and column (a community, or a participation). */
  key: string;
}

/** A number of communities in one cell of a club's block (already distinct within the club and column). */
interface CellCount {
  clubId: string;
  tradition: string;
  listed: boolean;
  column: number;
  count: number;
}

/** One block per selected-or-scope club: rows = traditions, columns = `columns`, suppressed once. */
export function blocksOf(ctx: ReportContext, columns: number, items: readonly Counted[], clubIds: Iterable<string> = ctx.clubsById.keys()): Block[] {
  const seen = new Set<string>();
  const counts: CellCount[] = [];
  for (const item of items) {
    const unique = `${item.clubId}|${item.key}|${item.column}`;
    if (seen.has(unique)) continue;
    seen.add(unique);
    counts.push({ ...item, count: 1 });
  }
  return blocksOfCounts(ctx, columns, counts, clubIds);
}

/** The same blocks from counts PostgreSQL has already made distinct per club and column. */
function blocksOfCounts(ctx: ReportContext, columns: number, counts: readonly CellCount[], clubIds: Iterable<string> = ctx.clubsById.keys()): Block[] {
  const byClub = new Map<string, Map<string, { listed: number[]; unlisted: number[] }>>();
  for (const item of counts) {
    const rows = byClub.get(item.clubId) ?? new Map();
    byClub.set(item.clubId, rows);
    const row = rows.get(item.tradition) ?? { listed: new Array(columns).fill(0), unlisted: new Array(columns).fill(0) };
    rows.set(item.tradition, row);
    (item.listed ? row.listed : row.unlisted)[item.column] += item.count;
  }
  return [...clubIds].map((clubId) =>
    suppressBlock(
      {
        clubId,
        columns,
        rows: [...(byClub.get(clubId) ?? new Map()).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tradition, row]) => ({ tradition, ...row })),
      },
      ctx.threshold,
    ),
  );
}

/** Contributors of a statistic, with the club, tradition and listing of each. */
interface Contributor {
  clubId: string;
  tradition: string;
  listed: boolean;
  key: string;
}

type DistinctOf = (selection: Selection) => { all: number; unlisted: number };

const selects = (selection: Selection, item: { clubId: string; tradition: string }) =>
  selection.clubIds.has(item.clubId) && (selection.tradition === null || selection.tradition === item.tradition);

/** Whether a statistic (or, with `sum`, a sum) resting on `count`'s communities may be shown for `selection` (grid.ts, with every coarser view). */
function gateOn(ctx: ReportContext, count: DistinctOf, selection: Selection, sum: boolean): boolean {
  const own = count(selection);
  const complements = coarserSelections(ctx, selection).map((s) => count(s).unlisted - own.unlisted);
  return sum ? sumAllowed(own.unlisted, complements, ctx.threshold) : statisticAllowed(own, complements, ctx.threshold);
}

/** Whether a statistic (or, with `sum`, a sum) over `contributors` may be shown for `selection` (grid.ts, with every coarser view). */
export function gate(ctx: ReportContext, contributors: readonly Contributor[], selection: Selection = ctx.selection, sum = false): boolean {
  const count = (s: Selection) => {
    const all = new Set<string>();
    const unlisted = new Set<string>();
    for (const c of contributors) {
      if (!selects(s, c)) continue;
      all.add(c.key);
      if (!c.listed) unlisted.add(c.key);
    }
    return { all: all.size, unlisted: unlisted.size };
  };
  return gateOn(ctx, count, selection, sum);
}

/**
 * Distinct communities of a month for any selection, read from the GROUPING SETS rows. A selection's
 * clubs (and each coarser view's) are one club, one city's clubs in the scope, or the whole scope.
 */
function distinctCounts(ctx: ReportContext, rows: readonly DistinctCount[]): (month: string) => DistinctOf {
  const byKey = new Map(rows.map((r) => [`${r.clubId ?? ''}|${r.cityId ?? ''}|${r.tradition ?? ''}|${r.month}`, r]));
  return (month) => (selection) => {
    const found = byKey.get(`${levelOf(ctx, selection.clubIds)}|${selection.tradition ?? ''}|${month}`);
    return { all: found?.all ?? 0, unlisted: found?.unlisted ?? 0 };
  };
}

/** `club|city` of the GROUPING SETS row a set of clubs reads: one club, one city's clubs in the scope, or (both empty) the whole scope. */
function levelOf(ctx: ReportContext, clubIds: ReadonlySet<string>): string {
  const ids = [...clubIds];
  if (ids.length === ctx.scope.length) return '|';
  if (ids.length === 1) return `${ids[0]}|`;
  const cityId = ctx.clubsById.get(ids[0])?.cityId;
  if (ctx.scope.filter((club) => club.cityId === cityId).length !== ids.length) throw new Error('A report selection is one club, one city or the whole scope');
  return `|${cityId}`;
}

/**
 * The distinct counts of the selection's own clubs, its cities' clubs and the whole scope (the
 * views a statistic over the selection could be subtracted from), as the rows `distinctCounts` reads.
 */
function selectionCounts(ctx: ReportContext, cityClubs: ReadonlySet<string>, rows: readonly SelectionCount[]): DistinctCount[] {
  const at = (clubIds: ReadonlySet<string>) => {
    const [clubId, cityId] = levelOf(ctx, clubIds).split('|');
    return { clubId: clubId || null, cityId: cityId || null };
  };
  return rows.flatMap((r) => [
    { month: r.month, tradition: r.tradition, ...at(ctx.selection.clubIds), all: r.selAll, unlisted: r.selUnlisted },
    { month: r.month, tradition: r.tradition, ...at(cityClubs), all: r.cityAll, unlisted: r.cityUnlisted },
    { month: r.month, tradition: r.tradition, clubId: null, cityId: null, all: r.scopeAll, unlisted: r.scopeUnlisted },
  ]);
}

const cellOfFigure = (figure: Figure): ReportCell => reportCell(0, figure);
const round1 = (n: number) => Math.round(n * 10) / 10;

function row(kind: ReportRowDto['kind'], key: string, cells: ReportCell[], extra: Partial<ReportRowDto> = {}): ReportRowDto {
  return { key, kind, label: null, cityName: null, date: null, href: null, cells, ...extra };
}

interface MeetingFact {
  id: string;
  clubId: string;
  title: string;
  visibility: 'public' | 'club';
  startsAt: Date;
}

interface ProjectFact {
  id: string;
  clubId: string;
  title: string;
  status: ProjectResource['status'];
  visibility: ProjectResource['visibility'];
  /** Only when the reader represents the lead community (the access rule compares it with the reader's communities). */
  leadCommunityId: string | null;
  completedAt: Date | null;
  /** The partnerships of the communities the reader represents: all the access rule reads of the partners. */
  own: Array<{ communityId: string; status: 'requested' | 'confirmed' | 'declined' }>;
  /** Confirmed partners (distinct communities) per tradition × listing. */
  counts: Array<[string, boolean, number]>;
}

/** Per club × Almaty month × tradition × listing: communities present (distinct), present and counted (not excused) records. */
interface AttendanceCount {
  clubId: string;
  month: string;
  tradition: string;
  listed: boolean;
  attending: number;
  present: number;
  records: number;
}

/** Confirmed contributions per club × month × tradition: how many, and their volunteers and hours. */
interface ContributionSum {
  clubId: string;
  month: string;
  tradition: string;
  contributions: number;
  volunteers: number;
  hours: number;
}

/**
 * Distinct communities (all, and those the reader may not see by name) per month, for every club,
 * every city and the whole scope, with and without each tradition: a community in two clubs counts
 * once above club level, so the statistic gates are not loosened by double counting.
 */
interface DistinctCount {
  month: string;
  clubId: string | null;
  cityId: string | null;
  tradition: string | null;
  all: number;
  unlisted: number;
}

/** Distinct communities of a month (and tradition, or all) in the selection, its cities and the whole scope. */
interface SelectionCount {
  month: string;
  tradition: string | null;
  selAll: number;
  selUnlisted: number;
  cityAll: number;
  cityUnlisted: number;
  scopeAll: number;
  scopeUnlisted: number;
}

type Tradition = ParticipationFact['tradition'];
type Stay = 'observer' | 'candidate' | 'observer_to_member';

/** Distinct participations of one club × tradition × class in one column (a decision's outcome:reason, an appeal's status, a concern's state). */
interface ParticipationCount {
  clubId: string;
  tradition: Tradition;
  kind: CommunityClass;
  column: string;
  count: number;
}
/**
 * Counts per club × tradition × listing as one array of columns, from rows (club_id, tradition, kind, col, n)
 * already grouped per class: the listing is tested once per group, not once per participation.
 */
const listingCounts = (rows: string, columns: number) =>
  `(SELECT COALESCE(json_agg(json_build_array(club_id, tradition, unlisted, n)), '[]'::json)
      FROM (SELECT club_id, tradition, unlisted,
                   ARRAY[${Array.from({ length: columns }, (_, i) => `COALESCE(sum(n) FILTER (WHERE col = ${i}), 0)`).join(', ')}]::int[] AS n
              FROM (SELECT y.*, ${UNLISTED_SQL} AS unlisted FROM (${rows}) y WHERE y.col IS NOT NULL) z
             GROUP BY 1, 2, 3) g)`;

/** Distinct participations per club × tradition × class × column, from rows (participation_id, club_id, tradition, kind, col). */
const participationCounts = (rows: string) =>
  json(`SELECT club_id AS "clubId", tradition, kind, col AS "column", count(*)::int AS count
          FROM (SELECT DISTINCT participation_id, club_id, tradition, kind, col FROM (${rows}) r) d GROUP BY 1, 2, 3, 4`);

/** Whether the reader may NOT count a row's community by name: `$5` lists the club × class pairs it may (`listedIn`). */
const UNLISTED_SQL = `NOT ((y.club_id::text || ':' || y.kind) = ANY($5))`;

/**
 * Distinct communities (all, unlisted) per month for every club, city and the whole scope, with and
 * without tradition, from rows (month, club_id, city_id, community_id, tradition, unlisted): each
 * level first reduced to one row per community, so hashing replaces DISTINCT's sorts.
 */
const distinctSql = (rows: string) => `
  WITH d AS (SELECT month, club_id, city_id, community_id, tradition, bool_or(unlisted) AS unlisted FROM (${rows}) r GROUP BY 1, 2, 3, 4, 5),
       dc AS (SELECT month, city_id, community_id, tradition, bool_or(unlisted) AS unlisted FROM d GROUP BY 1, 2, 3, 4),
       ds AS (SELECT month, community_id, tradition, bool_or(unlisted) AS unlisted FROM dc GROUP BY 1, 2, 3)
  SELECT month, club_id AS "clubId", NULL::uuid AS "cityId", tradition, count(*)::int AS "all", count(*) FILTER (WHERE unlisted)::int AS unlisted
    FROM d GROUP BY GROUPING SETS ((month, club_id, tradition), (month, club_id))
  UNION ALL
  SELECT month, NULL, city_id, tradition, count(*)::int, count(*) FILTER (WHERE unlisted)::int FROM dc GROUP BY GROUPING SETS ((month, city_id, tradition), (month, city_id))
  UNION ALL
  SELECT month, NULL, NULL, tradition, count(*)::int, count(*) FILTER (WHERE unlisted)::int FROM ds GROUP BY GROUPING SETS ((month, tradition), (month))`;

/** A timestamp's Almaty month as `almatyMonth` (libs/domain) computes it: UTC+5. */
const ALMATY_MONTH = (column: string) => `to_char((${column} AT TIME ZONE 'UTC') + interval '5 hours', 'YYYY-MM')`;
const json = (select: string) => `(SELECT COALESCE(json_agg(q), '[]'::json) FROM (${select}) q)`;

/**
 * Everything the dashboard reads for a context, in ONE statement (one connection, no fan-out):
 * attendance and contributions arrive aggregated per club × month × tradition × class, with the
 * distinct counts the gates need; the per-meeting figures only for a single selected club.
 */
export async function loadFacts(db: EntityManager, ctx: ReportContext) {
  const clubIds = ctx.scope.map((club) => club.id);
  const single = ctx.selection.clubIds.size === 1 ? [...ctx.selection.clubIds][0] : null;
  // Which club × class pairs the reader counts by name: the access module's answer, handed to SQL.
  const listed = ctx.scope.flatMap((club) => COMMUNITY_CLASSES.filter((kind) => listedIn(ctx, club.id, kind)).map((kind) => `${club.id}:${kind}`));
  const cityClubs = citiesOf(ctx, ctx.selection.clubIds);
  const held = `m.status = 'scheduled' AND m.starts_at >= $2 AND m.starts_at < LEAST($3, now())`;
  const [facts]: Array<{
    stages: Array<[string, Tradition, boolean, number[]]>;
    steps: Array<[string, Tradition, boolean, number[]]>;
    stays: Array<[string, string, Tradition, CommunityClass, Stay, number]>;
    decisions: ParticipationCount[];
    appeals: ParticipationCount[];
    concerns: ParticipationCount[];
    meetingMonths: Array<{ clubId: string; month: string; meetings: number }>;
    meetings: Array<Omit<MeetingFact, 'startsAt'> & { startsAt: string }>;
    attendance: Array<{ clubId: string; tradition: string; unlisted: boolean; months: Record<string, [number, number, number]> }>;
    attendanceDistinct: SelectionCount[];
    meetingAttendance: Array<{ meetingId: string; tradition: string; kind: CommunityClass; attending: number }>;
    actionItems: Array<{ clubId: string; open: number; overdue: number }>;
    projects: Array<Omit<ProjectFact, 'completedAt' | 'own'> & { completedAt: string | null; own: Array<[string, ProjectFact['own'][number]['status']]> }>;
    contributions: ContributionSum[];
    contributionDistinct: DistinctCount[];
  }> = await db.query(
    `WITH scope AS (SELECT cl.id AS club_id, cl.city_id FROM clubs cl WHERE cl.id = ANY($1)),
          -- The held meetings' whole months come from attendance_monthly (UTC+5 months, as the period's instants):
          -- those before \`cut\`, the start of the month holding the period's end (now, in the current month).
          -- From \`cut\` on, the meetings held so far are read live.
          bounds AS (SELECT lim, GREATEST($2::timestamptz, (date_trunc('month', (lim AT TIME ZONE 'UTC') + interval '5 hours') - interval '5 hours') AT TIME ZONE 'UTC') AS cut
                       FROM (SELECT LEAST($3::timestamptz, now()) AS lim) l),
          live AS (SELECT m.id, m.club_id, to_char(m.starts_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM') AS month
                     FROM meetings m, bounds b WHERE m.club_id = ANY($1) AND m.status = 'scheduled' AND m.starts_at >= b.cut AND m.starts_at < b.lim),
          -- One row per club × month × community.
          att AS MATERIALIZED (
            SELECT y.*, ${UNLISTED_SQL} AS unlisted
              FROM (SELECT x.*, s.city_id, c.tradition, ${COMMUNITY_CLASS_SQL} AS kind
                      FROM (SELECT club_id, month, community_id, sum(present) AS present, sum(records) AS records
                              FROM (SELECT k.club_id, k.month, k.community_id, k.present, k.records
                                      FROM attendance_monthly k, bounds b
                                     WHERE k.club_id = ANY($1) AND k.n > 0
                                       AND k.bucket >= ${ALMATY_MONTH('$2::timestamptz')} AND k.bucket < ${ALMATY_MONTH('b.cut')}
                                    UNION ALL
                                    SELECT h.club_id, h.month, a.community_id, (a.status = 'present')::int, (a.status <> 'excused')::int
                                      FROM live h JOIN attendance a ON a.meeting_id = h.id) r
                             GROUP BY 1, 2, 3) x
                      JOIN scope s ON s.club_id = x.club_id JOIN communities c ON c.id = x.community_id) y),
          -- The participations' histories, reduced here: instants in epoch milliseconds, as the
          -- JavaScript Dates they were once shipped as (and the period's bounds, which are such Dates).
          pt AS (SELECT floor(extract(epoch FROM $2::timestamptz) * 1000)::bigint AS f, floor(extract(epoch FROM $3::timestamptz) * 1000)::bigint AS t),
          pw AS MATERIALIZED (
            SELECT w.*, NOT w.ended AND (w.next_at IS NULL OR w.next_at >= w.t) AS at_end
              FROM (SELECT e.pid, e.club_id, e.community_id, e.sequence, e.action, e.to_status, e.at,
                           -- The history in its order (sequence) up to the first event at or after the period's end:
                           -- the status at the end is the last event before it (statusAt), even if a later one is dated
                           -- earlier. \`at_end\` marks that event (one per participation that had applied by then).
                           bool_or(e.at >= pt.t) OVER w AS ended, lead(e.at) OVER w AS next_at, pt.f, pt.t
                      FROM (SELECT ev.participation_id AS pid, p.club_id, p.community_id, ev.sequence, ev.action, ev.to_status,
                                   floor(extract(epoch FROM ev.created_at) * 1000)::bigint AS at
                              FROM participation_events ev JOIN participations p ON p.id = ev.participation_id WHERE p.club_id = ANY($1)) e, pt
                    WINDOW w AS (PARTITION BY e.pid ORDER BY e.sequence)) w),
          -- The steps each participation took in the period (events of the step's actions).
          pstep AS (
            SELECT pid, club_id, community_id, ${STEPS.map((step) => `bool_or(action IN (${STEP_ACTIONS[step].map((x) => `'${x}'`).join(', ')})) AS ${step}`).join(', ')}
              FROM pw WHERE action IN (${STEPS.flatMap((step) => STEP_ACTIONS[step]).map((x) => `'${x}'`).join(', ')}) AND at >= f AND at < t
             GROUP BY pid, club_id, community_id),
          con AS MATERIALIZED (
            SELECT y.*, ${UNLISTED_SQL} AS unlisted
              FROM (SELECT DISTINCT ON (r.contribution_id) s.club_id, s.city_id, pc.community_id, c.tradition, ${COMMUNITY_CLASS_SQL} AS kind,
                           r.volunteers, r.hours, ${ALMATY_MONTH('r.reviewed_at')} AS month
                      FROM project_contribution_revisions r JOIN project_contributions pc ON pc.id = r.contribution_id
                      JOIN projects pr ON pr.id = pc.project_id JOIN scope s ON s.club_id = pr.club_id JOIN communities c ON c.id = pc.community_id
                     WHERE r.status = 'confirmed'
                     ORDER BY r.contribution_id, r.revision DESC) y
             WHERE y.month = ANY($4))
     SELECT
       -- Participations per club × tradition × listing, counted in each column of the stages table: the
       -- status at the period's end × the registration (a CHECK keeps it one of the three).
       ${listingCounts(
         `SELECT w.club_id, c.tradition, ${COMMUNITY_CLASS_SQL} AS kind,
                 (array_position(ARRAY[${STAGES.map((x) => `'${x}'`).join(', ')}], w.to_status) - 1) * 3
                   + array_position(ARRAY[${REGISTRATIONS.map((x) => `'${x}'`).join(', ')}], c.registration_status) - 1 AS col, count(*) AS n
            FROM pw w JOIN communities c ON c.id = w.community_id WHERE w.at_end GROUP BY 1, 2, 3, 4`,
         STAGES.length * 3,
       )} AS stages,
       -- Participations that took each step in the period, per club × tradition × listing.
       ${listingCounts(
         `SELECT s.club_id, c.tradition, ${COMMUNITY_CLASS_SQL} AS kind, x.col, count(*) AS n
            FROM pstep s JOIN communities c ON c.id = s.community_id,
                 LATERAL (VALUES ${STEPS.map((step, i) => `(${i}, s.${step})`).join(', ')}) x(col, took)
           WHERE x.took GROUP BY 1, 2, 3, 4`,
         STEPS.length,
       )} AS steps,
       -- Completed stays that ended in the period (milliseconds): observer or candidate until the next
       -- event, and from the first acceptance to an admission.
       (SELECT COALESCE(json_agg(json_build_array(s.pid, s.club_id, c.tradition, ${COMMUNITY_CLASS_SQL}, s.stage, s.ms)), '[]'::json)
          FROM (SELECT pid, club_id, community_id, to_status AS stage, next_at - at AS ms
                  FROM pw WHERE to_status IN ('observer', 'candidate') AND next_at >= f AND next_at < t
                UNION ALL
                SELECT m.pid, m.club_id, m.community_id, 'observer_to_member', m.at - a.at
                  FROM pw m JOIN (SELECT DISTINCT ON (pid) pid, sequence, at FROM pw WHERE action = 'accept' ORDER BY pid, sequence) a
                    ON a.pid = m.pid AND a.sequence < m.sequence
                 WHERE m.action = 'admit' AND m.at >= m.f AND m.at < m.t) s
          JOIN communities c ON c.id = s.community_id) AS stays,
       -- Decisions, appeals and concerns: distinct participations per club × tradition × class × column.
       ${participationCounts(`SELECT d.participation_id, p.club_id, c.tradition, ${COMMUNITY_CLASS_SQL} AS kind, d.outcome || ':' || d.reason_code AS col
                 FROM participation_decisions d JOIN participations p ON p.id = d.participation_id JOIN communities c ON c.id = p.community_id
                WHERE p.club_id = ANY($1) AND d.decided_at >= $2 AND d.decided_at < $3`)} AS decisions,
       ${participationCounts(`SELECT d.participation_id, p.club_id, c.tradition, ${COMMUNITY_CLASS_SQL} AS kind, a.status AS col
                 FROM decision_appeals a JOIN participation_decisions d ON d.id = a.decision_id JOIN participations p ON p.id = d.participation_id
                 JOIN communities c ON c.id = p.community_id
                WHERE p.club_id = ANY($1) AND a.created_at >= $2 AND a.created_at < $3`)} AS appeals,
       -- A concern is open at the period's end (unless resolved before it), raised or resolved in the period;
       -- instants to the millisecond, as the Dates they were once shipped as.
       ${participationCounts(`SELECT r.participation_id, p.club_id, c.tradition, ${COMMUNITY_CLASS_SQL} AS kind, x.col
                 FROM participation_reviews r JOIN participations p ON p.id = r.participation_id JOIN communities c ON c.id = p.community_id,
                      LATERAL (SELECT date_trunc('milliseconds', r.created_at) AS created, date_trunc('milliseconds', r.resolved_at) AS resolved) i,
                      LATERAL (VALUES ('open', i.resolved IS NULL OR i.resolved >= $3),
                                      ('raised', i.created >= $2 AND i.created < $3),
                                      ('resolved', i.resolved >= $2 AND i.resolved < $3)) x(col, counts)
                WHERE p.club_id = ANY($1) AND r.verdict = 'concern' AND r.created_at < $3 AND x.counts`)} AS concerns,
       ${json(`SELECT m.club_id AS "clubId", ${ALMATY_MONTH('m.starts_at')} AS month, count(*)::int AS meetings
                 FROM meetings m WHERE m.club_id = ANY($1) AND ${held} GROUP BY 1, 2`)} AS "meetingMonths",
       ${json(`SELECT m.id, m.club_id AS "clubId", m.title, m.visibility, m.starts_at AS "startsAt"
                 FROM meetings m WHERE m.club_id = $6::uuid AND ${held} ORDER BY m.starts_at, m.id`)} AS meetings,
       ${json(`SELECT club_id AS "clubId", tradition, unlisted, json_object_agg(month, json_build_array(attending, present, records)) AS months
                 FROM (SELECT club_id, tradition, unlisted, month, count(*) FILTER (WHERE present > 0)::int AS attending,
                              sum(present)::int AS present, sum(records)::int AS records
                         FROM att GROUP BY 1, 2, 3, 4) m
                GROUP BY 1, 2, 3`)} AS attendance,
       ${json(`SELECT month, tradition, count(*) FILTER (WHERE in_selection)::int AS "selAll", count(*) FILTER (WHERE unlisted_selection)::int AS "selUnlisted",
                      count(*) FILTER (WHERE in_cities)::int AS "cityAll", count(*) FILTER (WHERE unlisted_cities)::int AS "cityUnlisted",
                      count(*)::int AS "scopeAll", count(*) FILTER (WHERE unlisted)::int AS "scopeUnlisted"
                 FROM (SELECT month, community_id, tradition, bool_or(club_id = ANY($7)) AS in_selection, bool_or(unlisted AND club_id = ANY($7)) AS unlisted_selection,
                              bool_or(club_id = ANY($8)) AS in_cities, bool_or(unlisted AND club_id = ANY($8)) AS unlisted_cities, bool_or(unlisted) AS unlisted
                         FROM att WHERE records > 0 GROUP BY 1, 2, 3) g
                GROUP BY GROUPING SETS ((month, tradition), (month))`)} AS "attendanceDistinct",
       ${json(`SELECT a.meeting_id AS "meetingId", c.tradition, ${COMMUNITY_CLASS_SQL} AS kind, count(DISTINCT a.community_id)::int AS attending
                 FROM meetings m JOIN attendance a ON a.meeting_id = m.id JOIN communities c ON c.id = a.community_id
                WHERE m.club_id = $6::uuid AND ${held} AND a.status = 'present' GROUP BY 1, 2, 3`)} AS "meetingAttendance",
       ${json(`SELECT a.club_id AS "clubId", count(*)::int AS open,
                      count(*) FILTER (WHERE a.due_date < (now() AT TIME ZONE 'Asia/Almaty')::date)::int AS overdue
                 FROM action_items a WHERE a.club_id = ANY($1) AND a.status = 'open' GROUP BY a.club_id`)} AS "actionItems",
       -- The projects; of their partners, the confirmed ones counted per tradition × listing (the partners
       -- table's blocks) and the reader's own communities' partnerships ($9, what project.read looks at).
       ${json(`SELECT pr.id, pr.club_id AS "clubId", pr.title, pr.status, pr.visibility,
                      CASE WHEN pr.lead_community_id = ANY($9) THEN pr.lead_community_id END AS "leadCommunityId", pr.completed_at AS "completedAt",
                      COALESCE(o.own, '[]'::json) AS own, COALESCE(k.counts, '[]'::json) AS counts
                 FROM projects pr
                 LEFT JOIN (SELECT x.project_id, json_agg(json_build_array(x.community_id, x.status)) AS own
                              FROM project_partners x WHERE x.community_id = ANY($9) GROUP BY 1) o ON o.project_id = pr.id
                 LEFT JOIN (SELECT project_id, json_agg(json_build_array(tradition, unlisted, n)) AS counts
                              FROM (SELECT y.project_id, y.tradition, ${UNLISTED_SQL} AS unlisted, count(DISTINCT y.community_id)::int AS n
                                      FROM (SELECT x.project_id, q.club_id, c.tradition, ${COMMUNITY_CLASS_SQL} AS kind, x.community_id
                                              FROM project_partners x JOIN projects q ON q.id = x.project_id JOIN communities c ON c.id = x.community_id
                                             WHERE x.status = 'confirmed' AND q.club_id = ANY($1) AND q.status IN ('active', 'completed')) y
                                     GROUP BY 1, 2, 3) z
                             GROUP BY 1) k ON k.project_id = pr.id
                WHERE pr.club_id = ANY($1) AND pr.status IN ('active', 'completed') ORDER BY pr.starts_on, pr.id`)} AS projects,
       ${json(`SELECT club_id AS "clubId", month, tradition, count(*)::int AS contributions, sum(volunteers)::int AS volunteers, sum(hours)::float AS hours
                 FROM con GROUP BY 1, 2, 3`)} AS contributions,
       ${json(distinctSql(`SELECT * FROM con`))} AS "contributionDistinct"`,
    [clubIds, ctx.range.from, ctx.range.to, ctx.range.months, listed, single, [...ctx.selection.clubIds], [...cityClubs], projectReadCommunityIds(ctx.viewer)],
  );
  return {
    ...facts,
    // Sent compactly (one row per club × tradition × listing, the months inside), unfolded here.
    attendance: facts.attendance.flatMap(({ clubId, tradition, unlisted, months }) =>
      Object.entries(months).map(([month, [attending, present, records]]): AttendanceCount => ({ clubId, month, tradition, listed: !unlisted, attending, present, records })),
    ),
    attendanceDistinct: selectionCounts(ctx, cityClubs, facts.attendanceDistinct),
    stages: facts.stages.flatMap(([clubId, tradition, unlisted, counts]) =>
      counts.map((count, column): CellCount => ({ clubId, tradition, listed: !unlisted, column, count })).filter((c) => c.count > 0),
    ),
    steps: facts.steps.flatMap(([clubId, tradition, unlisted, counts]) =>
      counts.map((count, column): CellCount => ({ clubId, tradition, listed: !unlisted, column, count })).filter((c) => c.count > 0),
    ),
    stays: facts.stays.map(([key, clubId, tradition, kind, stage, ms]) => ({ key, clubId, tradition, listed: listedIn(ctx, clubId, kind), stage, days: ms / DAY_MS })),
    ...Object.fromEntries(
      (['decisions', 'appeals', 'concerns'] as const).map((key) => [
        key,
        facts[key].map(({ kind, ...r }) => ({ ...r, listed: listedIn(ctx, r.clubId, kind) })),
      ]),
    ) as Record<'decisions' | 'appeals' | 'concerns', Array<Omit<ParticipationCount, 'kind'> & { listed: boolean }>>,
    meetings: facts.meetings.map((m): MeetingFact => ({ ...m, startsAt: new Date(m.startsAt) })),
    projects: facts.projects.map(
      (p): ProjectFact => ({
        ...p,
        completedAt: p.completedAt === null ? null : new Date(p.completedAt),
        own: p.own.map(([communityId, status]) => ({ communityId, status })),
      }),
    ),
  };
}

export type Facts = Awaited<ReturnType<typeof loadFacts>>;

/** Every table of the dashboard, for the context's selection. */
export function buildTables(ctx: ReportContext, facts: Facts): ReportTableDto[] {
  const sel = ctx.selection;
  const single = sel.clubIds.size === 1 ? [...sel.clubIds][0] : null;
  // Where a figure links to its list, the reader must be allowed that list (the access module decides).
  const readsCandidacies = allows('candidacies.read', ctx.viewer, GLOBAL);
  const readsParticipationsOf = (clubId: string) =>
    allows('club.participations.read', ctx.viewer, { kind: 'club', clubId, regionCode: ctx.clubsById.get(clubId)?.regionCode ?? '', archived: false });

  // Participation: stages × registration at the end of the period.
  // (PostgreSQL counted each participation once, in the column of its status at the period's end: statusAt.)
  const stageBlocks = blocksOfCounts(ctx, STAGES.length * 3, facts.stages);
  const stageCells = (s: number) => [
    ...REGISTRATIONS.map((_, r) => viewCell(stageBlocks, sel, s * 3 + r)),
    viewCells(stageBlocks, sel, [s * 3, s * 3 + 1, s * 3 + 2]),
  ];
  const stageHref = (stage: string) =>
    stage === 'candidate' && readsCandidacies ? '/official/candidacies'
    : single && readsParticipationsOf(single) ? (stage === 'applied' ? `/clubs/${single}/applications` : `/clubs/${single}`)
    : null;
  const stages: ReportTableDto = {
    key: 'stages',
    columns: [...REGISTRATIONS, 'total'],
    rows: [
      ...STAGES.map((stage, s) => row('stage', stage, stageCells(s), { href: stageHref(stage) })),
      row('total', 'total', [
        ...REGISTRATIONS.map((_, r) => viewCells(stageBlocks, sel, STAGES.map((__, s) => s * 3 + r))),
        viewCell(stageBlocks, sel, null),
      ]),
    ],
  };

  // The funnel: communities that took each step during the period.
  const inPeriod = (at: Date) => at >= ctx.range.from && at < ctx.range.to;
  // (Counted in PostgreSQL: participations with an event of the step's actions in the period.)
  const stepBlocks = blocksOfCounts(ctx, STEPS.length, facts.steps);
  const funnel: ReportTableDto = {
    key: 'funnel',
    columns: ['communities'],
    rows: STEPS.map((step, i) => row('step', step, [viewCell(stepBlocks, sel, i)])),
  };

  // Time in each stage: completed stays that ended in the period, in days.
  // (PostgreSQL found them in the histories: a stay as observer or candidate ends at the next event,
  // observer to member runs from the first acceptance to an admission.)
  const stays: Record<Stay, Array<Contributor & { days: number }>> = {
    observer: [],
    candidate: [],
    observer_to_member: [],
  };
  for (const { stage, ...stay } of facts.stays) stays[stage].push(stay);
  const durations: ReportTableDto = {
    key: 'durations',
    columns: ['communities', 'median', 'iqr'],
    rows: (Object.keys(stays) as Array<keyof typeof stays>).map((stage) => {
      const values = stays[stage].filter((s) => selects(sel, s));
      if (ctx.threshold === 1 && values.length === 0) return row('duration', stage, [exactCell(0), hiddenCell(), hiddenCell()]);
      if (!gate(ctx, stays[stage])) return row('duration', stage, [hiddenCell(), hiddenCell(), hiddenCell()]);
      const days = values.map((v) => v.days);
      return row('duration', stage, [exactCell(new Set(values.map((v) => v.key)).size), exactCell(round1(median(days))), exactCell(round1(interquartileRange(days)))]);
    }),
  };

  // Decisions by outcome and reason; appeals and their rulings; concerns.
  const eventBlocks = (rows: Facts['decisions'], columns: readonly string[]) =>
    blocksOfCounts(
      ctx,
      columns.length,
      rows.map((r) => ({ ...r, column: columns.indexOf(r.column) })).filter((r) => r.column >= 0),
    );
  const decisionBlocks = eventBlocks(facts.decisions, DECISION_PAIRS);
  const decisions: ReportTableDto = {
    key: 'decisions',
    columns: ['count'],
    rows: DECISION_PAIRS.map((pair, c) => row('decision', pair, [viewCell(decisionBlocks, sel, c)])).filter((r) => r.cells[0].value !== 0),
  };
  const appealBlocks = eventBlocks(facts.appeals, APPEAL_COLUMNS);
  const appeals: ReportTableDto = {
    key: 'appeals',
    columns: ['count'],
    rows: APPEAL_COLUMNS.map((status, c) =>
      row('appeal', status, [viewCell(appealBlocks, sel, c)], { href: allows('appeals.read', ctx.viewer, GLOBAL) ? '/admin/appeals' : null }),
    ),
  };
  const concernBlocks = eventBlocks(facts.concerns, CONCERN_COLUMNS);
  const concerns: ReportTableDto = {
    key: 'concerns',
    columns: ['communities'],
    rows: CONCERN_COLUMNS.map((column, c) =>
      row('concern', column, [viewCell(concernBlocks, sel, c)], { href: column === 'open' && readsCandidacies ? '/official/candidacies' : null }),
    ),
  };

  // Meetings: held per month, communities attending, the attendance rate.
  const months = ctx.range.months;
  const meetingsHeld = (clubIds: ReadonlySet<string>, month?: string) =>
    facts.meetingMonths.filter((m) => clubIds.has(m.clubId) && (month === undefined || m.month === month)).reduce((s, m) => s + m.meetings, 0);
  const attendanceByMonth = groupBy(facts.attendance, (a) => a.month);
  const monthBlocks = blocksOfCounts(
    ctx,
    months.length,
    facts.attendance
      .filter((a) => a.attending > 0)
      .map((a) => ({ clubId: a.clubId, tradition: a.tradition, listed: a.listed, column: months.indexOf(a.month), count: a.attending }))
      .filter((a) => a.column >= 0),
  );
  const attendingCommunities = distinctCounts(ctx, facts.attendanceDistinct);
  const meetingsByMonth: ReportTableDto = {
    key: 'meetingsByMonth',
    columns: ['meetings', 'attending', 'rate'],
    rows: months.map((month, c) => {
      const selected = (attendanceByMonth.get(month) ?? []).filter((a) => selects(sel, a));
      const records = selected.reduce((s, a) => s + a.records, 0);
      const present = selected.reduce((s, a) => s + a.present, 0);
      const rate = records > 0 && gateOn(ctx, attendingCommunities(month), sel, false) ? exactCell(round1((present / records) * 100)) : hiddenCell();
      return row('month', month, [exactCell(meetingsHeld(sel.clubIds, month)), viewCell(monthBlocks, sel, c), records === 0 ? hiddenCell() : rate]);
    }),
  };

  // One row per meeting only for a single club: at wider scopes the table would list every meeting
  // in the country (the facts hold the meetings only then).
  const meetingColumn = new Map(facts.meetings.map((m, i) => [m.id, i]));
  const meetingBlocks = single
    ? blocksOfCounts(
        ctx,
        facts.meetings.length,
        facts.meetingAttendance.map((a) => ({ clubId: single, tradition: a.tradition, listed: listedIn(ctx, single, a.kind), column: meetingColumn.get(a.meetingId) as number, count: a.attending })),
        [single],
      )
    : [];
  const seesMeeting = (m: MeetingFact) =>
    allows('meeting.read', ctx.viewer, {
      kind: 'meeting',
      meetingId: m.id,
      clubId: m.clubId,
      clubArchived: false,
      regionCode: ctx.clubsById.get(m.clubId)?.regionCode ?? '',
      visibility: m.visibility,
    });
  const meetings: ReportTableDto = {
    key: 'meetings',
    columns: ['attending'],
    rows: facts.meetings.map((m) =>
      row('meeting', m.id, [viewCell(meetingBlocks, { clubIds: new Set([m.clubId]), tradition: sel.tradition }, meetingColumn.get(m.id) as number)], {
        label: seesMeeting(m) ? `${ctx.clubsById.get(m.clubId)?.name}: ${m.title}` : (ctx.clubsById.get(m.clubId)?.name ?? null),
        date: m.startsAt.toISOString(),
        href: seesMeeting(m) ? `/meetings/${m.id}` : null,
      }),
    ),
  };

  const items = facts.actionItems.filter((a) => sel.clubIds.has(a.clubId));
  const actionItems: ReportTableDto = {
    key: 'actionItems',
    columns: ['open', 'overdue'],
    rows: [row('items', 'items', [exactCell(items.reduce((s, a) => s + a.open, 0)), exactCell(items.reduce((s, a) => s + a.overdue, 0))])],
  };

  // Joint projects.
  const selectedProjects = facts.projects.filter((p) => sel.clubIds.has(p.clubId));
  const projects: ReportTableDto = {
    key: 'projects',
    columns: ['active', 'completed'],
    rows: [
      row(
        'projects',
        'projects',
        [
          exactCell(selectedProjects.filter((p) => p.status === 'active').length),
          exactCell(selectedProjects.filter((p) => p.status === 'completed' && p.completedAt && inPeriod(new Date(p.completedAt))).length),
        ],
        { href: single ? `/clubs/${single}/projects` : null },
      ),
    ],
  };
  const projectIndex = new Map<string, number>();
  const perClubProjects = new Map<string, number>();
  for (const p of facts.projects) {
    const i = perClubProjects.get(p.clubId) ?? 0;
    projectIndex.set(p.id, i);
    perClubProjects.set(p.clubId, i + 1);
  }
  const partnerBlocks = new Map(
    [...perClubProjects.keys()].map((clubId) => [
      clubId,
      blocksOfCounts(
        ctx,
        perClubProjects.get(clubId) as number,
        facts.projects
          .filter((p) => p.clubId === clubId)
          .flatMap((p) => p.counts.map(([tradition, unlisted, count]) => ({ clubId, tradition, listed: !unlisted, column: projectIndex.get(p.id) as number, count }))),
        [clubId],
      ),
    ]),
  );
  const club = (id: string) => ctx.clubsById.get(id);
  const visibleProject = (p: ProjectFact) =>
    allows('project.read', ctx.viewer, {
      kind: 'project',
      projectId: p.id,
      clubId: p.clubId,
      regionCode: club(p.clubId)?.regionCode ?? '',
      // A read: whether the club is archived does not change who sees the project.
      clubArchived: false,
      status: p.status,
      visibility: p.visibility,
      // Compared with the reader's represented communities only: the others are not sent.
      leadCommunityId: p.leadCommunityId ?? '',
      partners: p.own,
    });
  const partners: ReportTableDto = {
    key: 'partners',
    columns: ['partners'],
    rows: selectedProjects.filter(visibleProject).map((p) =>
      row('project', p.id, [viewCell(partnerBlocks.get(p.clubId) ?? [], { clubIds: new Set([p.clubId]), tradition: sel.tradition }, projectIndex.get(p.id) as number)], {
        label: p.title,
        href: `/projects/${p.id}`,
      }),
    ),
  };

  // Confirmed contributions per month: sums of volunteers and hours under the statistic gate.
  const contributionsByMonthOf = groupBy(facts.contributions, (c) => c.month);
  const contributors = distinctCounts(ctx, facts.contributionDistinct);
  const monthlySums = (selection: Selection) =>
    months.map((month) => {
      const selected = (contributionsByMonthOf.get(month) ?? []).filter((c) => selects(selection, c));
      const allowed = selected.length === 0 || gateOn(ctx, contributors(month), selection, true);
      const figure = (value: number): Figure => (allowed ? { value, fewerThan: null } : { value: null, fewerThan: null });
      return {
        volunteers: figure(selected.reduce((s, c) => s + c.volunteers, 0)),
        hours: figure(round1(selected.reduce((s, c) => s + c.hours, 0))),
      };
    });
  const sums = monthlySums(sel);
  const contributionsByMonth: ReportTableDto = {
    key: 'contributionsByMonth',
    columns: ['volunteers', 'hours'],
    rows: months.map((month, i) => row('month', month, [cellOfFigure(sums[i].volunteers), cellOfFigure(sums[i].hours)])),
  };

  // The national overview: every city and its clubs side by side.
  const participantColumns = PARTICIPANT_STAGES.flatMap((stage) => REGISTRATIONS.map((_, r) => STAGES.indexOf(stage) * 3 + r));
  const stageColumns = (stage: (typeof STAGES)[number]) => REGISTRATIONS.map((_, r) => STAGES.indexOf(stage) * 3 + r);
  const overviewCells = (clubIds: Set<string>): ReportCell[] => {
    const s: Selection = { clubIds, tradition: sel.tradition };
    const clubProjects = facts.projects.filter((p) => clubIds.has(p.clubId));
    const hours = addFigures(monthlySums(s).map((m) => m.hours));
    return [
      viewCells(stageBlocks, s, participantColumns),
      viewCells(stageBlocks, s, stageColumns('observer')),
      viewCells(stageBlocks, s, stageColumns('candidate')),
      viewCells(stageBlocks, s, stageColumns('member')),
      exactCell(meetingsHeld(clubIds)),
      exactCell(clubProjects.filter((p) => p.status === 'active').length),
      exactCell(clubProjects.filter((p) => p.status === 'completed' && p.completedAt && inPeriod(new Date(p.completedAt))).length),
      cellOfFigure(hours),
    ];
  };
  const selectedClubs = ctx.scope.filter((c) => sel.clubIds.has(c.id));
  const cities = [...new Map(selectedClubs.map((c) => [c.cityId, c])).values()].sort((a, b) => a.cityName.en.localeCompare(b.cityName.en));
  const overview: ReportTableDto = {
    key: 'overview',
    columns: ['participants', 'observer', 'candidate', 'member', 'meetings', 'active', 'completed', 'hours'],
    rows: [
      ...cities.flatMap((city) => {
        const clubs = selectedClubs.filter((c) => c.cityId === city.cityId);
        return [
          row('city', city.cityId, overviewCells(new Set(clubs.map((c) => c.id))), { cityName: city.cityName, href: `/cities/${city.cityId}` }),
          ...clubs.map((c) => row('club', c.id, overviewCells(new Set([c.id])), { label: c.name, href: `/clubs/${c.id}` })),
        ];
      }),
      row('total', 'total', overviewCells(new Set(selectedClubs.map((c) => c.id)))),
    ],
  };

  return [stages, funnel, durations, decisions, appeals, concerns, meetingsByMonth, meetings, actionItems, projects, partners, contributionsByMonth, overview];
}

export const tableByKey = (tables: ReportTableDto[], key: ReportTableKey) => tables.find((t) => t.key === key) as ReportTableDto;

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
