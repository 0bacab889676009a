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
import { AccessService, type CommunityNames, type NameableCommunity } from '../access/access.service';
import { COMMUNITY_PRIVACY_JSON } from '../access/resource-loader';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { PathwayPolicyDto, PathwayProgressDto } from './dto/pathway.dto';
import { POLICY_SELECT } from './pathway-policy.service';

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
    private readonly access: AccessService,
  ) {}

  /** For whoever may read the participation (its parties, officials with consent); sponsors named for the reader. */
  async progress(viewer: Viewer, participationId: string): Promise<PathwayProgressDto> {
    // One statement: one snapshot for every figure, and one round trip.
    const [row]: ProgressRow[] = await this.db.query(PROGRESS_SQL, [participationId, true]);
    if (!row) throw notFound('Participation');
    const progress = progressOf(row, row.status);
    const names = this.access.names(viewer, row.communities ?? [], { resource: 'participation.progress', clubId: row.clubId });
    names.ref(row.communityId);
    return nameEvidence(progress, names);
  }

  /**
   * The progress of a participation read through `manager`, with no access check: for callers
   * that already hold the participation's lock (decisions snapshot the milestones they judged).
   */
  async computeIn(manager: EntityManager, participation: ParticipationRow): Promise<PathwayProgressDto> {
    const [row]: ProgressRow[] = await manager.query(PROGRESS_SQL, [participation.id, false]);
    if (!row) throw notFound('Participation');
    return progressOf(row, participation.status);
  }
}

/** Every record the milestones read, as one row: dates inside the JSON columns arrive as text. */
interface ProgressRow {
  id: string;
  status: ParticipationStatus;
  clubId: string;
  communityId: string;
  observerSince: Date | null;
  memberSince: Date | null;
  now: Date;
  policy: Omit<PathwayPolicyDto, 'createdAt'> & { createdAt: string };
  meetings: Array<Omit<MeetingRecord, 'startsAt'> & { startsAt: string }>;
  contributions: Array<Omit<ContributionRecord, 'confirmedAt'> & { confirmedAt: string | null }>;
  profile: TransparencyProfile & { registered: boolean };
  sponsorships: Array<Omit<SponsorshipRecord, 'createdAt' | 'withdrawnAt'> & { createdAt: string; withdrawnAt: string | null }>;
  reviews: Array<Omit<ReviewFacts, 'createdAt' | 'resolvedAt'> & { createdAt: string; resolvedAt: string | null }>;
  /** The naming facts of the community and its sponsors ($2), or null. */
  communities: NameableCommunity[] | null;
}

const date = (value: string) => new Date(value);
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The participation, its events' dates, the policy in force (a candidacy is judged by the policy in
 * force when it was nominated: PathwayPolicyService.inForce's order), the meetings since it became
 * observer with its attendance, its contributions (counted once any revision of one was confirmed,
 * as in the civic record), its transparency profile, sponsorships, reviews and — when $2 — the
 * naming facts of the community and of its sponsors.
 */
const PROGRESS_SQL = `
  WITH p AS (SELECT id, status, club_id, community_id FROM participations WHERE id = $1),
  ev AS (
    SELECT MIN(created_at) FILTER (WHERE to_status = 'observer') AS observer_since,
           MAX(created_at) FILTER (WHERE action IN ('nominate', 'request_nomination')) AS nominated_at,
           MAX(created_at) FILTER (WHERE action = 'admit') AS member_since
      FROM participation_events WHERE participation_id = $1)
  SELECT p.id, p.status, p.club_id AS "clubId", p.community_id AS "communityId",
         ev.observer_since AS "observerSince", ev.member_since AS "memberSince", now() AS now,
         (SELECT row_to_json(pol) FROM (
            ${POLICY_SELECT} WHERE (pp.club_id = p.club_id OR pp.club_id IS NULL)
             ORDER BY (at.t IS NOT NULL AND pp.created_at > at.t), (pp.club_id IS NULL),
                      CASE WHEN at.t IS NULL OR pp.created_at <= at.t THEN -pp.version ELSE pp.version END
             LIMIT 1) pol) AS policy,
         COALESCE((SELECT json_agg(m ORDER BY m."startsAt", m.id) FROM (
            SELECT m.id, m.title, m.starts_at AS "startsAt", m.status, a.status AS attendance
              FROM meetings m LEFT JOIN attendance a ON a.meeting_id = m.id AND a.community_id = p.community_id
             WHERE m.club_id = p.club_id AND m.starts_at >= ev.observer_since AND m.starts_at <= now()) m), '[]') AS meetings,
         COALESCE((SELECT json_agg(json_build_object('projectId', x.project_id, 'projectTitle', x.title, 'status', x.status,
                                                     'confirmedAt', x.reviewed_at) ORDER BY x.id) FROM (
            SELECT DISTINCT ON (pc.id) pc.id, pr.id AS project_id, pr.title, r.status, r.reviewed_at
              FROM project_contributions pc
              JOIN projects pr ON pr.id = pc.project_id
              JOIN project_contribution_revisions r ON r.contribution_id = pc.id
             WHERE pc.community_id = p.community_id AND pr.club_id = p.club_id
             ORDER BY pc.id, (r.status = 'confirmed') DESC, r.revision DESC) x), '[]') AS contributions,
         (SELECT json_build_object('leaders', c.leaders, 'meetingPlace', c.meeting_place, 'approximateSize', c.approximate_size,
                                   'activities', c.activities, 'registered', c.registration_status = 'registered')
            FROM communities c WHERE c.id = p.community_id) AS profile,
         COALESCE((SELECT json_agg(json_build_object('id', s.id, 'sponsorCommunityId', s.sponsor_community_id,
                                                     'createdAt', s.created_at, 'withdrawnAt', s.withdrawn_at) ORDER BY s.created_at, s.id)
                     FROM sponsorships s WHERE s.participation_id = p.id), '[]') AS sponsorships,
         COALESCE((SELECT json_agg(json_build_object('id', r.id, 'verdict', r.verdict, 'text', r.text,
                                                     'createdAt', r.created_at, 'resolvedAt', r.resolved_at) ORDER BY r.created_at, r.id)
                     FROM participation_reviews r WHERE r.participation_id = p.id), '[]') AS reviews,
         CASE WHEN $2 THEN (
           SELECT json_agg(${COMMUNITY_PRIVACY_JSON}::jsonb || jsonb_build_object('name', c.name, 'tradition', c.tradition))
             FROM (SELECT p.community_id AS id UNION SELECT s.sponsor_community_id FROM sponsorships s WHERE s.participation_id = p.id) ids
             JOIN communities c ON c.id = ids.id)
         END AS communities
    FROM p CROSS JOIN ev
    CROSS JOIN LATERAL (SELECT CASE WHEN p.status = 'candidate' THEN ev.nominated_at END AS t) at`;

/** The milestones (libs/domain computeMilestones) from the one row's records. */
function progressOf(row: ProgressRow, status: ParticipationStatus): PathwayProgressDto {
  const { registered, ...profile } = row.profile;
  const policy = { ...row.policy, createdAt: date(row.policy.createdAt) } as unknown as PathwayPolicyDto;
  const result = computeMilestones(policy, {
    now: row.now,
    observerSince: row.observerSince,
    meetings: row.meetings.map((m) => ({ ...m, startsAt: date(m.startsAt) })),
    contributions: row.contributions.map((c) => ({ ...c, confirmedAt: dateOrNull(c.confirmedAt) })),
    profile,
    sponsorships: row.sponsorships.map((s) => ({ ...s, createdAt: date(s.createdAt), withdrawnAt: dateOrNull(s.withdrawnAt) })),
    openConcerns: openConcerns(row.reviews.map((r) => ({ ...r, createdAt: date(r.createdAt), resolvedAt: dateOrNull(r.resolvedAt) }))),
  });
  const unmetMilestones = result.milestones.filter((m) => m.enabled && !m.met).map((m) => m.key);
  const member = status === 'member';
  return {
    participationId: row.id,
    status,
    observerSince: row.observerSince ? row.observerSince.toISOString() : null,
    memberSince: member && row.memberSince ? row.memberSince.toISOString() : null,
    policy,
    ...result,
    // A member has nothing left to do on the pathway.
    nextSteps: member ? [] : result.nextSteps,
    decisionReasonCodes: reasonCodesFor({ fromStatus: status, registered, unmetMilestones }),
  };
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
