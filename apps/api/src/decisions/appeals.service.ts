import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertMayAppeal, DomainError, type AppealStatus, type DecisionOutcome, type ParticipationStatus } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { NotificationsService } from '../notifications/notifications.service';
import { ParticipationService } from '../participation/participation.service';
import { readDecisions } from './decision-records';
import { AppealCaseDto, AppealInputDto, AppealResolutionInputDto, DecisionRecordDto } from './dto/decision.dto';

const CASE_SELECT = `
  SELECT a.id, a.status, a.text, au.display_name AS "appellantName", a.created_at AS "createdAt", a.resolution,
         a.resolved_at AS "resolvedAt", ru.display_name AS "resolvedByName", a.decision_id AS "decisionId",
         json_build_object('id', cl.id, 'name', cl.name) AS club,
         p.community_id AS "communityId",
         EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = a.appellant_id AND r.role = 'representative'
                    AND r.community_id = p.community_id) AS "appellantRepresents"
    FROM decision_appeals a
    JOIN users au ON au.id = a.appellant_id
    LEFT JOIN users ru ON ru.id = a.resolved_by_id
    JOIN participation_decisions d ON d.id = a.decision_id
    JOIN participations p ON p.id = d.participation_id
    JOIN clubs cl ON cl.id = p.club_id`;

/** A community's single appeal against a deferral or a decline, and the administrator's ruling on it. */
@Injectable()
export class AppealsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participation: ParticipationService,
    private readonly notifications: NotificationsService,
    private readonly access: AccessService,
  ) {}

  /** A representative of the decided community appeals; 404 for anyone else. */
  async appeal(viewer: Viewer, decisionId: string, input: AppealInputDto): Promise<DecisionRecordDto> {
    try {
      return await this.db.transaction(async (manager) => {
        // Shared lock: no step can supersede the decision while the appeal is written.
        const [decision]: Array<{
          participationId: string;
          communityId: string;
          outcome: DecisionOutcome;
          decidedAt: Date;
          eventSequence: number;
          version: number;
          appealed: boolean;
        }> = await manager.query(
          `SELECT d.participation_id AS "participationId", p.community_id AS "communityId", d.outcome, d.decided_at AS "decidedAt",
                  d.event_sequence AS "eventSequence", p.version,
                  EXISTS (SELECT 1 FROM decision_appeals a WHERE a.decision_id = d.id) AS appealed
             FROM participation_decisions d JOIN participations p ON p.id = d.participation_id
            WHERE d.id = $1 FOR SHARE OF p`,
          [decisionId],
        );
        if (!decision) throw notFound('Decision');
        assertMayAppeal(
          {
            outcome: decision.outcome,
            decidedAt: decision.decidedAt,
            alreadyAppealed: decision.appealed,
            isLatestStep: decision.version === decision.eventSequence,
          },
          new Date(),
        );
        await manager.query(`INSERT INTO decision_appeals (decision_id, appellant_id, text) VALUES ($1, $2, $3)`, [
          decisionId,
          viewer.userId,
          input.text,
        ]);
        await this.notifications.notify(manager, {
          kind: 'appeal_filed',
          participationId: decision.participationId,
          actorId: viewer.userId,
          audiences: ['administrator', 'coordinator'],
          params: { outcome: decision.outcome },
        });
        const [record] = await readDecisions(manager, this.access, viewer, { decisionIds: [decisionId] });
        return record;
      });
    } catch (error) {
      // Two appeals sent at once: both passed the check, the unique index lets one in.
      if (isUniqueViolation(error, 'decision_appeals')) {
        throw new DomainError('APPEAL.ALREADY_APPEALED', 'This decision was already appealed; a decision may be appealed once');
      }
      throw error;
    }
  }

  /** Appeals for the administrator, oldest first: names, never contacts. */
  async list(viewer: Viewer, status?: AppealStatus): Promise<AppealCaseDto[]> {
    return this.cases(this.db.manager, viewer, `($1::text IS NULL OR a.status = $1)`, [status ?? null]);
  }

  /**
   * Upholds or overturns. Overturning returns the participation to where it was before the
   * decision, as a new `overturn` event, provided nothing happened since.
   */
  async resolve(viewer: Viewer, appealId: string, input: AppealResolutionInputDto): Promise<AppealCaseDto> {
    try {
      return await this.db.transaction(async (manager) => {
        const [appeal]: Array<{ status: AppealStatus; participationId: string; eventSequence: number; fromStatus: ParticipationStatus }> =
          await manager.query(
            `SELECT a.status, d.participation_id AS "participationId", d.event_sequence AS "eventSequence", d.from_status AS "fromStatus"
               FROM decision_appeals a JOIN participation_decisions d ON d.id = a.decision_id
              WHERE a.id = $1 FOR UPDATE OF a`,
            [appealId],
          );
        if (!appeal) throw notFound('Appeal');
        if (appeal.status !== 'open') throw new AppError('APPEAL.NOT_OPEN', 'This appeal was already decided');
        if (input.outcome === 'overturned') await this.overturn(manager, viewer, appeal, input.text);
        await manager.query(
          `UPDATE decision_appeals SET status = $2, resolution = $3, resolved_at = now(), resolved_by_id = $4 WHERE id = $1`,
          [appealId, input.outcome, input.text, viewer.userId],
        );
        await this.notifications.notify(manager, {
          kind: 'appeal_decided',
          participationId: appeal.participationId,
          actorId: viewer.userId,
          audiences: ['community', 'coordinator'],
          params: { outcome: input.outcome },
        });
        const [result] = await this.cases(manager, viewer, 'a.id = $1', [appealId]);
        return result;
      });
    } catch (error) {
      // participation_one_live: the declined community already applied again in this club.
      if (isUniqueViolation(error, 'participations')) {
        throw new AppError(
          'APPEAL.COMMUNITY_REAPPLIED',
          'The community has applied to this club again since the decline; its new application stands, so the appeal can only be upheld',
        );
      }
      throw error;
    }
  }

  /** Overturning is a step of the state machine: back to where the decision found the participation. */
  private async overturn(
    manager: EntityManager,
    viewer: Viewer,
    appeal: { participationId: string; eventSequence: number; fromStatus: ParticipationStatus },
    reason: string,
  ): Promise<void> {
    const locked = await this.participation.lock(manager, appeal.participationId);
    if (locked.version !== appeal.eventSequence) {
      throw new DomainError('APPEAL.DECISION_SUPERSEDED', 'The participation moved on since this decision; it cannot be turned back');
    }
    await this.participation.step(manager, viewer, locked, 'overturn', {
      version: locked.version,
      reason,
      context: { overturnTo: appeal.fromStatus },
    });
  }

  private async cases(manager: EntityManager, viewer: Viewer, condition: string, params: unknown[]): Promise<AppealCaseDto[]> {
    const rows: Array<Omit<AppealCaseDto, 'decision' | 'community' | 'appellantName'> & {
      decisionId: string;
      communityId: string;
      appellantName: string;
      appellantRepresents: boolean;
    }> = await manager.query(`${CASE_SELECT} WHERE ${condition} ORDER BY a.created_at, a.id`, params);
    const decisions = await readDecisions(manager, this.access, viewer, { decisionIds: rows.map((r) => r.decisionId) });
    const names = await this.access.communities(viewer, rows.map((r) => r.communityId), { resource: 'appeals', manager });
    const byId = new Map(decisions.map((d) => [d.id, d]));
    return rows.map(({ decisionId, communityId, appellantName, appellantRepresents, ...row }) => ({
      ...row,
      community: names.ref(communityId),
      appellantName: names.person(appellantName, appellantRepresents ? communityId : null),
      decision: byId.get(decisionId) as DecisionRecordDto,
    }));
  }
}
