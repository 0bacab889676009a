import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canRecordAttendance, DomainError, MeetingWindow } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { MinutesDto, MinutesInputDto } from './dto/minutes.dto';
import { MeetingRosterService } from './meeting-roster.service';
import { NotificationsService } from '../notifications/notifications.service';

/** A meeting's minutes and decisions: drafted and published by the club's coordinators. */
@Injectable()
export class MinutesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly roster: MeetingRosterService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly events: SensitiveEventsService,
  ) {}

  /** Coordinators see the draft; participants the published minutes only (empty until then). */
  async get(viewer: Viewer, meetingId: string): Promise<MinutesDto> {
    const meeting = await this.roster.loadMeeting(meetingId);
    const minutes = await this.read(this.db.manager, meetingId);
    return minutes.publishedAt || this.access.allows(viewer, 'meeting.records.write', meeting)
      ? minutes
      : { minutes: '', decisions: [], publishedAt: null, version: minutes.version };
  }

  /**
   * Replaces the minutes and the list of decisions in one transaction. Publishing needs a meeting
   * that took place (or is about to); a cancelled meeting has no minutes. Publishing again keeps
   * the first publication date; `publish: false` takes the minutes back to a draft. The club's
   * communities hear of the first publication.
   */
  async save(viewer: Viewer, meetingId: string, input: MinutesInputDto): Promise<MinutesDto> {
    return this.db.transaction(async (manager) => {
      const [locked]: Array<MeetingWindow & { version: number; clubId: string; title: string; published: boolean }> = await manager.query(
        `SELECT status, starts_at AS "startsAt", ends_at AS "endsAt", minutes_version AS version, club_id AS "clubId", title,
                minutes_published_at IS NOT NULL AS published
           FROM meetings WHERE id = $1 FOR UPDATE`,
        [meetingId],
      );
      if (!locked) throw notFound('Meeting');
      if (locked.version !== input.version) throw new AppError('MINUTES.STALE_VERSION', 'The minutes changed meanwhile; reload and save again');
      if (locked.status === 'cancelled') throw new DomainError('MEETING.CANCELLED', 'A cancelled meeting has no minutes');
      if (input.publish) {
        const refusal = canRecordAttendance(locked, new Date());
        if (refusal) throw refusal;
      }
      const before = await this.read(manager, meetingId);
      await manager.query(
        `UPDATE meetings
            SET minutes = $2,
                minutes_published_at = CASE WHEN $3 THEN COALESCE(minutes_published_at, now()) ELSE NULL END,
                minutes_version = minutes_version + 1
          WHERE id = $1`,
        [meetingId, input.minutes, input.publish],
      );
      await manager.query(`DELETE FROM meeting_decisions WHERE meeting_id = $1`, [meetingId]);
      if (input.decisions.length) {
        await manager.query(
          `INSERT INTO meeting_decisions (meeting_id, position, text)
           SELECT $1, d.position, d.text FROM unnest($2::text[]) WITH ORDINALITY AS d(text, position)`,
          [meetingId, input.decisions],
        );
      }
      if (input.publish && !locked.published) {
        const invited = await this.roster.invitedCommunities(locked.clubId, manager);
        await this.notifications.tell(manager, {
          kind: 'minutes_published',
          communities: { clubId: locked.clubId, communityIds: invited.map((c) => c.communityId) },
          audiences: ['community'],
          actorId: viewer.userId,
          params: { title: locked.title, startsAt: locked.startsAt.toISOString() },
          link: `/meetings/${meetingId}/minutes`,
        });
      }
      const after = await this.read(manager, meetingId);
      // The text and the decisions may name people: the log says they changed, not what they say.
      await this.events.changeBetween(manager, {
        actor: viewer,
        action: input.publish && !locked.published ? 'minutes.published' : !input.publish && locked.published ? 'minutes.unpublished' : 'minutes.updated',
        resource: 'meeting-minutes',
        recordId: meetingId,
        clubId: locked.clubId,
        before: auditedMinutes(before),
        after: auditedMinutes(after),
        fields: ['minutes', 'decisions', 'published'],
        masked: ['minutes', 'decisions'],
      });
      return after;
    });
  }

  private async read(manager: EntityManager, meetingId: string): Promise<MinutesDto> {
    const [row] = await manager.query(
      `SELECT m.minutes, m.minutes_published_at AS "publishedAt", m.minutes_version AS version,
              COALESCE((SELECT json_agg(json_build_object('id', d.id, 'position', d.position, 'text', d.text) ORDER BY d.position)
                          FROM meeting_decisions d WHERE d.meeting_id = m.id), '[]') AS decisions
         FROM meetings m WHERE m.id = $1`,
      [meetingId],
    );
    if (!row) throw notFound('Meeting');
    return { minutes: row.minutes, decisions: row.decisions, publishedAt: row.publishedAt, version: row.version };
  }
}

const auditedMinutes = (minutes: MinutesDto) => ({
  minutes: minutes.minutes,
  decisions: minutes.decisions.map((decision) => decision.text),
  published: minutes.publishedAt !== null,
});
