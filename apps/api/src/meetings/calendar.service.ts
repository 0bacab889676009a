import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalEventStatus } from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Locale } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { SessionsService } from '../auth/sessions.service';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import type { CalendarTokenDto } from './dto/calendar.dto';
import { MeetingRow, MeetingsQueryService, venueLabel } from './meetings-query.service';

/** How far back a feed reaches: calendar apps keep what they fetched, only recent changes matter. */
const FEED_DAYS_BACK = 92;
const FEED_MAX_EVENTS = 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A club's meetings as iCalendar: a public feed, and private per-user feeds behind a secret token. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly query: MeetingsQueryService,
    private readonly access: AccessService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Without a token: the club's public meetings, as the public may see them. With a token: every
   * meeting of the club, as the token's owner may see them, while the token is not revoked and its
   * owner still coordinates or takes part in the club (404 otherwise).
   */
  async feed(clubId: string, token?: string): Promise<string> {
    const clubName = await this.query.assertClubExists(clubId);
    const owner = token ? await this.tokenOwner(clubId, token) : null;
    const since = new Date(Date.now() - FEED_DAYS_BACK * 86_400_000);
    const rows = await this.query.rows(
      `WHERE m.club_id = $1 AND m.ends_at > $2 AND ($3 OR m.visibility = 'public') ORDER BY m.starts_at, m.id LIMIT ${FEED_MAX_EVENTS}`,
      [clubId, since, owner !== null],
    );
    const names = await this.query.communityNames(owner?.viewer ?? null, rows, 'meeting.calendar');
    const calendar = ical({
      name: clubName,
      prodId: { company: 'Dastarkhan', product: 'Club meetings', language: 'EN' },
      ttl: 60 * 60,
    });
    for (const row of rows) {
      const location = venueLabel(row, names.get(clubId)) ?? (row.format === 'online' ? row.onlineLink : null);
      calendar.createEvent({
        id: row.id,
        sequence: row.version,
        // The event's last revision: calendar apps compare these to know what changed.
        stamp: row.updatedAt,
        lastModified: row.updatedAt,
        start: row.startsAt,
        end: row.endsAt,
        summary: icalText(row.title),
        location: location && icalText(location),
        description: icalText(describe(row, owner?.locale ?? 'en'), true),
        url: row.onlineLink,
        status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }

  /** A new private feed URL for a coordinator or participant of the club; earlier ones stay valid until revoked. */
  async issueToken(viewer: Viewer, clubId: string): Promise<CalendarTokenDto> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(`INSERT INTO calendar_tokens (token_hash, club_id, user_id) VALUES ($1, $2, $3)`, [
      hashToken(token),
      clubId,
      viewer.userId,
    ]);
    // Built from the configured public address, never from the request's Host header (which a client chooses).
    return { url: `${this.config.PUBLIC_URL}/api/clubs/${clubId}/calendar.ics?token=${token}` };
  }

  /** Revokes every private feed of the caller for this club. */
  async revokeTokens(viewer: Viewer, clubId: string): Promise<void> {
    await this.db.query(
      `UPDATE calendar_tokens SET revoked_at = now() WHERE club_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [clubId, viewer.userId],
    );
  }

  private async tokenOwner(clubId: string, token: string): Promise<{ viewer: Viewer; locale: Locale }> {
    const [owner]: Array<{ userId: string }> = await this.db.query(
      `SELECT user_id AS "userId" FROM calendar_tokens WHERE token_hash = $1 AND club_id = $2 AND revoked_at IS NULL`,
      [hashToken(token), clubId],
    );
    const viewer = owner && (await this.sessions.viewerForUser(owner.userId));
    // A token outlives nothing: whoever left the club loses the private feed with it.
    const club = await this.access.load('club', clubId);
    if (!viewer || !this.access.allows(viewer, 'club.calendar.subscribe', club)) throw notFound('Calendar');
    return { viewer, locale: viewer.locale };
  }
}

/** RFC 5545 §3.3.11: TEXT carries no control characters (line breaks only where a field may span lines). */
function icalText(value: string, multiline = false): string {
  const text = value.replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return (multiline ? text : text.replace(/\n/g, ' ')).replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

function describe(row: MeetingRow, locale: Locale): string {
  const topics = row.topics.map((t) => t.name[locale] ?? t.name.en).join(', ');
  return [topics, row.status === 'cancelled' ? row.cancelReason : null, row.description].filter(Boolean).join('\n\n');
}
