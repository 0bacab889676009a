import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalEventStatus } from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Locale } from '@dastarkhan/domain';
import { coordinates, type Viewer, type ViewerRole } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import type { CalendarTokenDto } from './dto/calendar.dto';
import { MeetingAccessService } from './meeting-access.service';
import { Audience, MeetingRow, MeetingsQueryService, venueLabel } from './meetings-query.service';

/** How far back a feed reaches: calendar apps keep what they fetched, only recent changes matter. */
const FEED_DAYS_BACK = 92;
const FEED_MAX_EVENTS = 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A club's meetings as iCalendar: a public feed, and private per-user feeds behind a secret token. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetingAccess: MeetingAccessService,
    private readonly query: MeetingsQueryService,
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
    const audience: Audience = owner ? await this.query.audience(owner.viewer) : { viewer: null, facts: null };
    const venues = await this.query.visibleVenueCommunities(audience, rows, 'meeting.calendar');
    const calendar = ical({
      name: clubName,
      prodId: { company: 'Dastarkhan', product: 'Club meetings', language: 'EN' },
      ttl: 60 * 60,
    });
    for (const row of rows) {
      calendar.createEvent({
        id: row.id,
        sequence: row.version,
        stamp: row.startsAt < since ? row.startsAt : since,
        start: row.startsAt,
        end: row.endsAt,
        summary: row.title,
        location: venueLabel(row, venues) ?? (row.format === 'online' ? row.onlineLink : null),
        description: describe(row, owner?.locale ?? 'en'),
        url: row.onlineLink,
        status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }

  /** A new private feed URL for a coordinator or participant of the club; earlier ones stay valid until revoked. */
  async issueToken(viewer: Viewer, clubId: string, baseUrl: string): Promise<CalendarTokenDto> {
    await this.query.assertClubExists(clubId);
    if (!coordinates(viewer, clubId) && !(await this.meetingAccess.isParticipant(viewer, clubId))) {
      throw new AppError('FORBIDDEN', "Only the club's coordinators and participants get its private calendar");
    }
    const token = randomBytes(32).toString('base64url');
    await this.db.query(`INSERT INTO calendar_tokens (token_hash, club_id, user_id) VALUES ($1, $2, $3)`, [
      hashToken(token),
      clubId,
      viewer.userId,
    ]);
    return { url: `${baseUrl}/api/clubs/${clubId}/calendar.ics?token=${token}` };
  }

  /** Revokes every private feed of the caller for this club. */
  async revokeTokens(viewer: Viewer, clubId: string): Promise<void> {
    await this.query.assertClubExists(clubId);
    await this.db.query(
      `UPDATE calendar_tokens SET revoked_at = now() WHERE club_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [clubId, viewer.userId],
    );
  }

  private async tokenOwner(clubId: string, token: string): Promise<{ viewer: Viewer; locale: Locale }> {
    const [owner] = await this.db.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.locale
         FROM calendar_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.club_id = $2 AND t.revoked_at IS NULL`,
      [hashToken(token), clubId],
    );
    if (!owner) throw notFound('Calendar');
    const roles: ViewerRole[] = await this.db.query(
      `SELECT role, club_id AS "clubId", community_id AS "communityId", region FROM role_assignments WHERE user_id = $1`,
      [owner.id],
    );
    const viewer: Viewer = { userId: owner.id, sessionId: '', email: owner.email, displayName: owner.displayName, locale: owner.locale, roles };
    // A token outlives nothing: whoever left the club loses the private feed with it.
    if (!coordinates(viewer, clubId) && !(await this.meetingAccess.isParticipant(viewer, clubId))) throw notFound('Calendar');
    return { viewer, locale: owner.locale };
  }
}

function describe(row: MeetingRow, locale: Locale): string {
  const topics = row.topics.map((t) => t.name[locale] ?? t.name.en).join(', ');
  return [topics, row.status === 'cancelled' ? row.cancelReason : null, row.description].filter(Boolean).join('\n\n');
}
