import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { Viewer } from './viewer';

export interface OpenedSession {
  sessionId: string;
  accessToken: string;
}

/** The caller as the access rules need it (auth/viewer.ts), read from `users u`. */
const VIEWER_COLUMNS = `
  u.id AS "userId", u.email, u.display_name AS "displayName", u.locale,
         COALESCE((SELECT json_agg(json_build_object('role', r.role, 'clubId', r.club_id, 'communityId', r.community_id,
                                                     'region', r.region))
                     FROM role_assignments r WHERE r.user_id = u.id), '[]') AS roles,
         COALESCE((SELECT json_agg(json_build_object('communityId', p.community_id, 'clubId', p.club_id, 'status', p.status))
                     FROM role_assignments r JOIN participations p ON p.community_id = r.community_id
                    WHERE r.user_id = u.id AND r.role = 'representative'), '[]') AS participations`;

/** Sessions live in PostgreSQL so that every API replica honours a logout. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session and returns the signed token that names it. */
  async open(userId: string): Promise<OpenedSession> {
    const [{ id }] = await this.db.query(
      `INSERT INTO sessions (user_id, expires_at) VALUES ($1, now() + make_interval(hours => $2)) RETURNING id`,
      [userId, this.config.SESSION_HOURS],
    );
    const accessToken = await this.jwt.signAsync({ sub: userId, sid: id }, { expiresIn: `${this.config.SESSION_HOURS}h` });
    return { sessionId: id, accessToken };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** One query per request: the live session's user, its role assignments and its communities' participations. */
  async viewerForSession(sessionId: string): Promise<Viewer | null> {
    const [viewer]: Viewer[] = await this.db.query(`SELECT ${VIEWER_COLUMNS}, s.id AS "sessionId" FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`, [
      sessionId,
    ]);
    return viewer ?? null;
  }

  /** The same facts for a user outside a request's session (a private calendar feed's owner). */
  async viewerForUser(userId: string): Promise<Viewer | null> {
    const [viewer]: Viewer[] = await this.db.query(
      `SELECT ${VIEWER_COLUMNS}, '' AS "sessionId" FROM users u WHERE u.id = $1`,
      [userId],
    );
    return viewer ?? null;
  }
}
