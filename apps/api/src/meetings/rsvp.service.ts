import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canRsvp, rsvpCounts } from '@dastarkhan/domain';
import { coordinates, representedCommunityIds, type Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import type { CommunityRefDto } from '../communities/dto/community.dto';
import { RsvpDto, RsvpInputDto, RsvpSummaryDto } from './dto/rsvp.dto';
import { InvitedCommunity, MeetingAccessService } from './meeting-access.service';

const RSVP_SELECT = `
  SELECT r.community_id AS "communityId", c.name AS "communityName", r.answer, r.attendees, r.updated_at AS "updatedAt"
    FROM rsvps r JOIN communities c ON c.id = r.community_id`;

/** Invitations and answers: who is expected at a meeting. */
@Injectable()
export class RsvpService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetings: MeetingAccessService,
  ) {}

  /** A representative answers for one of its invited communities; answering again replaces the answer. */
  async respond(viewer: Viewer, meetingId: string, input: RsvpInputDto): Promise<RsvpDto> {
    const meeting = await this.meetings.loadMeeting(meetingId);
    await this.meetings.assertVisible(viewer, meeting);
    if (!(await this.meetings.viewerInvitedCommunityIds(viewer, meeting.clubId)).includes(input.communityId)) {
      throw new AppError('FORBIDDEN', 'Only the representative of an invited community may answer for it');
    }
    const refusal = canRsvp(meeting, new Date());
    if (refusal) throw refusal;
    await this.db.query(
      `INSERT INTO rsvps (meeting_id, community_id, answer, attendees, responded_by_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, community_id) DO UPDATE
         SET answer = EXCLUDED.answer, attendees = EXCLUDED.attendees,
             responded_by_id = EXCLUDED.responded_by_id, updated_at = now()`,
      [meetingId, input.communityId, input.answer, input.attendees, viewer.userId],
    );
    const [rsvp]: RsvpDto[] = await this.db.query(`${RSVP_SELECT} WHERE r.meeting_id = $1 AND r.community_id = $2`, [
      meetingId,
      input.communityId,
    ]);
    return rsvp;
  }

  /**
   * The tally for the club's coordinators and participants; who answered what only for the
   * coordinators (a representative sees its own communities' answers).
   */
  async summary(viewer: Viewer, meetingId: string): Promise<RsvpSummaryDto> {
    const meeting = await this.meetings.loadMeeting(meetingId);
    const isCoordinator = coordinates(viewer, meeting.clubId);
    if (!isCoordinator && !(await this.meetings.isParticipant(viewer, meeting.clubId))) throw notFound('Meeting');
    const [invitedCommunities, responses]: [InvitedCommunity[], RsvpDto[]] = await Promise.all([
      this.meetings.invitedCommunities(meeting.clubId),
      this.db.query(`${RSVP_SELECT} WHERE r.meeting_id = $1 ORDER BY c.name, c.id`, [meetingId]),
    ]);
    const invited: CommunityRefDto[] = invitedCommunities.map((c) => ({
      id: c.communityId,
      name: c.name,
      tradition: c.tradition,
      registrationStatus: c.registrationStatus,
    }));
    const invitedIds = new Set(invited.map((c) => c.id));
    const mine = new Set(representedCommunityIds(viewer));
    return {
      counts: rsvpCounts(
        responses.filter((r) => invitedIds.has(r.communityId)),
        invited.length,
      ),
      responses: isCoordinator ? responses : responses.filter((r) => mine.has(r.communityId)),
      invited: isCoordinator ? invited : [],
    };
  }
}
