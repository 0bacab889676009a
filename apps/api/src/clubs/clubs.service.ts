import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ParticipationStatus, RegistrationStatus, showsOnClubPage, Tradition } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { coordinatedClubIds, coordinates, represents, type Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { CommunitiesService } from '../communities/communities.service';
import { ParticipationService } from '../participation/participation.service';
import { ClubDto, ClubListQuery, ClubSummaryDto, ParticipantDto } from './dto/club.dto';

const SUMMARY_SELECT = `
  SELECT cl.id, cl.name, cl.description, cl.city_id AS "cityId",
         json_build_object('id', ci.id, 'slug', ci.slug, 'name', ci.name, 'regionCode', ci.region_code,
           'region', ci.region, 'clubCount', (SELECT count(*)::int FROM clubs x WHERE x.city_id = ci.id)) AS city,
         count(p.id) FILTER (WHERE p.status = 'member')::int AS "memberCount",
         count(p.id) FILTER (WHERE p.status = 'observer')::int AS "observerCount",
         count(p.id) FILTER (WHERE p.status = 'applied')::int AS pending,
         count(p.id) FILTER (WHERE p.status = 'candidate')::int AS candidates
    FROM clubs cl
    JOIN cities ci ON ci.id = cl.city_id
    LEFT JOIN participations p ON p.club_id = cl.id`;

interface SummaryRow extends Omit<ClubSummaryDto, 'pendingApplications' | 'awaitingDecision'> {
  pending: number;
  candidates: number;
}

interface ParticipantRow {
  participationId: string;
  status: ParticipationStatus;
  communityId: string;
  name: string;
  tradition: Tradition;
  registrationStatus: RegistrationStatus;
  isPublic: boolean;
  officialConsent: boolean;
  regionCode: string;
}

@Injectable()
export class ClubsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly communities: CommunitiesService,
    private readonly participation: ParticipationService,
  ) {}

  async list(viewer: Viewer | null, query: ClubListQuery): Promise<ClubSummaryDto[]> {
    const onlyIds = query.coordinatedByMe ? coordinatedClubIds(viewer) : null;
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SELECT}
        WHERE ($1::uuid IS NULL OR cl.city_id = $1) AND ($2::uuid[] IS NULL OR cl.id = ANY($2))
        GROUP BY cl.id, ci.id ORDER BY cl.name`,
      [query.cityId ?? null, onlyIds],
    );
    return rows.map((row) => toSummary(row, viewer));
  }

  async get(viewer: Viewer | null, clubId: string): Promise<ClubDto> {
    const [row]: SummaryRow[] = await this.db.query(`${SUMMARY_SELECT} WHERE cl.id = $1 GROUP BY cl.id, ci.id`, [clubId]);
    if (!row) throw notFound('Club');
    const [participants, viewerParticipations] = await Promise.all([
      this.visibleParticipants(viewer, clubId),
      this.participation.viewerParticipationsInClub(viewer, clubId),
    ]);
    return {
      ...toSummary(row, viewer),
      participants,
      viewerIsCoordinator: coordinates(viewer, clubId),
      viewerParticipations,
    };
  }

  /** The club's live participants, filtered by the privacy rules for this caller. */
  private async visibleParticipants(viewer: Viewer | null, clubId: string): Promise<ParticipantDto[]> {
    const rows: ParticipantRow[] = await this.db.query(
      `SELECT p.id AS "participationId", p.status, c.id AS "communityId", c.name, c.tradition,
              c.registration_status AS "registrationStatus", c.is_public AS "isPublic",
              c.official_consent_at IS NOT NULL AS "officialConsent", ci.region_code AS "regionCode"
         FROM participations p
         JOIN communities c ON c.id = p.community_id
         JOIN clubs cl ON cl.id = p.club_id
         JOIN cities ci ON ci.id = cl.city_id
        WHERE p.club_id = $1 AND p.status NOT IN ('declined', 'withdrawn')
        ORDER BY c.name`,
      [clubId],
    );
    const facts = await this.access.viewerFacts(viewer);
    const visible: ParticipantDto[] = [];
    const officialReads: string[] = [];
    for (const row of rows) {
      const decision = showsOnClubPage(
        row.status,
        {
          registrationStatus: row.registrationStatus,
          isPublic: row.isPublic,
          officialConsent: row.officialConsent,
          participations: [{ clubId, status: row.status, regionCode: row.regionCode }],
        },
        facts && { ...facts, representsCommunity: represents(viewer, row.communityId) },
        clubId,
      );
      if (decision.access === 'hidden') continue;
      if (decision.logOfficialRead) officialReads.push(row.communityId);
      visible.push({
        participationId: row.participationId,
        status: row.status,
        community: { id: row.communityId, name: row.name, tradition: row.tradition, registrationStatus: row.registrationStatus },
      });
    }
    await this.communities.logOfficialReads(viewer, officialReads, 'club.participants');
    return visible;
  }
}

/** The coordinators' work queue (applications, candidacies to decide) is theirs only. */
function toSummary({ pending, candidates, ...row }: SummaryRow, viewer: Viewer | null): ClubSummaryDto {
  const coordinator = coordinates(viewer, row.id);
  return { ...row, pendingApplications: coordinator ? pending : null, awaitingDecision: coordinator ? candidates : null };
}
