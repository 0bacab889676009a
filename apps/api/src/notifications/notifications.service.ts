import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  chooseRecipients,
  notificationLink,
  notificationParams,
  type Locale,
  type NotificationAudience,
  type NoticeSubject,
  type NotificationKind,
} from '@dastarkhan/domain';
import { COMMUNITY_PRIVACY_JSON } from '../access/resource-loader';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import {
  EmailOutboxMessageDto,
  EmailOutboxQueryDto,
  NotificationDto,
  NotificationListQueryDto,
  NotificationPageDto,
  UnreadCountDto,
} from './dto/notification.dto';
import { renderEmail } from './email/render-email';
import { accountEmailKind } from '../auth/account-mail.service';
import { LINK_EMAILS } from '../auth/email/account-emails';

/**
 * One event to tell people about. It concerns participations (each one's community, its club's
 * coordinators, the region's officials, the administrators — as `audiences` asks) or, with
 * `clubId`, the club itself (its coordinators; no community is named).
 */
export interface Notice {
  kind: NotificationKind;
  participationIds?: string[];
  /** These communities' latest participations in the club (a project's, a meeting's communities). */
  communities?: { clubId: string; communityIds: string[] };
  clubId?: string;
  /** Who acted: never notified about their own step; null for the platform's own reminders. */
  actorId: string | null;
  audiences: NotificationAudience[];
  /** Limits the `official` audience to these users (e.g. the official who raised a concern). */
  officialIds?: string[];
  /** Extra values for the message (reason code, dates, a meeting's title). Never a community name: the service adds it per recipient. */
  params?: Record<string, string | null>;
  /** The in-app page it opens; by default where each audience acts on the participation. */
  link?: string;
}

/** One pathway event about one participation. */
export type PathwayNotice = Omit<Notice, 'participationIds' | 'clubId' | 'link' | 'actorId'> & { participationId: string; actorId: string };

interface CandidateRow {
  userId: string;
  audience: NotificationAudience;
  email: string;
  locale: Locale;
  displayName: string;
  subject: NoticeSubject;
}

/**
 * Everyone who may hear about the subjects (participations, or a club itself), one row per role
 * and subject (the subject's facts repeated on each): representatives of its community,
 * coordinators of its club, officials of the club's region or national, administrators — for the
 * audiences asked for only.
 */
const CANDIDATES_SQL = `
  WITH subject AS (
    SELECT p.id AS participation_id, p.club_id, p.community_id FROM participations p WHERE p.id = ANY($1::uuid[])
    UNION ALL
    SELECT NULL::uuid, cl.id, NULL::uuid FROM clubs cl WHERE cl.id = $4::uuid
  )
  SELECT u.id AS "userId",
         CASE ra.role WHEN 'representative' THEN 'community' ELSE ra.role END AS audience,
         u.email, u.locale, u.display_name AS "displayName",
         json_build_object('participationId', s.participation_id, 'clubId', s.club_id, 'regionCode', ci.region_code, 'clubName', cl.name,
           'community', CASE WHEN c.id IS NULL THEN NULL ELSE ${COMMUNITY_PRIVACY_JSON}::jsonb || jsonb_build_object('name', c.name) END) AS subject
    FROM subject s
    JOIN clubs cl ON cl.id = s.club_id
    JOIN cities ci ON ci.id = cl.city_id
    LEFT JOIN communities c ON c.id = s.community_id
    JOIN role_assignments ra ON
         (ra.role = 'representative' AND ra.community_id = s.community_id AND 'community' = ANY($2::text[]))
      OR (ra.role = 'coordinator' AND ra.club_id = s.club_id AND 'coordinator' = ANY($2::text[]))
      OR (ra.role = 'official' AND (ra.region IS NULL OR ra.region = ci.region_code) AND 'official' = ANY($2::text[])
          AND ($3::uuid[] IS NULL OR ra.user_id = ANY($3::uuid[])))
      OR (ra.role = 'administrator' AND 'administrator' = ANY($2::text[]))
    JOIN users u ON u.id = ra.user_id
   ORDER BY u.id, s.participation_id`;

const NOTIFICATION_COLUMNS = `
  n.id, n.kind, n.params, n.link, n.created_at AS "createdAt", n.read_at AS "readAt",
  to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '~' || n.id AS cursor`;

/**
 * In-app notifications and the email outbox, written in the caller's transaction: a rolled-back
 * step tells no one.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Tells of a step on one participation (the pathway's notices). */
  notify(manager: EntityManager, notice: PathwayNotice): Promise<void> {
    const { participationId, ...rest } = notice;
    return this.tell(manager, { ...rest, participationIds: [participationId] });
  }

  /**
   * Tells everyone the notice concerns, each in the capacity that knows the community best and
   * never naming it to someone who may not know it. Three queries, however many recipients.
   */
  async tell(manager: EntityManager, notice: Notice): Promise<void> {
    const participationIds = [...(notice.participationIds ?? []), ...(await this.participationsOf(manager, notice.communities))];
    if (notice.audiences.length === 0 || (!participationIds.length && !notice.clubId)) return;
    const candidates: CandidateRow[] = await manager.query(CANDIDATES_SQL, [
      participationIds,
      notice.audiences,
      notice.officialIds ?? null,
      notice.clubId ?? null,
    ]);
    const recipients = chooseRecipients(candidates, notice.actorId ?? '');
    if (recipients.length === 0) return;

    const notifications = recipients.map((recipient) => {
      const params = notificationParams(recipient, recipient.subject, notice.params);
      const link = notice.link ?? notificationLink(recipient.audience, recipient.subject.participationId ?? '');
      return { user_id: recipient.userId, kind: notice.kind, params, link };
    });
    const emails = recipients.map((recipient, index) => ({
      to_address: recipient.email,
      kind: notice.kind,
      // The community the email names (the recipient's own, or the one it is about): withheld from administrators while protected.
      community_id: recipient.subject.community?.communityId ?? null,
      ...renderEmail({
        locale: recipient.locale,
        kind: notice.kind,
        params: notifications[index].params,
        recipientName: recipient.displayName,
        link: notifications[index].link,
        publicUrl: this.config.PUBLIC_URL,
      }),
    }));
    await manager.query(
      `INSERT INTO notifications (user_id, kind, params, link)
       SELECT user_id, kind, params, link FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, kind text, params jsonb, link text)`,
      [JSON.stringify(notifications)],
    );
    await manager.query(
      `INSERT INTO email_outbox (to_address, subject, body, kind, community_id)
       SELECT to_address, subject, body, kind, community_id
         FROM jsonb_to_recordset($1::jsonb) AS r(to_address text, subject text, body text, kind text, community_id uuid)`,
      [JSON.stringify(emails)],
    );
  }

  private async participationsOf(manager: EntityManager, communities: Notice['communities']): Promise<string[]> {
    if (!communities?.communityIds.length) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT DISTINCT ON (community_id) id FROM participations WHERE club_id = $1 AND community_id = ANY($2::uuid[])
        ORDER BY community_id, created_at DESC, id`,
      [communities.clubId, communities.communityIds],
    );
    return rows.map((row) => row.id);
  }

  /** The caller's own notifications, newest first, a page at a time. */
  async list(viewer: Viewer, query: NotificationListQueryDto): Promise<NotificationPageDto> {
    const limit = query.limit ?? 20;
    const [beforeAt, beforeId] = query.before ? query.before.split('~') : [null, null];
    const rows: Array<NotificationDto & { cursor: string }> = await this.db.query(
      `SELECT ${NOTIFICATION_COLUMNS}
         FROM notifications n
        WHERE n.user_id = $1
          AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $5`,
      [viewer.userId, query.unread ?? false, beforeAt, beforeId, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map(({ cursor: _cursor, ...item }) => item),
      nextBefore: rows.length > limit ? page[page.length - 1].cursor : null,
    };
  }

  async unreadCount(viewer: Viewer): Promise<UnreadCountDto> {
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [viewer.userId],
    );
    return { count };
  }

  /** Marks one of the caller's notifications read (idempotent); someone else's is 404. */
  async markRead(viewer: Viewer, id: string): Promise<void> {
    const [, affected] = await this.db.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, viewer.userId],
    );
    if (affected === 0) throw notFound('Notification');
  }

  async markAllRead(viewer: Viewer): Promise<void> {
    await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [viewer.userId]);
  }

  /**
   * The outbox for administrators: what was (or will be) emailed, newest first. A message about a
   * protected community, or greeting a non-registered community's representative by name, shows its
   * recipient and kind, not its subject or body (docs/domain.md, P12);
   * nor does an email carrying a single-use account link (it would hand over the account).
   */
  async outbox(query: EmailOutboxQueryDto): Promise<EmailOutboxMessageDto[]> {
    return this.db.query(
      `SELECT o.id, o.to_address AS "to", o.kind, o.status, o.attempts, o.last_error AS "lastError",
              o.created_at AS "createdAt", o.next_attempt_at AS "nextAttemptAt", o.sent_at AS "sentAt",
              w.withheld,
              CASE WHEN w.withheld THEN NULL ELSE o.subject END AS subject,
              CASE WHEN w.withheld THEN NULL ELSE o.body END AS body
         -- The page first (by email_outbox_newest), then the withholding test for its rows only: with the
         -- whole outbox as its input the planner built the set of every non-registered community's
         -- representatives once per use of "withheld" (88 ms at factor 10; 1.5 ms this way).
         FROM (SELECT * FROM email_outbox WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id DESC LIMIT $2) o
         LEFT JOIN communities c ON c.id = o.community_id
        CROSS JOIN LATERAL (SELECT (c.id IS NOT NULL AND c.registration_status <> 'registered' AND NOT c.is_public)
                                   OR o.kind = ANY($3)
                                   -- The greeting names the recipient: a non-registered community's representative
                                   -- is named only to the community and its coordinators (P3), public or not.
                                   OR EXISTS (SELECT 1 FROM users u
                                                JOIN role_assignments r ON r.user_id = u.id AND r.role = 'representative'
                                                JOIN communities rc ON rc.id = r.community_id
                                               WHERE u.email = o.to_address AND rc.registration_status <> 'registered') AS withheld) w
        ORDER BY o.created_at DESC, o.id DESC`,
      [query.status ?? null, query.limit ?? 50, LINK_EMAILS.map(accountEmailKind)],
    );
  }
}
