import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertReapplyDateReached,
  validateDecision,
  type DecisionOutcome,
  type NotificationKind,
  NOMINATION_NOTICE,
  type ValidatedDecision,
} from '@dastarkhan/domain';
import { coordinates, represents, type Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { NotificationsService } from '../notifications/notifications.service';
import { ParticipationDto } from '../participation/dto/participation.dto';
import { LockedParticipation, ParticipationService } from '../participation/participation.service';
import { PathwayProgressDto } from '../pathway/dto/pathway.dto';
import { PathwayProgressService } from '../pathway/pathway-progress.service';
import { latestReapplyDate, readDecisions } from './decision-records';
import { DecidedParticipationDto, DecideDto, DecisionRecordDto, NominationRequestDto } from './dto/decision.dto';

const NOTICE: Record<DecisionOutcome, NotificationKind> = { admit: 'admitted', defer: 'deferred', decline: 'declined' };

/** The coordinator's membership decisions and the community's own nomination request. */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participation: ParticipationService,
    private readonly progress: PathwayProgressService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Admits, defers or declines in one transaction: the step, its event and the decision record
   * with the milestones as they stood under the lock (so the record explains exactly what was judged).
   */
  async decide(viewer: Viewer, participationId: string, input: DecideDto): Promise<DecidedParticipationDto> {
    return this.db.transaction(async (manager) => {
      // Set by the check, which applyTransition runs under the lock before the step.
      let judged!: { decision: ValidatedDecision; snapshot: PathwayProgressDto };
      const step = await this.participation.applyTransition(
        manager,
        viewer,
        participationId,
        { action: input.outcome, version: input.version, reason: input.reasonText },
        async (row) => {
          const snapshot = await this.computeProgress(manager, row);
          const decision = validateDecision({
            outcome: input.outcome,
            fromStatus: row.status,
            reasonCode: input.reasonCode,
            reasonText: input.reasonText,
            overrideReason: input.overrideReason,
            earliestReapplyOn: input.earliestReapplyOn,
            unmetMilestones: snapshot.milestones.filter((m) => m.enabled && !m.met).map((m) => m.key),
            now: new Date(),
          });
          judged = { decision, snapshot };
          return {};
        },
      );
      const { decision, snapshot } = judged;
      const [{ id }] = await manager.query(
        `INSERT INTO participation_decisions (participation_id, event_sequence, outcome, from_status, reason_code, reason_text,
                                              override_reason, milestone_snapshot, earliest_reapply_on, decider_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          participationId,
          step.sequence,
          input.outcome,
          step.before.status,
          decision.reasonCode,
          decision.reasonText,
          decision.overrideReason,
          JSON.stringify(snapshot),
          decision.earliestReapplyOn,
          viewer.userId,
        ],
      );
      await this.notifications.notify(manager, {
        kind: NOTICE[input.outcome],
        participationId,
        actorId: viewer.userId,
        audiences: ['community'],
        params: { reasonCode: decision.reasonCode, earliestReapplyOn: decision.earliestReapplyOn },
      });
      const [record] = await readDecisions(manager, viewer, { decisionIds: [id] });
      return { ...(await this.participation.detail(manager, viewer, participationId)), decision: record };
    });
  }

  /** The participation's decision records: for the club's coordinators and the community's representatives. */
  async list(viewer: Viewer, participationId: string): Promise<DecisionRecordDto[]> {
    const [row]: Array<{ clubId: string; communityId: string }> = await this.db.query(
      `SELECT club_id AS "clubId", community_id AS "communityId" FROM participations WHERE id = $1`,
      [participationId],
    );
    if (!row || !(coordinates(viewer, row.clubId) || represents(viewer, row.communityId))) throw notFound('Participation');
    return readDecisions(this.db.manager, viewer, { participationId });
  }

  /**
   * The community puts itself forward once the records show every milestone met, and not before
   * the re-apply date of its latest deferral.
   */
  async requestNomination(viewer: Viewer, participationId: string, input: NominationRequestDto): Promise<ParticipationDto> {
    return this.db.transaction(async (manager) => {
      await this.participation.applyTransition(
        manager,
        viewer,
        participationId,
        { action: 'request_nomination', version: input.version },
        async (row) => {
          assertReapplyDateReached(await latestReapplyDate(manager, row.community_id, row.club_id, 'defer'), new Date());
          return { milestonesMet: (await this.computeProgress(manager, row)).allMet };
        },
      );
      const { kind, audiences } = NOMINATION_NOTICE;
      await this.notifications.notify(manager, { kind, audiences, participationId, actorId: viewer.userId });
      return this.participation.detail(manager, viewer, participationId);
    });
  }

  private computeProgress(manager: EntityManager, row: LockedParticipation): Promise<PathwayProgressDto> {
    return this.progress.computeIn(manager, { id: row.id, status: row.status, clubId: row.club_id, communityId: row.community_id });
  }
}
