import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AccountTokenPurpose } from './entities/account-token.entity';
import { digest, newSecret } from './secrets';

export interface LiveToken {
  id: string;
  userId: string;
  newEmail: string | null;
  attempts: number;
}

/** Single-use secrets for emailed links and the second step of a sign-in; only digests are stored. */
@Injectable()
export class AccountTokensService {
  /** A new token; earlier unused ones of the same purpose for the user stop working. */
  async issue(manager: EntityManager, userId: string, purpose: AccountTokenPurpose, minutes: number, newEmail: string | null = null): Promise<{ token: string; expiresAt: Date }> {
    await manager.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
    const token = newSecret();
    const [{ expiresAt }] = await manager.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING expires_at AS "expiresAt"`,
      [userId, purpose, digest(token), newEmail, minutes],
    );
    return { token, expiresAt };
  }

  /** The unused, unexpired token, locked for the caller's transaction; null otherwise. */
  async find(manager: EntityManager, purpose: AccountTokenPurpose, token: string): Promise<LiveToken | null> {
    const [row]: LiveToken[] = await manager.query(
      `SELECT id, user_id AS "userId", new_email AS "newEmail", attempts FROM account_tokens
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
      [digest(token), purpose],
    );
    return row ?? null;
  }

  async use(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE account_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  /** Counts a wrong code against a sign-in step; past `max` the step is void. */
  async fail(manager: EntityManager, id: string, max: number): Promise<void> {
    await manager.query(
      `UPDATE account_tokens SET attempts = attempts + 1, used_at = CASE WHEN attempts + 1 >= $2 THEN now() ELSE used_at END WHERE id = $1`,
      [id, max],
    );
  }
}
