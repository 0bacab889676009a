import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertMilestonesEditable, isMilestoneOverdue } from '@dastarkhan/domain';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { MilestoneDto, MilestoneInputDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { lockProject, ProjectRow } from './project-rows';
import { almatyToday } from './projects.service';

/** A project's milestones: planned and ticked off by the club's coordinators. */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SensitiveEventsService,
  ) {}

  async add(viewer: Viewer, projectId: string, input: MilestoneInputDto): Promise<MilestoneDto> {
    return this.db.transaction(async (manager) => {
      // FOR UPDATE: concurrent additions take positions one after the other.
      const project = await this.editable(manager, projectId, 'FOR UPDATE');
      const [{ id }] = await manager.query(
        `INSERT INTO project_milestones (project_id, position, title, due_on)
         VALUES ($1, (SELECT COALESCE(max(position), 0) + 1 FROM project_milestones WHERE project_id = $1), $2, $3) RETURNING id`,
        [projectId, input.title, input.dueOn ?? null],
      );
      const milestone = await this.one(manager, id);
      await this.audit(manager, viewer, 'milestone.created', project, null, milestone);
      return milestone;
    });
  }

  async update(viewer: Viewer, projectId: string, milestoneId: string, input: UpdateMilestoneDto): Promise<MilestoneDto> {
    return this.db.transaction(async (manager) => {
      const project = await this.editable(manager, projectId, 'FOR SHARE');
      const current = await this.lock(manager, projectId, milestoneId);
      const before = await this.one(manager, milestoneId);
      if (current.version !== input.version) {
        throw new AppError('PROJECT.STALE_VERSION', 'This milestone changed meanwhile; reload and try again');
      }
      const done = input.done ?? current.done;
      await manager.query(
        `UPDATE project_milestones
            SET title = COALESCE($2, title), due_on = CASE WHEN $3::boolean THEN $4::date ELSE due_on END,
                done = $5, done_at = CASE WHEN NOT $5 THEN NULL WHEN done THEN done_at ELSE now() END,
                version = version + 1
          WHERE id = $1`,
        [milestoneId, input.title ?? null, input.dueOn !== undefined, input.dueOn ?? null, done],
      );
      await manager.query(`UPDATE projects SET updated_at = now() WHERE id = $1`, [projectId]);
      const milestone = await this.one(manager, milestoneId);
      await this.audit(manager, viewer, 'milestone.updated', project, before, milestone);
      return milestone;
    });
  }

  async remove(viewer: Viewer, projectId: string, milestoneId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const project = await this.editable(manager, projectId, 'FOR SHARE');
      await this.lock(manager, projectId, milestoneId);
      const before = await this.one(manager, milestoneId);
      await manager.query(`DELETE FROM project_milestones WHERE id = $1`, [milestoneId]);
      await this.audit(manager, viewer, 'milestone.deleted', project, before, null);
    });
  }

  private audit(manager: EntityManager, viewer: Viewer, action: string, project: ProjectRow, before: MilestoneDto | null, after: MilestoneDto | null): Promise<void> {
    return this.events.changeBetween(manager, {
      actor: viewer,
      action,
      resource: 'project-milestone',
      recordId: (after ?? before)?.id as string,
      clubId: project.clubId,
      before,
      after,
      fields: ['title', 'dueOn', 'done'],
      details: { projectId: project.id },
    });
  }

  /** The project, locked, if its milestones may still change (the access guard checked the caller coordinates its club). */
  private async editable(manager: EntityManager, projectId: string, lock: 'FOR UPDATE' | 'FOR SHARE'): Promise<ProjectRow> {
    const project = await lockProject(manager, projectId, lock);
    assertMilestonesEditable(project.status);
    return project;
  }

  private async lock(manager: EntityManager, projectId: string, milestoneId: string): Promise<{ version: number; done: boolean }> {
    const [row] = await manager.query(
      `SELECT version, done FROM project_milestones WHERE id = $1 AND project_id = $2 FOR UPDATE`,
      [milestoneId, projectId],
    );
    if (!row) throw notFound('Milestone');
    return row;
  }

  private async one(manager: EntityManager, id: string): Promise<MilestoneDto> {
    const [row]: Array<Omit<MilestoneDto, 'overdue'>> = await manager.query(
      `SELECT id, title, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", done, done_at AS "doneAt", version FROM project_milestones WHERE id = $1`,
      [id],
    );
    return { ...row, overdue: isMilestoneOverdue(row, almatyToday()) };
  }
}
