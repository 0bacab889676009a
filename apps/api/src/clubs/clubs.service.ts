import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  clubCount,
  PARTICIPANT_STATUSES,
  type ClubCommunityCounts,
  type ClubResource,
  type ParticipationStatus,
} from '@dastarkhan/domain';
import { AccessService, type NameableCommunity } from '../access/access.service';
import { COMMUNITY_PRIVACY_JSON } from '../access/resource-loader';
import { decodeNameCursor, encodeNameCursor } from '../common/cursor';
import { searchCondition } from '../common/search';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { ParticipationService } from '../participation/participation.service';
import { ClubDto, ClubListQuery, ClubPageDto, ClubSummaryDto, ParticipantDto } from './dto/club.dto';

/**
 * Counts per status split by who may see the communities by name (libs/domain ClubCommunityCounts),
 * read from the counters the participation triggers keep (migration ClubCounts1796305300000): a
 * handful of rows per club, whatever the size of the country.
 */
const COUNTS = (status: string) => `
  json_build_object(
    'open', COALESCE(sum(k.n) FILTER (WHERE k.status = '${status}' AND k.privacy_class = 'open'), 0),
    'consenting', COALESCE(sum(k.n) FILTER (WHERE k.status = '${status}' AND k.privacy_class = 'consenting'), 0),
    'closed', COALESCE(sum(k.n) FILTER (WHERE k.status = '${status}' AND k.privacy_class = 'closed'), 0))`;

/** A club that no community has applied to yet has no counters. */
const NO_COUNTS = `json_build_object('open', 0, 'consenting', 0, 'closed', 0)`;

/** The counters are summed per club in one pass over them (for one club, the planner reads only its rows). */
const SUMMARY_SELECT = `
  SELECT cl.id, cl.name, cl.description, cl.city_id AS "cityId", ci.region_code AS "regionCode",
         COALESCE(cl.names, jsonb_build_object('kk', cl.name, 'ru', cl.name, 'en', cl.name)) AS names,
         COALESCE(cl.descriptions, jsonb_build_object('kk', cl.description, 'ru', cl.description, 'en', cl.description)) AS descriptions,
         cl.meeting_place AS "meetingPlace", cl.archived_at IS NOT NULL AS archived, cl.version,
         json_build_object('id', ci.id, 'slug', ci.slug, 'name', ci.name, 'regionCode', ci.region_code,
           'region', ci.region, 'version', ci.version, 'clubCount', cc.n) AS city,
         COALESCE(k.members, ${NO_COUNTS}) AS members, COALESCE(k.observers, ${NO_COUNTS}) AS observers,
         COALESCE(k.pending, 0) AS pending, COALESCE(k.candidates, 0) AS candidates
    FROM clubs cl
    JOIN cities ci ON ci.id = cl.city_id
    JOIN (SELECT city_id, count(*)::int AS n FROM clubs GROUP BY city_id) cc ON cc.city_id = ci.id
    LEFT JOIN (
      SELECT k.club_id, ${COUNTS('member')} AS members, ${COUNTS('observer')} AS observers,
             COALESCE(sum(k.n) FILTER (WHERE k.status = 'applied'), 0)::int AS pending,
             COALESCE(sum(k.n) FILTER (WHERE k.status = 'candidate'), 0)::int AS candidates
        FROM club_participation_counts k GROUP BY k.club_id) k ON k.club_id = cl.id`;

interface SummaryRow extends Omit<ClubSummaryDto, 'pendingApplications' | 'awaitingDecision' | 'memberCount' | 'observerCount'> {
  regionCode: string;
  members: ClubCommunityCounts;
  observers: ClubCommunityCounts;
  pending: number;
  candidates: number;
}

interface ParticipantRow {
  participationId: string;
  status: ParticipationStatus;
  community: NameableCommunity;
}

@Injectable()
export class ClubsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly participation: ParticipationService,
  ) {}

  /** The clubs by English name, a page at a time; a search matches a name in any of the three languages. */
  async list(viewer: Viewer | null, query: ClubListQuery): Promise<ClubPageDto> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [query.cityId ?? null, query.coordinatedByMe ?? false, viewer?.userId ?? null];
    const conditions = [searchCondition(['cl.names_search'], query.search, params)];
    if (query.after) {
      params.push(...decodeNameCursor(query.after));
      conditions.push(`(cl.name, cl.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SELECT}
        WHERE ($1::uuid IS NULL OR cl.city_id = $1)
          AND (NOT $2 OR cl.id IN (SELECT club_id FROM role_assignments WHERE user_id = $3 AND role = 'coordinator'))
          AND ${conditions.join(' AND ')}
        ORDER BY cl.name, cl.id LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((row) => this.toSummary(row, viewer)), nextAfter: rows.length > limit ? encodeNameCursor(last.name, last.id) : null };
  }

  async get(viewer: Viewer | null, clubId: string): Promise<ClubDto> {
    const [row]: SummaryRow[] = await this.db.query(`${SUMMARY_SELECT} WHERE cl.id = $1`, [clubId]);
    if (!row) throw notFound('Club');
    const [participants, viewerParticipations] = await Promise.all([
      this.visibleParticipants(viewer, clubId),
      this.participation.viewerParticipationsInClub(viewer, clubId),
    ]);
    return {
      ...this.toSummary(row, viewer),
      participants,
      viewerIsCoordinator: this.access.allows(viewer, 'club.participations.read', clubOf(row)),
      viewerParticipations,
    };
  }

  /** The club's live participants, filtered by the privacy rules for this caller. */
  private async visibleParticipants(viewer: Viewer | null, clubId: string): Promise<ParticipantDto[]> {
    const rows: ParticipantRow[] = await this.db.query(
      `SELECT p.id AS "participationId", p.status,
              (${COMMUNITY_PRIVACY_JSON}::jsonb || jsonb_build_object('name', c.name, 'tradition', c.tradition)) AS community
         FROM participations p JOIN communities c ON c.id = p.community_id
        WHERE p.club_id = $1 AND p.status = ANY($2)
        ORDER BY c.name`,
      [clubId, ['applied', ...PARTICIPANT_STATUSES]],
    );
    const names = this.access.names(
      viewer,
      rows.map((row) => row.community),
      { resource: 'club.participants', clubId },
    );
    return rows.flatMap((row) => {
      const community = names.onClubPage(row.community.communityId, row.status);
      return community ? [{ participationId: row.participationId, status: row.status, community }] : [];
    });
  }

  /** Counts follow the small-count rule for the reader; the coordinators' work queue is theirs only. */
  private toSummary({ pending, candidates, members, observers, regionCode: _region, ...row }: SummaryRow, viewer: Viewer | null): ClubSummaryDto {
    const club = clubOf({ ...row, regionCode: _region });
    const coordinator = this.access.allows(viewer, 'club.participations.read', club);
    return {
      ...row,
      memberCount: clubCount(viewer, club, members),
      observerCount: clubCount(viewer, club, observers),
      pendingApplications: coordinator ? pending : null,
      awaitingDecision: coordinator ? candidates : null,
    };
  }
}

const clubOf = (row: { id: string; regionCode: string; archived: boolean }): ClubResource => ({
  kind: 'club',
  clubId: row.id,
  regionCode: row.regionCode,
  archived: row.archived,
});
