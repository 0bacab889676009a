import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ParticipationStatus, RegistrationStatus, Tradition } from '@dastarkhan/domain';
import { coordinates, representedCommunityIds, type Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import type { MeetingStatus, MeetingVisibility } from './entities/meeting.entity';

/** The few facts about a meeting that access decisions need. */
export interface MeetingRef {
  id: string;
  clubId: string;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  visibility: MeetingVisibility;
}

/** A community invited to a club's meetings: its participation is observer, candidate or member (now). */
export interface InvitedCommunity {
  communityId: string;
  name: string;
  tradition: Tradition;
  registrationStatus: RegistrationStatus;
  participationStatus: ParticipationStatus;
}

/** Statuses that make a community's representatives participants of a club (AccessService.viewerFacts). */
const PARTICIPANT_STATUSES: readonly ParticipationStatus[] = ['observer', 'candidate', 'member', 'suspended'];
/** Statuses whose communities are invited to the club's meetings. */
export const INVITED_STATUSES: readonly ParticipationStatus[] = ['observer', 'candidate', 'member'];

/**
 * Who the caller is for a meeting's club (coordinator / participant / invited community), shared by
 * the scheduling and the RSVP/attendance/minutes use cases. Records the caller may not see are
 * reported as not found; a visible record with the wrong role is forbidden.
 */
@Injectable()
export class MeetingAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The meeting, or NOT_FOUND. Pass a transaction's manager to read (and lock) inside it. */
  async loadMeeting(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<MeetingRef> {
    const [meeting]: MeetingRef[] = await manager.query(
      `SELECT id, club_id AS "clubId", status, starts_at AS "startsAt", ends_at AS "endsAt", visibility
         FROM meetings WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  /** A representative of a community taking part in the club (observer, candidate, member or suspended). */
  async isParticipant(viewer: Viewer | null, clubId: string): Promise<boolean> {
    const communities = representedCommunityIds(viewer);
    if (communities.length === 0) return false;
    const [row] = await this.db.query(
      `SELECT 1 FROM participations WHERE club_id = $1 AND community_id = ANY($2) AND status = ANY($3) LIMIT 1`,
      [clubId, communities, PARTICIPANT_STATUSES],
    );
    return !!row;
  }

  /** Public meetings are visible to everyone; club-only ones to the club's coordinators and participants. */
  async canSee(viewer: Viewer | null, meeting: Pick<MeetingRef, 'clubId' | 'visibility'>): Promise<boolean> {
    return meeting.visibility === 'public' || coordinates(viewer, meeting.clubId) || this.isParticipant(viewer, meeting.clubId);
  }

  /** NOT_FOUND unless the caller may see the meeting. */
  async assertVisible(viewer: Viewer | null, meeting: Pick<MeetingRef, 'clubId' | 'visibility'>): Promise<void> {
    if (!(await this.canSee(viewer, meeting))) throw notFound('Meeting');
  }

  /** Coordinators of this very club only: FORBIDDEN if the caller sees the meeting, NOT_FOUND otherwise. */
  async assertCoordinator(viewer: Viewer | null, meeting: Pick<MeetingRef, 'clubId' | 'visibility'>): Promise<void> {
    if (coordinates(viewer, meeting.clubId)) return;
    await this.assertVisible(viewer, meeting);
    throw new AppError('FORBIDDEN', "Only the club's coordinators may do this");
  }

  /** The club's communities invited to its meetings (participation observer / candidate / member), by name. */
  invitedCommunities(clubId: string, manager: EntityManager = this.db.manager): Promise<InvitedCommunity[]> {
    return manager.query(
      `SELECT c.id AS "communityId", c.name, c.tradition, c.registration_status AS "registrationStatus",
              p.status AS "participationStatus"
         FROM participations p JOIN communities c ON c.id = p.community_id
        WHERE p.club_id = $1 AND p.status = ANY($2)
        ORDER BY c.name, c.id`,
      [clubId, INVITED_STATUSES],
    );
  }

  /** The caller's own communities among the invited ones (those it may RSVP and check in for). */
  async viewerInvitedCommunityIds(viewer: Viewer | null, clubId: string): Promise<string[]> {
    const mine = representedCommunityIds(viewer);
    if (mine.length === 0) return [];
    return (await this.invitedCommunities(clubId)).map((c) => c.communityId).filter((id) => mine.includes(id));
  }
}
