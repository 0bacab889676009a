import type { EntityManager } from 'typeorm';
import {
  addFigures,
  allows,
  GLOBAL,
  almatyMonth,
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
  type Figure,
  type ProjectResource,
  type ReportCell,
  type Selection,
} from '@dastarkhan/domain';
import type { ReportRowDto, ReportTableDto, ReportTableKey } from './dto/reports.dto';
import { COMMUNITY_CLASS_SQL, coarserSelections, listedIn, participationFacts, statusAt, type ParticipationFact, type ReportContext } from './report-data';

/** The stages of the participation table, and the registration statuses (columns). */
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

/** One block per selected-or-scope club: rows = traditions, columns = `columns`, suppressed once. */
export function blocksOf(ctx: ReportContext, columns: number, items: readonly Counted[], clubIds: Iterable<string> = ctx.clubsById.keys()): Block[] {
  const byClub = new Map<string, Map<string, { listed: number[]; unlisted: number[] }>>();
  const seen = new Set<string>();
  for (const item of items) {
    const unique = `${item.clubId}|${item.key}|${item.column}`;
    if (seen.has(unique)) continue;
    seen.add(unique);
    const rows = byClub.get(item.clubId) ?? new Map();
    byClub.set(item.clubId, rows);
    const row = rows.get(item.tradition) ?? { listed: new Array(columns).fill(0), unlisted: new Array(columns).fill(0) };
    rows.set(item.tradition, row);
    (item.listed ? row.listed : row.unlisted)[item.column] += 1;
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

const selects = (selection: Selection, item: { clubId: string; tradition: string }) =>
  selection.clubIds.has(item.clubId) && (selection.tradition === null || selection.tradition === item.tradition);

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
  const own = count(selection);
  const complements = coarserSelections(ctx, selection).map((s) => count(s).unlisted - own.unlisted);
  return sum ? sumAllowed(own.unlisted, complements, ctx.threshold) : statisticAllowed(own, complements, ctx.threshold);
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
  leadCommunityId: string;
  completedAt: Date | null;
  partners: Array<{ communityId: string; status: 'requested' | 'confirmed' | 'declined'; tradition: string; kind: 'open' | 'consenting' | 'closed' }>;
}

interface ContributionFact {
  projectId: string;
  clubId: string;
  communityId: string;
  tradition: string;
  kind: 'open' | 'consenting' | 'closed';
  volunteers: number;
  hours: number;
  confirmedAt: Date;
}

interface AttendanceFact {
  meetingId: string;
  clubId: string;
  communityId: string;
  tradition: string;
  kind: 'open' | 'consenting' | 'closed';
  status: 'present' | 'absent' | 'excused';
  month: string;
}

/** Everything the dashboard reads for a context: a handful of queries over the scope's clubs. */
export async function loadFacts(db: EntityManager, ctx: ReportContext) {
  const clubIds = ctx.scope.map((club) => club.id);
  const { from, to } = ctx.range;
  const [participations, decisions, appeals, concerns, meetings, attendance, actionItems, projects, contributions] = await Promise.all([
    participationFacts(db, ctx),
    db.query(
      `SELECT d.participation_id AS "participationId", d.outcome, d.reason_code AS "reasonCode"
         FROM participation_decisions d JOIN participations p ON p.id = d.participation_id
        WHERE p.club_id = ANY($1) AND d.decided_at >= $2 AND d.decided_at < $3`,
      [clubIds, from, to],
    ) as Promise<Array<{ participationId: string; outcome: string; reasonCode: string }>>,
    db.query(
      `SELECT d.participation_id AS "participationId", a.status
         FROM decision_appeals a JOIN participation_decisions d ON d.id = a.decision_id JOIN participations p ON p.id = d.participation_id
        WHERE p.club_id = ANY($1) AND a.created_at >= $2 AND a.created_at < $3`,
      [clubIds, from, to],
    ) as Promise<Array<{ participationId: string; status: string }>>,
    db.query(
      `SELECT r.participation_id AS "participationId", r.created_at AS "createdAt", r.resolved_at AS "resolvedAt"
         FROM participation_reviews r JOIN participations p ON p.id = r.participation_id
        WHERE p.club_id = ANY($1) AND r.verdict = 'concern' AND r.created_at < $2`,
      [clubIds, to],
    ) as Promise<Array<{ participationId: string; createdAt: Date; resolvedAt: Date | null }>>,
    db.query(
      `SELECT m.id, m.club_id AS "clubId", m.title, m.visibility, m.starts_at AS "startsAt"
         FROM meetings m WHERE m.club_id = ANY($1) AND m.status = 'scheduled' AND m.starts_at >= $2 AND m.starts_at < LEAST($3, now())
        ORDER BY m.starts_at, m.id`,
      [clubIds, from, to],
    ) as Promise<MeetingFact[]>,
    db.query(
      `SELECT a.meeting_id AS "meetingId", m.club_id AS "clubId", a.community_id AS "communityId", c.tradition, ${COMMUNITY_CLASS_SQL} AS kind,
              a.status, to_char(m.starts_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM') AS month
         FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN communities c ON c.id = a.community_id
        WHERE m.club_id = ANY($1) AND m.status = 'scheduled' AND m.starts_at >= $2 AND m.starts_at < LEAST($3, now())`,
      [clubIds, from, to],
    ) as Promise<AttendanceFact[]>,
    db.query(
      `SELECT a.club_id AS "clubId", count(*)::int AS open,
              count(*) FILTER (WHERE a.due_date < (now() AT TIME ZONE 'Asia/Almaty')::date)::int AS overdue
         FROM action_items a WHERE a.club_id = ANY($1) AND a.status = 'open' GROUP BY a.club_id`,
      [clubIds],
    ) as Promise<Array<{ clubId: string; open: number; overdue: number }>>,
    db.query(
      `SELECT pr.id, pr.club_id AS "clubId", pr.title, pr.status, pr.visibility, pr.lead_community_id AS "leadCommunityId",
              pr.completed_at AS "completedAt",
              COALESCE((SELECT json_agg(json_build_object('communityId', x.community_id, 'status', x.status, 'tradition', c.tradition,
                                                          'kind', ${COMMUNITY_CLASS_SQL}))
                          FROM project_partners x JOIN communities c ON c.id = x.community_id WHERE x.project_id = pr.id), '[]'::json) AS partners
         FROM projects pr WHERE pr.club_id = ANY($1) AND pr.status IN ('active', 'completed') ORDER BY pr.starts_on, pr.id`,
      [clubIds],
    ) as Promise<ProjectFact[]>,
    db.query(
      `SELECT DISTINCT ON (r.contribution_id) pc.project_id AS "projectId", pr.club_id AS "clubId", pc.community_id AS "communityId",
              c.tradition, ${COMMUNITY_CLASS_SQL} AS kind, r.volunteers, r.hours::float AS hours, r.reviewed_at AS "confirmedAt"
         FROM project_contribution_revisions r JOIN project_contributions pc ON pc.id = r.contribution_id
         JOIN projects pr ON pr.id = pc.project_id JOIN communities c ON c.id = pc.community_id
        WHERE r.status = 'confirmed' AND pr.club_id = ANY($1)
        ORDER BY r.contribution_id, r.revision DESC`,
      [clubIds],
    ) as Promise<ContributionFact[]>,
  ]);
  return { participations, decisions, appeals, concerns, meetings, attendance, actionItems, projects, contributions };
}

export type Facts = Awaited<ReturnType<typeof loadFacts>>;

/** Every table of the dashboard, for the context's selection. */
export function buildTables(ctx: ReportContext, facts: Facts): ReportTableDto[] {
  const sel = ctx.selection;
  const byParticipation = new Map(facts.participations.map((p) => [p.id, p]));
  const counted = (p: ParticipationFact, column: number): Counted => ({ clubId: p.clubId, tradition: p.tradition, listed: p.listed, column, key: p.id });
  const single = sel.clubIds.size === 1 ? [...sel.clubIds][0] : null;
  // Where a figure links to its list, the reader must be allowed that list (the access module decides).
  const readsCandidacies = allows('candidacies.read', ctx.viewer, GLOBAL);
  const readsParticipationsOf = (clubId: string) =>
    allows('club.participations.read', ctx.viewer, { kind: 'club', clubId, regionCode: ctx.clubsById.get(clubId)?.regionCode ?? '', archived: false });

  // Participation: stages × registration at the end of the period.
  const stageItems: Counted[] = [];
  for (const p of facts.participations) {
    const status = statusAt(p, ctx.range.to);
    const s = STAGES.indexOf(status as (typeof STAGES)[number]);
    if (s >= 0) stageItems.push(counted(p, s * 3 + REGISTRATIONS.indexOf(p.registrationStatus)));
  }
  const stageBlocks = blocksOf(ctx, STAGES.length * 3, stageItems);
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
  const stepItems: Counted[] = [];
  for (const p of facts.participations) {
    STEPS.forEach((step, i) => {
      if (p.events.some((e) => STEP_ACTIONS[step].includes(e.action) && inPeriod(e.at))) stepItems.push(counted(p, i));
    });
  }
  const stepBlocks = blocksOf(ctx, STEPS.length, stepItems);
  const funnel: ReportTableDto = {
    key: 'funnel',
    columns: ['communities'],
    rows: STEPS.map((step, i) => row('step', step, [viewCell(stepBlocks, sel, i)])),
  };

  // Time in each stage: completed stays that ended in the period, in days.
  const stays: Record<'observer' | 'candidate' | 'observer_to_member', Array<Contributor & { days: number }>> = {
    observer: [],
    candidate: [],
    observer_to_member: [],
  };
  for (const p of facts.participations) {
    const base = { clubId: p.clubId, tradition: p.tradition, listed: p.listed, key: p.id };
    let acceptedAt: Date | null = null;
    p.events.forEach((event, i) => {
      if (event.action === 'accept' && !acceptedAt) acceptedAt = event.at;
      const next = p.events[i + 1];
      if (next && (event.to === 'observer' || event.to === 'candidate') && inPeriod(next.at)) {
        stays[event.to].push({ ...base, days: (next.at.getTime() - event.at.getTime()) / DAY_MS });
      }
      if (event.action === 'admit' && acceptedAt && inPeriod(event.at)) {
        stays.observer_to_member.push({ ...base, days: (event.at.getTime() - (acceptedAt as Date).getTime()) / DAY_MS });
      }
    });
  }
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
  const eventBlocks = <T extends { participationId: string }>(rows: readonly T[], columns: readonly string[], column: (row: T) => string) => {
    const items: Counted[] = [];
    for (const r of rows) {
      const p = byParticipation.get(r.participationId);
      const c = columns.indexOf(column(r));
      if (p && c >= 0) items.push(counted(p, c));
    }
    return blocksOf(ctx, columns.length, items);
  };
  const decisionBlocks = eventBlocks(facts.decisions, DECISION_PAIRS, (d) => `${d.outcome}:${d.reasonCode}`);
  const decisions: ReportTableDto = {
    key: 'decisions',
    columns: ['count'],
    rows: DECISION_PAIRS.map((pair, c) => row('decision', pair, [viewCell(decisionBlocks, sel, c)])).filter((r) => r.cells[0].value !== 0),
  };
  const appealBlocks = eventBlocks(facts.appeals, APPEAL_COLUMNS, (a) => a.status);
  const appeals: ReportTableDto = {
    key: 'appeals',
    columns: ['count'],
    rows: APPEAL_COLUMNS.map((status, c) =>
      row('appeal', status, [viewCell(appealBlocks, sel, c)], { href: allows('appeals.read', ctx.viewer, GLOBAL) ? '/admin/appeals' : null }),
    ),
  };
  const concernRows = facts.concerns.flatMap((r) => {
    const out: Array<{ participationId: string; column: string }> = [];
    const resolvedBy = (at: Date | null) => at !== null && at < ctx.range.to;
    if (!resolvedBy(r.resolvedAt)) out.push({ participationId: r.participationId, column: 'open' });
    if (inPeriod(r.createdAt)) out.push({ participationId: r.participationId, column: 'raised' });
    if (r.resolvedAt && inPeriod(r.resolvedAt)) out.push({ participationId: r.participationId, column: 'resolved' });
    return out;
  });
  const concernBlocks = eventBlocks(concernRows, CONCERN_COLUMNS, (r) => r.column);
  const concerns: ReportTableDto = {
    key: 'concerns',
    columns: ['communities'],
    rows: CONCERN_COLUMNS.map((column, c) =>
      row('concern', column, [viewCell(concernBlocks, sel, c)], { href: column === 'open' && readsCandidacies ? '/official/candidacies' : null }),
    ),
  };

  // Meetings: held per month, communities attending, the attendance rate.
  const months = ctx.range.months;
  const selectedMeetings = facts.meetings.filter((m) => sel.clubIds.has(m.clubId));
  // Grouped once: at national scale the period holds hundreds of thousands of attendance records,
  // and filtering them again per month or per club would cost months × clubs passes.
  const attendanceByMonth = groupBy(facts.attendance, (a) => a.month);
  const presentByClub = groupBy(
    facts.attendance.filter((a) => a.status === 'present'),
    (a) => a.clubId,
  );
  const attendanceOf = (a: AttendanceFact) => ({ clubId: a.clubId, tradition: a.tradition, listed: listedIn(ctx, a.clubId, a.kind), key: a.communityId });
  const monthBlocks = blocksOf(
    ctx,
    months.length,
    facts.attendance.filter((a) => a.status === 'present').map((a) => ({ ...attendanceOf(a), column: months.indexOf(a.month) })).filter((a) => a.column >= 0),
  );
  const meetingsByMonth: ReportTableDto = {
    key: 'meetingsByMonth',
    columns: ['meetings', 'attending', 'rate'],
    rows: months.map((month, c) => {
      const records = (attendanceByMonth.get(month) ?? []).filter((a) => a.status !== 'excused');
      const selected = records.filter((a) => selects(sel, a));
      const present = selected.filter((a) => a.status === 'present').length;
      const rate = selected.length > 0 && gate(ctx, records.map(attendanceOf)) ? exactCell(round1((present / selected.length) * 100)) : hiddenCell();
      return row('month', month, [
        exactCell(selectedMeetings.filter((m) => almatyMonth(m.startsAt) === month).length),
        viewCell(monthBlocks, sel, c),
        selected.length === 0 ? hiddenCell() : rate,
      ]);
    }),
  };

  const meetingIndex = new Map<string, number>();
  const perClubMeetings = new Map<string, number>();
  for (const m of facts.meetings) {
    const i = perClubMeetings.get(m.clubId) ?? 0;
    meetingIndex.set(m.id, i);
    perClubMeetings.set(m.clubId, i + 1);
  }
  const meetingBlocks = new Map(
    [...perClubMeetings.entries()].map(([clubId, count]) => [
      clubId,
      blocksOf(
        ctx,
        count,
        (presentByClub.get(clubId) ?? []).map((a) => ({ ...attendanceOf(a), column: meetingIndex.get(a.meetingId) as number })),
        [clubId],
      ),
    ]),
  );
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
    rows: selectedMeetings.map((m) =>
      row('meeting', m.id, [viewCell(meetingBlocks.get(m.clubId) ?? [], { clubIds: new Set([m.clubId]), tradition: sel.tradition }, meetingIndex.get(m.id) as number)], {
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
      blocksOf(
        ctx,
        perClubProjects.get(clubId) as number,
        facts.projects
          .filter((p) => p.clubId === clubId)
          .flatMap((p) =>
            p.partners
              .filter((x) => x.status === 'confirmed')
              .map((x) => ({ clubId, tradition: x.tradition, listed: listedIn(ctx, clubId, x.kind), key: x.communityId, column: projectIndex.get(p.id) as number })),
          ),
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
      leadCommunityId: p.leadCommunityId,
      partners: p.partners.map((x) => ({ communityId: x.communityId, status: x.status })),
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
  const contributionOf = (c: ContributionFact) => ({ clubId: c.clubId, tradition: c.tradition, listed: listedIn(ctx, c.clubId, c.kind), key: c.communityId });
  const monthlySums = (selection: Selection) =>
    months.map((month) => {
      const all = facts.contributions.filter((c) => almatyMonth(new Date(c.confirmedAt)) === month);
      const selected = all.filter((c) => selects(selection, c));
      const allowed = selected.length === 0 || gate(ctx, all.map(contributionOf), selection, true);
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
      exactCell(facts.meetings.filter((m) => clubIds.has(m.clubId)).length),
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
