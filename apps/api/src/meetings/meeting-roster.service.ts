import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { INVITED_STATUSES, type MeetingResource } from '@dastarkhan/domain';
import type { ParticipationStatus, Tradition } from '@dastarkhan/domain';
import { notFound } from '../common/errors/app-error';
import type { MeetingStatus } from './entities/meeting.entity';

/** A meeting as the RSVP, attendance and minutes use cases need it, with the facts the access rules read. */
export interface MeetingRef extends MeetingResource {
  id: string;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
}

/** A community invited to a club's meetings: its participation is observer, candidate or member (now). Named by the caller through the naming rule. */
export interface InvitedCommunity {
  communityId: string;
  tradition: Tradition;
  participationStatus: ParticipationStatus;
}

/** Reads a meeting and the club's roster of invited communities (who may do what is the access module's). */
@Injectable()
export class MeetingRosterService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The meeting, or NOT_FOUND. Pass a transaction's manager to read (and lock) inside it. */
  async loadMeeting(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<MeetingRef> {
    const [meeting]: MeetingRef[] = await manager.query(
      `SELECT 'meeting' AS kind, m.id, m.id AS "meetingId", m.club_id AS "clubId", ci.region_code AS "regionCode",
              cl.archived_at IS NOT NULL AS "clubArchived", m.status,
              m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.visibility
         FROM meetings m JOIN clubs cl ON cl.id = m.club_id JOIN cities ci ON ci.id = cl.city_id
        WHERE m.id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [id],
    );
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  /**
   * The club's communities and their participation status as it stood at `at` (from each
   * participation's history: its last step by then) — the roster a meeting's attendance is
   * recorded against. Communities with no participation yet at `at` are absent.
   */
  async statusesAt(clubId: string, at: Date, manager: EntityManager = this.db.manager): Promise<Map<string, ParticipationStatus>> {
    const rows: Array<{ communityId: string; status: ParticipationStatus }> = await manager.query(
      `SELECT DISTINCT ON (p.community_id) p.community_id AS "communityId", e.to_status AS status
         FROM participations p JOIN participation_events e ON e.participation_id = p.id AND e.created_at <= $2
        WHERE p.club_id = $1
        ORDER BY p.community_id, e.created_at DESC, e.sequence DESC`,
      [clubId, at],
    );
    return new Map(rows.map((row) => [row.communityId, row.status]));
  }

  /** The club's communities invited to its meetings (participation observer / candidate / member), in name order. */
  invitedCommunities(clubId: string, manager: EntityManager = this.db.manager): Promise<InvitedCommunity[]> {
    return manager.query(
      `SELECT c.id AS "communityId", c.tradition, p.status AS "participationStatus"
         FROM participations p JOIN communities c ON c.id = p.community_id
        WHERE p.club_id = $1 AND p.status = ANY($2)
        ORDER BY c.name, c.id`,
      [clubId, INVITED_STATUSES],
    );
  }
}
