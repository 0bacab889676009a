import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertMayReview,
  isOpenConcern,
  isSensitive,
  officialCovers,
  officialMaySeeCandidacy,
  responseAudiences,
  reviewResponderRole,
  type ParticipationStatus,
  type RegistrationStatus,
  type ReviewResponderRole,
  type ReviewVerdict,
  type Tradition,
} from '@dastarkhan/domain';
import { coordinates, officialRegions, represents, type Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { CommunitiesService } from '../communities/communities.service';
import { NotificationsService } from '../notifications/notifications.service';
import {
  AggregateCandidaciesDto,
  CreateReviewDto,
  NamedCandidacyDto,
  OfficialCandidaciesDto,
  ParticipationReviewsDto,
  ReviewDto,
  ReviewResponseDto,
  ReviewTextDto,
} from './dto/review.dto';

/** What the access rules need to know about a participation. */
interface ParticipationFacts {
  id: string;
  status: ParticipationStatus;
  clubId: string;
  communityId: string;
  registrationStatus: RegistrationStatus;
  officialConsent: boolean;
  regionCode: string;
}

/** In which capacities the caller stands towards one participation. */
interface Standing {
  responderRole: ReviewResponderRole | null;
  /** An official who may see this participation by name (in scope, and registered or consented). */
  official: boolean;
}

/** A review as read; response dates arrive as JSON text. */
type ReviewRow = Omit<ReviewDto, 'open' | 'createdAt' | 'resolvedAt'> & { createdAt: Date; resolvedAt: Date | null };


/** The caller sees the participation (or would get 404 already) but only officials review it. */
function assertOfficial(standing: Standing): void {
  if (!standing.official) throw new AppError('FORBIDDEN', 'Only officials review candidacies');
}

const FACTS_SELECT = `
  SELECT p.id, p.status, p.club_id AS "clubId", p.community_id AS "communityId",
         c.registration_status AS "registrationStatus", c.official_consent_at IS NOT NULL AS "officialConsent",
         ci.region_code AS "regionCode"
    FROM participations p
    JOIN communities c ON c.id = p.community_id
    JOIN clubs cl ON cl.id = p.club_id
    JOIN cities ci ON ci.id = cl.city_id`;

const REVIEW_SELECT = `
  SELECT r.id, r.participation_id AS "participationId", r.verdict, r.text, o.display_name AS "officialName",
         r.created_at AS "createdAt", r.resolved_at AS "resolvedAt", rb.display_name AS "resolvedByName", r.resolution,
         COALESCE((SELECT json_agg(json_build_object('id', x.id, 'authorRole', x.author_role, 'authorName', a.display_name,
                                                     'text', x.text, 'createdAt', x.created_at) ORDER BY x.created_at, x.id)
                     FROM review_responses x JOIN users a ON a.id = x.author_id
                    WHERE x.review_id = r.id), '[]'::json) AS responses
    FROM participation_reviews r
    JOIN users o ON o.id = r.official_id
    LEFT JOIN users rb ON rb.id = r.resolved_by_id`;

/**
 * Officials' reviews of candidacies: "no objection" or "concern", the answers of the club's
 * coordinators and of the community, and the resolution of a concern (which the "no open
 * concern" milestone reads). An official sees a candidacy by name only where the community is
 * registered or consented; everyone without standing gets 404, as if it did not exist.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly communities: CommunitiesService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The candidacies in the official's scope: by name where allowed, otherwise only counted per club. */
  async candidaciesForOfficial(viewer: Viewer): Promise<OfficialCandidaciesDto> {
    if (officialRegions(viewer).length === 0) throw new AppError('FORBIDDEN', 'Only officials review candidacies');
    const regions = officialRegions(viewer);
    const rows: Array<{
      participationId: string;
      community: { id: string; name: string; tradition: Tradition; registrationStatus: RegistrationStatus };
      officialConsent: boolean;
      club: { id: string; name: string; cityName: { kk: string; ru: string; en: string } };
      regionCode: string;
      nominatedAt: Date | null;
      myLatestVerdict: ReviewVerdict | null;
      openConcerns: number;
    }> = await this.db.query(
      `SELECT p.id AS "participationId",
              json_build_object('id', c.id, 'name', c.name, 'tradition', c.tradition,
                                'registrationStatus', c.registration_status) AS community,
              c.official_consent_at IS NOT NULL AS "officialConsent",
              json_build_object('id', cl.id, 'name', cl.name, 'cityName', ci.name) AS club,
              ci.region_code AS "regionCode",
              (SELECT MAX(e.created_at) FROM participation_events e
                WHERE e.participation_id = p.id AND e.to_status = 'candidate') AS "nominatedAt",
              (SELECT r.verdict FROM participation_reviews r WHERE r.participation_id = p.id AND r.official_id = $1
                ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS "myLatestVerdict",
              (SELECT count(*)::int FROM participation_reviews r
                WHERE r.participation_id = p.id AND r.verdict = 'concern' AND r.resolved_at IS NULL) AS "openConcerns"
         FROM participations p
         JOIN communities c ON c.id = p.community_id
         JOIN clubs cl ON cl.id = p.club_id
         JOIN cities ci ON ci.id = cl.city_id
        WHERE p.status = 'candidate'
        ORDER BY "nominatedAt", p.id`,
      [viewer.userId],
    );
    const named: NamedCandidacyDto[] = [];
    const hidden = new Map<string, AggregateCandidaciesDto>();
    // Candidacies are few nationwide; the scope rule stays in one place (libs/domain).
    for (const row of rows.filter((r) => officialCovers(regions, r.regionCode))) {
      const visible = officialMaySeeCandidacy({
        registrationStatus: row.community.registrationStatus,
        officialConsent: row.officialConsent,
        inOfficialsScope: true,
      });
      if (visible) {
        const { officialConsent: _consent, regionCode: _region, nominatedAt, ...candidacy } = row;
        named.push({ ...candidacy, nominatedAt: nominatedAt?.toISOString() ?? null });
      } else {
        // Counted only: nothing of the community leaves this loop.
        const entry = hidden.get(row.club.id) ?? { club: row.club, count: 0 };
        hidden.set(row.club.id, { ...entry, count: entry.count + 1 });
      }
    }
    await this.communities.logOfficialReads(
      viewer,
      named.filter((c) => isSensitive(c.community.registrationStatus)).map((c) => c.community.id),
      'official.candidacies',
    );
    const aggregate = [...hidden.values()].sort((a, b) => a.club.name.localeCompare(b.club.name));
    return { named, aggregate };
  }

  /** The reviews of a participation, with answers; 404 for anyone without standing. */
  async list(viewer: Viewer, participationId: string): Promise<ParticipationReviewsDto> {
    const facts = await this.facts(this.db.manager, participationId);
    const standing = this.standing(viewer, facts);
    const reviews = await this.reviews(this.db.manager, `WHERE r.participation_id = $1`, participationId, facts, standing);
    if (this.readsAsOfficialOnly(standing, facts)) {
      await this.communities.logOfficialReads(viewer, [facts.communityId], 'participation.reviews');
    }
    return {
      participationId,
      status: facts.status,
      reviews,
      mayRespond: standing.responderRole !== null,
      mayReview: standing.official && facts.status === 'candidate',
      mayResolve: standing.official,
    };
  }

  /** An official in scope records a verdict on a candidacy; coordinators and the community are told. */
  async review(viewer: Viewer, participationId: string, input: CreateReviewDto): Promise<ReviewDto> {
    return this.db.transaction(async (manager) => {
      // Shared lock: the candidacy cannot be decided while the review is being written.
      const facts = await this.facts(manager, participationId, 'FOR SHARE OF p');
      const standing = this.standing(viewer, facts);
      assertOfficial(standing);
      assertMayReview({ ...facts, inOfficialsScope: true });
      const [{ id }] = await manager.query(
        `INSERT INTO participation_reviews (participation_id, official_id, verdict, text) VALUES ($1, $2, $3, $4) RETURNING id`,
        [participationId, viewer.userId, input.verdict, input.text],
      );
      await this.notifications.notify(manager, {
        kind: 'review_recorded',
        participationId,
        actorId: viewer.userId,
        audiences: ['coordinator', 'community'],
        params: { verdict: input.verdict },
      });
      return this.reviewById(manager, id, facts, standing);
    });
  }

  /** A coordinator of the club or a representative of the community answers a review. */
  async respond(viewer: Viewer, reviewId: string, input: ReviewTextDto): Promise<ReviewResponseDto> {
    return this.db.transaction(async (manager) => {
      const [review]: Array<{ participationId: string; officialId: string }> = await manager.query(
        `SELECT participation_id AS "participationId", official_id AS "officialId" FROM participation_reviews WHERE id = $1`,
        [reviewId],
      );
      if (!review) throw notFound('Review');
      const { responderRole } = this.standing(viewer, await this.facts(manager, review.participationId));
      if (!responderRole) throw new AppError('FORBIDDEN', "Only the club's coordinators and the community answer a review");
      const [row] = await manager.query(
        `INSERT INTO review_responses (review_id, author_id, author_role, text) VALUES ($1, $2, $3, $4)
         RETURNING id, author_role AS "authorRole", text, created_at AS "createdAt"`,
        [reviewId, viewer.userId, responderRole, input.text],
      );
      await this.notifications.notify(manager, {
        kind: 'review_response',
        participationId: review.participationId,
        actorId: viewer.userId,
        audiences: responseAudiences(responderRole),
        officialIds: [review.officialId],
      });
      return { ...row, authorName: viewer.displayName, createdAt: row.createdAt.toISOString() };
    });
  }

  /**
   * An official who may review the candidacy, or the concern's own author, resolves an open concern;
   * exactly one of two at once wins.
   */
  async resolve(viewer: Viewer, reviewId: string, input: ReviewTextDto): Promise<ReviewDto> {
    return this.db.transaction(async (manager) => {
      const [review]: Array<{ participationId: string; officialId: string; verdict: ReviewVerdict; resolvedAt: Date | null }> =
        await manager.query(
          `SELECT participation_id AS "participationId", official_id AS "officialId", verdict, resolved_at AS "resolvedAt"
             FROM participation_reviews WHERE id = $1 FOR UPDATE`,
          [reviewId],
        );
      if (!review) throw notFound('Review');
      const facts = await this.facts(manager, review.participationId);
      // The official who raised a concern may always lift it, even after the community revoked its
      // consent (then no official may see the candidacy, and the concern would block it for good).
      const ownConcern = review.officialId === viewer.userId && officialRegions(viewer).length > 0;
      const standing = ownConcern ? { responderRole: null, official: true } : this.standing(viewer, facts);
      assertOfficial(standing);
      if (!isOpenConcern(review)) throw new AppError('REVIEW.ALREADY_RESOLVED', 'Only an open concern can be resolved');
      await manager.query(
        `UPDATE participation_reviews SET resolved_at = now(), resolved_by_id = $2, resolution = $3 WHERE id = $1`,
        [reviewId, viewer.userId, input.text],
      );
      await this.notifications.notify(manager, {
        kind: 'concern_resolved',
        participationId: review.participationId,
        actorId: viewer.userId,
        audiences: ['coordinator', 'community'],
      });
      return this.reviewById(manager, reviewId, facts, standing);
    });
  }

  private async facts(manager: EntityManager, participationId: string, lock = ''): Promise<ParticipationFacts> {
    const [facts]: ParticipationFacts[] = await manager.query(`${FACTS_SELECT} WHERE p.id = $1 ${lock}`, [participationId]);
    if (!facts) throw notFound('Participation');
    return facts;
  }

  /** Throws 404 when the caller has no standing at all: existence itself is private. */
  private standing(viewer: Viewer, facts: ParticipationFacts): Standing {
    const standing: Standing = {
      responderRole: reviewResponderRole({
        representsCommunity: represents(viewer, facts.communityId),
        coordinatesClub: coordinates(viewer, facts.clubId),
      }),
      official: officialMaySeeCandidacy({ ...facts, inOfficialsScope: officialCovers(officialRegions(viewer), facts.regionCode) }),
    };
    if (!standing.responderRole && !standing.official) throw notFound('Participation');
    return standing;
  }

  /** An official reading a non-registered community's record without other standing: the read is logged, names of its people withheld. */
  private readsAsOfficialOnly(standing: Standing, facts: ParticipationFacts): boolean {
    return standing.official && standing.responderRole === null && isSensitive(facts.registrationStatus);
  }

  private async reviewById(manager: EntityManager, id: string, facts: ParticipationFacts, standing: Standing): Promise<ReviewDto> {
    const [review] = await this.reviews(manager, `WHERE r.id = $1`, id, facts, standing);
    return review;
  }

  private async reviews(
    manager: EntityManager,
    where: string,
    id: string,
    facts: ParticipationFacts,
    standing: Standing,
  ): Promise<ReviewDto[]> {
    const rows: ReviewRow[] = await manager.query(
      `${REVIEW_SELECT} ${where} ORDER BY r.created_at DESC, r.id DESC`,
      [id],
    );
    // A non-registered community's representatives are known only to it and its club's coordinators.
    const hideRepresentatives = this.readsAsOfficialOnly(standing, facts);
    return rows.map((row) => ({
      ...row,
      open: isOpenConcern(row),
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      responses: row.responses.map((response) => ({
        ...response,
        authorName: hideRepresentatives && response.authorRole === 'community' ? null : response.authorName,
        createdAt: new Date(response.createdAt).toISOString(),
      })),
    }));
  }
}
