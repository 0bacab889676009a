import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, PARTICIPANT_STATUSES } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../common/errors/app-error';
import { ValidationFailed } from '../common/validation';
import {
  ActionItemDto,
  ActionItemInputDto,
  ActionItemStatus,
  MeetingActionItemsDto,
  UpdateActionItemDto,
} from './dto/action-item.dto';
import { assertNamesNoCommunity } from './free-text';
import { MeetingRosterService } from './meeting-roster.service';
import { NotificationsService } from '../notifications/notifications.service';

interface ActionItemRow extends Omit<ActionItemDto, 'ownerCommunity' | 'ownerIsCommunity'> {
  clubId: string;
  ownerCommunityId: string | null;
}

const ITEM_SELECT = `
  SELECT ai.id, ai.club_id AS "clubId", ai.meeting_id AS "meetingId", m.title AS "meetingTitle",
         m.starts_at AS "meetingStartsAt", ai.title, ai.owner_community_id AS "ownerCommunityId",
         ai.owner_name AS "ownerName", to_char(ai.due_date, 'YYYY-MM-DD') AS "dueDate", ai.status, ai.done_at AS "doneAt", ai.version,
         (ai.status = 'open' AND ai.due_date < (now() AT TIME ZONE 'Asia/Almaty')::date) AS overdue
    FROM action_items ai
    JOIN meetings m ON m.id = ai.meeting_id`;

const ORDER = `ORDER BY ai.due_date, ai.created_at, ai.id`;

/** What meetings decided to do, who owns it, by when: open items carry over to later meetings. */
@Injectable()
export class ActionItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly roster: MeetingRosterService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly events: SensitiveEventsService,
  ) {}

  async create(viewer: Viewer, meetingId: string, input: ActionItemInputDto): Promise<ActionItemDto> {
    const meeting = await this.roster.loadMeeting(meetingId);
    if (meeting.status === 'cancelled') throw new DomainError('MEETING.CANCELLED', 'A cancelled meeting decides nothing');
    if (input.ownerCommunityId) await this.assertClubCommunity(meeting.clubId, input.ownerCommunityId);
    await assertNamesNoCommunity(this.db.manager, meeting.clubId, { ownerName: input.ownerName });
    return this.db.transaction(async (manager) => {
      const [{ id }] = await manager.query(
        `INSERT INTO action_items (club_id, meeting_id, title, owner_community_id, owner_name, due_date, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [meeting.clubId, meetingId, input.title, input.ownerCommunityId ?? null,
          input.ownerCommunityId ? null : input.ownerName, input.dueDate, viewer.userId],
      );
      const row = await this.row(manager, id);
      await this.audit(manager, viewer, 'action-item.created', null, row);
      const item = await this.present(manager, viewer, row);
      await this.tellAssigned(manager, viewer, item, meeting.clubId, input.ownerCommunityId);
      return item;
    });
  }

  /** Coordinators change anything; the owner community's representative marks it done (or open again). */
  async update(viewer: Viewer, id: string, input: UpdateActionItemDto): Promise<ActionItemDto> {
    return this.db.transaction(async (manager) => {
      const [current]: Array<{ version: number; ownerCommunityId: string | null }> = await manager.query(
        `SELECT version, owner_community_id AS "ownerCommunityId" FROM action_items WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const item = await this.access.load('action-item', id, manager);
      const before = await this.row(manager, id);
      if (current.version !== input.version) throw new AppError('ACTION_ITEM.STALE_VERSION', 'This action item changed meanwhile; reload and save again');
      // Its owner community may mark it done (the route's permission); anything else is an edit.
      const onlyStatus = [input.title, input.dueDate, input.ownerCommunityId, input.ownerName].every((v) => v === undefined);
      if (!onlyStatus) this.access.assert(viewer, 'action-item.edit', item);
      if (input.ownerCommunityId) await this.assertClubCommunity(item.clubId, input.ownerCommunityId);
      await assertNamesNoCommunity(manager, item.clubId, { ownerName: input.ownerName });
      await manager.query(
        `UPDATE action_items SET
           title = COALESCE($2, title),
           due_date = COALESCE($3::date, due_date),
           owner_community_id = CASE WHEN $4::uuid IS NOT NULL THEN $4::uuid WHEN $5::text IS NOT NULL THEN NULL ELSE owner_community_id END,
           owner_name = CASE WHEN $4::uuid IS NOT NULL THEN NULL ELSE COALESCE($5, owner_name) END,
           status = COALESCE($6, status),
           done_at = CASE WHEN $6 = 'done' THEN COALESCE(done_at, now()) WHEN $6 = 'open' THEN NULL ELSE done_at END,
           updated_at = now(),
           version = version + 1
         WHERE id = $1`,
        [id, input.title ?? null, input.dueDate ?? null, input.ownerCommunityId ?? null, input.ownerName ?? null, input.status ?? null],
      );
      const after = await this.row(manager, id);
      await this.audit(manager, viewer, 'action-item.updated', before, after);
      const updated = await this.present(manager, viewer, after);
      if (input.ownerCommunityId !== current.ownerCommunityId) await this.tellAssigned(manager, viewer, updated, item.clubId, input.ownerCommunityId);
      return updated;
    });
  }

  /** The owner community hears that the item is now its own. */
  private async tellAssigned(manager: EntityManager, viewer: Viewer, item: ActionItemDto, clubId: string, ownerCommunityId: string | undefined): Promise<void> {
    if (!ownerCommunityId) return;
    await this.notifications.tell(manager, {
      kind: 'action_item_assigned',
      communities: { clubId, communityIds: [ownerCommunityId] },
      audiences: ['community'],
      actorId: viewer.userId,
      params: { title: item.title, date: item.dueDate },
      link: `/meetings/${item.meetingId}`,
    });
  }

  /** The items decided at this meeting, and the club's items still open from earlier meetings. */
  async forMeeting(viewer: Viewer, meetingId: string): Promise<MeetingActionItemsDto> {
    const meeting = await this.roster.loadMeeting(meetingId);
    const [created, carriedOver]: ActionItemRow[][] = await Promise.all([
      this.db.query(`${ITEM_SELECT} WHERE ai.meeting_id = $1 ${ORDER}`, [meetingId]),
      this.db.query(
        `${ITEM_SELECT}
          WHERE ai.club_id = $1 AND ai.status = 'open' AND ai.meeting_id <> $2
            AND m.starts_at < (SELECT starts_at FROM meetings WHERE id = $2) ${ORDER}`,
        [meeting.clubId, meetingId],
      ),
    ]);
    const present = await this.presenter(viewer, meeting.clubId, [...created, ...carriedOver]);
    return { created: created.map(present), carriedOver: carriedOver.map(present) };
  }

  async forClub(viewer: Viewer, clubId: string, status?: ActionItemStatus): Promise<ActionItemDto[]> {
    const rows: ActionItemRow[] = await this.db.query(
      `${ITEM_SELECT} WHERE ai.club_id = $1 AND ($2::text IS NULL OR ai.status = $2) ${ORDER}`,
      [clubId, status ?? null],
    );
    return rows.map(await this.presenter(viewer, clubId, rows));
  }

  private async row(manager: EntityManager, id: string): Promise<ActionItemRow> {
    const [row]: ActionItemRow[] = await manager.query(`${ITEM_SELECT} WHERE ai.id = $1`, [id]);
    return row;
  }

  private async present(manager: EntityManager, viewer: Viewer, row: ActionItemRow): Promise<ActionItemDto> {
    return (await this.presenter(viewer, row.clubId, [row], manager))(row);
  }

  /** An owner named in free text may be a person: masked in the audit log. */
  private audit(manager: EntityManager, viewer: Viewer, action: string, before: ActionItemRow | null, after: ActionItemRow): Promise<void> {
    return this.events.changeBetween(manager, {
      actor: viewer,
      action,
      resource: 'action-item',
      recordId: after.id,
      clubId: after.clubId,
      before,
      after,
      fields: ['meetingId', 'title', 'dueDate', 'ownerCommunityId', 'ownerName', 'status'],
      masked: ['ownerName'],
    });
  }

  /** Maps rows to the response, the owner community named by the naming rule in the club (null where the reader may not see it). */
  private async presenter(
    viewer: Viewer,
    clubId: string,
    rows: ActionItemRow[],
    manager: EntityManager = this.db.manager,
  ): Promise<(row: ActionItemRow) => ActionItemDto> {
    const names = await this.access.communities(viewer, rows.map((r) => r.ownerCommunityId), { resource: 'meeting.action-items', clubId, manager });
    return ({ clubId: _club, ownerCommunityId, ...item }) => ({
      ...item,
      ownerCommunity: names.ref(ownerCommunityId),
      ownerIsCommunity: ownerCommunityId !== null,
    });
  }

  /** An owner community must take part in the club (any live participation beyond an application). */
  private async assertClubCommunity(clubId: string, communityId: string): Promise<void> {
    const [row] = await this.db.query(`SELECT 1 FROM participations WHERE club_id = $1 AND community_id = $2 AND status = ANY($3)`, [
      clubId,
      communityId,
      PARTICIPANT_STATUSES,
    ]);
    if (!row) throw new ValidationFailed({ ownerCommunityId: 'ownerCommunityId must be a community taking part in the club' });
  }
}
