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
import type { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { ParticipationService } from '../participation/participation.service';
import { ClubDto, ClubListQuery, ClubSummaryDto, ParticipantDto } from './dto/club.dto';

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

const SUMMARY_SELECT = `
  SELECT cl.id, cl.name, cl.description, cl.city_id AS "cityId", ci.region_code AS "regionCode",
         COALESCE(cl.names, jsonb_build_object('kk', cl.name, 'ru', cl.name, 'en', cl.name)) AS names,
         COALESCE(cl.descriptions, jsonb_build_object('kk', cl.description, 'ru', cl.description, 'en', cl.description)) AS descriptions,
         cl.meeting_place AS "meetingPlace", cl.archived_at IS NOT NULL AS archived, cl.version,
         json_build_object('id', ci.id, 'slug', ci.slug, 'name', ci.name, 'regionCode', ci.region_code,
           'region', ci.region, 'version', ci.version, 'clubCount', cc.n) AS city,
         k.members, k.observers, k.pending, k.candidates
    FROM clubs cl
    JOIN cities ci ON ci.id = cl.city_id
    JOIN (SELECT city_id, count(*)::int AS n FROM clubs GROUP BY city_id) cc ON cc.city_id = ci.id
    CROSS JOIN LATERAL (
      SELECT ${COUNTS('member')} AS members, ${COUNTS('observer')} AS observers,
             COALESCE(sum(k.n) FILTER (WHERE k.status = 'applied'), 0)::int AS pending,
             COALESCE(sum(k.n) FILTER (WHERE k.status = 'candidate'), 0)::int AS candidates
        FROM club_participation_counts k WHERE k.club_id = cl.id) k`;

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

  async list(viewer: Viewer | null, query: ClubListQuery): Promise<ClubSummaryDto[]> {
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SELECT}
        WHERE ($1::uuid IS NULL OR cl.city_id = $1)
          AND (NOT $2 OR cl.id IN (SELECT club_id FROM role_assignments WHERE user_id = $3 AND role = 'coordinator'))
        ORDER BY cl.name`,
      [query.cityId ?? null, query.coordinatedByMe ?? false, viewer?.userId ?? null],
    );
    return rows.map((row) => this.toSummary(row, viewer));
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
