import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isAdministrator, officialRegions, type ViewerContext } from '@dastarkhan/domain';
import type { SensitiveEventKind } from './entities/sensitive-event.entity';
import type { ReadLog } from './read-log';

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
}
