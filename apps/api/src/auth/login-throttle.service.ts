import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';

const WINDOW_MINUTES = 15;
/** A client address may fail this many times more than one account before it is throttled. */
const ADDRESS_FACTOR = 5;

/**
 * Counts failed logins per email and per client address in PostgreSQL (shared by all replicas):
 * past the limit within the window, logins are refused until the window ends.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, address: string): Promise<void> {
    const rows: Array<{ key: string; failures: number }> = await this.db.query(
      `SELECT key, failures FROM login_attempts
        WHERE key = ANY($1) AND window_start > now() - make_interval(mins => $2)`,
      [[`email:${email}`, `ip:${address}`], WINDOW_MINUTES],
    );
    const limit = this.config.LOGIN_MAX_FAILURES;
    const limited = rows.some((row) => row.failures >= (row.key.startsWith('ip:') ? limit * ADDRESS_FACTOR : limit));
    if (limited) {
      throw new AppError('AUTH.TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts; try again in ${WINDOW_MINUTES} minutes`);
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.db.query(
      `INSERT INTO login_attempts (key, window_start, failures)
       SELECT k, now(), 1 FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_attempts.window_start > now() - make_interval(mins => $2)
                         THEN login_attempts.failures + 1 ELSE 1 END,
         window_start = CASE WHEN login_attempts.window_start > now() - make_interval(mins => $2)
                             THEN login_attempts.window_start ELSE now() END`,
      [[`email:${email}`, `ip:${address}`], WINDOW_MINUTES],
    );
  }

  async clear(email: string): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE key = $1`, [`email:${email}`]);
  }
}
