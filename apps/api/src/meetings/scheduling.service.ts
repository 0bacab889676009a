import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  expandRecurrence,
  findConflicts,
  MeetingConflict,
  Occurrence,
  PARTICIPANT_STATUSES,
  validateRecurrenceRule,
} from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../common/errors/app-error';
import { ValidationFailed } from '../common/validation';
import {
  AgendaItemInputDto,
  CancelMeetingDto,
  MAX_MEETING_MINUTES,
  MeetingCheckDto,
  MeetingConflictDto,
  MeetingDto,
  MeetingInputDto,
  MeetingWarningDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import type { MeetingFormat, MeetingVisibility } from './entities/meeting.entity';
import { assertNamesNoCommunity } from './free-text';
import { MeetingRosterService } from './meeting-roster.service';
import { NotificationsService } from '../notifications/notifications.service';
import { meetingResource, MeetingRow, MeetingsQueryService } from './meetings-query.service';

/** Unambiguous on a phone screen: no 0/O, no 1/I. */
export const CHECK_IN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CHECK_IN_LENGTH = 6;

export function newCheckInCode(): string {
  return Array.from({ length: CHECK_IN_LENGTH }, () => CHECK_IN_ALPHABET[randomInt(CHECK_IN_ALPHABET.length)]).join('');
}

/** Every scheduling write takes this lock, so two coordinators cannot double-book a club or a venue at once. */
const SCHEDULING_LOCK = 'dastarkhan.meetings.scheduling';

interface ExistingMeeting {
  id: string;
  clubId: string;
  regionCode: string;
  clubArchived: boolean;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
  format: MeetingFormat;
  venue: string | null;
  venueCommunityId: string | null;
  visibility: MeetingVisibility;
}

/** The planned shape of a meeting, after merging an update into what is stored. */
/**
 * What the audit log compares of a meeting. A link and a venue may lead to people's homes and an
 * agenda's presenters may name people: those are masked.
 */
function auditedMeeting(row: MeetingRow) {
  return {
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    format: row.format,
    onlineLink: row.onlineLink,
    venue: row.venue,
    venueCommunityId: row.venueCommunityId,
    visibility: row.visibility,
    status: row.status,
    cancelReason: row.cancelReason,
    topicIds: row.topics.map((topic) => topic.id),
    agenda: row.agenda.map((item) => item.title),
    agendaPresenters: row.agenda.map((item) => item.presenterCommunityId ?? item.presenter),
  };
}

const AUDITED_MEETING = [
  'title',
  'description',
  'startsAt',
  'endsAt',
  'format',
  'onlineLink',
  'venue',
  'venueCommunityId',
  'visibility',
  'status',
  'cancelReason',
  'topicIds',
  'agenda',
  'agendaPresenters',
] as const;

interface Plan {
  startsAt: Date;
  endsAt: Date;
  format: MeetingFormat;
  onlineLink: string | null;
  venue: string | null;
  venueCommunityId: string | null;
}

/** Planning a club's meetings: create (one or a series), dry-run check, edit and cancel with optimistic versions. */
@Injectable()
export class SchedulingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly roster: MeetingRosterService,
    private readonly query: MeetingsQueryService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly events: SensitiveEventsService,
  ) {}

  /** What saving `input` would run into, without writing anything. */
  async check(viewer: Viewer, clubId: string, input: MeetingInputDto): Promise<MeetingCheckDto> {
    const occurrences = occurrencesOf(input);
    const plan = planOf(input);
    await this.validateReferences(this.db.manager, clubId, plan.venueCommunityId, input.topicIds, [], input.agenda, plan.venue);
    const conflicts = await this.conflicts(this.db.manager, viewer, clubId, occurrences.map((o) => ({ ...plan, ...o })), []);
    const warnings = uniqueWarnings((await this.query.warnings(clubId, occurrences)).flat());
    return { conflicts, warnings };
  }

  /** One meeting, or a series (one row per occurrence) in a single transaction; any conflict refuses all of it. */
  async create(viewer: Viewer, clubId: string, input: MeetingInputDto): Promise<MeetingDto[]> {
    const occurrences = occurrencesOf(input);
    const plan = planOf(input);
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [SCHEDULING_LOCK]);
      await this.validateReferences(manager, clubId, plan.venueCommunityId, input.topicIds, [], input.agenda, plan.venue);
      const conflicts = await this.conflicts(manager, viewer, clubId, occurrences.map((o) => ({ ...plan, ...o })), []);
      if (conflicts.length) throw conflictError(conflicts);

      let seriesId: string | null = null;
      if (input.recurrence) {
        const rule = [...validateRecurrenceRule(input.recurrence.rrule)].map(([key, value]) => `${key}=${value}`).join(';');
        [{ id: seriesId }] = await manager.query(
          `INSERT INTO meeting_series (club_id, rrule, first_starts_at, duration_minutes, skip_dates) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [
            clubId,
            rule,
            occurrences[0].startsAt,
            Math.round((plan.endsAt.getTime() - plan.startsAt.getTime()) / 60_000),
            input.recurrence.skipDates ?? [],
          ],
        );
      }
      const ids: string[] = [];
      for (const occurrence of occurrences) {
        const [{ id }] = await manager.query(
          `INSERT INTO meetings (club_id, series_id, title, description, starts_at, ends_at, format, online_link, venue,
                                 venue_community_id, visibility, check_in_code, created_by_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [
            clubId,
            seriesId,
            input.title,
            input.description ?? '',
            occurrence.startsAt,
            occurrence.endsAt,
            plan.format,
            plan.onlineLink,
            plan.venue,
            plan.venueCommunityId,
            input.visibility,
            newCheckInCode(),
            viewer.userId,
          ],
        );
        ids.push(id);
      }
      await this.replaceTopics(manager, ids, input.topicIds);
      await this.replaceAgenda(manager, ids, input.agenda);
      await this.audit(manager, viewer, 'meeting.created', [], ids);
      return this.query.details(viewer, ids, manager);
    });
  }

  /**
   * Edits one occurrence (which then stays apart from series-wide edits) or this and the later
   * non-detached, scheduled occurrences of its series, which shift by the same offset.
   */
  async update(viewer: Viewer, id: string, input: UpdateMeetingDto): Promise<MeetingDto[]> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [SCHEDULING_LOCK]);
      const row = await this.lockForChange(manager, viewer, id, input.version);
      const plan = mergePlan(row, input);
      await this.validateReferences(
        manager,
        row.clubId,
        plan.venueCommunityId !== row.venueCommunityId ? plan.venueCommunityId : null,
        input.topicIds,
        row.topics.map((t) => t.id),
        input.agenda,
        plan.venue !== row.venue ? plan.venue : null,
      );

      const series = input.scope === 'series' && row.seriesId !== null;
      const targets = series
        ? await this.query.rows(
            `WHERE m.series_id = $1 AND m.starts_at >= $2 AND m.status = 'scheduled' AND (NOT m.detached OR m.id = $3)
             ORDER BY m.starts_at, m.id`,
            [row.seriesId, row.startsAt, row.id],
            manager,
          )
        : [row];
      const timesChanged = input.startsAt !== undefined || input.endsAt !== undefined;
      const offset = plan.startsAt.getTime() - row.startsAt.getTime();
      const duration = plan.endsAt.getTime() - plan.startsAt.getTime();
      const planned = targets.map((target) => {
        const startsAt = timesChanged ? new Date(target.startsAt.getTime() + offset) : target.startsAt;
        const endsAt = timesChanged ? new Date(startsAt.getTime() + duration) : target.endsAt;
        return { target, plan: { ...plan, startsAt, endsAt } };
      });
      const conflicts = await this.conflicts(
        manager,
        viewer,
        row.clubId,
        planned.map((p) => p.plan),
        targets.map((t) => t.id),
      );
      if (conflicts.length) throw conflictError(conflicts);

      for (const { target, plan: next } of planned) {
        await manager.query(
          `UPDATE meetings
              SET title = COALESCE($2, title), description = COALESCE($3, description), visibility = COALESCE($4, visibility),
                  starts_at = $5, ends_at = $6, format = $7, online_link = $8, venue = $9, venue_community_id = $10,
                  detached = detached OR $11, version = version + 1, updated_at = now()
            WHERE id = $1`,
          [
            target.id,
            input.title ?? null,
            input.description ?? null,
            input.visibility ?? null,
            next.startsAt,
            next.endsAt,
            next.format,
            next.onlineLink,
            next.venue,
            next.venueCommunityId,
            !series && row.seriesId !== null,
          ],
        );
      }
      const ids = targets.map((t) => t.id);
      if (input.topicIds) await this.replaceTopics(manager, ids, input.topicIds);
      if (input.agenda) await this.replaceAgenda(manager, ids, input.agenda);
      await this.audit(manager, viewer, 'meeting.updated', targets, ids);
      // Those who answered hear when and where changed (not every edit of the agenda or the text).
      const moved = (['startsAt', 'endsAt', 'format', 'onlineLink', 'venue', 'venueCommunityId'] as const).some((key) =>
        key === 'startsAt' || key === 'endsAt' ? plan[key].getTime() !== row[key].getTime() : plan[key] !== row[key],
      );
      if (moved) {
        await this.tellResponders(manager, viewer, 'meeting_changed', { ...row, title: input.title ?? row.title, startsAt: planned[0].plan.startsAt }, ids);
      }
      return this.query.details(viewer, ids, manager);
    });
  }

  /** Cancels one occurrence, or this and every later scheduled occurrence of its series. */
  async cancel(viewer: Viewer, id: string, input: CancelMeetingDto): Promise<MeetingDto[]> {
    return this.db.transaction(async (manager) => {
      // The scheduling lock: a series being cancelled cannot be edited or extended at the same time.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [SCHEDULING_LOCK]);
      const row = await this.lockForChange(manager, viewer, id, input.version);
      const ids: string[] =
        input.scope === 'series' && row.seriesId !== null
          ? (
              await manager.query(
                `SELECT id FROM meetings WHERE series_id = $1 AND starts_at >= $2 AND status = 'scheduled' ORDER BY starts_at`,
                [row.seriesId, row.startsAt],
              )
            ).map((r: { id: string }) => r.id)
          : [row.id];
      const before = await this.query.rows(`WHERE m.id = ANY($1)`, [ids], manager);
      await manager.query(
        `UPDATE meetings SET status = 'cancelled', cancel_reason = $2, version = version + 1, updated_at = now()
          WHERE id = ANY($1)`,
        [ids, input.reason],
      );
      await this.audit(manager, viewer, 'meeting.cancelled', before, ids);
      await this.tellResponders(manager, viewer, 'meeting_cancelled', row, ids, input.reason);
      return this.query.details(viewer, ids, manager);
    });
  }

  /** One audit entry per meeting written: its state before (none: created) against its state now. */
  private async audit(manager: EntityManager, viewer: Viewer, action: string, before: readonly MeetingRow[], ids: string[]): Promise<void> {
    const after = await this.query.rows(`WHERE m.id = ANY($1) ORDER BY m.starts_at, m.id`, [ids], manager);
    for (const row of after) {
      const old = before.find((b) => b.id === row.id);
      await this.events.changeBetween(manager, {
        actor: viewer,
        action,
        resource: 'meeting',
        recordId: row.id,
        clubId: row.clubId,
        before: old ? auditedMeeting(old) : null,
        after: auditedMeeting(row),
        fields: AUDITED_MEETING,
        masked: ['onlineLink', 'venue', 'agendaPresenters'],
      });
    }
  }

  /** The communities that answered the invitation to any of `ids` hear of the change (one notice, about the first meeting). */
  private async tellResponders(
    manager: EntityManager,
    viewer: Viewer,
    kind: 'meeting_changed' | 'meeting_cancelled',
    first: Pick<MeetingRow, 'id' | 'clubId' | 'title' | 'startsAt'>,
    ids: string[],
    reason: string | null = null,
  ): Promise<void> {
    const responders: Array<{ communityId: string }> = await manager.query(
      `SELECT DISTINCT community_id AS "communityId" FROM rsvps WHERE meeting_id = ANY($1)`,
      [ids],
    );
    await this.notifications.tell(manager, {
      kind,
      communities: { clubId: first.clubId, communityIds: responders.map((r) => r.communityId) },
      audiences: ['community'],
      actorId: viewer.userId,
      params: { title: first.title, startsAt: first.startsAt.toISOString(), reason },
      link: `/meetings/${first.id}`,
    });
  }

  /** Locks the meeting (the access guard checked the caller coordinates its club); it must be scheduled, and the version current. */
  private async lockForChange(manager: EntityManager, _viewer: Viewer, id: string, version: number): Promise<MeetingRow> {
    const meeting = await this.roster.loadMeeting(id, manager, true);
    if (meeting.status === 'cancelled') throw new DomainError('MEETING.CANCELLED', 'This meeting is cancelled');
    const [row] = await this.query.rows(`WHERE m.id = $1`, [id], manager);
    if (row.version !== version) {
      throw new AppError('MEETING.STALE_VERSION', 'This meeting changed meanwhile; reload and edit again', { version: 'stale' });
    }
    return row;
  }

  /**
   * The venue and presenting communities must take part in the club; topics must exist and be
   * current (or already on the meeting); a free-text presenter may not name one of the club's
   * communities (docs/domain.md, P10): it would print that name to everyone who reads the agenda.
   */
  private async validateReferences(
    manager: EntityManager,
    clubId: string,
    venueCommunityId: string | null,
    topicIds: string[] | undefined,
    keptTopicIds: string[] = [],
    agenda: AgendaItemInputDto[] = [],
    venue: string | null = null,
  ): Promise<void> {
    const fields: Record<string, string> = {};
    const members: Array<{ id: string }> = await manager.query(
      `SELECT community_id AS id FROM participations WHERE club_id = $1 AND status = ANY($2)`,
      [clubId, PARTICIPANT_STATUSES],
    );
    const takesPart = new Set(members.map((c) => c.id));
    if (venueCommunityId && !takesPart.has(venueCommunityId)) {
      fields.venueCommunityId = 'venueCommunityId must be a community taking part in this club';
    }
    agenda.forEach((item, index) => {
      if (item.presenterCommunityId && !takesPart.has(item.presenterCommunityId)) {
        fields[`agenda.${index}.presenterCommunityId`] = 'presenterCommunityId must be a community taking part in this club';
      }
      if (item.presenterCommunityId && item.presenter) fields[`agenda.${index}.presenter`] = 'give either a presenter or a presenterCommunityId';
    });
    await assertNamesNoCommunity(manager, clubId, {
      venue,
      ...Object.fromEntries(agenda.map((item, index) => [`agenda.${index}.presenter`, item.presenter])),
    });
    if (topicIds?.length) {
      const topics: Array<{ id: string; archived: boolean }> = await manager.query(
        `SELECT id, archived FROM topics WHERE id = ANY($1)`,
        [topicIds],
      );
      const usable = new Set(topics.filter((t) => !t.archived || keptTopicIds.includes(t.id)).map((t) => t.id));
      if (topicIds.some((topicId) => !usable.has(topicId))) fields.topicIds = 'topicIds must be current topics';
    }
    if (Object.keys(fields).length) throw new ValidationFailed(fields);
  }

  /** Conflicts of the planned meetings with the stored ones (other than `excludeIds`), one per stored meeting. */
  private async conflicts(
    manager: EntityManager,
    viewer: Viewer,
    clubId: string,
    planned: Plan[],
    excludeIds: string[],
  ): Promise<MeetingConflictDto[]> {
    const from = new Date(Math.min(...planned.map((p) => p.startsAt.getTime())));
    const to = new Date(Math.max(...planned.map((p) => p.endsAt.getTime())));
    const existing: ExistingMeeting[] = await manager.query(
      `SELECT m.id, m.club_id AS "clubId", ci.region_code AS "regionCode", m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
              m.status, m.format, m.venue, m.venue_community_id AS "venueCommunityId", m.visibility,
              cl.archived_at IS NOT NULL AS "clubArchived"
         FROM meetings m JOIN clubs cl ON cl.id = m.club_id JOIN cities ci ON ci.id = cl.city_id
        WHERE m.status = 'scheduled' AND m.starts_at < $1 AND m.ends_at > $2 AND NOT (m.id = ANY($3))
          AND (m.club_id = $4 OR m.venue IS NOT NULL OR m.venue_community_id IS NOT NULL)`,
      [to, from, excludeIds, clubId],
    );
    const found = new Map<string, MeetingConflict<ExistingMeeting> & { plan: Plan }>();
    for (const plan of planned) {
      for (const conflict of findConflicts({ ...plan, clubId, status: 'scheduled' }, existing)) {
        const known = found.get(conflict.meeting.id);
        if (!known || (known.kind === 'venue' && conflict.kind === 'club')) found.set(conflict.meeting.id, { ...conflict, plan });
      }
    }
    return [...found.values()]
      .sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime())
      .map(({ kind, meeting, plan }) => {
        // A meeting outside the caller's sight (another club's club-only meeting): only "that venue is busy then".
        const seen = this.access.allows(viewer, 'meeting.read', meetingResource(meeting));
        const shown = seen ? meeting : plan;
        return {
          kind,
          meetingId: seen ? meeting.id : null,
          title: seen ? meeting.title : '',
          startsAt: shown.startsAt.toISOString(),
          endsAt: shown.endsAt.toISOString(),
        };
      });
  }

  private async replaceTopics(manager: EntityManager, meetingIds: string[], topicIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM meeting_topics WHERE meeting_id = ANY($1)`, [meetingIds]);
    if (topicIds.length === 0) return;
    await manager.query(
      `INSERT INTO meeting_topics (meeting_id, topic_id) SELECT m, t FROM unnest($1::uuid[]) m CROSS JOIN unnest($2::uuid[]) t`,
      [meetingIds, topicIds],
    );
  }

  private async replaceAgenda(manager: EntityManager, meetingIds: string[], agenda: AgendaItemInputDto[]): Promise<void> {
    await manager.query(`DELETE FROM agenda_items WHERE meeting_id = ANY($1)`, [meetingIds]);
    if (agenda.length === 0) return;
    await manager.query(
      `INSERT INTO agenda_items (meeting_id, position, title, presenter, presenter_community_id)
       SELECT m, item.position, item.title, item.presenter, item.community
         FROM unnest($1::uuid[]) m
        CROSS JOIN unnest($2::int[], $3::text[], $4::text[], $5::uuid[]) AS item(position, title, presenter, community)`,
      [
        meetingIds,
        agenda.map((_, index) => index + 1),
        agenda.map((a) => a.title),
        agenda.map((a) => a.presenter ?? ''),
        agenda.map((a) => a.presenterCommunityId ?? null),
      ],
    );
  }
}

/** The occurrences `input` asks for: its own times, or its recurrence expanded from them. */
function occurrencesOf(input: MeetingInputDto): Occurrence[] {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!input.recurrence) return [{ startsAt, endsAt }];
  const minutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
  return expandRecurrence(input.recurrence.rrule, startsAt, minutes, undefined, input.recurrence.skipDates ?? []);
}

function planOf(input: MeetingInputDto): Plan {
  return checkedPlan({
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    format: input.format,
    onlineLink: input.onlineLink ?? null,
    venue: input.venue ?? null,
    venueCommunityId: input.venueCommunityId ?? null,
  });
}

/**
 * The stored meeting with the update applied. Giving either venue field replaces the place
 * (the other is cleared unless given too); moving online clears the place.
 */
function mergePlan(row: MeetingRow, input: UpdateMeetingDto): Plan {
  const format = input.format ?? row.format;
  const placeGiven = input.venue !== undefined || input.venueCommunityId !== undefined;
  const clearPlace = !placeGiven && format === 'online';
  return checkedPlan({
    startsAt: input.startsAt ? new Date(input.startsAt) : row.startsAt,
    endsAt: input.endsAt ? new Date(input.endsAt) : row.endsAt,
    format,
    onlineLink: input.onlineLink !== undefined ? input.onlineLink : row.onlineLink,
    venue: placeGiven ? (input.venue ?? null) : clearPlace ? null : row.venue,
    venueCommunityId: placeGiven ? (input.venueCommunityId ?? null) : clearPlace ? null : row.venueCommunityId,
  });
}

/** The rules across fields: times, the online link, and exactly one place for meetings held somewhere. */
function checkedPlan(plan: Plan): Plan {
  const fields: Record<string, string> = {};
  const minutes = (plan.endsAt.getTime() - plan.startsAt.getTime()) / 60_000;
  if (!(minutes > 0 && minutes <= MAX_MEETING_MINUTES)) {
    fields.endsAt = `endsAt must be after startsAt, at most ${MAX_MEETING_MINUTES / 60} hours later`;
  }
  if (plan.format !== 'in_person' && !plan.onlineLink) fields.onlineLink = 'onlineLink is required for online and hybrid meetings';
  if (plan.format === 'online' && (plan.venue || plan.venueCommunityId)) fields.venue = 'an online meeting has no venue';
  if (plan.format !== 'online' && !plan.venue && !plan.venueCommunityId) {
    fields.venue = 'give a venue or a venueCommunityId for a meeting held somewhere';
  }
  if (plan.venue && plan.venueCommunityId) fields.venueCommunityId = 'give either a venue or a venueCommunityId, not both';
  if (Object.keys(fields).length) throw new ValidationFailed(fields);
  return plan;
}

function conflictError(conflicts: MeetingConflictDto[]): AppError {
  const [first] = conflicts;
  return new AppError(
    'MEETING.CONFLICT',
    `${conflicts.length} meeting(s) already take this ${first.kind === 'club' ? 'club' : 'venue'} at this time`,
    {
      ...(first.meetingId ? { meetingId: first.meetingId } : {}),
      kind: first.kind,
      startsAt: first.startsAt,
      endsAt: first.endsAt,
      count: String(conflicts.length),
    },
  );
}

/** A series repeats the same warning per occurrence date; keep one per kind, date and holiday. */
function uniqueWarnings(warnings: MeetingWarningDto[]): MeetingWarningDto[] {
  const seen = new Map<string, MeetingWarningDto>();
  for (const warning of warnings) {
    const key = `${warning.kind}|${warning.date}|${warning.holiday?.code ?? warning.observance?.code ?? ''}`;
    if (!seen.has(key)) seen.set(key, warning);
  }
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
