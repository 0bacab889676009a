import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { NotificationsService } from '../notifications/notifications.service';
import { MeetingsQueryService } from './meetings-query.service';

/** Edits of the holiday and observance tables run one at a time, so each sees the tables as the last one left them. */
const TABLES_LOCK = 'dastarkhan.meetings.interfaith-tables';

interface Upcoming {
  id: string;
  clubId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * A change of the holiday or weekly observance tables re-checks every upcoming meeting: where one
 * now falls on a holiday or an observance it did not before, the club's coordinators are told
 * (one notice per club, opening its first such meeting). The meeting pages show the warnings.
 */
@Injectable()
export class InterfaithRecheckService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly query: MeetingsQueryService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Runs `change` in a transaction between a check of the upcoming meetings before and after it. */
  around<T>(viewer: Viewer, change: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [TABLES_LOCK]);
      const upcoming: Upcoming[] = await manager.query(
        `SELECT id, club_id AS "clubId", title, starts_at AS "startsAt", ends_at AS "endsAt"
           FROM meetings WHERE status = 'scheduled' AND starts_at > now() ORDER BY starts_at, id`,
      );
      const before = await this.warningKeys(manager, upcoming);
      const result = await change(manager);
      const after = await this.warningKeys(manager, upcoming);

      const flagged = upcoming.filter((meeting, index) => after[index].some((key) => !before[index].includes(key)));
      for (const clubId of new Set(flagged.map((meeting) => meeting.clubId))) {
        const ofClub = flagged.filter((meeting) => meeting.clubId === clubId);
        await this.notifications.tell(manager, {
          kind: 'meeting_warnings_changed',
          clubId,
          actorId: viewer.userId,
          audiences: ['coordinator'],
          params: { count: String(ofClub.length), title: ofClub[0].title, startsAt: ofClub[0].startsAt.toISOString() },
          link: `/meetings/${ofClub[0].id}`,
        });
      }
      return result;
    });
  }

  /** Per meeting (in order), what its warnings are about: kind, date and holiday or observance. */
  private async warningKeys(manager: EntityManager, meetings: Upcoming[]): Promise<string[][]> {
    const keys = new Map<string, string[]>();
    for (const clubId of new Set(meetings.map((meeting) => meeting.clubId))) {
      const ofClub = meetings.filter((meeting) => meeting.clubId === clubId);
      const warnings = await this.query.warnings(clubId, ofClub, manager);
      ofClub.forEach((meeting, index) =>
        keys.set(
          meeting.id,
          warnings[index].map((w) => `${w.kind}|${w.date}|${w.holiday?.code ?? w.observance?.code ?? ''}`),
        ),
      );
    }
    return meetings.map((meeting) => keys.get(meeting.id) ?? []);
  }
}
