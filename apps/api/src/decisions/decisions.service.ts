import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertReapplyDateReached,
  validateDecision,
  type DecisionOutcome,
  type NotificationKind,
  NOMINATION_NOTICE,
} from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import type { Viewer } from '../auth/viewer';
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
    private readonly access: AccessService,
  ) {}

  /**
   * Admits, defers or declines in one transaction: the step, its event and the decision record
   * with the milestones as they stood under the lock (so the record explains exactly what was judged).
   */
  async decide(viewer: Viewer, participationId: string, input: DecideDto): Promise<DecidedParticipationDto> {
    return this.db.transaction(async (manager) => {
      const locked = await this.participation.lock(manager, participationId);
      const snapshot = await this.computeProgress(manager, locked);
      const decision = validateDecision({
        outcome: input.outcome,
        fromStatus: locked.status,
        reasonCode: input.reasonCode,
        reasonText: input.reasonText,
        overrideReason: input.overrideReason,
        earliestReapplyOn: input.earliestReapplyOn,
        unmetMilestones: snapshot.milestones.filter((m) => m.enabled && !m.met).map((m) => m.key),
        registered: locked.resource.community.registrationStatus === 'registered',
        now: new Date(),
      });
      const step = await this.participation.step(manager, viewer, locked, input.outcome, { version: input.version, reason: input.reasonText });
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
      const [record] = await readDecisions(manager, this.access, viewer, { decisionIds: [id] });
      return { ...(await this.participation.detail(manager, viewer, participationId)), decision: record };
    });
  }

  /** The participation's decision records, for whoever may read the participation. */
  list(viewer: Viewer, participationId: string): Promise<DecisionRecordDto[]> {
    return readDecisions(this.db.manager, this.access, viewer, { participationId });
  }

  /**
   * The community puts itself forward once the records show every milestone met, and not before
   * the re-apply date of its latest deferral.
   */
  async requestNomination(viewer: Viewer, participationId: string, input: NominationRequestDto): Promise<ParticipationDto> {
    return this.db.transaction(async (manager) => {
      const locked = await this.participation.lock(manager, participationId);
      this.access.assert(viewer, 'participation.act-as-community', locked.resource);
      assertReapplyDateReached(await latestReapplyDate(manager, locked.communityId, locked.clubId, 'defer'), new Date());
      const { allMet } = await this.computeProgress(manager, locked);
      await this.participation.step(manager, viewer, locked, 'request_nomination', {
        version: input.version,
        context: { milestonesMet: allMet },
      });
      const { kind, audiences } = NOMINATION_NOTICE;
      await this.notifications.notify(manager, { kind, audiences, participationId, actorId: viewer.userId });
      return this.participation.detail(manager, viewer, participationId);
    });
  }

  private computeProgress(manager: EntityManager, row: LockedParticipation): Promise<PathwayProgressDto> {
    return this.progress.computeIn(manager, { id: row.id, status: row.status, clubId: row.clubId, communityId: row.communityId });
  }
}
