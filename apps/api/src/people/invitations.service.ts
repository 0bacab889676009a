import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requiresSecondFactor, type Locale, type Role, type ViewerContext } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { type ChangeInput, SensitiveEventsService } from '../access/sensitive-events.service';
import { AccountMailService } from '../auth/account-mail.service';
import { isGuessable, PASSWORD_MIN_LENGTH } from '../auth/password-policy';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { digest, newSecret } from '../auth/secrets';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../common/errors/app-error';
import type { InvitationAcceptanceDto, InvitationAcceptedDto, InvitationDto, InvitationPreviewDto, InvitationStatus } from './dto/people.dto';

/** An invitation link is valid this long (issue 12: 7 days). */
export const INVITATION_HOURS = 7 * 24;

export interface RoleScope {
  role: Role;
  clubId?: string | null;
  communityId?: string | null;
  region?: string | null;
}

interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  clubId: string | null;
  clubName: string | null;
  communityId: string | null;
  region: string | null;
  status: InvitationStatus;
  sentAt: Date;
  expiresAt: Date;
  invitedBy: string | null;
}

const INVITATION_SELECT = `
  SELECT i.id, i.email, i.role, i.club_id AS "clubId", cl.name AS "clubName", i.community_id AS "communityId", i.region,
         CASE WHEN i.accepted_at IS NOT NULL THEN 'accepted' WHEN i.revoked_at IS NOT NULL THEN 'revoked'
              WHEN i.expires_at <= now() THEN 'expired' ELSE 'pending' END AS status,
         i.sent_at AS "sentAt", i.expires_at AS "expiresAt", i.invited_by AS "invitedBy"
    FROM invitations i LEFT JOIN clubs cl ON cl.id = i.club_id`;

const normaliseEmail = (email: string) => email.trim().toLowerCase();
const invalidLink = () => new AppError('AUTH.INVALID_LINK', 'This invitation is not valid any more: it was used, it expired, or it was withdrawn');

/**
 * Invitations by email to a role with its scope (issue 12): a single-use link through the outbox
 * (only its SHA-256 is kept, like the account links of auth/account-tokens.service.ts), valid 7
 * days, which sets the password of a new account — or asks for the current one of an existing
 * account — and grants the role. Roles that need a second factor set it up at the first sign-in
 * (the access guard lets such a session reach only its own account until then).
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: AccountMailService,
    private readonly events: SensitiveEventsService,
    private readonly access: AccessService,
  ) {}

  /** Checks that the scope fits the role and exists. */
  async assertScope(manager: EntityManager, scope: RoleScope): Promise<void> {
    const fits =
      scope.role === 'administrator'
        ? !scope.clubId && !scope.communityId && !scope.region
        : scope.role === 'coordinator'
          ? !!scope.clubId && !scope.communityId && !scope.region
          : scope.role === 'representative'
            ? !!scope.communityId && !scope.region
            : !scope.clubId && !scope.communityId;
    if (!fits) throw new AppError('PEOPLE.INVALID_SCOPE', 'A coordinator needs a club, a representative a community, an official a region or none, an administrator nothing', { role: 'scope does not fit the role' });
    if (scope.clubId && !(await manager.query(`SELECT 1 FROM clubs WHERE id = $1`, [scope.clubId])).length) throw new AppError('NOT_FOUND', 'Club not found', { clubId: 'no such club' });
    if (scope.communityId && !(await manager.query(`SELECT 1 FROM communities WHERE id = $1`, [scope.communityId])).length) {
      throw new AppError('NOT_FOUND', 'Community not found', { communityId: 'no such community' });
    }
  }

  /**
   * Invites `email` to the role and sends the link; a pending invitation to the same role and scope
   * is replaced. `viaClubId`: the club a representative is invited through (its coordinators then
   * manage the invitation). Returns the link's secret (printed by `npm run admin:create`, emailed otherwise).
   */
  async invite(manager: EntityManager, actor: Viewer | null, rawEmail: string, scope: RoleScope, viaClubId: string | null = null): Promise<{ id: string; token: string }> {
    const email = normaliseEmail(rawEmail);
    await this.assertScope(manager, scope);
    const clubId = scope.clubId ?? viaClubId;
    const values = [email, scope.role, scope.clubId ?? null, scope.communityId ?? null, scope.region ?? null];
    const [holder] = await manager.query(
      `SELECT 1 FROM role_assignments r JOIN users u ON u.id = r.user_id
        WHERE u.email = $1 AND r.role = $2 AND r.club_id IS NOT DISTINCT FROM $3 AND r.community_id IS NOT DISTINCT FROM $4 AND r.region IS NOT DISTINCT FROM $5`,
      values,
    );
    if (holder) throw new AppError('PEOPLE.ALREADY_HOLDS_ROLE', 'This person already has this role', { email: 'already has this role' });
    const pending = [email, scope.role, clubId, scope.communityId ?? null, scope.region ?? null];
    await manager.query(
      `UPDATE invitations SET revoked_at = now()
        WHERE email = $1 AND role = $2 AND club_id IS NOT DISTINCT FROM $3 AND community_id IS NOT DISTINCT FROM $4 AND region IS NOT DISTINCT FROM $5
          AND accepted_at IS NULL AND revoked_at IS NULL`,
      pending,
    );
    const token = newSecret();
    const [{ id }] = await manager.query(
      `INSERT INTO invitations (email, role, club_id, community_id, region, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8)) RETURNING id`,
      [...pending, digest(token), actor?.userId ?? null, INVITATION_HOURS],
    );
    await this.send(manager, email, token);
    await this.events.change(manager, created(actor, id, clubId, scope));
    return { id, token };
  }

  private async send(manager: EntityManager, email: string, token: string): Promise<void> {
    await this.sendLinks(manager, [{ email, token }]);
  }

  /** The invitation emails, each in its account's language if the address has one (Russian otherwise): one lookup, one outbox insert. */
  private async sendLinks(manager: EntityManager, links: Array<{ email: string; token: string }>): Promise<void> {
    const accounts: Array<{ email: string; displayName: string; locale: Locale }> = await manager.query(
      `SELECT email, display_name AS "displayName", locale FROM users WHERE email = ANY($1)`,
      [links.map((link) => link.email)],
    );
    const byEmail = new Map(accounts.map((account) => [account.email, account]));
    await this.mail.queue(
      manager,
      links.map(({ email, token }) => {
        const account = byEmail.get(email);
        return this.mail.render({ email, displayName: account?.displayName ?? email, locale: account?.locale ?? 'ru' }, 'invitation', {
          path: `/accept-invitation#${token}`,
          hours: INVITATION_HOURS,
        });
      }),
    );
  }

  /**
   * Invites each contact as the representative of a community just created in the caller's
   * transaction (the roster import), set-based: nobody can hold that role or a pending invitation
   * for a community that did not exist, so `invite`'s checks have nothing to find. One statement
   * each for the invitations, their emails and their audit rows, however many.
   */
  async inviteNewRepresentatives(manager: EntityManager, actor: Viewer, invitations: Array<{ email: string; communityId: string }>, viaClubId: string | null): Promise<void> {
    if (invitations.length === 0) return;
    const links = invitations.map(({ email }) => ({ email: normaliseEmail(email), token: newSecret() }));
    const rows: Array<{ id: string; communityId: string }> = await manager.query(
      `INSERT INTO invitations (email, role, club_id, community_id, token_hash, invited_by, expires_at)
       SELECT email, 'representative', $3, community_id, token_hash, $4, now() + make_interval(hours => $5)
         FROM unnest($1::text[], $2::uuid[], $6::text[]) AS x(email, community_id, token_hash)
       RETURNING id, community_id AS "communityId"`,
      [links.map((link) => link.email), invitations.map((invitation) => invitation.communityId), viaClubId, actor.userId, INVITATION_HOURS, links.map((link) => digest(link.token))],
    );
    await this.sendLinks(manager, links);
    await this.events.changes(
      manager,
      rows.map((row) => created(actor, row.id, viaClubId, { role: 'representative', communityId: row.communityId })),
    );
  }

  /** The administrator invites anyone to any role. */
  async inviteAnyone(actor: Viewer, email: string, scope: RoleScope): Promise<void> {
    await this.db.transaction((manager) => this.invite(manager, actor, email, scope));
  }

  /**
   * A club's coordinator invites a co-coordinator, or a representative of a community that applied
   * to or takes part in the club, or was created through it on its behalf (the access module
   * checked the club is the caller's). Any other community answers the same 422, seen or not.
   */
  async inviteToClub(actor: Viewer, clubId: string, input: { email: string; role: 'coordinator' | 'representative'; communityId?: string }): Promise<void> {
    await this.db.transaction(async (manager) => {
      if (input.role === 'representative') {
        const [inClub] = await manager.query(
          `SELECT 1 FROM participations WHERE club_id = $1 AND community_id = $2
           UNION ALL SELECT 1 FROM communities WHERE id = $2 AND created_via_club_id = $1 LIMIT 1`,
          [clubId, input.communityId],
        );
        if (!inClub) throw new AppError('PEOPLE.COMMUNITY_NOT_IN_CLUB', 'This community has not applied to this club nor was created through it', { communityId: 'not in this club' });
      }
      const scope = input.role === 'coordinator' ? { role: input.role, clubId } : { role: input.role, communityId: input.communityId };
      await this.invite(manager, actor, input.email, scope, clubId);
    });
  }

  /** A new link for a pending (or expired) invitation, valid 7 days from now; the old link stops working. */
  async resend(actor: Viewer, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT email, club_id AS "clubId" FROM invitations WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL FOR UPDATE`, [id]);
      if (!row) throw new AppError('PEOPLE.INVITATION_CLOSED', 'This invitation was accepted or withdrawn');
      const token = newSecret();
      await manager.query(`UPDATE invitations SET token_hash = $2, sent_at = now(), expires_at = now() + make_interval(hours => $3) WHERE id = $1`, [
        id,
        digest(token),
        INVITATION_HOURS,
      ]);
      await this.send(manager, row.email, token);
      await this.events.change(manager, { actor, action: 'invitation.resent', resource: 'invitation', recordId: id, clubId: row.clubId });
    });
  }

  async revoke(actor: Viewer, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [, revoked]: [unknown, number] = await manager.query(
        `UPDATE invitations SET revoked_at = now() WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [id],
      );
      if (!revoked) throw new AppError('PEOPLE.INVITATION_CLOSED', 'This invitation was accepted or withdrawn');
      const [{ clubId }] = await manager.query(`SELECT club_id AS "clubId" FROM invitations WHERE id = $1`, [id]);
      await this.events.change(manager, { actor, action: 'invitation.revoked', resource: 'invitation', recordId: id, clubId });
    });
  }

  /** The live invitation a link names, locked for the caller's transaction. */
  private async live(manager: EntityManager, token: string): Promise<InvitationRow> {
    const [row]: InvitationRow[] = await manager.query(
      `${INVITATION_SELECT} WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() FOR UPDATE OF i`,
      [digest(token)],
    );
    if (!row) throw invalidLink();
    return row;
  }

  /** What the link offers, for the page that accepts it: the link's holder is the address's owner. */
  async preview(token: string): Promise<InvitationPreviewDto> {
    return this.db.transaction(async (manager) => {
      const row = await this.live(manager, token);
      const [account] = await manager.query(`SELECT 1 FROM users WHERE email = $1 AND erased_at IS NULL`, [row.email]);
      const [community] = row.communityId ? await manager.query(`SELECT name FROM communities WHERE id = $1`, [row.communityId]) : [];
      return {
        email: row.email,
        role: row.role,
        clubName: row.clubName,
        communityName: community?.name ?? null,
        region: row.region,
        accountExists: !!account,
        secondFactorRequired: requiresSecondFactor(roleViewer(row.role)),
        expiresAt: row.expiresAt.toISOString(),
      };
    });
  }

  /** Accepts: a new account with its password (or the existing one, proved by its password), and the role from today. */
  async accept(input: InvitationAcceptanceDto): Promise<InvitationAcceptedDto> {
    return this.db.transaction(async (manager) => {
      const row = await this.live(manager, input.token);
      const [account]: Array<{ id: string; passwordHash: string; deactivated: boolean }> = await manager.query(
        `SELECT id, password_hash AS "passwordHash", deactivated_at IS NOT NULL AS deactivated FROM users WHERE email = $1 AND erased_at IS NULL`,
        [row.email],
      );
      let userId: string;
      if (account) {
        if (account.deactivated) throw new AppError('PEOPLE.DEACTIVATED', 'This account was deactivated; ask the national secretariat');
        if (!(await verifyPassword(account.passwordHash, input.password))) throw new AppError('AUTH.INVALID_CREDENTIALS', 'The password is wrong', { password: 'wrong' });
        userId = account.id;
      } else {
        if (!input.displayName) throw new AppError('PEOPLE.NAME_REQUIRED', 'Enter your name', { displayName: 'required' });
        if (input.password.length < PASSWORD_MIN_LENGTH || isGuessable(input.password, [row.email, input.displayName])) {
          throw new AppError('AUTH.WEAK_PASSWORD', 'This password is too easy to guess', { password: 'too easy to guess' });
        }
        [{ id: userId }] = await manager.query(`INSERT INTO users (email, password_hash, display_name) VALUES ($1, $2, $3) RETURNING id`, [
          row.email,
          await hashPassword(input.password),
          input.displayName,
        ]);
      }
      const [grant] = await manager.query(
        `INSERT INTO role_grants (user_id, role, club_id, community_id, region, reason, granted_by)
         VALUES ($1, $2, $3, $4, $5, 'invitation', $6) ON CONFLICT DO NOTHING RETURNING id`,
        [userId, row.role, row.role === 'coordinator' ? row.clubId : null, row.communityId, row.region, row.invitedBy],
      );
      await manager.query(`UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [row.id, userId]);
      const actor = { userId, roles: [], participations: [] } satisfies ViewerContext;
      // The invitee acts in the capacity it was invited to (a representative is then named as the naming rule allows).
      const common = { actor, actorRole: row.role, clubId: row.clubId, communityIds: row.communityId ? [row.communityId] : [] };
      await this.events.change(manager, { ...common, action: 'invitation.accepted', resource: 'invitation', recordId: row.id, details: { newAccount: !account } });
      if (grant) await this.events.change(manager, { ...common, action: 'role.granted', resource: 'role-grant', recordId: grant.id, details: { role: row.role, region: row.region, via: 'invitation' } });
      return { email: row.email, secondFactorRequired: requiresSecondFactor(roleViewer(row.role)) };
    });
  }

  /** Invitations, newest first: the administrator's all, or one club's. Emails of a protected community's people only where the reader sees its contacts (P4). */
  async list(viewer: ViewerContext, where: { status?: InvitationStatus; clubId?: string }): Promise<InvitationDto[]> {
    const rows: InvitationRow[] = await this.db.query(
      `SELECT * FROM (${INVITATION_SELECT} WHERE ($1::uuid IS NULL OR i.club_id = $1)) x WHERE ($2::text IS NULL OR status = $2) ORDER BY "sentAt" DESC LIMIT 500`,
      [where.clubId ?? null, where.status ?? null],
    );
    const names = await this.access.communities(viewer, rows.map((row) => row.communityId), { resource: 'people.invitations', clubId: where.clubId });
    return rows.flatMap(({ invitedBy: _by, ...row }) => {
      if (row.communityId && names.access(row.communityId) !== 'contacts') return [];
      return [{ ...row, communityName: names.name(row.communityId), sentAt: row.sentAt.toISOString(), expiresAt: row.expiresAt.toISOString() }];
    });
  }
}

/** The audit row of a new invitation. */
const created = (actor: Viewer | null, id: string, clubId: string | null, scope: RoleScope): ChangeInput => ({
  actor,
  action: 'invitation.created',
  resource: 'invitation',
  recordId: id,
  clubId,
  communityIds: scope.communityId ? [scope.communityId] : [],
  // The address is a contact: kept on the invitation, not in the log.
  details: { role: scope.role, region: scope.region ?? null },
});

/** The facts `requiresSecondFactor` reads, for one role. */
const roleViewer = (role: Role): ViewerContext => ({ userId: '', roles: [{ role, clubId: null, communityId: null, region: null }], participations: [] });
