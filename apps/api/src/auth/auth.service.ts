import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requiresSecondFactor } from '@dastarkhan/domain';
import { SensitiveEventsService, type SecurityEventInput } from '../access/sensitive-events.service';
import { AppError } from '../common/errors/app-error';
import { clearAttempts, countAttempt, isThrottled, type Limit } from '../common/throttle';
import { AppConfig } from '../config/app-config';
import { isUniqueViolation } from '../database/postgres-errors';
import { CommunitiesService } from '../communities/communities.service';
import { AccountMailService, type AccountOwner } from './account-mail.service';
import { AccountTokensService } from './account-tokens.service';
import type { ClientContext } from './client';
import type { SignupDto } from './dto/auth.dto';
import { isGuessable } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { SecondFactorService } from './second-factor.service';
import { digest, newSecret } from './secrets';
import { SessionsService, type OpenedSession } from './sessions.service';
import type { Viewer } from './viewer';

/** Failed sign-ins (and codes) are counted over this window; past the limit the counted client waits it out. */
const WINDOW_MINUTES = 15;
/** A client address may fail this many times more than one account before it is slowed down. */
const ADDRESS_FACTOR = 5;
/** Wrong codes one second step takes before the sign-in starts again from the password. */
const CODES_PER_CHALLENGE = 5;
const CHALLENGE_MINUTES = 5;
const CONFIRM_HOURS = 24;
const RESET_MINUTES = 30;
/** Reset emails one address receives per hour at most (no mailbox flooding); further requests are answered alike and send nothing. */
const RESETS_PER_EMAIL_PER_HOUR = 3;
/** Trusted devices unused this long are forgotten. */
const DEVICE_DAYS = 180;

interface AccountRow extends AccountOwner {
  id: string;
  passwordHash: string;
  confirmed: boolean;
  secondFactor: boolean;
}

const ACCOUNT_COLUMNS = `id, email, display_name AS "displayName", locale, password_hash AS "passwordHash",
  (email_confirmed_at IS NOT NULL) AS confirmed, (totp_enabled_at IS NOT NULL) AS "secondFactor"`;

export type SignInOutcome = { kind: 'signed-in'; session: OpenedSession; userId: string; deviceToken: string } | { kind: 'second-factor'; challenge: string; expiresAt: Date };

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Signing in and everything about one's own account: sign-up with a confirmed address, the
 * password (policy, change, reset), re-authentication, the email address. Failed guesses are slowed
 * down without letting anyone lock the owner out (OWASP's device cookies, see verifyCredentials).
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly communities: CommunitiesService,
    private readonly tokens: AccountTokensService,
    private readonly mail: AccountMailService,
    private readonly secondFactor: SecondFactorService,
    private readonly events: SensitiveEventsService,
  ) {}

  private event(client: ClientContext, event: Omit<SecurityEventInput, 'address' | 'requestId'>, manager?: EntityManager): Promise<void> {
    return this.events.security({ ...event, address: client.address, requestId: client.requestId }, manager);
  }

  private async account(manager: EntityManager, where: 'email' | 'id', value: string): Promise<AccountRow | null> {
    const [row]: AccountRow[] = await manager.query(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE ${where} = $1 AND erased_at IS NULL AND deactivated_at IS NULL`, [value]);
    return row ?? null;
  }

  /** The trusted device the browser's cookie names, when it belongs to this account. */
  private async trustedDevice(userId: string | undefined, client: ClientContext): Promise<string | null> {
    if (!userId || !client.deviceToken) return null;
    const [device] = await this.db.query(`SELECT id FROM trusted_devices WHERE token_hash = $1 AND user_id = $2`, [digest(client.deviceToken), userId]);
    return device?.id ?? null;
  }

  /**
   * Email and password, slowed down per OWASP's device-cookie scheme: a browser that signed in to
   * this account before (its device cookie) has its own allowance of failures; every other client
   * shares the account's allowance for unknown clients, and each address has one too. Guessing from
   * anywhere thus never locks the owner out of a browser they used before.
   */
  async signIn(rawEmail: string, password: string, client: ClientContext): Promise<SignInOutcome> {
    const email = normaliseEmail(rawEmail);
    const user = await this.account(this.db.manager, 'email', email);
    const device = await this.trustedDevice(user?.id, client);
    const max = this.config.LOGIN_MAX_FAILURES;
    const limits: Limit[] = device
      ? [{ key: `device:${device}`, max }]
      : [
          { key: `email:${email}`, max },
          { key: `ip:${client.address}`, max: max * ADDRESS_FACTOR },
        ];
    if (await isThrottled(this.db, limits, WINDOW_MINUTES)) {
      await this.event(client, { kind: 'throttled', userId: user?.id ?? null, resource: 'auth.sign-in', details: { trustedDevice: !!device } });
      throw new AppError('AUTH.TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts; try again in ${WINDOW_MINUTES} minutes`);
    }
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      await countAttempt(this.db, limits.map((limit) => limit.key), WINDOW_MINUTES);
      await this.event(client, { kind: 'sign-in.failed', userId: user?.id ?? null, resource: 'auth.sign-in', details: { reason: user ? 'password' : 'unknown-account' } });
      throw new AppError('AUTH.INVALID_CREDENTIALS', 'Email or password is wrong');
    }
    if (device) await clearAttempts(this.db, [`device:${device}`]);
    if (!user.confirmed) {
      await this.event(client, { kind: 'sign-in.failed', userId: user.id, resource: 'auth.sign-in', details: { reason: 'email-not-confirmed' } });
      throw new AppError('AUTH.EMAIL_NOT_CONFIRMED', 'Confirm your email address first: open the link we sent you');
    }
    if (user.secondFactor) {
      const { token, expiresAt } = await this.tokens.issue(this.db.manager, user.id, 'second-factor', CHALLENGE_MINUTES);
      return { kind: 'second-factor', challenge: token, expiresAt };
    }
    return this.completeSignIn(user.id, client, 'password');
  }

  /** The second step: a code from the app or a recovery code, against the challenge the password earned. */
  async signInSecondStep(challenge: string, code: string, client: ClientContext): Promise<SignInOutcome> {
    // Committed whatever the outcome: a wrong code is counted against the step and the account.
    const step = await this.db.transaction(async (manager): Promise<{ outcome: 'throttled' | 'wrong' | 'right'; userId: string }> => {
      const token = await this.tokens.find(manager, 'second-factor', challenge);
      if (!token) throw new AppError('AUTH.CHALLENGE_EXPIRED', 'This sign-in expired; enter your password again');
      const device = await this.trustedDevice(token.userId, client);
      const key = device ? `second-factor:device:${device}` : `second-factor:${token.userId}`;
      if (await isThrottled(manager, [{ key, max: this.config.LOGIN_MAX_FAILURES }], WINDOW_MINUTES)) {
        await this.event(client, { kind: 'throttled', userId: token.userId, resource: 'auth.second-factor' }, manager);
        return { outcome: 'throttled', userId: token.userId };
      }
      const method = await this.secondFactor.verify(manager, token.userId, code);
      if (!method) {
        await this.tokens.fail(manager, token.id, CODES_PER_CHALLENGE);
        await countAttempt(manager, [key], WINDOW_MINUTES);
        await this.event(client, { kind: 'second-factor.failed', userId: token.userId, resource: 'auth.sign-in' }, manager);
        return { outcome: 'wrong', userId: token.userId };
      }
      await this.tokens.use(manager, token.id);
      await clearAttempts(manager, [key]);
      if (method === 'recovery') await this.event(client, { kind: 'second-factor.recovery-used', userId: token.userId, resource: 'auth.sign-in' }, manager);
      return { outcome: 'right', userId: token.userId };
    });
    if (step.outcome === 'throttled') throw new AppError('AUTH.TOO_MANY_ATTEMPTS', `Too many wrong codes; try again in ${WINDOW_MINUTES} minutes`);
    if (step.outcome === 'wrong') throw new AppError('AUTH.INVALID_CODE', 'This code is not right', { code: 'wrong code' });
    return this.completeSignIn(step.userId, client, 'second-factor');
  }

  /** Opens the session, and trusts the browser from now on (a new device cookie, or the one it has). */
  private async completeSignIn(userId: string, client: ClientContext, method: string): Promise<SignInOutcome> {
    const session = await this.sessions.open(userId, client);
    let deviceToken = client.deviceToken ?? '';
    const [, known]: [unknown, number] = await this.db.query(
      `UPDATE trusted_devices SET last_used_at = now() WHERE token_hash = $1 AND user_id = $2`,
      [digest(deviceToken), userId],
    );
    if (!known) {
      deviceToken = newSecret();
      await this.db.query(`DELETE FROM trusted_devices WHERE user_id = $1 AND last_used_at < now() - make_interval(days => $2)`, [userId, DEVICE_DAYS]);
      await this.db.query(`INSERT INTO trusted_devices (user_id, token_hash) VALUES ($1, $2)`, [userId, digest(deviceToken)]);
    }
    await this.event(client, { kind: 'sign-in', userId, resource: 'auth.sign-in', details: { method, sessionId: session.sessionId } });
    return { kind: 'signed-in', session, userId, deviceToken };
  }

  async signOut(viewer: Viewer, client: ClientContext): Promise<void> {
    await this.sessions.end(viewer.userId, viewer.sessionId);
    await this.event(client, { kind: 'sign-out', userId: viewer.userId, resource: 'auth.session', details: { sessionId: viewer.sessionId } });
  }

  /** Counts a request against a per-hour allowance; 429 past it. */
  private async takeHourly(key: string, max: number, client: ClientContext, resource: string): Promise<void> {
    if (await isThrottled(this.db, [{ key, max }], 60)) {
      await this.event(client, { kind: 'throttled', userId: null, resource });
      throw new AppError('AUTH.TOO_MANY_REQUESTS', 'Too many requests from this address; try again in an hour');
    }
    await countAttempt(this.db, [key], 60);
  }

  private assertStrong(password: string, personal: string[]): void {
    if (isGuessable(password, personal)) {
      throw new AppError('AUTH.WEAK_PASSWORD', 'This password is too easy to guess', { password: 'too easy to guess' });
    }
  }

  /**
   * Self-service sign-up, answered the same whether or not the address has an account (no
   * enumeration): a new address gets an unconfirmed account, its community and the representative
   * role, and a link to confirm it; an address with an account gets an email telling its owner.
   */
  async signup(input: SignupDto, client: ClientContext): Promise<void> {
    await this.takeHourly(`signup:ip:${client.address}`, this.config.ACCOUNT_REQUESTS_PER_HOUR, client, 'auth.signup');
    const email = normaliseEmail(input.email);
    this.assertStrong(input.password, [email, input.displayName, input.community.name]);
    const passwordHash = await hashPassword(input.password);
    const existing = await this.account(this.db.manager, 'email', email);
    if (existing) return this.signupOfExisting(existing, client);
    try {
      await this.db.transaction(async (manager) => {
        const [{ id: userId }] = await manager.query(
          `INSERT INTO users (email, password_hash, display_name, locale, email_confirmed_at) VALUES ($1, $2, $3, $4, NULL) RETURNING id`,
          [email, passwordHash, input.displayName, input.locale],
        );
        const community = await this.communities.create(manager, input.community, { userId, roles: [], participations: [] });
        await manager.query(`INSERT INTO role_assignments (user_id, role, community_id) VALUES ($1, 'representative', $2)`, [userId, community.id]);
        const { token } = await this.tokens.issue(manager, userId, 'confirm-email', CONFIRM_HOURS * 60);
        await this.mail.send(manager, { email, displayName: input.displayName, locale: input.locale }, 'confirm-email', {
          path: `/confirm-email#${token}`,
          hours: CONFIRM_HOURS,
        });
        await this.event(client, { kind: 'signup', userId, resource: 'auth.signup', details: { outcome: 'created' } }, manager);
      });
    } catch (error) {
      // Signed up a moment ago by someone else: answered like any taken address.
      if (!isUniqueViolation(error, 'users')) throw error;
      const raced = await this.account(this.db.manager, 'email', email);
      if (raced) await this.signupOfExisting(raced, client);
    }
  }

  private async signupOfExisting(existing: AccountRow, client: ClientContext): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.mail.send(manager, existing, 'signup-existing', { path: '/forgot-password' });
      await this.event(client, { kind: 'signup', userId: existing.id, resource: 'auth.signup', details: { outcome: 'address-has-account' } }, manager);
    });
  }

  /** The emailed link confirms the address; the account may sign in from then on. */
  async confirmEmail(token: string, client: ClientContext): Promise<void> {
    await this.db.transaction(async (manager) => {
      const live = await this.tokens.find(manager, 'confirm-email', token);
      if (!live) throw invalidLink();
      await this.tokens.use(manager, live.id);
      await manager.query(`UPDATE users SET email_confirmed_at = COALESCE(email_confirmed_at, now()) WHERE id = $1`, [live.userId]);
      await this.event(client, { kind: 'email.confirmed', userId: live.userId, resource: 'auth.email' }, manager);
    });
  }

  /** Answered alike for any address; an account gets a single-use link valid 30 minutes. */
  async requestPasswordReset(rawEmail: string, client: ClientContext): Promise<void> {
    await this.takeHourly(`reset:ip:${client.address}`, this.config.ACCOUNT_REQUESTS_PER_HOUR, client, 'auth.password-reset');
    const email = normaliseEmail(rawEmail);
    const user = await this.account(this.db.manager, 'email', email);
    if (!user) return;
    const perEmail = `reset:email:${email}`;
    if (await isThrottled(this.db, [{ key: perEmail, max: RESETS_PER_EMAIL_PER_HOUR }], 60)) return;
    await countAttempt(this.db, [perEmail], 60);
    await this.db.transaction(async (manager) => {
      const { token } = await this.tokens.issue(manager, user.id, 'reset-password', RESET_MINUTES);
      await this.mail.send(manager, user, 'password-reset', { path: `/reset-password#${token}`, minutes: RESET_MINUTES });
      await this.event(client, { kind: 'password.reset-requested', userId: user.id, resource: 'auth.password' }, manager);
    });
  }

  /** A new password through the emailed link: every session ends, and the address counts as confirmed. */
  async resetPassword(token: string, newPassword: string, client: ClientContext): Promise<void> {
    await this.db.transaction(async (manager) => {
      const live = await this.tokens.find(manager, 'reset-password', token);
      if (!live) throw invalidLink();
      const user = (await this.account(manager, 'id', live.userId)) as AccountRow;
      this.assertStrong(newPassword, [user.email, user.displayName]);
      await this.tokens.use(manager, live.id);
      await manager.query(`UPDATE users SET password_hash = $2, email_confirmed_at = COALESCE(email_confirmed_at, now()) WHERE id = $1`, [
        user.id,
        await hashPassword(newPassword),
      ]);
      const ended = await this.sessions.endAll(user.id, null, manager);
      await clearAttempts(manager, [`email:${user.email}`]);
      await this.mail.send(manager, user, 'password-changed');
      await this.event(client, { kind: 'password.reset', userId: user.id, resource: 'auth.password', details: { sessionsEnded: ended } }, manager);
    });
  }

  /** Checks the password (and the second factor, when the user has one) of a signed-in user, counting failures per user. */
  private async proveIdentity(viewer: Viewer, password: string, code: string | undefined, client: ClientContext, resource: string): Promise<AccountRow> {
    const key = `reauth:${viewer.userId}`;
    if (await isThrottled(this.db, [{ key, max: this.config.LOGIN_MAX_FAILURES }], WINDOW_MINUTES)) {
      await this.event(client, { kind: 'throttled', userId: viewer.userId, resource });
      throw new AppError('AUTH.TOO_MANY_ATTEMPTS', `Too many failed attempts; try again in ${WINDOW_MINUTES} minutes`);
    }
    const user = (await this.account(this.db.manager, 'id', viewer.userId)) as AccountRow;
    const fail = async (error: AppError) => {
      await countAttempt(this.db, [key], WINDOW_MINUTES);
      await this.event(client, { kind: 'reauthentication.failed', userId: viewer.userId, resource, details: { reason: error.code } });
      return error;
    };
    if (!(await verifyPassword(user.passwordHash, password))) throw await fail(new AppError('AUTH.INVALID_CREDENTIALS', 'The password is wrong', { password: 'wrong' }));
    if (user.secondFactor) {
      if (!code) throw await fail(new AppError('AUTH.INVALID_CODE', 'Enter a code from your authenticator app', { code: 'required' }));
      if (!(await this.db.transaction((manager) => this.secondFactor.verify(manager, user.id, code)))) {
        throw await fail(new AppError('AUTH.INVALID_CODE', 'This code is not right', { code: 'wrong code' }));
      }
    }
    await clearAttempts(this.db, [key]);
    return user;
  }

  /** The session proves again it is its user: consequential steps are open for REAUTHENTICATION_MINUTES. */
  async reauthenticate(viewer: Viewer, password: string, code: string | undefined, client: ClientContext): Promise<void> {
    await this.proveIdentity(viewer, password, code, client, 'auth.reauthentication');
    await this.sessions.markReauthenticated(viewer.sessionId);
    await this.event(client, { kind: 'reauthenticated', userId: viewer.userId, resource: 'auth.reauthentication', details: { sessionId: viewer.sessionId } });
  }

  /** With the current password; every other session of the user ends (ASVS V2.1.5, V3.3.3). */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, client: ClientContext): Promise<void> {
    const user = await this.proveIdentity(viewer, currentPassword, undefined, client, 'auth.password');
    this.assertStrong(newPassword, [user.email, user.displayName]);
    const hash = await hashPassword(newPassword);
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, hash]);
      await manager.query(`UPDATE sessions SET reauthenticated_at = now() WHERE id = $1`, [viewer.sessionId]);
      const ended = await this.sessions.endAll(user.id, viewer.sessionId, manager);
      await this.mail.send(manager, user, 'password-changed');
      await this.event(client, { kind: 'password.changed', userId: user.id, resource: 'auth.password', details: { otherSessionsEnded: ended } }, manager);
    });
  }

  /** Answered alike whether or not the new address is free: a free one gets a link, a taken one a notice to its owner. */
  async requestEmailChange(viewer: Viewer, rawEmail: string): Promise<void> {
    const email = normaliseEmail(rawEmail);
    const holder = await this.account(this.db.manager, 'email', email);
    await this.db.transaction(async (manager) => {
      if (holder) {
        if (holder.id !== viewer.userId) await this.mail.send(manager, holder, 'email-change-taken');
        return;
      }
      const { token } = await this.tokens.issue(manager, viewer.userId, 'change-email', CONFIRM_HOURS * 60, email);
      await this.mail.send(manager, { email, displayName: viewer.displayName, locale: viewer.locale }, 'email-change-confirm', {
        path: `/confirm-email-change#${token}`,
        hours: CONFIRM_HOURS,
      });
    });
  }

  /** The link sent to the new address moves the account there; the old address is told (ASVS V2.2.3). */
  async confirmEmailChange(token: string, client: ClientContext): Promise<void> {
    await this.db.transaction(async (manager) => {
      const live = await this.tokens.find(manager, 'change-email', token);
      if (!live?.newEmail) throw invalidLink();
      const user = (await this.account(manager, 'id', live.userId)) as AccountRow;
      await this.tokens.use(manager, live.id);
      try {
        await manager.query(`UPDATE users SET email = $2, email_confirmed_at = now() WHERE id = $1`, [user.id, live.newEmail]);
      } catch (error) {
        if (!isUniqueViolation(error, 'users')) throw error;
        throw new AppError('AUTH.EMAIL_TAKEN', 'This address has an account by now', { email: 'taken' });
      }
      await this.mail.send(manager, user, 'email-changed');
      await this.event(client, { kind: 'email.changed', userId: user.id, resource: 'auth.email' }, manager);
    });
  }

  /** The caller's second factor: its state, and what its roles require. */
  async secondFactorStatus(viewer: Viewer): Promise<{ enabled: boolean; required: boolean; recoveryCodesLeft: number }> {
    return { ...(await this.secondFactor.status(viewer.userId)), required: requiresSecondFactor(viewer) };
  }

  async startSecondFactorEnrolment(viewer: Viewer) {
    return this.secondFactor.startEnrolment(viewer.userId, viewer.email);
  }

  /** The first code from the app puts the second factor in force; the owner is emailed. */
  async confirmSecondFactor(viewer: Viewer, code: string, client: ClientContext): Promise<string[]> {
    return this.db.transaction(async (manager) => {
      const codes = await this.secondFactor.confirmEnrolment(manager, viewer.userId, code);
      if (codes === undefined) throw new AppError('AUTH.NO_ENROLMENT', 'Start setting up the authenticator app first');
      if (codes === null) throw new AppError('AUTH.INVALID_CODE', 'This code is not right', { code: 'wrong code' });
      await this.mail.send(manager, viewer, 'second-factor-enabled');
      await this.event(client, { kind: 'second-factor.enabled', userId: viewer.userId, resource: 'auth.second-factor' }, manager);
      return codes;
    });
  }

  /** Turns the second factor off, unless the user's roles require it. */
  async disableSecondFactor(viewer: Viewer, client: ClientContext): Promise<void> {
    if (requiresSecondFactor(viewer)) {
      throw new AppError('AUTH.SECOND_FACTOR_REQUIRED_FOR_ROLE', 'Administrators and officials must keep a second factor');
    }
    await this.db.transaction(async (manager) => {
      await this.secondFactor.disable(manager, viewer.userId);
      await this.mail.send(manager, viewer, 'second-factor-disabled');
      await this.event(client, { kind: 'second-factor.disabled', userId: viewer.userId, resource: 'auth.second-factor' }, manager);
    });
  }

  async renewRecoveryCodes(viewer: Viewer, client: ClientContext): Promise<string[]> {
    return this.db.transaction(async (manager) => {
      const [{ enabled }] = await manager.query(`SELECT totp_enabled_at IS NOT NULL AS enabled FROM users WHERE id = $1`, [viewer.userId]);
      if (!enabled) throw new AppError('AUTH.NO_ENROLMENT', 'Set up the authenticator app first');
      const codes = await this.secondFactor.newRecoveryCodes(manager, viewer.userId);
      await this.mail.send(manager, viewer, 'recovery-codes-renewed');
      await this.event(client, { kind: 'second-factor.recovery-codes-renewed', userId: viewer.userId, resource: 'auth.second-factor' }, manager);
      return codes;
    });
  }

  /** Ends one of the caller's sessions (from the sessions page); 404 when it is not a live one of theirs. */
  async endSession(viewer: Viewer, sessionId: string, client: ClientContext): Promise<void> {
    if (!(await this.sessions.end(viewer.userId, sessionId))) throw new AppError('NOT_FOUND', 'Session not found');
    await this.event(client, { kind: 'session.ended', userId: viewer.userId, resource: 'auth.session', details: { sessionId } });
  }

  /** "Sign out everywhere": every session of the caller, this one included. */
  async endAllSessions(viewer: Viewer, client: ClientContext): Promise<void> {
    const ended = await this.sessions.endAll(viewer.userId);
    await this.event(client, { kind: 'session.ended', userId: viewer.userId, resource: 'auth.session', details: { everywhere: true, sessionsEnded: ended } });
  }
}

const invalidLink = () => new AppError('AUTH.INVALID_LINK', 'This link is not valid any more: it was used, it expired, or a newer one was sent');

