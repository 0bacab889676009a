import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { Logger } from 'pino';
import { MIGRATION_LOCK_KEY, prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { typeormOptions } from '../../apps/api/src/database/typeorm-options';
import { quoteIdent, testDatabaseUrl, withDatabase } from './support/test-database';

/** Runs against a scratch database of its own, so undoing every migration cannot disturb the other suites. */
describe('migrations', () => {
  const scratch = `dastarkhan_mig_${randomBytes(4).toString('hex')}`;
  const maintenanceUrl = withDatabase(testDatabaseUrl(), 'postgres');
  let dataSource: DataSource;

  const admin = async (sql: string) => {
    const client = new Client({ connectionString: maintenanceUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const tables = async () =>
    (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
      (row: { table_name: string }) => row.table_name,
    );

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${quoteIdent(scratch)}`);
    dataSource = await new DataSource(typeormOptions(withDatabase(testDatabaseUrl(), scratch))).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)} WITH (FORCE)`);
  });

  it('builds a schema that matches the entities exactly (an entity change without a migration fails here)', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
    expect(await tables()).toEqual(expect.arrayContaining(['participations', 'participation_events', 'communities', 'users']));
  });

  it('undoes every migration with its down() and applies them again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    // TypeORM's own tables stay: the migrations run, and the expressions of generated columns (kept by its migration runner).
    expect(await tables()).toEqual(['typeorm_metadata', 'typeorm_migrations']);
    expect(await dataSource.query(`SELECT * FROM typeorm_metadata`)).toEqual([]);

    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries).toEqual([]);
  });

  it('two replicas starting at once on an empty database migrate it once; the other waits and finds nothing to do', async () => {
    const fresh = `dastarkhan_mig_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${quoteIdent(fresh)}`);
    try {
      const said: string[] = [];
      const logger = { info: (...args: unknown[]) => said.push(String(args[args.length - 1])) } as unknown as Logger;
      const url = withDatabase(testDatabaseUrl(), fresh);
      const holder = new Client({ connectionString: url });
      await holder.connect();
      try {
        // Both replicas start while the lock is taken, so both must wait for it, whatever the timing.
        await holder.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
        const starting = Promise.all([prepareDatabase(url, { demoData: false, logger }), prepareDatabase(url, { demoData: false, logger })]);
        const waiting = async () =>
          Number(
            (await holder.query(`SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = $1 AND l.locktype = 'advisory' AND NOT l.granted`, [fresh]))
              .rows[0].n,
          );
        while ((await waiting()) < 2) await new Promise((resolve) => setTimeout(resolve, 50));
        await holder.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY]);
        await starting;

        const { rows } = await holder.query<{ name: string; times: string }>(`SELECT name, count(*) AS times FROM typeorm_migrations GROUP BY name`);
        expect(rows).toHaveLength(MIGRATIONS.length);
        expect(rows.every((row) => row.times === '1')).toBe(true);
      } finally {
        await holder.end();
      }
      expect(said.filter((line) => line === 'migrations applied')).toHaveLength(1);
      expect(said.filter((line) => line === 'another replica is migrating the database; waiting for it')).toHaveLength(2);
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${quoteIdent(fresh)} WITH (FORCE)`);
    }
  });
});
