import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ViewerContext } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import { SessionsService } from '../auth/sessions.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { searchCondition } from '../common/search';
import type { AddRoleDto, EndRoleDto, PersonDto, RoleGrantDto } from './dto/people.dto';
import { InvitationsService } from './invitations.service';

interface GrantRow extends Omit<RoleGrantDto, 'communityName'> {
  userId: string;
}

const GRANT_SELECT = `
  SELECT g.id, g.user_id AS "userId", g.role, g.club_id AS "clubId", cl.name AS "clubName", g.community_id AS "communityId", g.region,
         g.starts_on::text AS "startsOn", g.ends_on::text AS "endsOn", g.reason, g.end_reason AS "endReason",
         EXISTS (SELECT 1 FROM role_assignments r WHERE r.id = g.id) AS "inForce"
    FROM role_grants g LEFT JOIN clubs cl ON cl.id = g.club_id`;

/**
 * People and their roles (issue 12): roles are granted with a start date and ended with a date and
 * a reason — never deleted (`role_grants`; the rules read the view `role_assignments` of those in
 * force). A person can be deactivated (their sessions end at once). An active club keeps at least
 * one coordinator: the last one's role cannot end, nor the person be deactivated, without a successor.
 */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly sessions: SessionsService,
    private readonly events: SensitiveEventsService,
    private readonly invitations: InvitationsService,
  ) {}

  /**
   * Everyone with their grants, for the administrator. A protected community's representatives are
   * the community's and its coordinators' to know (P3): their representative grants are not listed,
   * nor the person when that is all they hold.
   */
  async list(viewer: ViewerContext, search?: string): Promise<PersonDto[]> {
    const params: unknown[] = [];
    // Every word in the name or the email address, however spelled (trigram indexes on search_key of both).
    const matches = searchCondition(['u.display_name_search', 'u.email_search'], search, params);
    const people: Array<Omit<PersonDto, 'roles' | 'deactivatedAt'> & { deactivatedAt: Date | null }> = await this.db.query(
      `SELECT u.id, u.display_name AS "displayName", u.email, u.deactivated_at AS "deactivatedAt", u.totp_enabled_at IS NOT NULL AS "secondFactorEnabled"
         FROM users u
        WHERE u.erased_at IS NULL AND ${matches}
        ORDER BY u.display_name, u.email LIMIT 500`,
      params,
    );
    return this.withGrants(viewer, people, `g.user_id = ANY($1)`, [people.map((p) => p.id)]);
  }

  /** A club's coordinators, past ones included, for its coordinators and the administrator. */
  async clubCoordinators(viewer: ViewerContext, clubId: string): Promise<PersonDto[]> {
    const people = await this.db.query(
      `SELECT DISTINCT u.id, u.display_name AS "displayName", u.email, u.deactivated_at AS "deactivatedAt", u.totp_enabled_at IS NOT NULL AS "secondFactorEnabled"
         FROM users u JOIN role_grants g ON g.user_id = u.id
        WHERE g.club_id = $1 AND g.role = 'coordinator' AND u.erased_at IS NULL ORDER BY 2`,
      [clubId],
    );
    return this.withGrants(viewer, people, `g.user_id = ANY($1) AND g.club_id = $2`, [people.map((p: { id: string }) => p.id), clubId]);
  }

  private async withGrants(
    viewer: ViewerContext,
    people: Array<Omit<PersonDto, 'roles' | 'deactivatedAt'> & { deactivatedAt: Date | null }>,
    where: string,
    params: unknown[],
  ): Promise<PersonDto[]> {
    const grants: GrantRow[] = people.length ? await this.db.query(`${GRANT_SELECT} WHERE ${where} ORDER BY g.starts_on DESC, g.created_at DESC`, params) : [];
    const names = await this.access.communities(viewer, grants.map((g) => g.communityId), { resource: 'people.roles' });
    return people.flatMap((person) => {
      // A representative grant shows only where the naming rule prints the person's own name (P3), not the community's in its place.
      const roles = grants
        .filter((g) => g.userId === person.id && (!g.communityId || names.person(person.displayName, g.communityId) === person.displayName))
        .map(({ userId: _user, ...g }) => ({ ...g, communityName: names.name(g.communityId) }));
      const hidden = grants.some((g) => g.userId === person.id) && roles.length === 0;
      return hidden ? [] : [{ ...person, deactivatedAt: person.deactivatedAt?.toISOString() ?? null, roles }];
    });
  }

  /** The administrator grants a role directly (to a person who has an account). */
  async addRole(actor: Viewer, userId: string, input: AddRoleDto): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.person(manager, userId);
      await this.invitations.assertScope(manager, input);
      const [grant] = await manager.query(
        `INSERT INTO role_grants (user_id, role, club_id, community_id, region, starts_on, reason, granted_by)
         VALUES ($1, $2, $3, $4, $5, COALESCE($6::date, almaty_today()), $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
        [userId, input.role, input.clubId ?? null, input.communityId ?? null, input.region ?? null, input.startsOn ?? null, input.reason, actor.userId],
      );
      if (!grant) throw new AppError('PEOPLE.ALREADY_HOLDS_ROLE', 'This person already has this role');
      await this.events.change(manager, {
        actor,
        action: 'role.granted',
        resource: 'role-grant',
        recordId: grant.id,
        clubId: input.clubId ?? null,
        communityIds: input.communityId ? [input.communityId] : [],
        details: { userId, role: input.role, region: input.region ?? null, startsOn: input.startsOn ?? null, reason: input.reason },
      });
    });
  }

  /** Ends a role from a date (default today: at once), with a reason; the grant stays in the history. */
  async endRole(actor: Viewer, grantId: string, input: EndRoleDto): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [grant] = await manager.query(
        `SELECT user_id AS "userId", role, club_id AS "clubId", community_id AS "communityId", starts_on::text AS "startsOn",
                COALESCE($2::date, almaty_today())::text AS "endsOn", ends_on IS NOT NULL AND ends_on <= COALESCE($2::date, almaty_today()) AS ended
           FROM role_grants WHERE id = $1 FOR UPDATE`,
        [grantId, input.endsOn ?? null],
      );
      if (!grant) throw notFound('Role');
      if (grant.ended) throw new AppError('PEOPLE.ROLE_ENDED', 'This role has ended already');
      if (grant.endsOn < grant.startsOn) throw new AppError('PEOPLE.INVALID_DATES', 'A role cannot end before it starts', { endsOn: 'before the start' });
      if (grant.role === 'coordinator') await this.assertSuccessor(manager, grant.clubId, grant.endsOn, { grantId });
      await manager.query(`UPDATE role_grants SET ends_on = $2, end_reason = $3, ended_by = $4 WHERE id = $1`, [grantId, grant.endsOn, input.reason, actor.userId]);
      await this.events.change(manager, {
        actor,
        action: 'role.ended',
        resource: 'role-grant',
        recordId: grantId,
        clubId: grant.clubId,
        communityIds: grant.communityId ? [grant.communityId] : [],
        details: { userId: grant.userId, role: grant.role, endsOn: grant.endsOn, reason: input.reason },
      });
    });
  }

  /** Deactivates a person: no more sign-ins, every session ends now, their roles stop (kept for history). */
  async deactivate(actor: Viewer, userId: string, reason: string): Promise<void> {
    if (userId === actor.userId) throw new AppError('PEOPLE.SELF', 'You cannot deactivate yourself');
    await this.db.transaction(async (manager) => {
      const person = await this.person(manager, userId);
      if (person.deactivated) return;
      const clubs: Array<{ clubId: string }> = await manager.query(`SELECT club_id AS "clubId" FROM role_assignments WHERE user_id = $1 AND role = 'coordinator'`, [userId]);
      for (const { clubId } of clubs) await this.assertSuccessor(manager, clubId, null, { userId });
      await manager.query(`UPDATE users SET deactivated_at = now() WHERE id = $1`, [userId]);
      const ended = await this.sessions.endAll(userId, null, manager);
      await this.events.change(manager, { actor, action: 'person.deactivated', resource: 'user', recordId: userId, details: { reason, sessionsEnded: ended } });
    });
  }

  async reactivate(actor: Viewer, userId: string, reason: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const person = await this.person(manager, userId);
      if (!person.deactivated) return;
      await manager.query(`UPDATE users SET deactivated_at = NULL WHERE id = $1`, [userId]);
      await this.events.change(manager, { actor, action: 'person.reactivated', resource: 'user', recordId: userId, details: { reason } });
    });
  }

  private async person(manager: EntityManager, userId: string): Promise<{ deactivated: boolean }> {
    const [person] = await manager.query(`SELECT deactivated_at IS NOT NULL AS deactivated FROM users WHERE id = $1 AND erased_at IS NULL FOR UPDATE`, [userId]);
    if (!person) throw notFound('Person');
    return person;
  }

  /**
   * An active club keeps a coordinator: another coordinator's grant (of a person not deactivated)
   * must be in force from `from` (null: today) on. The club's row is locked, so two coordinators
   * removed at the same moment cannot both go.
   */
  private async assertSuccessor(manager: EntityManager, clubId: string, from: string | null, leaving: { grantId?: string; userId?: string }): Promise<void> {
    const [club] = await manager.query(`SELECT archived_at IS NOT NULL AS archived FROM clubs WHERE id = $1 FOR UPDATE`, [clubId]);
    if (!club || club.archived) return;
    const [successor] = await manager.query(
      `SELECT 1 FROM role_grants g JOIN users u ON u.id = g.user_id
        WHERE g.club_id = $1 AND g.role = 'coordinator' AND u.deactivated_at IS NULL AND u.erased_at IS NULL
          AND g.starts_on <= COALESCE($2::date, almaty_today()) AND (g.ends_on IS NULL OR g.ends_on > COALESCE($2::date, almaty_today()))
          AND g.id IS DISTINCT FROM $3 AND g.user_id IS DISTINCT FROM $4
        LIMIT 1`,
      [clubId, from, leaving.grantId ?? null, leaving.userId ?? null],
    );
    if (!successor) {
      throw new AppError('CLUB.LAST_COORDINATOR', 'This is the last coordinator of an active club: appoint a successor first (or archive the club)');
    }
  }
}

