import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertCanSponsor, LIVE_STATUSES, type ParticipationStatus } from '@dastarkhan/domain';
import { AccessService, type CommunityRef } from '../access/access.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { NotificationsService } from '../notifications/notifications.service';
import { CreateSponsorshipDto, GivenSponsorshipDto, SponsorshipDto } from './dto/pathway.dto';

/** A member community's representative sponsors an observer of the same club; the sponsor may withdraw it. */
@Injectable()
export class SponsorshipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly access: AccessService,
  ) {}

  async sponsor(viewer: Viewer, participationId: string, input: CreateSponsorshipDto): Promise<SponsorshipDto> {
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
          `SELECT status FROM participations WHERE club_id = $1 AND community_id = $2 AND status = ANY($3) FOR SHARE`,
          [target.clubId, input.communityId, LIVE_STATUSES],
        );
        assertCanSponsor({ sponsorStatusInClub: sponsor?.status ?? null, observerStatus: target.status, sameCommunity });
        const [{ id }] = await manager.query(
          `INSERT INTO sponsorships (participation_id, sponsor_community_id, statement, created_by_id)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [participationId, input.communityId, input.statement, viewer.userId],
        );
        await this.notifications.notify(manager, { kind: 'sponsored', participationId, actorId: viewer.userId, audiences: ['community', 'coordinator'] });
        return this.dto(manager, viewer, id);
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
    const rows: Array<Omit<GivenSponsorshipDto, 'observer'> & { observerId: string }> = await this.db.query(
      `SELECT s.id, s.participation_id AS "participationId", p.club_id AS "clubId", cl.name AS "clubName", p.community_id AS "observerId",
              p.status AS "observerStatus", s.sponsor_community_id AS "sponsorCommunityId", s.statement,
              s.created_at AS "createdAt", s.withdrawn_at AS "withdrawnAt"
         FROM sponsorships s
         JOIN participations p ON p.id = s.participation_id
         JOIN clubs cl ON cl.id = p.club_id
        WHERE s.sponsor_community_id = $1
        ORDER BY s.created_at DESC, s.id`,
      [communityId],
    );
    const names = await this.access.communities(viewer, rows.map((r) => r.observerId), { resource: 'community.sponsorships' });
    return rows.map(({ observerId, ...row }) => ({ ...row, observer: names.ref(observerId) }));
  }

  /** Withdraws a live sponsorship; the row stays, dated. 404 unless the caller represents the sponsor. */
  async withdraw(viewer: Viewer, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT 1 FROM sponsorships WHERE id = $1 AND withdrawn_at IS NULL FOR UPDATE`, [id]);
      if (!row) throw notFound('Sponsorship');
      await manager.query(`UPDATE sponsorships SET withdrawn_at = now(), withdrawn_by_id = $2 WHERE id = $1`, [id, viewer.userId]);
    });
  }

  private async dto(manager: EntityManager, viewer: Viewer, id: string): Promise<SponsorshipDto> {
    const [row]: Array<Omit<SponsorshipDto, 'sponsorCommunity' | 'createdByName'> & { sponsorId: string; displayName: string }> =
      await manager.query(
        `SELECT s.id, s.participation_id AS "participationId", s.sponsor_community_id AS "sponsorId", s.statement,
                s.created_at AS "createdAt", u.display_name AS "displayName"
           FROM sponsorships s JOIN users u ON u.id = s.created_by_id
          WHERE s.id = $1`,
        [id],
      );
    const { sponsorId, displayName, ...sponsorship } = row;
    const names = await this.access.communities(viewer, [sponsorId], { resource: 'sponsorship', manager });
    return { ...sponsorship, sponsorCommunity: names.ref(sponsorId) as CommunityRef, createdByName: names.person(displayName, sponsorId) };
  }
}
