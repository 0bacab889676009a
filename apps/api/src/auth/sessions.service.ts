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

  /** One query per request: the live session's user with all its role assignments. */
  async viewerForSession(sessionId: string): Promise<Viewer | null> {
    const rows: Viewer[] = await this.db.query(
      `SELECT u.id AS "userId", s.id AS "sessionId", u.email, u.display_name AS "displayName", u.locale,
              COALESCE(json_agg(json_build_object('role', r.role, 'clubId', r.club_id,
                'communityId', r.community_id, 'region', r.region)) FILTER (WHERE r.id IS NOT NULL), '[]') AS roles
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN role_assignments r ON r.user_id = u.id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
        GROUP BY u.id, s.id`,
      [sessionId],
    );
    return rows[0] ?? null;
  }
}
