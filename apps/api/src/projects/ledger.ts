import type { EntityManager } from 'typeorm';
import { countedRevision, latestRevision, ProjectStatus } from '@dastarkhan/domain';
import type { CommunityRefDto } from '../communities/dto/community.dto';
import type { CommunityNames } from '../access/access.service';
import type { ContributionDto, ContributionRevisionDto } from './dto/contribution.dto';

/** A revision as stored: who entered it is printed through the naming rule when the line is shown. */
export type RevisionRow = Omit<ContributionRevisionDto, 'enteredByName'> & { enteredByName: string; enteredByRepresents: boolean };

export interface LedgerLine {
  id: string;
  projectId: string;
  communityId: string;
  version: number;
  revisions: RevisionRow[];
}

const REVISIONS = `
  SELECT r.id, r.contribution_id AS "contributionId", r.revision, r.role, r.volunteers, r.hours::float8 AS hours,
         r.in_kind AS "inKind", r.status, r.review_reason AS "reviewReason", eu.display_name AS "enteredByName",
         EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = r.entered_by_id AND ra.role = 'representative'
                    AND ra.community_id = pc.community_id) AS "enteredByRepresents",
         r.entered_at AS "enteredAt", ru.display_name AS "reviewedByName", r.reviewed_at AS "reviewedAt"
    FROM project_contribution_revisions r
    JOIN project_contributions pc ON pc.id = r.contribution_id
    JOIN users eu ON eu.id = r.entered_by_id
    LEFT JOIN users ru ON ru.id = r.reviewed_by_id
   WHERE r.contribution_id = ANY($1)
   ORDER BY r.revision DESC`;

/** Ledger lines with all their revisions (newest first): of a project, or one line by id. */
export async function loadLedger(manager: EntityManager, where: { projectId: string } | { contributionId: string }): Promise<LedgerLine[]> {
  const lines: Array<Omit<LedgerLine, 'revisions'>> = await manager.query(
    `SELECT id, project_id AS "projectId", community_id AS "communityId", version FROM project_contributions
      WHERE ${'projectId' in where ? 'project_id' : 'id'} = $1 ORDER BY created_at, id`,
    ['projectId' in where ? where.projectId : where.contributionId],
  );
  if (lines.length === 0) return [];
  const revisions: Array<RevisionRow & { contributionId: string }> = await manager.query(REVISIONS, [lines.map((l) => l.id)]);
  return lines.map((line) => ({
    ...line,
    revisions: revisions.filter((r) => r.contributionId === line.id).map(({ contributionId: _line, ...revision }) => revision),
  }));
}

export interface LineView {
  community: CommunityRefDto;
  /** The naming rule for the reader: who entered each revision. */
  names: CommunityNames;
  /** Coordinator of the club or representative of the line's community: sees every revision. */
  full: boolean;
  isCoordinator: boolean;
  representsCommunity: boolean;
  projectStatus: ProjectStatus;
}

/** A ledger line as the caller may see it; null when it has nothing the caller may see. */
export function toContributionDto(line: LedgerLine, view: LineView): ContributionDto | null {
  const revisions = line.revisions.map(({ enteredByName, enteredByRepresents, ...revision }) => ({
    ...revision,
    enteredByName: view.names.person(enteredByName, enteredByRepresents ? line.communityId : null),
  }));
  const counted = countedRevision(revisions);
  if (!view.full && !counted) return null;
  const latest = latestRevision(revisions);
  const active = view.projectStatus === 'active';
  return {
    id: line.id,
    projectId: line.projectId,
    community: view.community,
    version: line.version,
    counted,
    latest: view.full ? latest : null,
    revisions: view.full ? revisions : [],
    viewerCanCorrect: active && view.representsCommunity,
    viewerCanReview: active && view.isCoordinator && latest?.status === 'pending',
  };
}
