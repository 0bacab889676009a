import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  communityAccess,
  CommunityPrivacyFacts,
  ParticipationStatus,
  ProjectActor,
  ProjectStatus,
  ProjectVisibility,
  RegistrationStatus,
  Tradition,
} from '@dastarkhan/domain';
import { coordinates, representedCommunityIds, type Viewer } from '../auth/viewer';
import { AccessService } from '../access/access.service';
import { notFound } from '../common/errors/app-error';
import { CommunitiesService } from '../communities/communities.service';
import type { CommunityRefDto } from '../communities/dto/community.dto';

/** The columns of a project every use case needs to decide who may do what. */
export interface ProjectRow {
  id: string;
  clubId: string;
  status: ProjectStatus;
  visibility: ProjectVisibility;
  leadCommunityId: string;
  version: number;
}

/** The capacities in which the caller looks at one project. */
export interface ProjectAudience {
  viewer: Viewer | null;
  isCoordinator: boolean;
  /** Represents the lead (proposing) community. */
  isProposer: boolean;
  /** Represents a community taking part in the club (observer/candidate/member/suspended). */
  isClubParticipant: boolean;
  /** The caller's communities with a partner row in the project (requested or confirmed). */
  partnerCommunityIds: string[];
  /** The caller's communities and their participation status in the project's club. */
  ownParticipations: Map<string, ParticipationStatus>;
}

/** A community as the privacy rules need it, in one club. */
export interface CommunityFactsRow {
  communityId: string;
  name: string;
  tradition: Tradition;
  registrationStatus: RegistrationStatus;
  isPublic: boolean;
  officialConsent: boolean;
  participations: Array<{ status: ParticipationStatus }>;
}

const COMMUNITY_FACTS = `
  SELECT c.id AS "communityId", c.name, c.tradition, c.registration_status AS "registrationStatus",
         c.is_public AS "isPublic", c.official_consent_at IS NOT NULL AS "officialConsent",
         COALESCE((SELECT json_agg(json_build_object('status', pa.status)) FROM participations pa
                    WHERE pa.community_id = c.id AND pa.club_id = $1), '[]'::json) AS participations
    FROM communities c WHERE c.id = ANY($2)`;

/**
 * Who may see and act on a project (apps/api/docs/projects-contract.md, "Who sees what"), and which of its
 * communities the caller may see (DOMAIN.md, "Privacy and safety": communityAccess in the club).
 */
@Injectable()
export class ProjectAccessService {
  constructor(
    private readonly access: AccessService,
    private readonly communities: CommunitiesService,
  ) {}

  /** Loads a project (locked FOR UPDATE when `lock`), or 404. Does not check visibility. */
  async load(manager: EntityManager, id: string, lock = false): Promise<ProjectRow> {
    const [row]: ProjectRow[] = await manager.query(
      `SELECT id, club_id AS "clubId", status, visibility, lead_community_id AS "leadCommunityId", version
         FROM projects WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw notFound('Project');
    return row;
  }

  async audience(manager: EntityManager, viewer: Viewer | null, project: Pick<ProjectRow, 'id' | 'clubId' | 'leadCommunityId'>): Promise<ProjectAudience> {
    const mine = representedCommunityIds(viewer);
    const [participations, partners]: [Array<{ communityId: string; status: ParticipationStatus }>, Array<{ communityId: string }>] =
      mine.length
        ? await Promise.all([
            manager.query(
              `SELECT community_id AS "communityId", status FROM participations
                WHERE club_id = $1 AND community_id = ANY($2) AND status NOT IN ('declined', 'withdrawn')`,
              [project.clubId, mine],
            ),
            manager.query(
              `SELECT community_id AS "communityId" FROM project_partners
                WHERE project_id = $1 AND community_id = ANY($2) AND status <> 'declined'`,
              [project.id, mine],
            ),
          ])
        : [[], []];
    const ownParticipations = new Map(participations.map((p) => [p.communityId, p.status]));
    return {
      viewer,
      isCoordinator: coordinates(viewer, project.clubId),
      isProposer: mine.includes(project.leadCommunityId),
      isClubParticipant: participations.some((p) => p.status !== 'applied'),
      partnerCommunityIds: partners.map((p) => p.communityId),
      ownParticipations,
    };
  }

  /** Whether the caller may see the project at all (otherwise: 404). */
  canSee(project: Pick<ProjectRow, 'status' | 'visibility'>, audience: ProjectAudience): boolean {
    if (audience.isCoordinator) return true;
    if (project.status === 'proposed' || project.status === 'declined') return audience.isProposer;
    if (audience.isClubParticipant || audience.partnerCommunityIds.length > 0) return true;
    return project.status === 'completed' && project.visibility === 'public';
  }

  /** Coordinators and partners' representatives see history, pending revisions and events. */
  isInsider(audience: ProjectAudience): boolean {
    return audience.isCoordinator || audience.partnerCommunityIds.length > 0;
  }

  actors(audience: ProjectAudience): ProjectActor[] {
    return [...(audience.isCoordinator ? ['coordinator' as const] : []), ...(audience.isProposer ? ['proposer' as const] : [])];
  }

  /** Loads a project the caller may see, with the caller's capacities; 404 otherwise. */
  async visible(manager: EntityManager, viewer: Viewer | null, id: string, lock = false): Promise<{ project: ProjectRow; audience: ProjectAudience }> {
    const project = await this.load(manager, id, lock);
    const audience = await this.audience(manager, viewer, project);
    if (!this.canSee(project, audience)) throw notFound('Project');
    return { project, audience };
  }

  /**
   * The communities of `communityIds` the caller may see in `clubId`, as CommunityRefDto; the
   * others are absent from the map. Logs an official's read of a non-registered community.
   */
  async visibleCommunities(
    manager: EntityManager,
    viewer: Viewer | null,
    clubId: string,
    communityIds: readonly string[],
    resource: string,
  ): Promise<Map<string, CommunityRefDto>> {
    const ids = [...new Set(communityIds)];
    if (ids.length === 0) return new Map();
    const [rows, regionRows]: [CommunityFactsRow[], Array<{ regionCode: string }>] = await Promise.all([
      manager.query(COMMUNITY_FACTS, [clubId, ids]),
      manager.query(`SELECT ci.region_code AS "regionCode" FROM clubs cl JOIN cities ci ON ci.id = cl.city_id WHERE cl.id = $1`, [clubId]),
    ]);
    const regionCode = regionRows[0]?.regionCode ?? '';
    const facts = await this.access.viewerFacts(viewer);
    const mine = representedCommunityIds(viewer);
    const visible = new Map<string, CommunityRefDto>();
    const officialReads: string[] = [];
    for (const row of rows) {
      const privacy: CommunityPrivacyFacts = {
        registrationStatus: row.registrationStatus,
        isPublic: row.isPublic,
        officialConsent: row.officialConsent,
        participations: row.participations.map((p) => ({ clubId, status: p.status, regionCode })),
      };
      const decision = communityAccess(privacy, facts && { ...facts, representsCommunity: mine.includes(row.communityId) }, clubId);
      if (decision.access === 'hidden') continue;
      if (decision.logOfficialRead) officialReads.push(row.communityId);
      visible.set(row.communityId, {
        id: row.communityId,
        name: row.name,
        tradition: row.tradition,
        registrationStatus: row.registrationStatus,
      });
    }
    await this.communities.logOfficialReads(viewer, officialReads, resource);
    return visible;
  }

  /** 404 unless the club exists. */
  async assertClubExists(manager: EntityManager, clubId: string): Promise<void> {
    const [club] = await manager.query(`SELECT 1 FROM clubs WHERE id = $1`, [clubId]);
    if (!club) throw notFound('Club');
  }
}
