import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import {
  REPORT_TEXT,
  statisticAllowed,
  suppressBlock,
  viewCell,
  type Block,
  type Locale,
} from '@dastarkhan/domain';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { buildTables, loadFacts, tableByKey } from './dashboard';
import { BOM, cellText, columnText, csvLine, numberText, tableLines } from './csv';
import type { DashboardDto, OpenDataDto, ReportTableDto, ReportTableKey } from './dto/reports.dto';
import { COMMUNITY_CLASS_SQL, listedIn, reportContext, type ReportContext, type ReportFilters } from './report-data';

/**
 * Reports for officials, the administrator and coordinators, and the public open-data page
 * (apps/api/docs/reports-contract.md). Every count of communities is published from per-club
 * blocks suppressed once (libs/domain/src/reports/grid.ts); filters only select from them.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SensitiveEventsService,
  ) {}

  private async tables(viewer: Viewer | null, filters: ReportFilters, publicCityId?: string): Promise<{ ctx: ReportContext; tables: ReportTableDto[] }> {
    const ctx = await reportContext(this.db.manager, viewer, filters, new Date(), publicCityId);
    const facts = await loadFacts(this.db.manager, ctx);
    return { ctx, tables: buildTables(ctx, facts) };
  }

  async dashboard(viewer: Viewer, filters: ReportFilters): Promise<DashboardDto> {
    const { ctx, tables } = await this.tables(viewer, filters);
    const cities = [...new Map(ctx.scope.map((club) => [club.cityId, { id: club.cityId, name: club.cityName }])).values()].sort((a, b) =>
      a.name.en.localeCompare(b.name.en),
    );
    return {
      scope: ctx.scopeKind === 'public' ? 'clubs' : ctx.scopeKind,
      threshold: ctx.threshold,
      filters: { period: ctx.period, ...ctx.filters },
      months: ctx.range.months,
      cities,
      clubs: ctx.scope.map((club) => ({ id: club.id, name: club.name, cityId: club.cityId })),
      tables,
      generatedAt: new Date().toISOString(),
    };
  }

  /** One dashboard table as CSV, exactly as the screen shows it; the export is recorded. */
  async exportTable(viewer: Viewer, filters: ReportFilters, table: ReportTableKey, locale: Locale, requestId: string | null): Promise<string> {
    const { ctx, tables } = await this.tables(viewer, filters);
    const lines = [...tableLines(tableByKey(tables, table), locale)];
    await this.recordExport(viewer, `reports.${table}`, ctx, lines.length - 1, requestId);
    return BOM + lines.join('');
  }

  private recordExport(viewer: Viewer, resource: string, ctx: ReportContext, rows: number | null, requestId: string | null, extra: Record<string, unknown> = {}) {
    return this.events.record({
      kind: 'export',
      actor: viewer,
      communityIds: [],
      resource,
      // Masked: codes and ids only.
      details: { period: ctx.period, ...ctx.filters, threshold: ctx.threshold, ...(rows === null ? {} : { rows }), ...extra },
      requestId,
    });
  }

  /**
   * The national monthly attendance per club, streamed: PostgreSQL aggregates, a cursor hands the
   * rows over club by club, and each club's block is suppressed and written before the next is
   * read — memory holds one club, whatever the number of meetings and attendance records.
   */
  async *attendanceCsv(viewer: Viewer, filters: ReportFilters, locale: Locale, requestId: string | null): AsyncGenerator<string> {
    const ctx = await reportContext(this.db.manager, viewer, filters, new Date());
    await this.recordExport(viewer, 'reports.attendance', ctx, null, requestId);
    const text = REPORT_TEXT[locale];
    const months = ctx.range.months;
    yield BOM + csvLine([text.labels.city, text.labels.attendance, text.labels.month, ...['meetings', 'attending', 'rate'].map((c) => columnText(text, c))], locale);

    const clubs = ctx.scope.filter((club) => ctx.selection.clubIds.has(club.id)).sort((a, b) => a.cityName.en.localeCompare(b.cityName.en) || a.name.localeCompare(b.name));
    if (clubs.length === 0) return;
    type Row = { clubId: string; month: string; meetings: number; tradition: string | null; kind: 'open' | 'consenting' | 'closed' | null; attending: number; contributing: number; present: number; absent: number };
    const runner = this.db.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as PoolClient;
      const stream = client.query(
        new QueryStream(
          `WITH mm AS (SELECT m.club_id, to_char(m.starts_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM') AS month, count(*)::int AS meetings
                         FROM meetings m
                        WHERE m.club_id = ANY($1) AND m.status = 'scheduled' AND m.starts_at >= $2 AND m.starts_at < LEAST($3, now())
                        GROUP BY 1, 2),
                aa AS (SELECT m.club_id, to_char(m.starts_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM') AS month, c.tradition, ${COMMUNITY_CLASS_SQL} AS kind,
                              count(DISTINCT a.community_id) FILTER (WHERE a.status = 'present')::int AS attending,
                              count(DISTINCT a.community_id) FILTER (WHERE a.status <> 'excused')::int AS contributing,
                              count(*) FILTER (WHERE a.status = 'present')::int AS present,
                              count(*) FILTER (WHERE a.status = 'absent')::int AS absent
                         FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN communities c ON c.id = a.community_id
                        WHERE m.club_id = ANY($1) AND m.status = 'scheduled' AND m.starts_at >= $2 AND m.starts_at < LEAST($3, now())
                        GROUP BY 1, 2, 3, 4)
           SELECT mm.club_id AS "clubId", mm.month, mm.meetings, aa.tradition, aa.kind, COALESCE(aa.attending, 0) AS attending,
                  COALESCE(aa.contributing, 0) AS contributing, COALESCE(aa.present, 0) AS present, COALESCE(aa.absent, 0) AS absent
             FROM mm LEFT JOIN aa ON aa.club_id = mm.club_id AND aa.month = mm.month
             JOIN unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) ON o.id = mm.club_id
            ORDER BY o.n, mm.month`,
          [clubs.map((club) => club.id), ctx.range.from, ctx.range.to],
          { batchSize: 200 },
        ),
      );
      const iterator = (stream as AsyncIterable<Row>)[Symbol.asyncIterator]();
      let pending = await iterator.next();
      for (const club of clubs) {
        const rows: Row[] = [];
        while (!pending.done && pending.value.clubId === club.id) {
          rows.push(pending.value);
          pending = await iterator.next();
        }
        yield* this.attendanceClubLines(ctx, club.id, rows, months, locale);
      }
      // Drain whatever the cursor still holds (nothing, unless a club left the scope meanwhile).
      while (!pending.done) pending = await iterator.next();
    } finally {
      await runner.release();
    }
  }

  private *attendanceClubLines(
    ctx: ReportContext,
    clubId: string,
    rows: ReadonlyArray<{ month: string; meetings: number; tradition: string | null; kind: 'open' | 'consenting' | 'closed' | null; attending: number; contributing: number; present: number; absent: number }>,
    months: readonly string[],
    locale: Locale,
  ): Generator<string> {
    const club = ctx.clubsById.get(clubId)!;
    const byTradition = new Map<string, { listed: number[]; unlisted: number[] }>();
    for (const r of rows) {
      if (!r.tradition || !r.kind) continue;
      const entry = byTradition.get(r.tradition) ?? { listed: new Array(months.length).fill(0), unlisted: new Array(months.length).fill(0) };
      byTradition.set(r.tradition, entry);
      (listedIn(ctx, clubId, r.kind) ? entry.listed : entry.unlisted)[months.indexOf(r.month)] += r.attending;
    }
    // The same block as the dashboard's "communities attending" per month for this club.
    const block: Block = suppressBlock(
      { clubId, columns: months.length, rows: [...byTradition.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tradition, v]) => ({ tradition, ...v })) },
      ctx.threshold,
    );
    const selection = { clubIds: new Set([clubId]), tradition: ctx.selection.tradition };
    for (const [c, month] of months.entries()) {
      const monthRows = rows.filter((r) => r.month === month);
      const meetings = monthRows[0]?.meetings ?? 0;
      const selected = monthRows.filter((r) => r.tradition && (ctx.selection.tradition === null || r.tradition === ctx.selection.tradition));
      const count = (list: typeof monthRows, unlistedOnly: boolean) =>
        list.filter((r) => r.kind && (!unlistedOnly || !listedIn(ctx, clubId, r.kind))).reduce((s, r) => s + r.contributing, 0);
      const own = { all: count(selected, false), unlisted: count(selected, true) };
      const complement = ctx.selection.tradition === null ? [] : [count(monthRows, true) - own.unlisted];
      const present = selected.reduce((s, r) => s + r.present, 0);
      const records = present + selected.reduce((s, r) => s + r.absent, 0);
      const rate =
        records === 0
          ? ''
          : statisticAllowed(own, complement, ctx.threshold)
            ? numberText(Math.round((present / records) * 1000) / 10, locale)
            : REPORT_TEXT[locale].cells.notShown;
      yield csvLine([club.cityName[locale], club.name, month, numberText(meetings, locale), cellText(viewCell([block], selection, c), locale), rate], locale);
    }
  }

  /**
   * A club's annual report as CSV: communities per stage at the start and end of the year, the
   * moves during it, meetings and attendance, joint projects and their confirmed contributions —
   * each from the same blocks the dashboard publishes for that year.
   */
  async annualReport(viewer: Viewer, clubId: string, year: number, locale: Locale, requestId: string | null): Promise<string> {
    const end = await this.tables(viewer, { period: String(year), clubId });
    const start = await this.tables(viewer, { period: String(year - 1), clubId });
    const text = REPORT_TEXT[locale];
    const club = end.ctx.clubsById.get(clubId);
    if (!club) throw notFound('Club');
    const section = (title: string, table: ReportTableDto) => [csvLine([title], locale), ...tableLines(table, locale), '\r\n'];
    const stagesOf = (tables: ReportTableDto[]) => tableByKey(tables, 'stages');
    // "At the start of the year" is the end of the year before: the same published block.
    const lines = [
      csvLine([club.name, club.cityName[locale], `${text.columns.year}: ${year}`], locale),
      '\r\n',
      ...section(text.tables.annualStagesStart, stagesOf(start.tables)),
      ...section(text.tables.annualStagesEnd, stagesOf(end.tables)),
      ...section(text.tables.annualMoves, tableByKey(end.tables, 'funnel')),
      ...section(text.tables.annualMeetings, tableByKey(end.tables, 'meetingsByMonth')),
      ...section(text.tables.annualProjects, tableByKey(end.tables, 'partners')),
      ...section(text.tables.contributionsByMonth, tableByKey(end.tables, 'contributionsByMonth')),
    ];
    await this.recordExport(viewer, 'reports.annual', end.ctx, null, requestId, { year });
    return BOM + lines.join('');
  }

  /** The public open-data page of a city: clubs, meetings, projects and what they achieved, under the public rule (10). */
  async openData(cityId: string, period: string | undefined): Promise<OpenDataDto> {
    const [city]: Array<{ id: string; name: OpenDataDto['cityName'] }> = await this.db.query(`SELECT id, name FROM cities WHERE id = $1`, [cityId]);
    if (!city) throw notFound('City');
    const { ctx, tables } = await this.tables(null, { period }, cityId);
    const overview = tableByKey(tables, 'overview');
    const clubs: ReportTableDto = {
      key: 'overview',
      columns: overview.columns,
      rows: overview.rows.filter((row) => row.kind !== 'city'),
    };
    const projectIds = new Set(tableByKey(tables, 'partners').rows.map((row) => row.key));
    const completed: Array<{ id: string; title: string; clubId: string; outcomeSummary: string | null; outcomeFigures: Array<{ label: string; value: number }>; volunteers: number; hours: number; contributors: number; unlisted: number }> =
      await this.db.query(
        `SELECT pr.id, pr.title, pr.club_id AS "clubId", pr.outcome_summary AS "outcomeSummary", pr.outcome_figures AS "outcomeFigures",
                COALESCE(sum(r.volunteers), 0)::int AS volunteers, COALESCE(sum(r.hours), 0)::float AS hours,
                count(DISTINCT pc.community_id)::int AS contributors,
                count(DISTINCT pc.community_id) FILTER (WHERE c.registration_status <> 'registered' AND NOT c.is_public)::int AS unlisted
           FROM projects pr
           LEFT JOIN project_contributions pc ON pc.project_id = pr.id
           LEFT JOIN communities c ON c.id = pc.community_id
           LEFT JOIN LATERAL (SELECT volunteers, hours FROM project_contribution_revisions x
                               WHERE x.contribution_id = pc.id AND x.status = 'confirmed' ORDER BY x.revision DESC LIMIT 1) r ON true
          WHERE pr.club_id = ANY($1) AND pr.status = 'completed' AND pr.visibility = 'public' AND pr.completed_at >= $2 AND pr.completed_at < $3
          GROUP BY pr.id ORDER BY pr.completed_at DESC`,
        [ctx.scope.map((c) => c.id), ctx.range.from, ctx.range.to],
      );
    const sum = (value: number, unlisted: number) =>
      unlisted === 0 || unlisted >= ctx.threshold ? { value, listed: null, fewerThan: null } : { value: null, listed: null, fewerThan: ctx.threshold };
    return {
      cityId: city.id,
      cityName: city.name,
      period: ctx.period,
      threshold: ctx.threshold,
      clubs,
      projects: completed
        .filter((p) => projectIds.has(p.id))
        .map((p) => ({
          id: p.id,
          title: p.title,
          clubName: ctx.clubsById.get(p.clubId)?.name ?? '',
          outcomeSummary: p.outcomeSummary,
          outcomeFigures: p.outcomeFigures,
          volunteers: sum(p.volunteers, p.unlisted),
          hours: sum(Math.round(p.hours * 10) / 10, p.unlisted),
        })),
    };
  }
}

