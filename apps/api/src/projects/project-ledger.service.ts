import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertProjectActive,
  contributedProjectCount,
  decidePartner,
  latestRevision,
  LIVE_STATUSES,
  mayTakePartInProjects,
  ParticipationStatus,
  PartnerStatus,
  planCorrection,
  reviewRevision,
  validateContribution,
} from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/postgres-errors';
import {
  CivicRecordDto,
  CivicRecordEntryDto,
  ContributionDto,
  ContributionFiguresDto,
  ContributionInputDto,
  CorrectContributionDto,
  ReviewContributionDto,
} from './dto/contribution.dto';
import { JoinProjectDto, ParticipantDecisionDto, ProjectDto } from './dto/project.dto';
import { LedgerLine, loadLedger, toContributionDto } from './ledger';
import { lockProject, ProjectRow } from './project-rows';
import { ProjectsService } from './projects.service';
import { NotificationsService, type Notice } from '../notifications/notifications.service';

/**
 * Who takes part in a project and what each community contributed. Every change locks the project
 * row FOR SHARE (so it cannot complete or be cancelled meanwhile) and the changed row FOR UPDATE.
 */
@Injectable()
export class ProjectLedgerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly projects: ProjectsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A representative asks for its community to join an active project; a coordinator then decides. */
  async join(viewer: Viewer, id: string, input: JoinProjectDto): Promise<ProjectDto> {
    try {
      return await this.db.transaction(async (manager) => {
        const project = await lockProject(manager, id, 'FOR SHARE');
        assertProjectActive(project.status);
        const [participation]: Array<{ status: ParticipationStatus }> = await manager.query(
          `SELECT status FROM participations WHERE club_id = $1 AND community_id = $2 AND status = ANY($3)`,
          [project.clubId, input.communityId, LIVE_STATUSES],
        );
        if (!mayTakePartInProjects(participation?.status)) {
          throw new AppError('PROJECT.COMMUNITY_NOT_ELIGIBLE', "Only the club's observer, candidate and member communities join its projects");
        }
        await manager.query(
          `INSERT INTO project_partners (project_id, community_id, role, status, requested_by_id) VALUES ($1, $2, 'partner', 'requested', $3)`,
          [id, input.communityId, viewer.userId],
        );
        await this.tell(manager, viewer, project, input.communityId, { kind: 'project_join_requested', audiences: ['coordinator'] });
        return this.projects.detail(manager, viewer, id);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'project_partners')) {
        throw new AppError('PROJECT.ALREADY_JOINED', 'This community already asked to join this project');
      }
      throw error;
    }
  }

  /** A coordinator confirms a community's request to join, or declines it with a reason. */
  async decidePartner(viewer: Viewer, id: string, communityId: string, input: ParticipantDecisionDto): Promise<ProjectDto> {
    return this.db.transaction(async (manager) => {
      const project = await lockProject(manager, id, 'FOR SHARE');
      const [partner]: Array<{ id: string; status: PartnerStatus }> = await manager.query(
        `SELECT id, status FROM project_partners WHERE project_id = $1 AND community_id = $2 FOR UPDATE`,
        [id, communityId],
      );
      if (!partner) throw notFound('Project partner');
      assertProjectActive(project.status);
      const status = decidePartner(partner.status, input.decision, input.reason);
      await manager.query(
        `UPDATE project_partners SET status = $2, decision_reason = $3, decided_by_id = $4, decided_at = now() WHERE id = $1`,
        [partner.id, status, input.reason || null, viewer.userId],
      );
      await this.tell(manager, viewer, project, communityId, {
        kind: status === 'confirmed' ? 'project_join_accepted' : 'project_join_declined',
        audiences: ['community'],
        reason: input.reason || null,
      });
      return this.projects.detail(manager, viewer, id);
    });
  }

  /** A representative enters what its (confirmed) community contributed: revision 1, pending review. */
  async enter(viewer: Viewer, id: string, input: ContributionInputDto): Promise<ContributionDto> {
    return this.db.transaction(async (manager) => {
      const project = await lockProject(manager, id, 'FOR SHARE');
      assertProjectActive(project.status);
      const [partner] = await manager.query(
        `SELECT 1 FROM project_partners WHERE project_id = $1 AND community_id = $2 AND status = 'confirmed'`,
        [id, input.communityId],
      );
      if (!partner) {
        throw new AppError('PROJECT.COMMUNITY_NOT_ELIGIBLE', 'A community enters contributions once a coordinator confirmed it in the project');
      }
      validateContribution(input, { isLeadCommunity: input.communityId === project.leadCommunityId });
      const [{ id: contributionId }] = await manager.query(
        `INSERT INTO project_contributions (project_id, community_id, version) VALUES ($1, $2, 1) RETURNING id`,
        [id, input.communityId],
      );
      await this.insertRevision(manager, contributionId, 1, input, viewer.userId);
      await this.tell(manager, viewer, project, input.communityId, { kind: 'contribution_entered', audiences: ['coordinator'] });
      return this.lineDto(manager, viewer, project, contributionId);
    });
  }

  /** A correction: a new pending revision; the earlier ones stay, and the confirmed one counts until this is confirmed. */
  async correct(viewer: Viewer, id: string, contributionId: string, input: CorrectContributionDto): Promise<ContributionDto> {
    return this.db.transaction(async (manager) => {
      const project = await lockProject(manager, id, 'FOR SHARE');
      const line = await this.lockLine(manager, id, contributionId);
      assertProjectActive(project.status);
      this.assertVersion(line.version, input.version);
      validateContribution(input, { isLeadCommunity: line.communityId === project.leadCommunityId });
      const plan = planCorrection(line.revisions);
      if (plan.supersedes.length) {
        await manager.query(`UPDATE project_contribution_revisions SET status = 'superseded' WHERE id = ANY($1)`, [
          plan.supersedes.map((r) => r.id),
        ]);
      }
      await this.insertRevision(manager, line.id, plan.revision, input, viewer.userId);
      await manager.query(`UPDATE project_contributions SET version = version + 1, updated_at = now() WHERE id = $1`, [line.id]);
      await this.tell(manager, viewer, project, line.communityId, { kind: 'contribution_entered', audiences: ['coordinator'] });
      return this.lineDto(manager, viewer, project, line.id);
    });
  }

  /** A coordinator confirms the newest revision (it now counts) or rejects it with a reason. */
  async review(viewer: Viewer, id: string, contributionId: string, input: ReviewContributionDto): Promise<ContributionDto> {
    return this.db.transaction(async (manager) => {
      const project = await lockProject(manager, id, 'FOR SHARE');
      const line = await this.lockLine(manager, id, contributionId);
      assertProjectActive(project.status);
      this.assertVersion(line.version, input.version);
      const latest = latestRevision(line.revisions);
      const status = reviewRevision(latest, input.decision, input.reason);
      await manager.query(
        `UPDATE project_contribution_revisions SET status = $2, review_reason = $3, reviewed_by_id = $4, reviewed_at = now() WHERE id = $1`,
        [latest?.id, status, input.reason || null, viewer.userId],
      );
      await manager.query(`UPDATE project_contributions SET version = version + 1, updated_at = now() WHERE id = $1`, [line.id]);
      await this.tell(manager, viewer, project, line.communityId, {
        kind: status === 'confirmed' ? 'contribution_confirmed' : 'contribution_rejected',
        audiences: ['community'],
        reason: input.reason || null,
      });
      return this.lineDto(manager, viewer, project, line.id);
    });
  }

  /**
   * A community's confirmed contributions across projects: what the pathway's "contributed to N
   * joint projects" milestone reads. Its representatives see every club; a coordinator only the
   * clubs it coordinates in which the community takes part (the access guard let only them in).
   */
  async civicRecord(viewer: Viewer, communityId: string, clubId?: string): Promise<CivicRecordDto> {
    // A coordinator sees the record in the clubs it coordinates only.
    const coordinatorOf = this.access.speaksFor(viewer, communityId) ? null : viewer.userId;
    const rows: CivicRecordEntryDto[] = await this.db.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (pc.id) pc.id AS "contributionId", p.id AS "projectId", p.title AS "projectTitle", p.category,
                p.status AS "projectStatus", p.club_id AS "clubId", cl.name AS "clubName", r.role, r.volunteers,
                r.hours::float8 AS hours, r.in_kind AS "inKind", r.reviewed_at AS "confirmedAt"
           FROM project_contributions pc
           JOIN projects p ON p.id = pc.project_id
           JOIN clubs cl ON cl.id = p.club_id
           JOIN project_contribution_revisions r ON r.contribution_id = pc.id AND r.status = 'confirmed'
          WHERE pc.community_id = $1 AND ($2::uuid IS NULL OR p.club_id = $2)
            AND ($3::uuid IS NULL OR p.club_id IN (SELECT club_id FROM role_assignments WHERE user_id = $3 AND role = 'coordinator'))
          ORDER BY pc.id, r.revision DESC) counted
        ORDER BY "confirmedAt" DESC, "contributionId"`,
      [communityId, clubId ?? null, coordinatorOf],
    );
    return {
      communityId,
      projectCount: contributedProjectCount(rows),
      volunteers: rows.reduce((sum, r) => sum + r.volunteers, 0),
      hours: Math.round(rows.reduce((sum, r) => sum + r.hours, 0) * 100) / 100,
      entries: rows,
    };
  }

  /** The ledger line (locked); 404 when it is not in this project (the access guard checked who may act on it). */
  /** Tells of a step on the project that concerns one of its communities; the notice opens the project. */
  private tell(
    manager: EntityManager,
    viewer: Viewer,
    project: ProjectRow,
    communityId: string,
    notice: Pick<Notice, 'kind' | 'audiences'> & { reason?: string | null },
  ): Promise<void> {
    return this.notifications.tell(manager, {
      kind: notice.kind,
      audiences: notice.audiences,
      communities: { clubId: project.clubId, communityIds: [communityId] },
      actorId: viewer.userId,
      params: { title: project.title, reason: notice.reason ?? null },
      link: `/projects/${project.id}`,
    });
  }

  private async lockLine(manager: EntityManager, projectId: string, contributionId: string): Promise<LedgerLine> {
    const [row] = await manager.query(`SELECT 1 FROM project_contributions WHERE id = $1 AND project_id = $2 FOR UPDATE`, [
      contributionId,
      projectId,
    ]);
    if (!row) throw notFound('Contribution');
    const [line] = await loadLedger(manager, { contributionId });
    return line;
  }

  private async lineDto(manager: EntityManager, viewer: Viewer, project: ProjectRow, contributionId: string): Promise<ContributionDto> {
    const [line] = await loadLedger(manager, { contributionId });
    const resource = await this.access.load('project', project.id, manager);
    const names = await this.access.communities(viewer, [line.communityId], { resource: 'project.ledger', clubId: project.clubId, manager });
    const community = names.ref(line.communityId);
    const isCoordinator = this.access.allows(viewer, 'project.manage', resource);
    const representsCommunity = this.access.speaksFor(viewer, line.communityId);
    const dto =
      community &&
      toContributionDto(line, {
        community,
        names,
        full: isCoordinator || representsCommunity,
        isCoordinator,
        representsCommunity,
        projectStatus: project.status,
      });
    if (!dto) throw notFound('Contribution');
    return dto;
  }

  private insertRevision(manager: EntityManager, contributionId: string, revision: number, figures: ContributionFiguresDto, userId: string) {
    return manager.query(
      `INSERT INTO project_contribution_revisions (contribution_id, revision, role, volunteers, hours, in_kind, status, entered_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7)`,
      [contributionId, revision, figures.role, figures.volunteers, figures.hours, figures.inKind || null, userId],
    );
  }

  private assertVersion(current: number, given: number): void {
    if (current !== given) throw new AppError('PROJECT.STALE_VERSION', 'This contribution changed meanwhile; reload and try again');
  }
}
