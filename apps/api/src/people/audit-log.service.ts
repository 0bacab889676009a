import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { BOM, csvLine } from '../reports/csv';
import type { AttentionDto, AuditEntryDto, AuditLogQueryDto, AuditPageDto } from './dto/audit-log.dto';

/** At most this many rows in one CSV export (a narrower search exports the rest). */
const EXPORT_ROWS = 10_000;

/**
 * The administrator's audit log: the `change` rows of the record of sensitive events (written in
 * each change's own transaction), searched by actor, club, community, record, action and period.
 */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SensitiveEventsService,
    private readonly access: AccessService,
  ) {}

  private async rows(viewer: Viewer, query: AuditLogQueryDto, limit: number): Promise<AuditEntryDto[]> {
    const rows: Array<Omit<AuditEntryDto, 'id' | 'occurredAt' | 'action'> & { id: string; occurredAt: Date }> = await this.db.query(
      `SELECT e.id, e.occurred_at AS "occurredAt", e.actor_id AS "actorId", CASE WHEN u.erased_at IS NULL THEN u.display_name END AS "actorName",
              e.actor_role AS "actorRole", e.session_id AS "sessionId", e.resource, e.record_id AS "recordId", e.club_id AS "clubId",
              e.community_ids AS "communityIds", e.details
         FROM sensitive_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.kind = 'change'
          AND ($1::text IS NULL OR e.actor_id = (SELECT id FROM users WHERE email = lower($1)))
          AND ($2::uuid IS NULL OR e.club_id = $2)
          AND ($3::uuid IS NULL OR e.community_ids @> ARRAY[$3]::uuid[])
          AND ($4::uuid IS NULL OR e.record_id = $4)
          AND ($5::text IS NULL OR e.details->>'action' = $5 OR e.details->>'action' LIKE $5 || '.%')
          AND ($6::timestamptz IS NULL OR e.occurred_at >= $6)
          AND ($7::timestamptz IS NULL OR e.occurred_at < $7)
          AND ($8::bigint IS NULL OR e.id < $8)
        ORDER BY e.id DESC LIMIT $9`,
      [query.actor ?? null, query.clubId ?? null, query.communityId ?? null, query.recordId ?? null, query.action ?? null, query.from ?? null, query.to ?? null, query.before ?? null, limit],
    );
    // A community's representative is named as the naming rule allows (P3): a protected community's people by its name.
    const representatives = rows.filter((row) => row.actorRole === 'representative');
    const names = await this.access.communities(viewer, representatives.map((row) => row.communityIds[0]), { resource: 'community.audit-log' });
    const actorName = (row: (typeof rows)[number]) => {
      if (row.actorName === null || row.actorRole !== 'representative') return row.actorName;
      return row.communityIds[0] ? names.person(row.actorName, row.communityIds[0]) : null;
    };
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      occurredAt: row.occurredAt.toISOString(),
      action: String(row.details.action ?? ''),
      actorName: actorName(row),
    }));
  }

  async search(viewer: Viewer, query: AuditLogQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.rows(viewer, query, limit + 1);
    const items = rows.slice(0, limit);
    return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** The search as CSV (UTF-8 with a BOM); the export itself goes on the record. */
  async exportCsv(viewer: Viewer, query: AuditLogQueryDto, requestId: string): Promise<string> {
    const { limit: _limit, before: _before, ...filters } = query;
    const rows = await this.rows(viewer, filters, EXPORT_ROWS);
    await this.events.record({ kind: 'export', actor: viewer, communityIds: [], resource: 'audit-log.csv', details: { filters, rows: rows.length }, requestId });
    const header = csvLine(['id', 'occurredAt', 'actor', 'actorRole', 'sessionId', 'action', 'resource', 'recordId', 'clubId', 'communityIds', 'details'], 'en');
    return (
      BOM +
      header +
      rows
        .map((r) =>
          csvLine(
            [String(r.id), r.occurredAt, r.actorName ?? '', r.actorRole ?? '', r.sessionId ?? '', r.action, r.resource, r.recordId ?? '', r.clubId ?? '', r.communityIds.join(' '), JSON.stringify(r.details)],
            'en',
          ),
        )
        .join('')
    );
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
