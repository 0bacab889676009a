import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isAdministrator, officialRegions, type ViewerContext } from '@dastarkhan/domain';
import type { SecurityEventKind, SensitiveEventKind } from './entities/sensitive-event.entity';
import { auditedFields, changesOf, type FieldChange } from './audit';
import type { ReadLog } from './read-log';
import type { SecurityEventDto, SecurityEventPageDto, SecurityEventQueryDto } from './dto/security-event.dto';

export interface SensitiveEventInput {
  kind: SensitiveEventKind;
  actor: ViewerContext | null;
  /** The capacity the actor acted in (default: derived from its roles). */
  actorRole?: string;
  communityIds: readonly string[];
  resource: string;
  /** Masked details only: ids, field names, scopes — never a name, a contact or a statement. */
  details?: Record<string, unknown>;
  requestId?: string | null;
  /** The client address (security events). */
  address?: string | null;
}

/** A security event (ASVS V7): who (the account concerned), when, from which address, what — never a secret or a value. */
export interface SecurityEventInput {
  kind: SecurityEventKind;
  /** The account concerned; null when unknown (e.g. a failed sign-in for an address with no account). */
  userId: string | null;
  /** What it was about: e.g. `auth.sign-in`, `auth.password`, the route of a refusal. */
  resource: string;
  address: string | null;
  requestId?: string | null;
  actorRole?: string | null;
  /** Masked details: reasons, methods, ids — never a password, code, token or email address. */
  details?: Record<string, unknown>;
}

/** A change made through the API, for the audit log: in the transaction of the change itself. */
export interface ChangeInput {
  actor: (ViewerContext & { sessionId?: string }) | null;
  /** The capacity the actor acted in (default: derived from its roles), e.g. `representative` for a community's own record. */
  actorRole?: string;
  /** What was done, e.g. `club.created`, `club.archived`, `role.ended`. */
  action: string;
  /** The kind of record, e.g. `club`, `city`, `user`, `invitation`. */
  resource: string;
  recordId: string;
  clubId?: string | null;
  communityIds?: readonly string[];
  /** Old → new values, masked where protected (audit.ts, changesOf). */
  changes?: Record<string, FieldChange>;
  /** Further masked facts: a reason code, a count. */
  details?: Record<string, unknown>;
}

/**
 * A change given as the record's state before and after it (before null: created; after null:
 * deleted), compared on `fields` only, with the `masked` ones masked at write time (audit.ts).
 */
export interface StateChangeInput<T extends object> extends Omit<ChangeInput, 'changes'> {
  before: T | null;
  after: T | null;
  fields: readonly (keyof T & string)[];
  masked?: readonly (keyof T & string)[];
}

/** The capacity in which someone acts on a protected record, for the record of sensitive events. */
export function capacityOf(viewer: ViewerContext | null): string | null {
  if (!viewer) return null;
  if (isAdministrator(viewer)) return 'administrator';
  if (officialRegions(viewer).length > 0) return 'official';
  return viewer.roles[0]?.role ?? null;
}

/** Writes the append-only record of sensitive events (docs/domain.md, P8). */
@Injectable()
export class SensitiveEventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One event, in the caller's transaction when `manager` is given (a consent change and its record commit together). */
  async record(event: SensitiveEventInput, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO sensitive_events (kind, actor_id, actor_role, community_ids, resource, details, request_id, address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        event.kind,
        event.actor?.userId ?? null,
        event.actorRole ?? capacityOf(event.actor),
        event.communityIds,
        event.resource,
        event.details ?? {},
        event.requestId ?? null,
        event.address ?? null,
      ],
    );
  }

  /** One change, in the transaction that makes it: the change and its record commit together. */
  async change(manager: EntityManager, event: ChangeInput): Promise<void> {
    await this.changes(manager, [event]);
  }

  /** Several changes with one statement, however many (a roster import records hundreds). */
  async changes(manager: EntityManager, events: ChangeInput[]): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map((event) => ({
      actor_id: event.actor?.userId ?? null,
      actor_role: event.actorRole ?? capacityOf(event.actor),
      community_ids: event.communityIds ?? [],
      resource: event.resource,
      details: { action: event.action, ...(event.changes ? { changes: event.changes } : {}), ...event.details },
      record_id: event.recordId,
      club_id: event.clubId ?? null,
      session_id: event.actor?.sessionId || null,
    }));
    await manager.query(
      `INSERT INTO sensitive_events (kind, actor_id, actor_role, community_ids, resource, details, record_id, club_id, session_id)
       SELECT 'change', actor_id, actor_role, ARRAY(SELECT jsonb_array_elements_text(community_ids))::uuid[], resource, details, record_id, club_id, session_id
         FROM jsonb_to_recordset($1::jsonb)
           AS x(actor_id uuid, actor_role text, community_ids jsonb, resource text, details jsonb, record_id uuid, club_id uuid, session_id uuid)`,
      [JSON.stringify(rows)],
    );
  }

  /** One change from a record's old state to its new one, in the transaction that makes it; a save that changed nothing is not one. */
  async changeBetween<T extends object>(manager: EntityManager, { before, after, fields, masked, ...event }: StateChangeInput<T>): Promise<void> {
    const changes = changesOf(auditedFields(before, fields), auditedFields(after, fields), masked);
    if (Object.keys(changes).length === 0 && !event.details) return;
    await this.change(manager, { ...event, changes });
  }

  /** A security event, in the caller's transaction when `manager` is given. */
  async security(event: SecurityEventInput, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO sensitive_events (kind, actor_id, actor_role, resource, details, request_id, address)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [event.kind, event.userId, event.actorRole ?? null, event.resource, event.details ?? {}, event.requestId ?? null, event.address],
    );
  }

  /** The request's reads of protected records, as ONE event (nothing when none were read). */
  async recordReads(viewer: ViewerContext | null, log: ReadLog, requestId: string | null): Promise<void> {
    if (!viewer || log.communityIds.size === 0) return;
    await this.record({
      kind: 'read',
      actor: viewer,
      communityIds: [...log.communityIds],
      resource: [...log.resources].sort().join(','),
      requestId,
    });
  }

  /** The administrator's search: by kind, account (email) and period, newest first, keyset-paged by id. */
  async search(query: SecurityEventQueryDto): Promise<SecurityEventPageDto> {
    const limit = query.limit ?? 50;
    const rows: Array<Omit<SecurityEventDto, 'id' | 'occurredAt'> & { id: string; occurredAt: Date }> = await this.db.query(
      `SELECT e.id, e.occurred_at AS "occurredAt", e.kind, e.actor_id AS "actorId", u.email AS "actorEmail", e.actor_role AS "actorRole",
              e.address, e.resource, e.details, cardinality(e.community_ids) AS communities
         FROM sensitive_events e LEFT JOIN users u ON u.id = e.actor_id AND u.erased_at IS NULL
        WHERE ($1::text IS NULL OR e.kind = $1)
          AND ($2::text IS NULL OR e.actor_id = (SELECT id FROM users WHERE email = lower($2)))
          AND ($3::timestamptz IS NULL OR e.occurred_at >= $3)
          AND ($4::timestamptz IS NULL OR e.occurred_at < $4)
          AND ($5::bigint IS NULL OR e.id < $5)
        ORDER BY e.id DESC LIMIT $6`,
      [query.kind ?? null, query.actor ?? null, query.from ?? null, query.to ?? null, query.before ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({ ...row, id: Number(row.id), occurredAt: row.occurredAt.toISOString() })),
      nextBefore: rows.length > limit ? Number(page[page.length - 1].id) : null,
    };
  }
}
