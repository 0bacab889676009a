import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { INVITED_STATUSES, localDate } from '@dastarkhan/domain';
import { AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';

/** How often each replica sweeps; every sweep is coordinated through the database, so replicas never double-send. */
const SWEEP_MS = 5 * 60_000;
/** A meeting is reminded of once it starts within this long. */
const REMINDER_AHEAD_MS = 24 * 3_600_000;

export interface SweepResult {
  reminders: number;
  overdue: number;
}

/**
 * Time-driven notices: the day-before reminder of a meeting (to the club's invited communities
 * that have not answered and to those that said yes) and the overdue action item (to its owner
 * community and the club's coordinators). Stateless: the sweep claims each notice by inserting its
 * `scheduled_notices` row (primary key: kind, subject, occasion) in the same transaction as the
 * notifications, so whichever replica inserts first sends it and every other one skips it.
 */
@Injectable()
export class ClubRemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClubRemindersService.name);
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    // Tests sweep by hand with a controlled clock.
    if (this.config.NODE_ENV === 'test') return;
    this.timer = setInterval(() => {
      this.round = this.sweep(new Date()).catch((error: unknown) => this.logger.error(error, 'Reminder sweep failed'));
    }, SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.round;
  }

  /** Sends every reminder and overdue notice due at `now` that no sweep sent yet. */
  sweep(now: Date): Promise<SweepResult> {
    return this.db.transaction(async (manager) => ({
      reminders: await this.remindMeetings(manager, now),
      overdue: await this.tellOverdue(manager, now),
    }));
  }

  private async remindMeetings(manager: EntityManager, now: Date): Promise<number> {
    const due: Array<{ id: string; clubId: string; title: string; startsAt: Date }> = await manager.query(
      `WITH claimed AS (
         INSERT INTO scheduled_notices (kind, subject_id, occasion)
         SELECT 'meeting_reminder', m.id, to_char(m.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           FROM meetings m
          WHERE m.status = 'scheduled' AND m.starts_at > $1 AND m.starts_at <= $2
         ON CONFLICT DO NOTHING
         RETURNING subject_id)
       SELECT m.id, m.club_id AS "clubId", m.title, m.starts_at AS "startsAt" FROM claimed JOIN meetings m ON m.id = claimed.subject_id`,
      [now, new Date(now.getTime() + REMINDER_AHEAD_MS)],
    );
    for (const meeting of due) {
      const invited: Array<{ communityId: string }> = await manager.query(
        `SELECT p.community_id AS "communityId"
           FROM participations p LEFT JOIN rsvps r ON r.meeting_id = $2 AND r.community_id = p.community_id
          WHERE p.club_id = $1 AND p.status = ANY($3) AND (r.answer IS NULL OR r.answer = 'yes')`,
        [meeting.clubId, meeting.id, INVITED_STATUSES],
      );
      await this.notifications.tell(manager, {
        kind: 'meeting_reminder',
        communities: { clubId: meeting.clubId, communityIds: invited.map((c) => c.communityId) },
        audiences: ['community'],
        actorId: null,
        params: { title: meeting.title, startsAt: meeting.startsAt.toISOString() },
        link: `/meetings/${meeting.id}`,
      });
    }
    return due.length;
  }

  private async tellOverdue(manager: EntityManager, now: Date): Promise<number> {
    const overdue: Array<{ id: string; clubId: string; meetingId: string; title: string; dueDate: string; ownerCommunityId: string | null }> =
      await manager.query(
        `WITH claimed AS (
           INSERT INTO scheduled_notices (kind, subject_id, occasion)
           SELECT 'action_item_overdue', ai.id, ai.due_date::text FROM action_items ai WHERE ai.status = 'open' AND ai.due_date < $1::date
           ON CONFLICT DO NOTHING
           RETURNING subject_id, occasion)
         SELECT ai.id, ai.club_id AS "clubId", ai.meeting_id AS "meetingId", ai.title, claimed.occasion AS "dueDate",
                ai.owner_community_id AS "ownerCommunityId"
           FROM claimed JOIN action_items ai ON ai.id = claimed.subject_id`,
        [localDate(now)],
      );
    for (const item of overdue) {
      const notice = { kind: 'action_item_overdue' as const, actorId: null, params: { title: item.title, date: item.dueDate }, link: `/meetings/${item.meetingId}` };
      // The owner community and the coordinators, or the coordinators alone when a person owns it.
      await this.notifications.tell(
        manager,
        item.ownerCommunityId
          ? { ...notice, communities: { clubId: item.clubId, communityIds: [item.ownerCommunityId] }, audiences: ['community', 'coordinator'] }
          : { ...notice, clubId: item.clubId, audiences: ['coordinator'] },
      );
    }
    return overdue.length;
  }
}
