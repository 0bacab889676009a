import type { DataSource, EntityManager } from 'typeorm';

/**
 * Counters of failed (or merely counted) attempts per key in PostgreSQL, shared by every replica
 * (table `login_attempts`): sign-ins per device, per account from unknown browsers and per
 * address; second-factor codes per account; check-in codes per person; sign-ups per address.
 */
type Db = DataSource | EntityManager;

export interface Limit {
  key: string;
  max: number;
}

/** Whether any of the keys reached its maximum within the window. */
export async function isThrottled(db: Db, limits: readonly Limit[], windowMinutes: number): Promise<boolean> {
  if (limits.length === 0) return false;
  const rows: Array<{ key: string; failures: number }> = await db.query(
    `SELECT key, failures FROM login_attempts WHERE key = ANY($1) AND window_start > now() - make_interval(mins => $2)`,
    [limits.map((limit) => limit.key), windowMinutes],
  );
  return rows.some((row) => row.failures >= (limits.find((limit) => limit.key === row.key)?.max ?? Infinity));
}

/** Counts one attempt against each key; a window that ended starts again. */
export async function countAttempt(db: Db, keys: readonly string[], windowMinutes: number): Promise<void> {
  if (keys.length === 0) return;
  await db.query(
    `INSERT INTO login_attempts (key, window_start, failures)
     SELECT k, now(), 1 FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_attempts.window_start > now() - make_interval(mins => $2)
                       THEN login_attempts.failures + 1 ELSE 1 END,
       window_start = CASE WHEN login_attempts.window_start > now() - make_interval(mins => $2)
                           THEN login_attempts.window_start ELSE now() END`,
    [keys, windowMinutes],
  );
}

export async function clearAttempts(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.query(`DELETE FROM login_attempts WHERE key = ANY($1)`, [keys]);
}
