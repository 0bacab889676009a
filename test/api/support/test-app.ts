import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import supertest from 'supertest';
import { createApp } from '../../../apps/api/src/app';
import { AppConfig, loadConfig } from '../../../apps/api/src/config/app-config';
import { createRootLogger } from '../../../apps/api/src/logger';
import { testDatabaseUrl } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** supertest bound to the running app: `t.api.get('/api/health')`. */
  api: ReturnType<typeof supertest>;
  /** Direct access to the run's database, to assert what is (not) stored. */
  db: Pool;
  /** The configuration the app runs with (e.g. to seal a test user's second factor). */
  config: AppConfig;
  close(): Promise<void>;
}

/** The real application (same factory as main.ts) on the run's database; one per test file (`env` adds configuration). */
export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const databaseUrl = testDatabaseUrl();
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST: '', LOG_LEVEL: 'silent', LOGIN_MAX_FAILURES: '5', ACCOUNT_REQUESTS_PER_HOUR: '1000',
    // Erasures are noted outside the database (erasure-ledger.ts): in a scratch file, not the checkout's .data.
    ERASURE_LEDGER: path.join(tmpdir(), `dastarkhan-test-erasures-${process.pid}.jsonl`),
    ...env,
  });
  const app = await createApp({ config, databaseUrl, logger: createRootLogger('silent') });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  // Listen once, on a free loopback port: supertest otherwise opens and closes the server per
  // request, which breaks requests fired in parallel (the concurrency tests).
  const server = app.getHttpServer() as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const db = new Pool({ connectionString: databaseUrl, max: 4 });
  return {
    app,
    api: supertest(server),
    db,
    config,
    async close() {
      await app.close();
      await db.end();
    },
  };
}

/** `count(*)` of a query, as a number. */
export async function countRows(db: Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ count: string }>(`SELECT count(*) AS count FROM (${sql}) AS counted`, params);
  return Number(rows[0].count);
}

/** The stored `version` of a row: what a page that just loaded the record would send back with a save. */
export async function versionOf(db: Pool, table: 'communities' | 'topics' | 'holidays' | 'action_items', id: string): Promise<number> {
  const { rows } = await db.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return rows[0]?.version ?? 1;
}
