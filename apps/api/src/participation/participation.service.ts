import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertReapplyDateReached,
  availableActions,
  requiredActor,
  transitionParticipation,
  TRANSITION_NOTICES,
  type ParticipationAction,
  type ParticipationActor,
  type ParticipationResource,
  type ParticipationStatus,
  type Permission,
  type TransitionContext,
} from '@dastarkhan/domain';
import { AccessService, type CommunityNames } from '../access/access.service';
import { PARTICIPATION_FROM, PARTICIPATION_JSON } from '../access/resource-loader';
import { assertRecentlyAuthenticated } from '../auth/recent-authentication';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { ValidationFailed } from '../common/validation';
import { ErasureService } from '../communities/erasure.service';
import { isUniqueViolation } from '../database/postgres-errors';
import { NotificationsService } from '../notifications/notifications.service';
import { latestReapplyDate } from '../decisions/decision-records';
import { ApplyDto, ParticipationDto, ParticipationEventDto, ParticipationSummaryDto, TransitionDto } from './dto/participation.dto';

const SUMMARY_SELECT = `
  SELECT p.id, p.status, p.club_id AS "clubId", cl.name AS "clubName", p.community_id AS "communityId",
         p.statement, p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.version
    FROM participations p
    JOIN clubs cl ON cl.id = p.club_id`;

type SummaryRow = Omit<ParticipationSummaryDto, 'community'> & { communityId: string };

/** A participation locked for a step: its state, version and the facts the access rules read. */
export interface LockedParticipation {
  id: string;
  status: ParticipationStatus;
  suspendedFrom: ParticipationStatus | null;
  version: number;
  clubId: string;
  communityId: string;
  resource: ParticipationResource;
}

export interface AppliedStep {
  /** The locked row as it was before the step. */
  before: LockedParticipation;
  status: ParticipationStatus;
  /** The new event's sequence (= the participation's new version). */
  sequence: number;
}

/** Who must be allowed to take a step, by the party the state machine names for it. */
/** Summaries with their community named for the reader (every participation reader may see it; P5). */
function withCommunities(names: CommunityNames, rows: SummaryRow[]): ParticipationSummaryDto[] {
  return rows.flatMap(({ communityId, ...row }) => {
    const community = names.ref(communityId);
    return community ? [{ ...row, community }] : [];
  });
}

const ACTOR_PERMISSION: Record<Exclude<ParticipationActor, 'administrator'>, Permission> = {
  coordinator: 'participation.act-as-coordinator',
  community: 'participation.act-as-community',
};

@Injectable()
export class ParticipationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly access: AccessService,
    private readonly erasure: ErasureService,
  ) {}

  /** The club's participations for its coordinators, newest first. */
  async listForClub(viewer: Viewer, clubId: string, status?: ParticipationStatus): Promise<ParticipationSummaryDto[]> {
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SELECT} WHERE p.club_id = $1 AND ($2::text IS NULL OR p.status = $2) ORDER BY p.created_at DESC`,
      [clubId, status ?? null],
    );
    return this.summaries(this.db.manager, viewer, rows, 'club.participations');
  }

  /** A community's participations: for its representatives. */
  async listForCommunity(viewer: Viewer, communityId: string): Promise<ParticipationSummaryDto[]> {
    const rows: SummaryRow[] = await this.db.query(`${SUMMARY_SELECT} WHERE p.community_id = $1 ORDER BY p.created_at DESC`, [
      communityId,
    ]);
    return this.summaries(this.db.manager, viewer, rows, 'community.participations');
  }

  /** The caller's own communities' participations in one club. */
  async viewerParticipationsInClub(viewer: Viewer | null, clubId: string): Promise<ParticipationSummaryDto[]> {
    const own = (viewer?.participations ?? []).filter((p) => p.clubId === clubId).map((p) => p.communityId);
    if (own.length === 0) return [];
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SELECT} WHERE p.club_id = $1 AND p.community_id = ANY($2) ORDER BY p.created_at DESC`,
      [clubId, own],
    );
    return this.summaries(this.db.manager, viewer, rows, 'club.own-participations');
  }

  async get(viewer: Viewer, id: string): Promise<ParticipationDto> {
    return this.detail(this.db.manager, viewer, id);
  }

  /** A representative applies to a club as observer, with a statement of intent. */
  async apply(viewer: Viewer, clubId: string, input: ApplyDto): Promise<ParticipationDto> {
    try {
      return await this.db.transaction(async (manager) => {
        assertReapplyDateReached(await latestReapplyDate(manager, input.communityId, clubId, 'decline'), new Date());
        const [{ id }] = await manager.query(
          `INSERT INTO participations (community_id, club_id, status, statement, version)
           VALUES ($1, $2, 'applied', $3, 1) RETURNING id`,
          [input.communityId, clubId, input.statement],
        );
        await this.recordEvent(manager, id, 1, 'apply', null, 'applied', null, viewer.userId);
        await this.notifications.notify(manager, { kind: 'application_received', participationId: id, actorId: viewer.userId, audiences: ['coordinator'] });
        return this.detail(manager, viewer, id);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('PARTICIPATION.ALREADY_LIVE', 'This community already takes part in (or applied to) this club');
      }
      throw error;
    }
  }

  /**
   * A step that leaves nothing but its event (accept, nominate, suspend, reinstate, withdraw).
   * Admit, defer and decline leave a decision record and go through DecisionsService.
   */
  async transition(viewer: Viewer, id: string, input: TransitionDto): Promise<ParticipationDto> {
    if (input.eraseContactDetails && input.action !== 'withdraw') {
      throw new ValidationFailed({ eraseContactDetails: 'only when withdrawing' });
    }
    // Erasure is consequential (ASVS V3.7.1): the session must have proved itself recently.
    if (input.eraseContactDetails) assertRecentlyAuthenticated(viewer);
    return this.db.transaction(async (manager) => {
      const locked = await this.lock(manager, id);
      await this.step(manager, viewer, locked, input.action, { version: input.version, reason: input.reason });
      if (input.eraseContactDetails) await this.erasure.erase(manager, locked.communityId, viewer);
      const notice = TRANSITION_NOTICES[input.action];
      if (notice) {
        const params = { reason: notice.withReason ? input.reason || null : null };
        await this.notifications.notify(manager, { ...notice, participationId: id, actorId: viewer.userId, params });
      }
      return this.detail(manager, viewer, id);
    });
  }

  /** Locks the participation row for a step (404 when it does not exist). */
  async lock(manager: EntityManager, id: string): Promise<LockedParticipation> {
    const [row]: LockedParticipation[] = await manager.query(
      `SELECT p.id, p.status, p.suspended_from AS "suspendedFrom", p.version, p.club_id AS "clubId", p.community_id AS "communityId",
              ${PARTICIPATION_JSON} AS resource
         FROM ${PARTICIPATION_FROM} WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    if (!row) throw notFound('Participation');
    return row;
  }

  /**
   * One step of the pathway on a locked row: the party the state machine names must be allowed
   * to take it (the access module), the caller's `version` must match — so of two concurrent
   * steps exactly one wins and the other gets 409 — and libs/domain decides the next state.
   * `context` carries what only the caller knows (milestones met, where an overturn returns).
   */
  async step(
    manager: EntityManager,
    viewer: Viewer,
    locked: LockedParticipation,
    action: ParticipationAction,
    input: { version: number; reason?: string | null; context?: Partial<TransitionContext> },
  ): Promise<AppliedStep> {
    const actor = requiredActor(action);
    if (actor !== 'administrator') this.access.assert(viewer, ACTOR_PERMISSION[actor], locked.resource);
    if (locked.version !== input.version) {
      throw new AppError('PARTICIPATION.STALE_VERSION', 'This participation changed meanwhile; reload and decide again');
    }
    const next = transitionParticipation({ status: locked.status, suspendedFrom: locked.suspendedFrom }, action, {
      actor,
      registration: locked.resource.community.registrationStatus,
      reason: input.reason,
      ...input.context,
    });
    const version = locked.version + 1;
    await manager.query(
      `UPDATE participations SET status = $2, suspended_from = $3, version = $4, updated_at = now() WHERE id = $1`,
      [locked.id, next.status, next.suspendedFrom, version],
    );
    await this.recordEvent(manager, locked.id, version, action, locked.status, next.status, input.reason || null, viewer.userId);
    return { before: locked, status: next.status, sequence: version };
  }

  /** The participation as `viewer` sees it, read through `manager` (inside the caller's transaction too). */
  async detail(manager: EntityManager, viewer: Viewer, id: string): Promise<ParticipationDto> {
    const [row]: Array<SummaryRow & { suspendedFrom: ParticipationStatus | null; resource: ParticipationResource }> = await manager.query(
      `${SUMMARY_SELECT.replace('p.version', `p.version, p.suspended_from AS "suspendedFrom", ${PARTICIPATION_JSON} AS resource`)}
         JOIN communities c ON c.id = p.community_id JOIN cities ci ON ci.id = cl.city_id
        WHERE p.id = $1`,
      [id],
    );
    if (!row) throw notFound('Participation');
    const { suspendedFrom, resource, ...summaryRow } = row;
    const events: Array<Omit<ParticipationEventDto, 'actorName'> & { displayName: string; actorRepresents: boolean }> = await manager.query(
      `SELECT e.id, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.reason, u.display_name AS "displayName",
              EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = e.actor_id AND r.role = 'representative'
                         AND r.community_id = $2) AS "actorRepresents", e.created_at AS at
         FROM participation_events e JOIN users u ON u.id = e.actor_id
        WHERE e.participation_id = $1 ORDER BY e.sequence`,
      [id, row.communityId],
    );
    const names = await this.access.communities(viewer, [row.communityId], { resource: 'participation.history', clubId: row.clubId, manager });
    const [summary] = withCommunities(names, [summaryRow]);
    const state = { status: row.status, suspendedFrom };
    const registration = resource.community.registrationStatus;
    const actions = new Set<ParticipationAction>([
      ...(this.access.allows(viewer, 'participation.act-as-coordinator', resource) ? availableActions(state, 'coordinator', registration) : []),
      ...(this.access.allows(viewer, 'participation.act-as-community', resource) ? availableActions(state, 'community', registration) : []),
    ]);
    return {
      ...summary,
      availableActions: [...actions],
      events: events.map(({ displayName, actorRepresents, ...event }) => ({
        ...event,
        actorName: names.person(displayName, actorRepresents ? row.communityId : null),
      })),
    };
  }

  private async summaries(manager: EntityManager, viewer: Viewer | null, rows: SummaryRow[], resource: string): Promise<ParticipationSummaryDto[]> {
    return withCommunities(await this.access.communities(viewer, rows.map((r) => r.communityId), { resource, manager }), rows);
  }

  private recordEvent(
    manager: EntityManager,
    participationId: string,
    sequence: number,
    action: ParticipationAction | 'apply',
    fromStatus: ParticipationStatus | null,
    toStatus: ParticipationStatus,
    reason: string | null,
    actorId: string,
  ) {
    return manager.query(
      `INSERT INTO participation_events (participation_id, sequence, action, from_status, to_status, reason, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [participationId, sequence, action, fromStatus, toStatus, reason, actorId],
    );
  }
}
