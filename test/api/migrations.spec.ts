import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
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
    expect(await tables()).toEqual(['typeorm_migrations']);

    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries).toEqual([]);
  });
});
