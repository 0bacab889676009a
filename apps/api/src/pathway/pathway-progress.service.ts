import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  computeMilestones,
  reasonCodesFor,
  type ContributionRecord,
  type MeetingRecord,
  openConcerns,
  type ReviewFacts,
  type ParticipationStatus,
  type SponsorshipRecord,
  type TransparencyProfile,
} from '@dastarkhan/domain';
import { AccessService, type CommunityNames } from '../access/access.service';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { PathwayProgressDto } from './dto/pathway.dto';
import { PathwayPolicyService } from './pathway-policy.service';

export interface ParticipationRow {
  id: string;
  status: ParticipationStatus;
  clubId: string;
  communityId: string;
}

/** Where a participation stands on the pathway: milestones computed from the records, never ticked by hand. */
@Injectable()
export class PathwayProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policies: PathwayPolicyService,
    private readonly access: AccessService,
  ) {}

  /** For whoever may read the participation (its parties, officials with consent); sponsors named for the reader. */
  async progress(viewer: Viewer, participationId: string): Promise<PathwayProgressDto> {
    // One snapshot for every read, so the figures agree with each other.
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const [participation]: ParticipationRow[] = await manager.query(
        `SELECT id, status, club_id AS "clubId", community_id AS "communityId" FROM participations WHERE id = $1`,
        [participationId],
      );
      if (!participation) throw notFound('Participation');
      const progress = await this.computeIn(manager, participation);
      const names = await this.access.communities(viewer, [participation.communityId, ...evidenceCommunities(progress)], {
        resource: 'participation.progress',
        clubId: participation.clubId,
        manager,
      });
      names.ref(participation.communityId);
      return nameEvidence(progress, names);
    });
  }

  /**
   * The progress of a participation read through `manager`, with no access check: for callers
   * that already hold the participation's lock (decisions snapshot the milestones they judged).
   */
  async computeIn(manager: EntityManager, participation: ParticipationRow): Promise<PathwayProgressDto> {
    const participationId = participation.id;
    const [{ observerSince, nominatedAt, memberSince, now }] = await manager.query(
      `SELECT MIN(created_at) FILTER (WHERE to_status = 'observer') AS "observerSince",
              MAX(created_at) FILTER (WHERE action IN ('nominate', 'request_nomination')) AS "nominatedAt",
              MAX(created_at) FILTER (WHERE action = 'admit') AS "memberSince", now() AS now
         FROM participation_events WHERE participation_id = $1`,
      [participationId],
    );
    // A candidacy is judged by the policy in force when it was nominated.
    const policy = await this.policies.inForce(manager, participation.clubId, participation.status === 'candidate' ? nominatedAt : null);
    const meetings: MeetingRecord[] = observerSince
      ? await manager.query(
          `SELECT m.id, m.title, m.starts_at AS "startsAt", m.status, a.status AS attendance
             FROM meetings m LEFT JOIN attendance a ON a.meeting_id = m.id AND a.community_id = $2
            WHERE m.club_id = $1 AND m.starts_at >= $3 AND m.starts_at <= $4
            ORDER BY m.starts_at, m.id`,
          [participation.clubId, participation.communityId, observerSince, now],
        )
      : [];
    // As in the civic record: a contribution counts once any revision of it was confirmed.
    const contributions: ContributionRecord[] = await manager.query(
      `SELECT DISTINCT ON (pc.id) p.id AS "projectId", p.title AS "projectTitle", r.status, r.reviewed_at AS "confirmedAt"
         FROM project_contributions pc
         JOIN projects p ON p.id = pc.project_id
         JOIN project_contribution_revisions r ON r.contribution_id = pc.id
        WHERE pc.community_id = $1 AND p.club_id = $2
        ORDER BY pc.id, (r.status = 'confirmed') DESC, r.revision DESC`,
      [participation.communityId, participation.clubId],
    );
    const [{ registered, ...profile }]: Array<TransparencyProfile & { registered: boolean }> = await manager.query(
      `SELECT leaders, meeting_place AS "meetingPlace", approximate_size AS "approximateSize", activities,
              registration_status = 'registered' AS registered
         FROM communities WHERE id = $1`,
      [participation.communityId],
    );
    const sponsorships: SponsorshipRecord[] = await manager.query(
      `SELECT s.id, s.sponsor_community_id AS "sponsorCommunityId", s.created_at AS "createdAt", s.withdrawn_at AS "withdrawnAt"
         FROM sponsorships s WHERE s.participation_id = $1 ORDER BY s.created_at, s.id`,
      [participationId],
    );
    const reviews: ReviewFacts[] = await manager.query(
      `SELECT id, verdict, text, created_at AS "createdAt", resolved_at AS "resolvedAt"
         FROM participation_reviews WHERE participation_id = $1 ORDER BY created_at, id`,
      [participationId],
    );
    const concerns = openConcerns(reviews);
    const result = computeMilestones(policy, {
      now,
      observerSince,
      meetings,
      contributions,
      profile,
      sponsorships,
      openConcerns: concerns,
    });
    const unmetMilestones = result.milestones.filter((m) => m.enabled && !m.met).map((m) => m.key);
    const member = participation.status === 'member';
    return {
      participationId,
      status: participation.status,
      observerSince: observerSince ? observerSince.toISOString() : null,
      memberSince: member && memberSince ? memberSince.toISOString() : null,
      policy,
      ...result,
      // A member has nothing left to do on the pathway.
      nextSteps: member ? [] : result.nextSteps,
      decisionReasonCodes: reasonCodesFor({ fromStatus: participation.status, registered, unmetMilestones }),
    };
  }
}

/** The communities a progress's evidence names (its sponsors). */
export function evidenceCommunities(progress: Pick<PathwayProgressDto, 'milestones'>): string[] {
  return progress.milestones.flatMap((m) => m.evidence.flatMap((e) => (e.communityId ? [e.communityId] : [])));
}

/**
 * The evidence as this reader may see it: a sponsor is printed by the naming rule (null title:
 * "a community"). Stored snapshots keep only the id, so they never need rewriting.
 */
export function nameEvidence<T extends Pick<PathwayProgressDto, 'milestones'>>(progress: T, names: CommunityNames): T {
  return {
    ...progress,
    milestones: progress.milestones.map((m) => ({
      ...m,
      evidence: m.evidence.map((e) => (e.communityId ? { ...e, title: names.name(e.communityId) ?? '' } : e)),
    })),
  };
}
