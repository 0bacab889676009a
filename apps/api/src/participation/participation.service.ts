import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertReapplyDateReached,
  availableActions,
  DomainError,
  requiredActor,
  ParticipationAction,
  ParticipationStatus,
  RECORDED_ACTIONS,
  RegistrationStatus,
  transitionParticipation,
  TRANSITION_NOTICES,
  type TransitionContext,
} from '@dastarkhan/domain';
import { coordinates, represents, representedCommunityIds, type Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { ValidationFailed } from '../common/validation';
import { isUniqueViolation } from '../database/postgres-errors';
import { NotificationsService } from '../notifications/notifications.service';
import { latestReapplyDate } from '../decisions/decision-records';
import { ApplyDto, ParticipationDto, ParticipationEventDto, ParticipationSummaryDto, TransitionDto } from './dto/participation.dto';

const SUMMARY_SELECT = `
  SELECT p.id, p.status, p.club_id AS "clubId", cl.name AS "clubName",
         json_build_object('id', c.id, 'name', c.name, 'tradition', c.tradition,
                           'registrationStatus', c.registration_status) AS community,
         p.statement, p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.version
    FROM participations p
    JOIN clubs cl ON cl.id = p.club_id
    JOIN communities c ON c.id = p.community_id`;

export interface LockedParticipation {
  id: string;
  status: ParticipationStatus;
  suspended_from: ParticipationStatus | null;
  version: number;
  club_id: string;
  community_id: string;
  registration_status: RegistrationStatus;
}

export interface AppliedTransition {
  /** The locked row as it was before the step. */
  before: LockedParticipation;
  status: ParticipationStatus;
  /** The new event's sequence (= the participation's new version). */
  sequence: number;
}

@Injectable()
export class ParticipationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** The club's participations for its coordinators, newest first. */
  async listForClub(viewer: Viewer, clubId: string, status?: ParticipationStatus): Promise<ParticipationSummaryDto[]> {
    await this.assertClubExists(clubId);
    if (!coordinates(viewer, clubId)) throw new AppError('FORBIDDEN', "Only the club's coordinators see its applications");
    return this.db.query(
      `${SUMMARY_SELECT} WHERE p.club_id = $1 AND ($2::text IS NULL OR p.status = $2) ORDER BY p.created_at DESC`,
      [clubId, status ?? null],
    );
  }

  /** A community's participations: for its representatives. */
  async listForCommunity(viewer: Viewer, communityId: string): Promise<ParticipationSummaryDto[]> {
    if (!represents(viewer, communityId)) throw notFound('Community');
    return this.db.query(`${SUMMARY_SELECT} WHERE p.community_id = $1 ORDER BY p.created_at DESC`, [communityId]);
  }

  /** The caller's own communities' participations in one club. */
  viewerParticipationsInClub(viewer: Viewer | null, clubId: string): Promise<ParticipationSummaryDto[]> {
    const communities = representedCommunityIds(viewer);
    if (communities.length === 0) return Promise.resolve([]);
    return this.db.query(
      `${SUMMARY_SELECT} WHERE p.club_id = $1 AND p.community_id = ANY($2) ORDER BY p.created_at DESC`,
      [clubId, communities],
    );
  }

  async get(viewer: Viewer, id: string): Promise<ParticipationDto> {
    return this.detail(this.db.manager, viewer, id);
  }

  /** A representative applies to a club as observer, with a statement of intent. */
  async apply(viewer: Viewer, clubId: string, input: ApplyDto): Promise<ParticipationDto> {
    if (!represents(viewer, input.communityId)) throw notFound('Community');
    await this.assertClubExists(clubId);
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
   * Moves a participation along the pathway. Admit, defer, decline and the community's nomination
   * request leave more than an event, so they go through their own endpoints (DecisionsService).
   */
  async transition(viewer: Viewer, id: string, input: TransitionDto): Promise<ParticipationDto> {
    if ((RECORDED_ACTIONS as readonly ParticipationAction[]).includes(input.action)) {
      throw new AppError('PARTICIPATION.DECISION_ENDPOINT', `${input.action} has its own endpoint: it leaves a record beside the event`);
    }
    if (input.eraseContactDetails && input.action !== 'withdraw') {
      throw new ValidationFailed({ eraseContactDetails: 'only when withdrawing' });
    }
    return this.db.transaction(async (manager) => {
      const applied = await this.applyTransition(manager, viewer, id, input);
      if (input.eraseContactDetails) await this.eraseContactDetails(manager, applied.before.community_id);
      const notice = TRANSITION_NOTICES[input.action];
      if (notice) {
        const params = { reason: notice.withReason ? input.reason || null : null };
        await this.notifications.notify(manager, { ...notice, participationId: id, actorId: viewer.userId, params });
      }
      return this.detail(manager, viewer, id);
    });
  }

  /**
   * Applies one step inside the caller's transaction. The row is locked and the caller's `version`
   * must match, so of two concurrent decisions exactly one wins and the other gets 409. `check`
   * runs on the locked row before the rules, for what only the caller knows (milestones met, …).
   */
  async applyTransition(
    manager: EntityManager,
    viewer: Viewer,
    id: string,
    input: TransitionDto,
    check?: (row: LockedParticipation) => Promise<Partial<TransitionContext>>,
  ): Promise<AppliedTransition> {
    const [row]: LockedParticipation[] = await manager.query(
      `SELECT p.id, p.status, p.suspended_from, p.version, p.club_id, p.community_id, c.registration_status
         FROM participations p JOIN communities c ON c.id = p.community_id
        WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    const isCoordinator = !!row && coordinates(viewer, row.club_id);
    const isRepresentative = !!row && represents(viewer, row.community_id);
    if (!row || !(isCoordinator || isRepresentative)) throw notFound('Participation');
    const actor = requiredActor(input.action);
    if (!(actor === 'community' ? isRepresentative : isCoordinator)) {
      throw new DomainError('PARTICIPATION.ACTION_NOT_ALLOWED_FOR_ROLE', `Only the ${actor} may ${input.action}`);
    }
    if (row.version !== input.version) {
      throw new AppError('PARTICIPATION.STALE_VERSION', 'This participation changed meanwhile; reload and decide again');
    }
    const extra = check ? await check(row) : {};
    const next = transitionParticipation(
      { status: row.status, suspendedFrom: row.suspended_from },
      input.action,
      { actor, registration: row.registration_status, reason: input.reason, ...extra },
    );
    const version = row.version + 1;
    await this.writeStep(manager, { id, version, action: input.action, from: row.status, to: next, reason: input.reason || null, actorId: viewer.userId });
    return { before: row, status: next.status, sequence: version };
  }

  /**
   * Writes a step the caller has already checked (under the row's lock): the participation's new
   * state and version, and the event with that version as its sequence.
   */
  async writeStep(
    manager: EntityManager,
    step: {
      id: string;
      version: number;
      action: ParticipationAction | 'overturn';
      from: ParticipationStatus;
      to: { status: ParticipationStatus; suspendedFrom: ParticipationStatus | null };
      reason: string | null;
      actorId: string;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE participations SET status = $2, suspended_from = $3, version = $4, updated_at = now() WHERE id = $1`,
      [step.id, step.to.status, step.to.suspendedFrom, step.version],
    );
    await this.recordEvent(manager, step.id, step.version, step.action, step.from, step.to.status, step.reason, step.actorId);
  }

  /**
   * A withdrawing community's right to be forgotten: its contact details and leaders' names go;
   * its name, tradition and the aggregate history (events, attendance, contributions) stay, so
   * the club's figures remain true. Refused while it still takes part in another club, whose
   * coordinators need the contacts.
   */
  private async eraseContactDetails(manager: EntityManager, communityId: string): Promise<void> {
    const [live] = await manager.query(
      `SELECT 1 FROM participations WHERE community_id = $1 AND status NOT IN ('declined', 'withdrawn') LIMIT 1`,
      [communityId],
    );
    if (live) {
      throw new AppError('COMMUNITY.HAS_LIVE_PARTICIPATIONS', 'The community still takes part in another club; withdraw there first');
    }
    await manager.query(
      `UPDATE communities SET contact_email = NULL, contact_phone = NULL, leaders = '', meeting_place = '',
              contact_erased_at = now(), updated_at = now()
        WHERE id = $1`,
      [communityId],
    );
  }

  /** The participation as `viewer` sees it, read through `manager` (inside the caller's transaction too). */
  async detail(manager: EntityManager, viewer: Viewer, id: string): Promise<ParticipationDto> {
    const [summary]: Array<ParticipationSummaryDto & { suspendedFrom: ParticipationStatus | null }> = await manager.query(
      `${SUMMARY_SELECT.replace('p.version', 'p.version, p.suspended_from AS "suspendedFrom"')} WHERE p.id = $1`,
      [id],
    );
    const isCoordinator = !!summary && coordinates(viewer, summary.clubId);
    const isRepresentative = !!summary && represents(viewer, summary.community.id);
    if (!summary || !(isCoordinator || isRepresentative)) throw notFound('Participation');
    const events: ParticipationEventDto[] = await manager.query(
      `SELECT e.id, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.reason,
              u.display_name AS "actorName", e.created_at AS at
         FROM participation_events e JOIN users u ON u.id = e.actor_id
        WHERE e.participation_id = $1 ORDER BY e.sequence`,
      [id],
    );
    const state = { status: summary.status, suspendedFrom: summary.suspendedFrom };
    const registration = summary.community.registrationStatus;
    const actions = new Set<ParticipationAction>([
      ...(isCoordinator ? availableActions(state, 'coordinator', registration) : []),
      ...(isRepresentative ? availableActions(state, 'community', registration) : []),
    ]);
    const { suspendedFrom: _internal, ...publicSummary } = summary;
    return { ...publicSummary, availableActions: [...actions], events };
  }

  private recordEvent(
    manager: EntityManager,
    participationId: string,
    sequence: number,
    action: ParticipationAction | 'apply' | 'overturn',
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

  private async assertClubExists(clubId: string): Promise<void> {
    const [club] = await this.db.query(`SELECT 1 FROM clubs WHERE id = $1`, [clubId]);
    if (!club) throw notFound('Club');
  }
}
