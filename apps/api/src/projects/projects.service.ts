import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertProjectDates,
  availableProjectActions,
  countFigure,
  countedRevision,
  DomainError,
  isMilestoneOverdue,
  LIVE_STATUSES,
  ledgerTotals,
  listedAndUnlisted,
  mayTakePartInProjects,
  PartnerStatus,
  projectProgress,
  ProjectAction,
  ProjectRole,
  ProjectStatus,
  smallCountThreshold,
  sumFigure,
  transitionProject,
  type ParticipationStatus,
  type ProjectResource,
} from '@dastarkhan/domain';
import { AccessService, type CommunityNames } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { NotificationsService } from '../notifications/notifications.service';
import type { NotificationKind } from '@dastarkhan/domain';
import { AppError } from '../common/errors/app-error';
import type { ContributionDto } from './dto/contribution.dto';
import type { MilestoneDto } from './dto/milestone.dto';
import {
  CompleteProjectDto,
  ProjectDto,
  ProjectEventDto,
  ProjectPartnerDto,
  ProjectSummaryDto,
  ProjectTransitionDto,
  ProposeProjectDto,
  UndisclosedContributionsDto,
  UpdateProjectDto,
} from './dto/project.dto';
import type { OutcomeFigure } from './entities/project.entity';
import { LedgerLine, loadLedger, toContributionDto } from './ledger';
import { lockProject, ProjectRow } from './project-rows';

const SUMMARY_SELECT = `
  SELECT p.id, p.club_id AS "clubId", cl.name AS "clubName", p.title, p.category, p.status, p.visibility,
         to_char(p.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') AS "endsOn",
         p.lead_community_id AS "leadCommunityId", p.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM project_milestones m WHERE m.project_id = p.id) AS "milestoneTotal",
         (SELECT count(*)::int FROM project_milestones m WHERE m.project_id = p.id AND m.done) AS "milestoneDone",
         json_build_object('kind', 'project', 'projectId', p.id, 'clubId', p.club_id, 'regionCode', ci.region_code,
           'clubArchived', cl.archived_at IS NOT NULL, 'status', p.status, 'visibility', p.visibility, 'leadCommunityId', p.lead_community_id,
           'partners', COALESCE((SELECT json_agg(json_build_object('communityId', x.community_id, 'status', x.status))
                                   FROM project_partners x WHERE x.project_id = p.id), '[]'::json)) AS resource
    FROM projects p JOIN clubs cl ON cl.id = p.club_id JOIN cities ci ON ci.id = cl.city_id`;

interface SummaryRow extends Omit<ProjectSummaryDto, 'leadCommunity' | 'progress' | 'partnerCount'> {
  leadCommunityId: string;
  milestoneTotal: number;
  milestoneDone: number;
  resource: ProjectResource;
}

interface DetailRow extends SummaryRow {
  description: string;
  decisionReason: string | null;
  version: number;
  outcomeSummary: string | null;
  outcomeFigures: OutcomeFigure[];
  outcomePhotoLinks: string[];
  completedAt: string | null;
}

/** Today's calendar date in Kazakhstan (all of it is on Asia/Almaty time). */
export function almatyToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
}

/** The lead community hears of the decision on its proposal. */
const PROJECT_DECISION_NOTICES: Partial<Record<ProjectAction, NotificationKind>> = { approve: 'project_approved', decline: 'project_declined' };

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly sensitiveEvents: SensitiveEventsService,
  ) {}

  /** A club's projects the caller may see, newest first: exactly those `project.read` allows one by one. */
  async listForClub(viewer: Viewer | null, clubId: string, status?: ProjectStatus): Promise<ProjectSummaryDto[]> {
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SELECT} WHERE p.club_id = $1 AND ($2::text IS NULL OR p.status = $2) ORDER BY p.starts_on DESC, p.created_at DESC`,
      [clubId, status ?? null],
    );
    const visible = rows.filter((row) => this.access.allows(viewer, 'project.read', row.resource));
    const names = await this.access.communities(
      viewer,
      visible.flatMap((row) => row.resource.partners.map((p) => p.communityId)),
      { resource: 'project.list', clubId },
    );
    return visible.map((row) => toSummary(row, names, smallCountThreshold(viewer)));
  }

  get(viewer: Viewer | null, id: string): Promise<ProjectDto> {
    return this.detail(this.db.manager, viewer, id);
  }

  /** A representative of an observer, candidate or member community proposes a project it will lead. */
  async propose(viewer: Viewer, clubId: string, input: ProposeProjectDto): Promise<ProjectDto> {
    assertProjectDates(input.startsOn, input.endsOn);
    return this.db.transaction(async (manager) => {
      const [participation]: Array<{ status: ParticipationStatus }> = await manager.query(
        `SELECT status FROM participations WHERE club_id = $1 AND community_id = $2 AND status = ANY($3) FOR SHARE`,
        [clubId, input.communityId, LIVE_STATUSES],
      );
      if (!mayTakePartInProjects(participation?.status)) {
        throw new AppError('PROJECT.COMMUNITY_NOT_ELIGIBLE', "Only the club's observer, candidate and member communities propose projects");
      }
      const [{ id }] = await manager.query(
        `INSERT INTO projects (club_id, title, description, category, lead_community_id, proposed_by_id, starts_on, ends_on,
                               status, visibility, outcome_figures, outcome_photo_links, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'proposed', $9, '[]', '[]', 1) RETURNING id`,
        [clubId, input.title, input.description, input.category, input.communityId, viewer.userId, input.startsOn,
          input.endsOn ?? null, input.visibility ?? 'public'],
      );
      await manager.query(
        `INSERT INTO project_partners (project_id, community_id, role, status, requested_by_id, decided_at)
         VALUES ($1, $2, 'lead', 'confirmed', $3, now())`,
        [id, input.communityId, viewer.userId],
      );
      await this.recordEvent(manager, id, 1, 'propose', null, 'proposed', null, viewer.userId);
      await this.notifications.tell(manager, {
        kind: 'project_proposed',
        communities: { clubId, communityIds: [input.communityId] },
        audiences: ['coordinator'],
        actorId: viewer.userId,
        params: { title: input.title },
        link: `/projects/${id}`,
      });
      return this.detail(manager, viewer, id);
    });
  }

  /** A coordinator edits a project that is still open (proposed or active). */
  async update(viewer: Viewer, id: string, input: UpdateProjectDto): Promise<ProjectDto> {
    return this.db.transaction(async (manager) => {
      const project = await lockProject(manager, id, 'FOR UPDATE');
      this.assertVersion(project, input.version);
      if (project.status !== 'proposed' && project.status !== 'active') {
        throw new DomainError('PROJECT.NOT_ACTIVE', `The project is ${project.status}; it can no longer change`);
      }
      const current = await editableFields(manager, id);
      const startsOn = input.startsOn ?? current.startsOn;
      const endsOn = input.endsOn === undefined ? current.endsOn : input.endsOn;
      assertProjectDates(startsOn, endsOn);
      await manager.query(
        `UPDATE projects SET title = COALESCE($2, title), description = COALESCE($3, description),
                category = COALESCE($4, category), starts_on = $5, ends_on = $6, visibility = COALESCE($7, visibility),
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, input.title ?? null, input.description ?? null, input.category ?? null, startsOn, endsOn, input.visibility ?? null],
      );
      await this.sensitiveEvents.changeBetween(manager, {
        actor: viewer,
        action: 'project.updated',
        resource: 'project',
        recordId: id,
        clubId: project.clubId,
        before: current,
        after: await editableFields(manager, id),
        fields: ['title', 'description', 'category', 'startsOn', 'endsOn', 'visibility'],
      });
      return this.detail(manager, viewer, id);
    });
  }

  /**
   * Approve, decline or cancel. The row is locked and the caller's `version` must match, so of two
   * concurrent decisions exactly one wins and the other gets 409.
   */
  async transition(viewer: Viewer, id: string, input: ProjectTransitionDto): Promise<ProjectDto> {
    return this.changeStatus(viewer, id, input.action, input.version, input.reason ?? null, null);
  }

  /** A coordinator closes an active project with its outcome report, once the ledger is settled. */
  async complete(viewer: Viewer, id: string, input: CompleteProjectDto): Promise<ProjectDto> {
    const outcome = {
      summary: input.summary,
      figures: input.figures.map(({ label, value }) => ({ label, value })),
      photoLinks: input.photoLinks,
    };
    return this.changeStatus(viewer, id, 'complete', input.version, null, outcome, async (manager) => {
      const [{ pending }] = await manager.query(
        `SELECT count(*)::int AS pending FROM project_contribution_revisions r
           JOIN project_contributions c ON c.id = r.contribution_id
          WHERE c.project_id = $1 AND r.status = 'pending'`,
        [id],
      );
      return { outcomeSummary: input.summary, pendingRevisions: pending };
    });
  }

  private async changeStatus(
    viewer: Viewer,
    id: string,
    action: ProjectAction,
    version: number,
    reason: string | null,
    outcome: { summary: string; figures: OutcomeFigure[]; photoLinks: string[] } | null,
    context: (manager: EntityManager) => Promise<{ outcomeSummary?: string; pendingRevisions?: number }> = async () => ({}),
  ): Promise<ProjectDto> {
    return this.db.transaction(async (manager) => {
      const project = await lockProject(manager, id, 'FOR UPDATE');
      const actors = this.access.projectActors(viewer, await this.access.load('project', id, manager));
      this.assertVersion(project, version);
      const to = transitionProject(project.status, action, { actors, reason, ...(await context(manager)) });
      const next = project.version + 1;
      // One statement: the table's check keeps "completed" and the outcome report together.
      await manager.query(
        `UPDATE projects SET status = $2, decision_reason = COALESCE($3, decision_reason), version = $4, updated_at = now(),
                outcome_summary = COALESCE($5, outcome_summary),
                outcome_figures = COALESCE($6::jsonb, outcome_figures),
                outcome_photo_links = COALESCE($7::jsonb, outcome_photo_links),
                completed_at = CASE WHEN $2 = 'completed' THEN now() ELSE completed_at END
          WHERE id = $1`,
        [
          id,
          to,
          action === 'decline' || action === 'cancel' ? reason : null,
          next,
          outcome?.summary ?? null,
          outcome ? JSON.stringify(outcome.figures) : null,
          outcome ? JSON.stringify(outcome.photoLinks) : null,
        ],
      );
      await this.recordEvent(manager, id, next, action, project.status, to, reason || null, viewer.userId);
      const kind = PROJECT_DECISION_NOTICES[action];
      if (kind) {
        await this.notifications.tell(manager, {
          kind,
          communities: { clubId: project.clubId, communityIds: [project.leadCommunityId] },
          audiences: ['community'],
          actorId: viewer.userId,
          params: { title: project.title, reason: reason || null },
          link: `/projects/${id}`,
        });
      }
      return this.detail(manager, viewer, id);
    });
  }

  /**
   * The project page as the caller may see it (the access guard answered 404 for a project it may
   * not see). Communities and people are printed by the naming rule; what hidden partners did is
   * shown only as the small-count rule allows, so nothing can be recovered by subtraction.
   */
  async detail(manager: EntityManager, viewer: Viewer | null, id: string): Promise<ProjectDto> {
    const [row]: DetailRow[] = await manager.query(
      `${SUMMARY_SELECT.replace('p.updated_at AS "updatedAt",', `p.updated_at AS "updatedAt", p.description, p.decision_reason AS "decisionReason",
         p.version, p.outcome_summary AS "outcomeSummary", p.outcome_figures AS "outcomeFigures",
         p.outcome_photo_links AS "outcomePhotoLinks", p.completed_at AS "completedAt",`)} WHERE p.id = $1`,
      [id],
    );
    const project = row.resource;
    const isCoordinator = this.access.allows(viewer, 'project.manage', project);
    const partnerRows: Array<{ communityId: string; role: ProjectRole; status: PartnerStatus; joinedAt: string }> = await manager.query(
      `SELECT community_id AS "communityId", role, status, created_at AS "joinedAt" FROM project_partners
        WHERE project_id = $1 ORDER BY role = 'lead' DESC, created_at, id`,
      [id],
    );
    const ledger = await loadLedger(manager, { projectId: id });
    const names = await this.access.communities(
      viewer,
      [project.leadCommunityId, ...partnerRows.map((p) => p.communityId), ...ledger.map((l) => l.communityId)],
      { resource: 'project.page', clubId: project.clubId, manager },
    );
    const shownPartners = partnerRows.filter(
      (p) => isCoordinator || p.status === 'confirmed' || this.access.speaksFor(viewer, p.communityId),
    );
    const partners: ProjectPartnerDto[] = shownPartners.flatMap((p) => {
      const community = names.ref(p.communityId);
      return community ? [{ community, role: p.role, status: p.status, joinedAt: p.joinedAt }] : [];
    });
    const visibleLines = ledger.filter((line) => names.access(line.communityId) !== 'hidden');
    const ledgerDtos = visibleLines.flatMap((line): ContributionDto[] => {
      const representsCommunity = this.access.speaksFor(viewer, line.communityId);
      const dto = toContributionDto(line, {
        community: names.ref(line.communityId)!,
        names,
        full: isCoordinator || representsCommunity,
        isCoordinator,
        representsCommunity,
        projectStatus: project.status,
      });
      return dto ? [dto] : [];
    });
    const hiddenPartners = partnerRows.filter((p) => p.status === 'confirmed' && names.access(p.communityId) === 'hidden');
    const milestones = await this.milestones(manager, id);
    const events = this.access.allows(viewer, 'project.insider.read', project) ? await this.events(manager, id, names) : [];
    const partnerOf = new Map(partnerRows.map((p) => [p.communityId, p.status]));
    const { outcomeSummary, outcomeFigures, outcomePhotoLinks, completedAt, ...rest } = row;
    const threshold = smallCountThreshold(viewer);
    return {
      ...toSummary(rest, names, threshold),
      description: rest.description,
      decisionReason: rest.decisionReason,
      version: rest.version,
      partners,
      undisclosed: undisclosed(ledger, hiddenPartners.map((p) => p.communityId), threshold),
      ledger: ledgerDtos,
      totals: ledgerTotals(visibleLines.map((l) => l.revisions)),
      milestones,
      outcome: outcomeSummary && completedAt
        ? { summary: outcomeSummary, figures: outcomeFigures, photoLinks: outcomePhotoLinks, completedAt }
        : null,
      events,
      availableActions: availableProjectActions(project.status, this.access.projectActors(viewer, project)),
      viewerIsCoordinator: isCoordinator,
      viewerCommunityIds: [...partnerOf].filter(([c, s]) => s === 'confirmed' && this.access.speaksFor(viewer, c)).map(([c]) => c),
      viewerCanJoinAs:
        project.status === 'active'
          ? (viewer?.participations ?? [])
              .filter((p) => p.clubId === project.clubId && mayTakePartInProjects(p.status) && !partnerOf.has(p.communityId))
              .map((p) => p.communityId)
          : [],
    };
  }

  async milestones(manager: EntityManager, projectId: string): Promise<MilestoneDto[]> {
    const rows: Array<Omit<MilestoneDto, 'overdue'>> = await manager.query(
      `SELECT id, title, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", done, done_at AS "doneAt", version
         FROM project_milestones WHERE project_id = $1 ORDER BY position`,
      [projectId],
    );
    const today = almatyToday();
    return rows.map((m) => ({ ...m, overdue: isMilestoneOverdue(m, today) }));
  }

  /** The project's history for its insiders, each actor printed by the naming rule. */
  private async events(manager: EntityManager, id: string, names: CommunityNames): Promise<ProjectEventDto[]> {
    const rows: Array<Omit<ProjectEventDto, 'actorName'> & { displayName: string; actorCommunityId: string | null }> = await manager.query(
      `SELECT e.id, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.reason, u.display_name AS "displayName",
              (SELECT ra.community_id FROM role_assignments ra JOIN project_partners pp ON pp.community_id = ra.community_id
                WHERE pp.project_id = e.project_id AND ra.user_id = e.actor_id AND ra.role = 'representative'
                ORDER BY ra.community_id LIMIT 1) AS "actorCommunityId",
              e.created_at AS at
         FROM project_events e JOIN users u ON u.id = e.actor_id
        WHERE e.project_id = $1 ORDER BY e.sequence`,
      [id],
    );
    return rows.map(({ displayName, actorCommunityId, ...event }) => ({ ...event, actorName: names.person(displayName, actorCommunityId) }));
  }

  private assertVersion(project: ProjectRow, version: number): void {
    if (project.version !== version) {
      throw new AppError('PROJECT.STALE_VERSION', 'This project changed meanwhile; reload and try again');
    }
  }

  private recordEvent(
    manager: EntityManager,
    projectId: string,
    sequence: number,
    action: ProjectAction | 'propose',
    fromStatus: ProjectStatus | null,
    toStatus: ProjectStatus,
    reason: string | null,
    actorId: string,
  ) {
    return manager.query(
      `INSERT INTO project_events (project_id, sequence, action, from_status, to_status, reason, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [projectId, sequence, action, fromStatus, toStatus, reason, actorId],
    );
  }
}

/** What the confirmed partners the reader may not see contributed: groups smaller than the threshold are not shown. */
function undisclosed(ledger: LedgerLine[], hiddenPartnerIds: string[], threshold: number): UndisclosedContributionsDto {
  const hidden = new Set(hiddenPartnerIds);
  const hiddenLines = ledger.filter((line) => hidden.has(line.communityId));
  const contributors = new Set(hiddenLines.filter((line) => countedRevision(line.revisions)).map((line) => line.communityId)).size;
  const totals = ledgerTotals(hiddenLines.map((line) => line.revisions));
  return {
    partners: countFigure(hidden.size, threshold),
    volunteers: sumFigure(totals.volunteers, contributors, threshold),
    hours: sumFigure(totals.hours, contributors, threshold),
  };
}

function toSummary(row: SummaryRow, names: CommunityNames, threshold: number): ProjectSummaryDto {
  const confirmed = row.resource.partners.filter((p) => p.status === 'confirmed').map((p) => p.communityId);
  const listed = names.visible(confirmed).length;
  return {
    id: row.id,
    clubId: row.clubId,
    clubName: row.clubName,
    title: row.title,
    category: row.category,
    status: row.status,
    visibility: row.visibility,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    leadCommunity: names.ref(row.leadCommunityId),
    partnerCount: listedAndUnlisted(listed, confirmed.length - listed, threshold),
    progress: projectProgress(
      Array.from({ length: row.milestoneTotal }, (_, i) => ({ done: i < row.milestoneDone })),
    ),
    updatedAt: row.updatedAt,
  };
}

/** What a coordinator may edit of a project (its history of statuses is the project's own, project_events). */
async function editableFields(manager: EntityManager, id: string) {
  const [row]: Array<{ title: string; description: string; category: string; startsOn: string; endsOn: string | null; visibility: string }> = await manager.query(
    `SELECT title, description, category, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", visibility
       FROM projects WHERE id = $1`,
    [id],
  );
  return row;
}
