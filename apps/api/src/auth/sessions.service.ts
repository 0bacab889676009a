import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { ClientContext } from './client';
import type { SessionInfoDto } from './dto/account.dto';
import type { Viewer } from './viewer';

export interface OpenedSession {
  sessionId: string;
  token: string;
}

/** The caller as the access rules need it (auth/viewer.ts), read from `users u`. */
const VIEWER_COLUMNS = `
  u.id AS "userId", u.email, u.display_name AS "displayName", u.locale, (u.totp_enabled_at IS NOT NULL) AS "secondFactorEnabled",
         COALESCE((SELECT json_agg(json_build_object('role', r.role, 'clubId', r.club_id, 'communityId', r.community_id,
                                                     'region', r.region))
                     FROM role_assignments r WHERE r.user_id = u.id), '[]') AS roles,
         COALESCE((SELECT json_agg(json_build_object('communityId', p.community_id, 'clubId', p.club_id, 'status', p.status))
                     FROM role_assignments r JOIN participations p ON p.community_id = r.community_id
                    WHERE r.user_id = u.id AND r.role = 'representative'), '[]') AS participations`;

/** A session is live until revoked, SESSION_HOURS after it opened, or SESSION_IDLE_MINUTES after the user's last activity. */
const LIVE = `s.revoked_at IS NULL AND s.expires_at > now() AND s.last_active_at > now() - make_interval(mins => $2)`;

/** Activity is written at most this often per session (a write per request would cost every read). */
const TOUCH_SECONDS = 15;

/** Sessions live in PostgreSQL so that every API replica honours a logout, an idle timeout and "sign out everywhere". */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session (freshly authenticated) and returns the signed token that names it. */
  async open(userId: string, client: ClientContext, manager: EntityManager = this.db.manager): Promise<OpenedSession> {
    const [{ id }] = await manager.query(
      `INSERT INTO sessions (user_id, expires_at, reauthenticated_at, user_agent, address)
       VALUES ($1, now() + make_interval(hours => $2), now(), $3, $4) RETURNING id`,
      [userId, this.config.SESSION_HOURS, client.userAgent, client.address],
    );
    const token = await this.jwt.signAsync({ sub: userId, sid: id }, { expiresIn: `${this.config.SESSION_HOURS}h` });
    return { sessionId: id, token };
  }

  /**
   * One query per request: the live session's user, its role assignments and its communities'
   * participations. A request that is not `background` counts as activity (and moves the idle timeout).
   */
  async viewerForSession(sessionId: string, activity: { background: boolean; address: string } | null): Promise<Viewer | null> {
    const [viewer]: Viewer[] = await this.db.query(
      `WITH live AS (SELECT s.* FROM sessions s WHERE s.id = $1 AND ${LIVE}),
            touched AS (UPDATE sessions SET last_active_at = now(), address = $4
                          FROM live WHERE sessions.id = live.id AND $3
                           AND (live.last_active_at < now() - make_interval(secs => ${TOUCH_SECONDS}) OR live.address IS DISTINCT FROM $4)
                        RETURNING sessions.id)
       SELECT ${VIEWER_COLUMNS}, s.id AS "sessionId", s.reauthenticated_at AS "reauthenticatedAt"
         FROM live s JOIN users u ON u.id = s.user_id AND u.deactivated_at IS NULL`,
      [sessionId, this.config.SESSION_IDLE_MINUTES, activity !== null && !activity.background, activity?.address ?? null],
    );
    return viewer ?? null;
  }

  /** The same facts for a user outside a request's session (a private calendar feed's owner). */
  async viewerForUser(userId: string): Promise<Viewer | null> {
    const [viewer]: Viewer[] = await this.db.query(
      `SELECT ${VIEWER_COLUMNS}, '' AS "sessionId", NULL AS "reauthenticatedAt" FROM users u WHERE u.id = $1`,
      [userId],
    );
    return viewer ?? null;
  }

  /** The user's live sessions, most recently active first. */
  async list(viewer: Viewer): Promise<SessionInfoDto[]> {
    const rows: Array<{ id: string; userAgent: string | null; address: string | null; createdAt: Date; lastActiveAt: Date; expiresAt: Date }> =
      await this.db.query(
        `SELECT s.id, s.user_agent AS "userAgent", s.address, s.created_at AS "createdAt", s.last_active_at AS "lastActiveAt",
                LEAST(s.expires_at, s.last_active_at + make_interval(mins => $2)) AS "expiresAt"
           FROM sessions s WHERE s.user_id = $1 AND ${LIVE}
          ORDER BY s.last_active_at DESC, s.id`,
        [viewer.userId, this.config.SESSION_IDLE_MINUTES],
      );
    return rows.map((row) => ({
      ...row,
      current: row.id === viewer.sessionId,
      createdAt: row.createdAt.toISOString(),
      lastActiveAt: row.lastActiveAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    }));
  }

  /** Ends one of the user's sessions; false when it is not a live session of theirs. */
  async end(userId: string, sessionId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const [, ended] = await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [sessionId, userId],
    );
    return ended > 0;
  }

  /** Ends every session of the user but `keep` (none when omitted); returns how many ended. */
  async endAll(userId: string, keep: string | null = null, manager: EntityManager = this.db.manager): Promise<number> {
    const [, ended] = await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2)`,
      [userId, keep],
    );
    return ended;
  }

  /** The user proved again it is them: consequential steps are open for a few minutes. */
  async markReauthenticated(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET reauthenticated_at = now() WHERE id = $1`, [sessionId]);
  }
}
