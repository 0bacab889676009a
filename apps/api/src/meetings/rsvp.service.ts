import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canRsvp, rsvpCounts } from '@dastarkhan/domain';
import { AccessService, type CommunityNames } from '../access/access.service';
import type { Viewer } from '../auth/viewer';
import { RsvpDto, RsvpInputDto, RsvpSummaryDto } from './dto/rsvp.dto';
import { InvitedCommunity, MeetingRosterService } from './meeting-roster.service';

const RSVP_SELECT = `
  SELECT r.community_id AS "communityId", r.answer, r.attendees, r.updated_at AS "updatedAt"
    FROM rsvps r JOIN communities c ON c.id = r.community_id`;

type RsvpRow = Omit<RsvpDto, 'communityName'>;

/** Invitations and answers: who is expected at a meeting. */
@Injectable()
export class RsvpService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly roster: MeetingRosterService,
    private readonly access: AccessService,
  ) {}

  /** A representative answers for one of its invited communities; answering again replaces the answer. */
  async respond(viewer: Viewer, meetingId: string, input: RsvpInputDto): Promise<RsvpDto> {
    const meeting = await this.roster.loadMeeting(meetingId);
    this.access.assertInvitedCommunity(viewer, meeting.clubId, input.communityId);
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
    const rows: RsvpRow[] = await this.db.query(`${RSVP_SELECT} WHERE r.meeting_id = $1 AND r.community_id = $2`, [meetingId, input.communityId]);
    const names = await this.access.communities(viewer, [input.communityId], { resource: 'meeting.rsvps', clubId: meeting.clubId });
    return named(rows, names)[0];
  }

  /**
   * The tally for the club's coordinators and participants; who answered what only for the
   * coordinators (a representative sees its own communities' answers).
   */
  async summary(viewer: Viewer, meetingId: string): Promise<RsvpSummaryDto> {
    const meeting = await this.roster.loadMeeting(meetingId);
    const isCoordinator = this.access.allows(viewer, 'meeting.schedule', meeting);
    const [invitedCommunities, responses]: [InvitedCommunity[], RsvpRow[]] = await Promise.all([
      this.roster.invitedCommunities(meeting.clubId),
      this.db.query(`${RSVP_SELECT} WHERE r.meeting_id = $1 ORDER BY c.name, c.id`, [meetingId]),
    ]);
    const invitedIds = new Set(invitedCommunities.map((c) => c.communityId));
    const mine = new Set(viewer.participations.filter((p) => p.clubId === meeting.clubId).map((p) => p.communityId));
    const shown = isCoordinator ? responses : responses.filter((r) => mine.has(r.communityId));
    const names = await this.access.communities(viewer, [...(isCoordinator ? invitedIds : []), ...shown.map((r) => r.communityId)], {
      resource: 'meeting.rsvps',
      clubId: meeting.clubId,
    });
    return {
      counts: rsvpCounts(
        responses.filter((r) => invitedIds.has(r.communityId)),
        invitedIds.size,
      ),
      responses: named(shown, names),
      invited: isCoordinator ? invitedCommunities.flatMap((c) => names.ref(c.communityId) ?? []) : [],
    };
  }
}

/** Answers with their community named for the reader. */
function named(rows: RsvpRow[], names: CommunityNames): RsvpDto[] {
  return rows.map((row) => ({ ...row, communityName: names.name(row.communityId) }));
}
