import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  attendanceRole,
  AttendanceMethod,
  AttendanceRole,
  AttendanceStatus,
  canCheckIn,
  canRecordAttendance,
  INVITED_STATUSES,
  LIVE_STATUSES,
  MeetingWindow,
  ParticipationStatus,
} from '@dastarkhan/domain';
import { AccessService, type CommunityRef } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { clearAttempts, countAttempt, isThrottled } from '../common/throttle';
import { AppConfig } from '../config/app-config';
import { AttendanceDto, AttendanceEventDto, AttendanceInputDto, CheckInDto } from './dto/attendance.dto';
import { MeetingRosterService } from './meeting-roster.service';

const THROTTLE_WINDOW_MINUTES = 15;

interface AttendanceRow {
  communityId: string;
  participationStatus: ParticipationStatus | null;
  status: AttendanceStatus | null;
  role: AttendanceRole | null;
  method: AttendanceMethod | null;
  version: number | null;
  updatedAt: Date | null;
}

interface LockedMeeting extends MeetingWindow {
  clubId: string;
  checkInCode: string;
}

const ROWS_SELECT = `
  SELECT c.id AS "communityId", p.status AS "participationStatus", a.status, a.role, a.method, a.version, a.updated_at AS "updatedAt"
    FROM communities c
    LEFT JOIN participations p ON p.community_id = c.id AND p.club_id = $2 AND p.status = ANY($3)
    LEFT JOIN attendance a ON a.community_id = c.id AND a.meeting_id = $1`;

/**
 * Who attended a meeting, in which role: the records the pathway's attendance milestones are
 * computed from. Only the club's coordinators change them (or a representative checking in with
 * the meeting's code); every change is kept as an attendance event.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly roster: MeetingRosterService,
    private readonly access: AccessService,
    private readonly config: AppConfig,
    private readonly events: SensitiveEventsService,
  ) {}

  /** One row per invited community, plus any other community recorded: for coordinators and participants. */
  /**
   * The meeting's roster — the club's communities invited as of the meeting's date — plus any other
   * community recorded; each row says whether it can be recorded now, and why not.
   */
  async list(viewer: Viewer, meetingId: string): Promise<AttendanceDto[]> {
    const meeting = await this.roster.loadMeeting(meetingId);
    const statuses = await this.roster.statusesAt(meeting.clubId, meeting.startsAt);
    const onRoster = [...statuses].filter(([, status]) => INVITED_STATUSES.includes(status)).map(([id]) => id);
    const rows: AttendanceRow[] = await this.db.query(
      `${ROWS_SELECT} WHERE a.meeting_id IS NOT NULL OR c.id = ANY($4::uuid[]) ORDER BY c.name, c.id`,
      [meetingId, meeting.clubId, LIVE_STATUSES, onRoster],
    );
    // A participant does not see a community it no longer meets (e.g. one that left the club unregistered).
    const names = await this.access.communities(viewer, rows.map((r) => r.communityId), { resource: 'meeting.attendance', clubId: meeting.clubId });
    const closed = canRecordAttendance(meeting, new Date())?.code ?? null;
    return rows.flatMap((row) => {
      const community = names.ref(row.communityId);
      const status = statuses.get(row.communityId) ?? null;
      const whyNot = closed ?? (status && attendanceRole(status) ? null : 'ATTENDANCE.NOT_ON_ROSTER');
      return community ? [{ ...toDto({ ...row, participationStatus: status }, community), recordable: whyNot === null, whyNot }] : [];
    });
  }

  /** A coordinator records (or corrects) one community's attendance. */
  async record(viewer: Viewer, meetingId: string, communityId: string, input: AttendanceInputDto): Promise<AttendanceDto> {
    return this.db.transaction(async (manager) => {
      const locked = await this.lockMeeting(manager, meetingId);
      const refusal = canRecordAttendance(locked, new Date());
      if (refusal) throw refusal;
      return this.change(manager, viewer, locked, communityId, input.status, 'coordinator', input.version ?? 0);
    });
  }

  /** A representative of an invited community checks in with the code announced at the meeting. */
  async checkIn(viewer: Viewer, meetingId: string, input: CheckInDto, address: string): Promise<AttendanceDto> {
    const meeting = await this.roster.loadMeeting(meetingId);
    this.access.assertInvitedCommunity(viewer, meeting.clubId, input.communityId);
    const refusal = canCheckIn(meeting, new Date());
    if (refusal) throw refusal;
    // Counted per person, not per community or meeting: a wrong guess by one caller never keeps
    // anyone else from checking in.
    const throttleKey = `check-in:${meetingId}:${viewer.userId}`;
    if (await isThrottled(this.db, [{ key: throttleKey, max: this.config.LOGIN_MAX_FAILURES }], THROTTLE_WINDOW_MINUTES)) {
      await this.events.security({ kind: 'throttled', userId: viewer.userId, resource: 'meeting.check-in', address, details: { meetingId } });
      throw new AppError('MEETING.TOO_MANY_ATTEMPTS', `Too many wrong codes; try again in ${THROTTLE_WINDOW_MINUTES} minutes`);
    }
    return this.db.transaction(async (manager) => {
      const locked = await this.lockMeeting(manager, meetingId);
      const closed = canCheckIn(locked, new Date());
      if (closed) throw closed;
      if (!sameCode(locked.checkInCode, input.code)) {
        // Counted outside this transaction, which rolls back with the error.
        await countAttempt(this.db, [throttleKey], THROTTLE_WINDOW_MINUTES);
        throw new AppError('MEETING.WRONG_CODE', 'This is not the check-in code of the meeting', { code: 'wrong code' });
      }
      await clearAttempts(manager, [throttleKey]);
      return this.change(manager, viewer, locked, input.communityId, 'present', 'check_in', null);
    });
  }

  /** Every change of the meeting's attendance, oldest first: for the club's coordinators. */
  async history(viewer: Viewer, meetingId: string): Promise<AttendanceEventDto[]> {
    const meeting = await this.roster.loadMeeting(meetingId);
    const rows: Array<Omit<AttendanceEventDto, 'communityName' | 'actorName'> & { displayName: string; actorRepresents: boolean }> =
      await this.db.query(
        `SELECT e.id, e.community_id AS "communityId", e.from_status AS "fromStatus", e.to_status AS "toStatus", e.role, e.method,
                u.display_name AS "displayName", e.created_at AS at,
                EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = e.actor_id AND r.role = 'representative'
                           AND r.community_id = e.community_id) AS "actorRepresents"
           FROM attendance_events e JOIN users u ON u.id = e.actor_id
          WHERE e.meeting_id = $1
          ORDER BY e.created_at, e.id`,
        [meetingId],
      );
    const names = await this.access.communities(viewer, rows.map((r) => r.communityId), { resource: 'meeting.attendance', clubId: meeting.clubId });
    return rows.map(({ displayName, actorRepresents, ...row }) => ({
      ...row,
      communityName: names.name(row.communityId),
      actorName: names.person(displayName, actorRepresents ? row.communityId : null),
    }));
  }

  /**
   * Changes one attendance record under a row lock. `expectedVersion` (coordinators) must match
   * the stored version (0: nothing recorded yet), so of concurrent edits exactly one wins; `null`
   * (check-in) skips the check. An unchanged status writes nothing.
   */
  private async change(
    manager: EntityManager,
    viewer: Viewer,
    meeting: LockedMeeting & { id: string },
    communityId: string,
    status: AttendanceStatus,
    method: AttendanceMethod,
    expectedVersion: number | null,
  ): Promise<AttendanceDto> {
    // The roster of the day: the community's status in the club when the meeting started.
    const statusThen = (await this.roster.statusesAt(meeting.clubId, meeting.startsAt, manager)).get(communityId);
    const [current]: Array<{ status: AttendanceStatus; role: AttendanceRole; version: number }> = await manager.query(
      `SELECT status, role, version FROM attendance WHERE meeting_id = $1 AND community_id = $2 FOR UPDATE`,
      [meeting.id, communityId],
    );
    const role = (statusThen && attendanceRole(statusThen)) || current?.role;
    if (!role) {
      const [inClub] = await manager.query(`SELECT 1 FROM participations WHERE club_id = $1 AND community_id = $2 LIMIT 1`, [
        meeting.clubId,
        communityId,
      ]);
      if (!inClub) throw notFound('Community');
      throw new AppError('ATTENDANCE.NOT_ON_ROSTER', 'This community was not invited to the club’s meetings on the meeting’s date', {
        communityId: 'not on the roster of that day',
      });
    }
    const stale = () => new AppError('ATTENDANCE.STALE_VERSION', 'This attendance changed meanwhile; reload and record again');
    if (expectedVersion !== null && expectedVersion !== (current?.version ?? 0)) throw stale();

    if (!current) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO attendance (meeting_id, community_id, status, role, method, recorded_by_id, version)
         VALUES ($1, $2, $3, $4, $5, $6, 1)
         ON CONFLICT (meeting_id, community_id) DO NOTHING RETURNING 1`,
        [meeting.id, communityId, status, role, method, viewer.userId],
      );
      // Someone recorded it between our read and our insert: the caller's version 0 is stale.
      if (inserted.length === 0) {
        if (expectedVersion !== null) throw stale();
        return this.change(manager, viewer, meeting, communityId, status, method, expectedVersion);
      }
    } else if (current.status !== status) {
      await manager.query(
        `UPDATE attendance SET status = $3, role = $4, method = $5, recorded_by_id = $6, version = version + 1, updated_at = now()
          WHERE meeting_id = $1 AND community_id = $2`,
        [meeting.id, communityId, status, role, method, viewer.userId],
      );
    }
    if (!current || current.status !== status) {
      await manager.query(
        `INSERT INTO attendance_events (meeting_id, community_id, from_status, to_status, role, method, actor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [meeting.id, communityId, current?.status ?? null, status, role, method, viewer.userId],
      );
    }
    const [row]: AttendanceRow[] = await manager.query(`${ROWS_SELECT} WHERE c.id = $4`, [meeting.id, meeting.clubId, LIVE_STATUSES, communityId]);
    const names = await this.access.communities(viewer, [communityId], { resource: 'meeting.attendance', clubId: meeting.clubId, manager });
    return { ...toDto({ ...row, participationStatus: statusThen ?? null }, names.ref(communityId) as CommunityRef), recordable: true, whyNot: null };
  }

  /** Locks the meeting against a concurrent cancellation while attendance changes. */
  private async lockMeeting(manager: EntityManager, meetingId: string): Promise<LockedMeeting & { id: string }> {
    const [meeting] = await manager.query(
      `SELECT id, club_id AS "clubId", status, starts_at AS "startsAt", ends_at AS "endsAt", check_in_code AS "checkInCode"
         FROM meetings WHERE id = $1 FOR SHARE`,
      [meetingId],
    );
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }
}

/** Codes are compared without regard to case or surrounding blanks, in constant time. */
function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected.trim().toUpperCase());
  const b = Buffer.from(given.trim().toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

function toDto(row: AttendanceRow, community: CommunityRef): Omit<AttendanceDto, 'recordable' | 'whyNot'> {
  return {
    communityId: row.communityId,
    community,
    status: row.status,
    role: row.role ?? (row.participationStatus && attendanceRole(row.participationStatus)) ?? 'observer',
    method: row.method,
    version: row.version ?? 0,
    updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
  };
}
