import { randomBytes } from 'node:crypto';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres';
import { createRootLogger } from '../../../apps/api/src/logger';
import { quoteIdent, saveState, TEST_DATABASE_ENV, TestDatabaseState, withDatabase } from './test-database';

/**
 * One fresh database per run: on the server named by TEST_DATABASE_URL / DATABASE_URL when set,
 * otherwise on an embedded PostgreSQL started for the run. Migrations run once, here.
 */
export default async function globalSetup(): Promise<void> {
  const database = `dastarkhan_it_${randomBytes(6).toString('hex')}`;
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let state: TestDatabaseState;
  let url: string;

  if (serverUrl) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
    } finally {
      await admin.end();
    }
    url = withDatabase(serverUrl, database);
    state = { database, maintenanceUrl: serverUrl, embedded: null };
  } else {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), 'dastarkhan-test-pg'),
      database,
      log: () => {},
    });
    url = embedded.url;
    state = { database, maintenanceUrl: withDatabase(embedded.url, 'postgres'), embedded };
  }
  saveState(state);
  process.env[TEST_DATABASE_ENV] = url;

  try {
    const { prepareDatabase } = requireWithDomainAlias();
    await prepareDatabase(url, { demoData: false, logger: createRootLogger('silent') });
  } catch (error) {
    // Jest does not run the teardown when the setup throws: clean up here.
    const { default: globalTeardown } = await import('./global-teardown');
    await globalTeardown();
    throw error;
  }
}

/**
 * The global setup runs outside Jest's module registry, so `moduleNameMapper` does not apply to
 * what it requires: resolve `@dastarkhan/domain` (imported by the demo data) to its source while
 * loading the migration code, then restore Node's resolver.
 */
function requireWithDomainAlias(): typeof import('../../../apps/api/src/database/prepare-database') {
  const domainEntry = path.resolve(__dirname, '../../../libs/domain/src/index.ts');
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]) {
    return original.call(this, request === '@dastarkhan/domain' ? domainEntry : request, ...rest);
  };
  try {
    return require('../../../apps/api/src/database/prepare-database');
  } finally {
    loader._resolveFilename = original;
  }
}
