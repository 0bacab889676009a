import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertMayReview,
  countFigure,
  isOpenConcern,
  responseAudiences,
  reviewResponderRole,
  smallCountThreshold,
  type ParticipationResource,
  type ReviewResponderRole,
  type ReviewVerdict,
  type Tradition,
} from '@dastarkhan/domain';
import { AccessService, type CommunityNames } from '../access/access.service';
import { PARTICIPATION_FROM, PARTICIPATION_JSON } from '../access/resource-loader';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { NotificationsService } from '../notifications/notifications.service';
import {
  CandidacyListQueryDto,
  ClubRefDto,
  CreateReviewDto,
  NamedCandidacyDto,
  OfficialCandidaciesDto,
  ParticipationReviewsDto,
  ReviewDto,
  ReviewResponseDto,
  ReviewTextDto,
} from './dto/review.dto';

/** A review as read; the community's answers carry whether their author spoke for the community. */
type ReviewRow = Omit<ReviewDto, 'open' | 'createdAt' | 'resolvedAt' | 'responses'> & {
  createdAt: Date;
  resolvedAt: Date | null;
  responses: Array<Omit<ReviewResponseDto, 'createdAt' | 'authorName'> & { authorName: string; createdAt: string }>;
};

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

/** A candidacy of the page as read: its record's facts (naming facts included), its cursor, dates as JSON text. */
type CandidacyRow = Omit<NamedCandidacyDto, 'community' | 'nominatedAt'> & {
  resource: ParticipationResource;
  name: string;
  tradition: Tradition;
  nominatedAt: string | null;
  cursor: string;
};

/**
 * Officials' reviews of candidacies: "no objection" or "concern", the answers of the club's
 * coordinators and of the community, and the resolution of a concern (which the "no open
 * concern" milestone reads). Who may do each is the access module's (reviews.controller.ts).
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The candidacies in the official's scope: by name where the official may read the record, a
   * page at a time (oldest nomination first; `search` looks only at those names), the others only
   * counted per club under the small-count rule — on the first page of an unfiltered list. One
   * statement: the naming facts are read for the page's rows only, once.
   */
  async candidaciesForOfficial(viewer: Viewer, query: CandidacyListQueryDto): Promise<OfficialCandidaciesDto> {
    const limit = query.limit ?? 50;
    const [afterAt, afterId] = query.after ? query.after.split('~') : [null, null];
    const search = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const reads = this.access.officialReadsSql(viewer, 7);
    const inRegions = this.access.officialRegionsSql('$1');
    // The page is read in the order of participation_candidacy_order (unknown nomination time last, then
    // id) and stops at its limit; the hidden ones are read from per-club counters.
    const [{ page, hidden }]: Array<{ page: CandidacyRow[]; hidden: Array<{ club: ClubRefDto; count: number }> | null }> = await this.db.query(
      `WITH page AS (
         SELECT p.id, p.nominated_at, COALESCE(p.nominated_at, 'infinity'::timestamptz) AS sort_at
           FROM participations p JOIN clubs cl ON cl.id = p.club_id JOIN cities ci ON ci.id = cl.city_id
          WHERE p.status = 'candidate' AND ${inRegions}
            AND (SELECT ${reads.sql} AND ($2::text IS NULL OR c.name ILIKE $2) FROM communities c WHERE c.id = p.community_id)
            AND ($3::timestamptz IS NULL OR (COALESCE(p.nominated_at, 'infinity'::timestamptz), p.id) > ($3::timestamptz, $4::uuid))
          ORDER BY COALESCE(p.nominated_at, 'infinity'::timestamptz), p.id LIMIT $5)
       SELECT
         (SELECT COALESCE(json_agg(json_build_object(
                   'participationId', p.id, 'resource', ${PARTICIPATION_JSON}, 'name', c.name, 'tradition', c.tradition,
                   'club', json_build_object('id', cl.id, 'name', cl.name, 'cityName', ci.name),
                   'nominatedAt', pg.nominated_at,
                   'cursor', CASE WHEN isfinite(pg.sort_at) THEN to_char(pg.sort_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                                  ELSE 'infinity' END || '~' || p.id,
                   'myLatestVerdict', (SELECT r.verdict FROM participation_reviews r WHERE r.participation_id = p.id AND r.official_id = $1
                                        ORDER BY r.created_at DESC, r.id DESC LIMIT 1),
                   'openConcerns', (SELECT count(*)::int FROM participation_reviews r
                                     WHERE r.participation_id = p.id AND r.verdict = 'concern' AND r.resolved_at IS NULL))
                 ORDER BY pg.sort_at, pg.id), '[]')
            FROM page pg JOIN ${PARTICIPATION_FROM} ON p.id = pg.id) AS page,
         CASE WHEN $6 THEN (
           SELECT COALESCE(json_agg(json_build_object('club', json_build_object('id', hc.id, 'name', hc.name, 'cityName', hci.name), 'count', h.n)), '[]')
             FROM (${this.access.officialHiddenCountsSql('$1', `'candidate'`, 7)}) h
             JOIN clubs hc ON hc.id = h.club_id JOIN cities hci ON hci.id = hc.city_id) END AS hidden`,
      [viewer.userId, search, afterAt, afterId, limit + 1, !query.after && !query.search, ...reads.params],
    );
    const rows = page.slice(0, limit);
    const names = this.access.names(viewer, rows.map((r) => ({ ...r.resource.community, name: r.name, tradition: r.tradition })), {
      resource: 'official.candidacies',
    });
    const named: NamedCandidacyDto[] = rows.flatMap(({ resource, nominatedAt, cursor: _cursor, name: _name, tradition: _tradition, ...row }) => {
      // The SQL chose these rows by the same rule; the access module has the last word.
      const community = this.access.allows(viewer, 'participation.read', resource) ? names.ref(resource.community.communityId) : null;
      return community ? [{ ...row, community, nominatedAt: nominatedAt ? new Date(nominatedAt).toISOString() : null }] : [];
    });
    const threshold = smallCountThreshold(viewer);
    const aggregate = (hidden ?? [])
      .sort((a, b) => a.club.name.localeCompare(b.club.name))
      .map(({ club, count }) => ({ club, count: countFigure(count, threshold) }));
    return { named, aggregate, nextAfter: page.length > limit ? rows[rows.length - 1].cursor : null };
  }

  /** The reviews of a participation, with answers, for whoever may read the participation. */
  async list(viewer: Viewer, participationId: string): Promise<ParticipationReviewsDto> {
    const resource = await this.access.load('participation', participationId);
    const names = await this.namesFor(this.db.manager, viewer, resource);
    return {
      participationId,
      status: resource.status,
      reviews: await this.reviews(this.db.manager, `WHERE r.participation_id = $1`, participationId, resource, names),
      mayRespond: this.responderRole(viewer, resource) !== null,
      mayReview: this.access.allows(viewer, 'participation.review', resource) && resource.status === 'candidate',
      mayResolve: this.access.allows(viewer, 'participation.review', resource),
    };
  }

  /** An official in scope records a verdict on a candidacy; coordinators and the community are told. */
  async review(viewer: Viewer, participationId: string, input: CreateReviewDto): Promise<ReviewDto> {
    return this.db.transaction(async (manager) => {
      // Shared lock: the candidacy cannot be decided while the review is being written.
      const [locked]: Array<{ resource: ParticipationResource }> = await manager.query(
        `SELECT ${PARTICIPATION_JSON} AS resource FROM ${PARTICIPATION_FROM} WHERE p.id = $1 FOR SHARE OF p`,
        [participationId],
      );
      if (!locked) throw notFound('Participation');
      assertMayReview(locked.resource.status);
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
      return this.reviewById(manager, viewer, id, locked.resource);
    });
  }

  /** A coordinator of the club or a representative of the community answers a review. */
  async respond(viewer: Viewer, reviewId: string, input: ReviewTextDto): Promise<ReviewResponseDto> {
    return this.db.transaction(async (manager) => {
      const review = await this.access.load('review', reviewId, manager);
      const responderRole = this.responderRole(viewer, review.participation) as ReviewResponderRole;
      const [row] = await manager.query(
        `INSERT INTO review_responses (review_id, author_id, author_role, text) VALUES ($1, $2, $3, $4)
         RETURNING id, author_role AS "authorRole", text, created_at AS "createdAt"`,
        [reviewId, viewer.userId, responderRole, input.text],
      );
      await this.notifications.notify(manager, {
        kind: 'review_response',
        participationId: review.participation.participationId,
        actorId: viewer.userId,
        audiences: responseAudiences(responderRole),
        officialIds: [review.officialId],
      });
      const names = await this.namesFor(manager, viewer, review.participation);
      const community = review.participation.community.communityId;
      return {
        ...row,
        authorName: names.person(viewer.displayName, responderRole === 'community' ? community : null),
        createdAt: row.createdAt.toISOString(),
      };
    });
  }

  /** An official who may review the candidacy, or the concern's own author, resolves an open concern; one of two at once wins. */
  async resolve(viewer: Viewer, reviewId: string, input: ReviewTextDto): Promise<ReviewDto> {
    return this.db.transaction(async (manager) => {
      const [review]: Array<{ verdict: ReviewVerdict; resolvedAt: Date | null }> = await manager.query(
        `SELECT verdict, resolved_at AS "resolvedAt" FROM participation_reviews WHERE id = $1 FOR UPDATE`,
        [reviewId],
      );
      if (!review) throw notFound('Review');
      if (!isOpenConcern(review)) throw new AppError('REVIEW.ALREADY_RESOLVED', 'Only an open concern can be resolved');
      const { participation } = await this.access.load('review', reviewId, manager);
      await manager.query(
        `UPDATE participation_reviews SET resolved_at = now(), resolved_by_id = $2, resolution = $3 WHERE id = $1`,
        [reviewId, viewer.userId, input.text],
      );
      await this.notifications.notify(manager, {
        kind: 'concern_resolved',
        participationId: participation.participationId,
        actorId: viewer.userId,
        audiences: ['coordinator', 'community'],
      });
      return this.reviewById(manager, viewer, reviewId, participation);
    });
  }

  /** In which capacity the caller answers: for the community when it speaks for it, else as coordinator (libs/domain). */
  private responderRole(viewer: Viewer, participation: ParticipationResource): ReviewResponderRole | null {
    return reviewResponderRole({
      representsCommunity: this.access.allows(viewer, 'participation.act-as-community', participation),
      coordinatesClub: this.access.allows(viewer, 'participation.act-as-coordinator', participation),
    });
  }

  private namesFor(manager: EntityManager, viewer: Viewer, participation: ParticipationResource): Promise<CommunityNames> {
    return this.access.communities(viewer, [participation.community.communityId], {
      resource: 'participation.reviews',
      clubId: participation.clubId,
      manager,
    });
  }

  private async reviewById(manager: EntityManager, viewer: Viewer, id: string, participation: ParticipationResource): Promise<ReviewDto> {
    const [review] = await this.reviews(manager, `WHERE r.id = $1`, id, participation, await this.namesFor(manager, viewer, participation));
    return review;
  }

  /** Reviews with the community's answers signed by the naming rule (an official sees the community, not its people). */
  private async reviews(
    manager: EntityManager,
    where: string,
    id: string,
    participation: ParticipationResource,
    names: CommunityNames,
  ): Promise<ReviewDto[]> {
    const rows: ReviewRow[] = await manager.query(`${REVIEW_SELECT} ${where} ORDER BY r.created_at DESC, r.id DESC`, [id]);
    const community = participation.community.communityId;
    names.ref(community);
    return rows.map((row) => ({
      ...row,
      open: isOpenConcern(row),
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      responses: row.responses.map((response) => ({
        ...response,
        authorName: names.person(response.authorName, response.authorRole === 'community' ? community : null),
        createdAt: new Date(response.createdAt).toISOString(),
      })),
    }));
  }
}
