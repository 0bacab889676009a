import type { EntityManager } from 'typeorm';
import type { ProjectStatus, ProjectVisibility } from '@dastarkhan/domain';
import { notFound } from '../common/errors/app-error';

/** The columns of a project the use cases change and check. */
export interface ProjectRow {
  id: string;
  clubId: string;
  title: string;
  status: ProjectStatus;
  visibility: ProjectVisibility;
  leadCommunityId: string;
  version: number;
}

/**
 * Locks a project row (FOR UPDATE to change it, FOR SHARE to change something under it, so it
 * cannot complete or be cancelled meanwhile), or 404. Who may do it is the access guard's.
 */
export async function lockProject(manager: EntityManager, id: string, lock: 'FOR UPDATE' | 'FOR SHARE'): Promise<ProjectRow> {
  const [row]: ProjectRow[] = await manager.query(
    `SELECT id, club_id AS "clubId", title, status, visibility, lead_community_id AS "leadCommunityId", version
       FROM projects WHERE id = $1 ${lock}`,
    [id],
  );
  if (!row) throw notFound('Project');
  return row;
}
