import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { ReadLog, readLogs } from '../access/read-log';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { searchCondition } from '../common/search';
import { BOM, csvField, csvLine } from '../reports/csv';
import type { AttentionDto, AuditEntryDto, AuditLogQueryDto, AuditPageDto } from './dto/audit-log.dto';

/** The CSV export reads the log this many rows at a time, so its memory stays flat however long the log. */
const EXPORT_PAGE = 10_000;

const EXPORT_COLUMNS = ['id', 'occurredAt', 'actor', 'actorRole', 'sessionId', 'action', 'resource', 'recordId', 'clubId', 'communityIds', 'details'];

/** A change's actor as the log reads it, before the naming rule: a representative's community is the first the change names. */
interface Actor {
  actorName: string | null;
  actorRole: string | null;
  community: string | null;
}

/**
 * A change as the export reads it: PostgreSQL writes each line but its actor (csv_field, the same
 * rule as reports/csv.ts; uuids, ids and timestamps need no quoting), since formatting eleven fields
 * per row in Node was most of an export's time. The actor is named here, by the naming rule.
 */
interface ExportRow extends Actor {
  id: string;
  head: string;
  tail: string;
}

type SearchRow = Omit<AuditEntryDto, 'id' | 'communityIds'> & Actor & { id: string; communityIds: string[] };

/**
 * The administrator's audit log: the `change` rows of the record of sensitive events (written in
 * each change's own transaction), searched by actor (name or email), club, community, record, action and period.
 */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SensitiveEventsService,
    private readonly access: AccessService,
  ) {}

  /**
   * The next `limit` changes, newest first, as `columns` select them from `e` (the event) and `u`
   * (its actor), and where the page after them starts (below the last change read), or null at the end.
   */
  private async read<T extends Actor & { id: string }>(query: AuditLogQueryDto, limit: number, columns: string): Promise<{ rows: T[]; nextBefore: number | null }> {
    const params: unknown[] = [query.clubId ?? null, query.communityId ?? null, query.recordId ?? null, query.action ?? null, query.from ?? null, query.to ?? null, query.before ?? null];
    // The actor by part of their name or email address, however spelled (trigram indexes on users).
    const actor = query.actor ? `AND e.actor_id IN (SELECT a.id FROM users a WHERE ${searchCondition(['a.display_name_search', 'a.email_search'], query.actor, params)})` : '';
    params.push(limit + 1);
    const read: T[] = await this.db.query(
      `SELECT e.id, CASE WHEN u.erased_at IS NULL THEN u.display_name END AS "actorName", e.actor_role AS "actorRole", e.community_ids[1] AS community, ${columns}
         FROM sensitive_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.kind = 'change' ${actor}
          AND ($1::uuid IS NULL OR e.club_id = $1)
          AND ($2::uuid IS NULL OR e.community_ids @> ARRAY[$2]::uuid[])
          AND ($3::uuid IS NULL OR e.record_id = $3)
          AND ($4::text IS NULL OR e.details->>'action' = $4 OR e.details->>'action' LIKE $4 || '.%')
          AND ($5::timestamptz IS NULL OR e.occurred_at >= $5)
          AND ($6::timestamptz IS NULL OR e.occurred_at < $6)
          AND ($7::bigint IS NULL OR e.id < $7)
        ORDER BY e.id DESC LIMIT $${params.length}`,
      params,
    );
    const rows = read.slice(0, limit);
    return { rows, nextBefore: read.length > limit ? Number(rows[rows.length - 1].id) : null };
  }

  /**
   * The rows with their actors named as the naming rule allows (P3): a protected community's
   * representative by the community's name. A search by a person's name or address never finds a
   * protected community's representative: the match itself would tie the person to the community.
   */
  private async named<T extends Actor>(viewer: Viewer, query: AuditLogQueryDto, rows: T[]): Promise<T[]> {
    const names = await this.access.communities(
      viewer,
      rows.filter((row) => row.actorRole === 'representative').map((row) => row.community),
      { resource: 'community.audit-log' },
    );
    const named: T[] = [];
    for (const row of rows) {
      const actorName = row.actorName === null || row.actorRole !== 'representative' ? row.actorName : row.community ? names.person(row.actorName, row.community) : null;
      if (query.actor && row.actorRole === 'representative' && actorName !== row.actorName) continue;
      named.push({ ...row, actorName });
    }
    return named;
  }

  async search(viewer: Viewer, query: AuditLogQueryDto): Promise<AuditPageDto> {
    const { rows, nextBefore } = await this.read<SearchRow>(
      query,
      query.limit ?? 50,
      `e.occurred_at AS "occurredAt", e.actor_id AS "actorId", e.session_id AS "sessionId", e.resource, e.record_id AS "recordId",
       e.club_id AS "clubId", e.community_ids AS "communityIds", COALESCE(e.details->>'action', '') AS action, e.details`,
    );
    const items = (await this.named(viewer, query, rows)).map(({ community: _community, ...row }) => ({ ...row, id: Number(row.id), occurredAt: new Date(row.occurredAt).toISOString() }));
    return { items, nextBefore };
  }

  /**
   * The whole search as CSV (UTF-8 with a BOM), newest first, read page by page: nothing is held
   * but two pages. The pages go down from the newest change, so changes made meanwhile never enter it.
   * Each page's reads of protected communities are recorded before its lines leave (P8); the export
   * itself goes on the record with its row count once it ends, or with `complete: false` when the reader left.
   */
  async *exportCsv(viewer: Viewer, query: AuditLogQueryDto, requestId: string): AsyncGenerator<string> {
    const { limit: _limit, before: _before, ...filters } = query;
    let rows = 0;
    let complete = false;
    const columns = `e.id || ',' || to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS head,
      concat_ws(',', csv_field(e.actor_role, ','), e.session_id, csv_field(e.details->>'action', ','), csv_field(e.resource, ','),
                e.record_id, e.club_id, array_to_string(e.community_ids, ' '), csv_field(e.details::text, ',')) AS tail`;
    const readPage = (before?: number) => {
      const page = this.read<ExportRow>({ ...filters, before }, EXPORT_PAGE, columns);
      void page.catch(() => undefined); // awaited in its turn; a failure meanwhile is not an unhandled one
      return page;
    };
    let next: ReturnType<typeof readPage> | null = readPage();
    try {
      let header = BOM + csvLine(EXPORT_COLUMNS, 'en');
      while (next) {
        const page: { rows: ExportRow[]; nextBefore: number | null } = await next;
        // The next page is read while this one is named and written out: PostgreSQL and Node work side by side.
        next = page.nextBefore === null ? null : readPage(page.nextBefore);
        const reads = new ReadLog();
        const named = await readLogs.run(reads, () => this.named(viewer, filters, page.rows));
        await this.events.recordReads(viewer, reads, requestId);
        rows += named.length;
        yield header + named.map((row) => `${row.head},${csvField(row.actorName ?? '', ',')},${row.tail}\r\n`).join('');
        header = '';
      }
      complete = true;
    } finally {
      await next?.catch(() => undefined);
      await this.events.record({ kind: 'export', actor: viewer, communityIds: [], resource: 'audit-log.csv', details: { filters, rows, ...(complete ? {} : { complete }) }, requestId });
    }
  }

  /** The administrator's home: counts and the clubs that need someone, nationally (no community named). */
  async attention(): Promise<AttentionDto> {
    const [counts] = await this.db.query(
      `SELECT (SELECT count(*)::int FROM invitations WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()) AS "pendingInvitations",
              (SELECT count(*)::int FROM invitations WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= now()) AS "expiredInvitations",
              (SELECT count(*)::int FROM registration_claims WHERE status = 'pending') AS "registrationClaimsWaiting",
              (SELECT count(*)::int FROM decision_appeals WHERE status = 'open') AS "openAppeals",
              (SELECT count(*)::int FROM email_outbox WHERE status = 'failed') AS "failedEmails"`,
    );
    const clubsWithoutCoordinator = await this.db.query(
      `SELECT cl.id, cl.name, cl.city_id AS "cityId" FROM clubs cl
        WHERE cl.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.club_id = cl.id AND r.role = 'coordinator')
        ORDER BY cl.name`,
    );
    return { clubsWithoutCoordinator, ...counts };
  }
}
