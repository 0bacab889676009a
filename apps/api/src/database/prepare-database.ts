import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { loadDemoData } from './demo-data';
import { typeormOptions } from './typeorm-options';

/** Session-level advisory lock held while one replica migrates; any fixed number unique to this purpose. */
export const MIGRATION_LOCK_KEY = 7_310_415_001;

/**
 * Brings the schema up to date and, when asked, fills an empty database with the demo data.
 * Several replicas may start at once: the first takes the advisory lock and migrates, the others
 * wait on it and then find nothing left to do.
 */
export async function prepareDatabase(url: string, options: { demoData: boolean; logger: Logger }): Promise<void> {
  // A migration may legitimately run longer than a request's query timeout.
  const dataSource = await new DataSource(typeormOptions(url, { queryTimeoutMs: 0 })).initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock($1) AS locked`, [MIGRATION_LOCK_KEY]);
    if (!locked) {
      options.logger.info('another replica is migrating the database; waiting for it');
      await lock.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) options.logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    if (options.demoData) {
      const loaded = await loadDemoData(dataSource);
      if (loaded) options.logger.info('demo data loaded (logins are listed in README.md)');
    }
  } finally {
    // Ending the session releases the lock too; unlocking first lets a waiting replica go on at once.
    await lock.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
