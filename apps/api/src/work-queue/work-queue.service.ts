import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { almatyDate, APPLICATION_OVERDUE_DAYS, workQueueClubIds, type WorkItemKind } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import type { Viewer } from '../auth/viewer';
import { WorkItemDto, WorkQueueCountDto } from './dto/work-queue.dto';

/**
 * Everything waiting in the given clubs ($1), one row per item, as one set-based query whatever the
 * number of items. $2 is today in Almaty, $3 the days after which an application is overdue.
 */
const ITEMS = `
  WITH items AS (
    SELECT 'application' AS kind, p.id, p.id AS "targetId", p.club_id AS "clubId", p.community_id AS "communityId",
           NULL::text AS title, p.created_at AS since, NULL::date AS "dueOn",
           (p.created_at AT TIME ZONE 'Asia/Almaty')::date < $2::date - $3::int AS overdue
      FROM participations p WHERE p.status = 'applied' AND p.club_id = ANY($1::uuid[])
    UNION ALL
    SELECT 'candidacy', p.id, p.id, p.club_id, p.community_id, NULL,
           COALESCE(p.nominated_at, p.updated_at),
           NULL, false
      FROM participations p WHERE p.status = 'candidate' AND p.club_id = ANY($1::uuid[])
    UNION ALL
    SELECT 'project_proposed', pr.id, pr.id, pr.club_id, pr.lead_community_id, pr.title, pr.created_at, NULL, false
      FROM projects pr WHERE pr.status = 'proposed' AND pr.club_id = ANY($1::uuid[])
    UNION ALL
    SELECT 'join_request', pp.id, pr.id, pr.club_id, pp.community_id, pr.title, pp.created_at, NULL, false
      FROM project_partners pp JOIN projects pr ON pr.id = pp.project_id
     WHERE pp.status = 'requested' AND pr.status IN ('proposed', 'active') AND pr.club_id = ANY($1::uuid[])
    UNION ALL
    SELECT 'contribution', r.id, pr.id, pr.club_id, pc.community_id, pr.title, r.entered_at, NULL, false
      FROM project_contribution_revisions r
      JOIN project_contributions pc ON pc.id = r.contribution_id
      JOIN projects pr ON pr.id = pc.project_id
     WHERE r.status = 'pending' AND pr.club_id = ANY($1::uuid[])
    UNION ALL
    SELECT 'minutes', m.id, m.id, m.club_id, NULL, m.title, m.ends_at, NULL, false
      FROM meetings m
     WHERE m.status = 'scheduled' AND m.ends_at < now() AND m.minutes_published_at IS NULL AND m.club_id = ANY($1::uuid[])
    UNION ALL
    SELECT 'action_item', a.id, a.meeting_id, a.club_id, a.owner_community_id, a.title, a.created_at, a.due_date, true
      FROM action_items a WHERE a.status = 'open' AND a.due_date < $2::date AND a.club_id = ANY($1::uuid[])
  )`;

interface ItemRow {
  kind: WorkItemKind;
  id: string;
  targetId: string;
  clubId: string;
  clubName: string;
  communityId: string | null;
  title: string | null;
  since: Date;
  dueOn: string | null;
  overdue: boolean;
}

/** A coordinator's "To do" across its clubs (libs/domain/src/participation/work-queue.ts). */
@Injectable()
export class WorkQueueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Overdue first, then the longest waiting: two statements, the items and their communities' names. */
  async list(viewer: Viewer): Promise<WorkItemDto[]> {
    const rows: ItemRow[] = await this.db.query(
      `${ITEMS}
       SELECT i.kind, i.id, i."targetId", i."clubId", cl.name AS "clubName", i."communityId", i.title, i.since,
              to_char(i."dueOn", 'YYYY-MM-DD') AS "dueOn", i.overdue
         FROM items i JOIN clubs cl ON cl.id = i."clubId"
        ORDER BY i.overdue DESC, i.since, i.id`,
      this.params(viewer),
    );
    const names = await this.access.communities(
      viewer,
      rows.map((row) => row.communityId),
      { resource: 'work-queue' },
    );
    return rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      targetId: row.targetId,
      club: { id: row.clubId, name: row.clubName },
      community: names.ref(row.communityId),
      title: row.title,
      since: row.since.toISOString(),
      dueOn: row.dueOn,
      overdue: row.overdue,
    }));
  }

  /** The header's figure: one statement, no names. */
  async count(viewer: Viewer): Promise<WorkQueueCountDto> {
    const [row]: WorkQueueCountDto[] = await this.db.query(
      `${ITEMS} SELECT count(*)::int AS count, (count(*) FILTER (WHERE overdue))::int AS overdue FROM items`,
      this.params(viewer),
    );
    return row;
  }

  /**
   * The route's permission (work-queue.read) admits coordinators; each item is a record of a club the
   * caller coordinates, which is exactly what its own page lets a coordinator see and do.
   */
  private params(viewer: Viewer): [string[], string, number] {
    return [workQueueClubIds(viewer), almatyDate(new Date()), APPLICATION_OVERDUE_DAYS];
  }
}
