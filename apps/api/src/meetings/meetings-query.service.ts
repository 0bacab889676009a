import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  interfaithWarnings,
  localDate,
  localDatesOf,
  parseLocalDateTime,
  wallTimeAt,
  wallTimeToUtc,
  type MeetingResource,
} from '@dastarkhan/domain';
import { AccessService, type CommunityNames } from '../access/access.service';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { ValidationFailed } from '../common/validation';
import type { AgendaItemDto, MeetingDto, MeetingListQuery, MeetingSummaryDto, MeetingWarningDto } from './dto/meeting.dto';
import type { TopicDto } from './dto/topic.dto';
import type { MeetingFormat, MeetingStatus, MeetingVisibility } from './entities/meeting.entity';
import { holidaysBetween, weeklyObservances } from './interfaith-tables';
import { MeetingRosterService } from './meeting-roster.service';

/** A meeting as stored, with its club, topics and agenda (before the privacy rules shape it). */
export interface MeetingRow {
  id: string;
  clubId: string;
  regionCode: string;
  clubArchived: boolean;
  clubName: string;
  seriesId: string | null;
  detached: boolean;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  format: MeetingFormat;
  onlineLink: string | null;
  venue: string | null;
  venueCommunityId: string | null;
  visibility: MeetingVisibility;
  status: MeetingStatus;
  cancelReason: string | null;
  checkInCode: string;
  version: number;
  updatedAt: Date;
  topics: TopicDto[];
  agenda: AgendaRow[];
}

type AgendaRow = Omit<AgendaItemDto, 'presenterCommunity' | 'presenterIsCommunity'> & { presenterCommunityId: string | null };

export const MEETING_SELECT = `
  SELECT m.id, m.club_id AS "clubId", ci.region_code AS "regionCode", cl.archived_at IS NOT NULL AS "clubArchived", cl.name AS "clubName", m.series_id AS "seriesId", m.detached, m.title,
         m.description, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.format, m.online_link AS "onlineLink",
         m.venue, m.venue_community_id AS "venueCommunityId", m.visibility, m.status, m.cancel_reason AS "cancelReason",
         m.check_in_code AS "checkInCode", m.version, m.updated_at AS "updatedAt",
         COALESCE((SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'archived', t.archived)
                                   ORDER BY t.name->>'en', t.code)
                     FROM meeting_topics mt JOIN topics t ON t.id = mt.topic_id WHERE mt.meeting_id = m.id), '[]') AS topics,
         COALESCE((SELECT json_agg(json_build_object('id', a.id, 'position', a.position, 'title', a.title, 'presenter', a.presenter,
                                                     'presenterCommunityId', a.presenter_community_id)
                                   ORDER BY a.position)
                     FROM agenda_items a WHERE a.meeting_id = m.id), '[]') AS agenda
    FROM meetings m JOIN clubs cl ON cl.id = m.club_id JOIN cities ci ON ci.id = cl.city_id`;

const MONTHS_DEFAULT_BACK = 1;
const MONTHS_DEFAULT_AHEAD = 6;
const MONTHS_MAX_WINDOW = 13;

/** Reading meetings: lists, details, and the privacy rules on what each caller sees of them. */
@Injectable()
export class MeetingsQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly roster: MeetingRosterService,
  ) {}

  /** A club's meetings in a window; public ones only for callers who are neither coordinator nor participant. */
  async list(viewer: Viewer | null, clubId: string, query: MeetingListQuery): Promise<MeetingSummaryDto[]> {
    const { from, to } = window(query);
    const club = await this.access.load('club', clubId);
    const insider = this.access.allows(viewer, 'club.records.read', club);
    const rows = await this.rows(
      `WHERE m.club_id = $1 AND m.starts_at < $2 AND m.ends_at > $3 AND ($4 OR m.visibility = 'public') ORDER BY m.starts_at, m.id`,
      [clubId, to, from, insider],
    );
    const venues = await this.communityNames(viewer, rows, 'meeting.list');
    return rows.map((row) => ({
      id: row.id,
      clubId: row.clubId,
      title: row.title,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      status: row.status,
      visibility: row.visibility,
      format: row.format,
      venue: venueLabel(row, venues.get(row.clubId)),
      topics: row.topics,
      seriesId: row.seriesId,
    }));
  }

  /** One meeting; a club-only meeting is not found for those outside the club. */
  async get(viewer: Viewer | null, id: string): Promise<MeetingDto> {
    const [meeting] = await this.details(viewer, [id]);
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  /** Meetings shaped for `viewer` (those it may not see are left out), in start order. */
  async details(viewer: Viewer | null, ids: string[], manager: EntityManager = this.db.manager): Promise<MeetingDto[]> {
    if (ids.length === 0) return [];
    const rows = await this.rows(`WHERE m.id = ANY($1) ORDER BY m.starts_at, m.id`, [ids], manager);
    const visible = rows.filter((row) => this.access.allows(viewer, 'meeting.read', meetingResource(row)));
    if (visible.length === 0) return [];
    const names = await this.communityNames(viewer, visible, 'meeting.page', manager);
    const warningsByClub = new Map<string, MeetingWarningDto[][]>();
    for (const clubId of new Set(visible.map((row) => row.clubId))) {
      const ofClub = visible.filter((row) => row.clubId === clubId);
      const insider = this.access.allows(viewer, 'meeting.club-records.read', meetingResource(ofClub[0]));
      warningsByClub.set(clubId, insider ? await this.warnings(clubId, ofClub, manager) : ofClub.map(() => []));
    }
    const warningIndex = new Map<string, number>();
    return visible.map((row) => {
      const index = warningIndex.get(row.clubId) ?? 0;
      warningIndex.set(row.clubId, index + 1);
      const resource = meetingResource(row);
      const isCoordinator = this.access.allows(viewer, 'meeting.schedule', resource);
      const clubNames = names.get(row.clubId);
      return {
        id: row.id,
        clubId: row.clubId,
        clubName: row.clubName,
        seriesId: row.seriesId,
        detached: row.detached,
        title: row.title,
        description: row.description,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        format: row.format,
        onlineLink: row.onlineLink,
        venue: row.venue,
        venueCommunity: clubNames?.ref(row.venueCommunityId) ?? null,
        visibility: row.visibility,
        status: row.status,
        cancelReason: row.cancelReason,
        topics: row.topics,
        agenda: row.agenda.map(({ presenterCommunityId, ...item }) => ({
          ...item,
          presenterCommunity: clubNames?.ref(presenterCommunityId) ?? null,
          presenterIsCommunity: presenterCommunityId !== null,
        })),
        version: row.version,
        checkInCode: isCoordinator ? row.checkInCode : null,
        viewerIsCoordinator: isCoordinator,
        viewerCanRsvp: this.access.allows(viewer, 'meeting.respond', resource),
        warnings: warningsByClub.get(row.clubId)![index],
      };
    });
  }

  /** Stored meetings matching `where` (parameters from $1). */
  rows(where: string, params: unknown[], manager: EntityManager = this.db.manager): Promise<MeetingRow[]> {
    return manager.query(`${MEETING_SELECT} ${where}`, params);
  }

  /**
   * Weekly observance and holiday warnings for each meeting, for every tradition present in the
   * club now (its observer, candidate and member communities).
   */
  async warnings(
    clubId: string,
    meetings: ReadonlyArray<{ startsAt: Date; endsAt: Date }>,
    manager: EntityManager = this.db.manager,
  ): Promise<MeetingWarningDto[][]> {
    if (meetings.length === 0) return [];
    const traditions = [...new Set((await this.roster.invitedCommunities(clubId, manager)).map((c) => c.tradition))];
    const dates = meetings.flatMap((m) => localDatesOf(m)).sort();
    const holidays = await holidaysBetween(manager, dates[0], dates[dates.length - 1]);
    const observances = await weeklyObservances(manager);
    return meetings.map((meeting) => interfaithWarnings(meeting, traditions, holidays, observances));
  }

  /**
   * The communities the meetings name (venue, presenters), per club, ready for the naming rule:
   * a community is named in the context of the meeting's own club only.
   */
  async communityNames(
    viewer: Viewer | null,
    rows: ReadonlyArray<Pick<MeetingRow, 'clubId' | 'venueCommunityId' | 'agenda'>>,
    resource: string,
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, CommunityNames>> {
    const byClub = new Map<string, CommunityNames>();
    for (const clubId of new Set(rows.map((row) => row.clubId))) {
      const ofClub = rows.filter((row) => row.clubId === clubId);
      const ids = ofClub.flatMap((row) => [row.venueCommunityId, ...row.agenda.map((a) => a.presenterCommunityId)]);
      byClub.set(clubId, await this.access.communities(viewer, ids, { resource, clubId, manager }));
    }
    return byClub;
  }

  async assertClubExists(clubId: string, manager: EntityManager = this.db.manager): Promise<string> {
    const [club] = await manager.query(`SELECT name FROM clubs WHERE id = $1`, [clubId]);
    if (!club) throw notFound('Club');
    return club.name;
  }
}

/** What to print as a meeting's place: the free text, else the venue community's name when visible. */
export function venueLabel(row: Pick<MeetingRow, 'venue' | 'venueCommunityId'>, names: CommunityNames | undefined): string | null {
  return row.venue || names?.name(row.venueCommunityId) || null;
}

/** A meeting row as the access rules read it. */
export const meetingResource = (row: Pick<MeetingRow, 'id' | 'clubId' | 'regionCode' | 'clubArchived' | 'visibility'>): MeetingResource => ({
  kind: 'meeting',
  meetingId: row.id,
  clubId: row.clubId,
  regionCode: row.regionCode,
  clubArchived: row.clubArchived,
  visibility: row.visibility,
});

/** A YYYY-MM-DD as the UTC instant of that Almaty midnight, or a date-time as given. */
function instant(value: string, endOfDay = false): Date {
  if (value.length > 10) return new Date(value);
  const date = endOfDay ? addDays(value, 1) : value;
  return wallTimeToUtc(parseLocalDateTime(`${date}T00:00`));
}

function addMonths(date: Date, months: number): Date {
  const wall = wallTimeAt(date);
  const shifted = new Date(Date.UTC(wall.year, wall.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  return wallTimeToUtc({ ...wall, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: Math.min(wall.day, lastDay) });
}

/** The listing window: default a month back to six months ahead (from today, Almaty), at most 13 months. */
export function window(query: MeetingListQuery, now = new Date()): { from: Date; to: Date } {
  const today = instant(localDate(now));
  const from = query.from ? instant(query.from) : addMonths(today, -MONTHS_DEFAULT_BACK);
  const to = query.to ? instant(query.to, true) : addMonths(query.from ? from : today, MONTHS_DEFAULT_AHEAD);
  if (to <= from) throw new ValidationFailed({ to: 'to must be after from' });
  if (to > addMonths(from, MONTHS_MAX_WINDOW)) throw new ValidationFailed({ to: `at most ${MONTHS_MAX_WINDOW} months after from` });
  return { from, to };
}
