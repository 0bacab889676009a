import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { ClubPathwayPolicyDto, PathwayPolicyDto, PathwayPolicyInputDto } from './dto/pathway.dto';

export const POLICY_SELECT = `
  SELECT pp.id, CASE WHEN pp.club_id IS NULL THEN 'national' ELSE 'club' END AS scope, pp.club_id AS "clubId",
         pp.version, pp.min_months_as_observer AS "minMonthsAsObserver", pp.min_meetings_attended AS "minMeetingsAttended",
         pp.min_attendance_rate AS "minAttendanceRate", pp.min_joint_projects AS "minJointProjects",
         pp.transparency_fields AS "transparencyFields", pp.min_sponsors AS "minSponsors",
         pp.no_open_concern AS "noOpenConcern", pp.created_at AS "createdAt", u.display_name AS "createdByName"
    FROM pathway_policies pp LEFT JOIN users u ON u.id = pp.created_by_id`;

/** What the audit log compares between two versions of a policy. */
const AUDITED = [
  'minMonthsAsObserver',
  'minMeetingsAttended',
  'minAttendanceRate',
  'minJointProjects',
  'transparencyFields',
  'minSponsors',
  'noOpenConcern',
] as const;

/**
 * The pathway policy: a national default (administrator) and per-club overrides (coordinators).
 * Every change inserts the next version; nothing is updated in place.
 */
@Injectable()
export class PathwayPolicyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SensitiveEventsService,
  ) {}

  async national(): Promise<PathwayPolicyDto> {
    const policy = await this.latest(this.db.manager, null);
    if (!policy) throw notFound('Pathway policy');
    return policy;
  }

  async setNational(viewer: Viewer, input: PathwayPolicyInputDto): Promise<PathwayPolicyDto> {
    return this.db.transaction((manager) => this.insertVersion(manager, null, input, viewer));
  }

  forClub(clubId: string): Promise<ClubPathwayPolicyDto> {
    return this.clubPolicies(this.db.manager, clubId);
  }

  async setForClub(viewer: Viewer, clubId: string, input: PathwayPolicyInputDto): Promise<ClubPathwayPolicyDto> {
    return this.db.transaction(async (manager) => {
      await this.insertVersion(manager, clubId, input, viewer);
      return this.clubPolicies(manager, clubId);
    });
  }

  /**
   * The version in force for a club at a moment (null: now): its latest override by then, else the
   * latest national version; for a moment older than every version, the first one that applied —
   * the same rule as `policyInForce` in libs/domain.
   */
  async inForce(manager: EntityManager, clubId: string, at: Date | null): Promise<PathwayPolicyDto> {
    const [policy] = await manager.query(
      `${POLICY_SELECT} WHERE (pp.club_id = $1 OR pp.club_id IS NULL)
        ORDER BY ($2::timestamptz IS NOT NULL AND pp.created_at > $2), (pp.club_id IS NULL),
                 CASE WHEN $2::timestamptz IS NULL OR pp.created_at <= $2 THEN -pp.version ELSE pp.version END
        LIMIT 1`,
      [clubId, at],
    );
    if (!policy) throw new Error('No pathway policy at all: the national default is seeded by a migration');
    return policy;
  }

  private async clubPolicies(manager: EntityManager, clubId: string): Promise<ClubPathwayPolicyDto> {
    const override = await this.latest(manager, clubId);
    const national = await this.latest(manager, null);
    return { inForce: override ?? (national as PathwayPolicyDto), override };
  }

  /** The latest version of one scope (null: national). */
  private async latest(manager: EntityManager, clubId: string | null): Promise<PathwayPolicyDto | null> {
    const [policy] = await manager.query(`${POLICY_SELECT} WHERE pp.club_id IS NOT DISTINCT FROM $1::uuid ORDER BY pp.version DESC LIMIT 1`, [clubId]);
    return policy ?? null;
  }

  private async insertVersion(
    manager: EntityManager,
    clubId: string | null,
    input: PathwayPolicyInputDto,
    viewer: Viewer,
  ): Promise<PathwayPolicyDto> {
    // Serializes concurrent changes of one scope so versions stay 1, 2, 3 … without gaps or clashes.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`pathway_policy:${clubId ?? 'national'}`]);
    // The old values are those that applied until now: a club's first override replaces the national policy.
    const before = clubId ? (await this.clubPolicies(manager, clubId)).inForce : await this.latest(manager, null);
    const [{ id }] = await manager.query(
      `INSERT INTO pathway_policies (club_id, version, min_months_as_observer, min_meetings_attended, min_attendance_rate,
                                     min_joint_projects, transparency_fields, min_sponsors, no_open_concern, created_by_id)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9
         FROM pathway_policies WHERE club_id IS NOT DISTINCT FROM $1::uuid
       RETURNING id`,
      [
        clubId,
        input.minMonthsAsObserver,
        input.minMeetingsAttended,
        input.minAttendanceRate,
        input.minJointProjects,
        input.transparencyFields,
        input.minSponsors,
        input.noOpenConcern,
        viewer.userId,
      ],
    );
    const [policy]: PathwayPolicyDto[] = await manager.query(`${POLICY_SELECT} WHERE pp.id = $1`, [id]);
    await this.events.changeBetween(manager, {
      actor: viewer,
      action: clubId ? 'policy.club-set' : 'policy.national-set',
      resource: 'pathway-policy',
      recordId: id,
      clubId,
      before,
      after: policy,
      fields: AUDITED,
      details: { version: policy.version },
    });
    return policy;
  }
}
