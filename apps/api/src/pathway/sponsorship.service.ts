import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertCanSponsor, type ParticipationStatus } from '@dastarkhan/domain';
import { represents, type Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { NotificationsService } from '../notifications/notifications.service';
import { CreateSponsorshipDto, GivenSponsorshipDto, SponsorshipDto } from './dto/pathway.dto';

/** Statuses in which a community has met the club's other communities in person (libs/domain privacy rules). */
const MET_IN_PERSON: ParticipationStatus[] = ['observer', 'candidate', 'member', 'suspended'];

/** A member community's representative sponsors an observer of the same club; the sponsor may withdraw it. */
@Injectable()
export class SponsorshipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async sponsor(viewer: Viewer, participationId: string, input: CreateSponsorshipDto): Promise<SponsorshipDto> {
    if (!represents(viewer, input.communityId)) throw notFound('Community');
    try {
      return await this.db.transaction(async (manager) => {
        // Shared lock: the observer's status cannot change until the sponsorship is written.
        const [target]: Array<{ status: ParticipationStatus; clubId: string; communityId: string }> = await manager.query(
          `SELECT status, club_id AS "clubId", community_id AS "communityId" FROM participations WHERE id = $1 FOR SHARE`,
          [participationId],
        );
        if (!target) throw notFound('Participation');
        const sameCommunity = target.communityId === input.communityId;
        const [sponsor]: Array<{ status: ParticipationStatus }> = await manager.query(
          `SELECT status FROM participations
            WHERE club_id = $1 AND community_id = $2 AND status NOT IN ('declined', 'withdrawn') FOR SHARE`,
          [target.clubId, input.communityId],
        );
        // The sponsor sees the observer only as a fellow participant of the club (as the club page does).
        const visible = sameCommunity || (!!sponsor && MET_IN_PERSON.includes(sponsor.status) && MET_IN_PERSON.includes(target.status));
        if (!visible) throw notFound('Participation');
        assertCanSponsor({ sponsorStatusInClub: sponsor?.status ?? null, observerStatus: target.status, sameCommunity });
        const [{ id }] = await manager.query(
          `INSERT INTO sponsorships (participation_id, sponsor_community_id, statement, created_by_id)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [participationId, input.communityId, input.statement, viewer.userId],
        );
        await this.notifications.notify(manager, { kind: 'sponsored', participationId, actorId: viewer.userId, audiences: ['community', 'coordinator'] });
        return this.dto(manager, id);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'sponsorships')) {
        throw new AppError('PATHWAY.ALREADY_SPONSORED', 'This community already sponsors this observer');
      }
      throw error;
    }
  }

  /** The sponsorships a community gave, newest first: for its representatives only (404 otherwise). */
  async givenBy(viewer: Viewer, communityId: string): Promise<GivenSponsorshipDto[]> {
    if (!represents(viewer, communityId)) throw notFound('Community');
    return this.db.query(
      `SELECT s.id, s.participation_id AS "participationId", p.club_id AS "clubId", cl.name AS "clubName",
              json_build_object('id', c.id, 'name', c.name, 'tradition', c.tradition,
                                'registrationStatus', c.registration_status) AS observer,
              p.status AS "observerStatus", s.sponsor_community_id AS "sponsorCommunityId", s.statement,
              s.created_at AS "createdAt", s.withdrawn_at AS "withdrawnAt"
         FROM sponsorships s
         JOIN participations p ON p.id = s.participation_id
         JOIN clubs cl ON cl.id = p.club_id
         JOIN communities c ON c.id = p.community_id
        WHERE s.sponsor_community_id = $1
        ORDER BY s.created_at DESC, s.id`,
      [communityId],
    );
  }

  /** Withdraws a live sponsorship; the row stays, dated. 404 unless the caller represents the sponsor. */
  async withdraw(viewer: Viewer, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [row]: Array<{ sponsorCommunityId: string }> = await manager.query(
        `SELECT sponsor_community_id AS "sponsorCommunityId" FROM sponsorships WHERE id = $1 AND withdrawn_at IS NULL FOR UPDATE`,
        [id],
      );
      if (!row || !represents(viewer, row.sponsorCommunityId)) throw notFound('Sponsorship');
      await manager.query(`UPDATE sponsorships SET withdrawn_at = now(), withdrawn_by_id = $2 WHERE id = $1`, [id, viewer.userId]);
    });
  }

  private async dto(manager: EntityManager, id: string): Promise<SponsorshipDto> {
    const [row] = await manager.query(
      `SELECT s.id, s.participation_id AS "participationId",
              json_build_object('id', c.id, 'name', c.name, 'tradition', c.tradition,
                                'registrationStatus', c.registration_status) AS "sponsorCommunity",
              s.statement, s.created_at AS "createdAt", u.display_name AS "createdByName"
         FROM sponsorships s
         JOIN communities c ON c.id = s.sponsor_community_id
         JOIN users u ON u.id = s.created_by_id
        WHERE s.id = $1`,
      [id],
    );
    return row;
  }
}
