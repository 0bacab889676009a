import type { EmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres';

/** Where global-setup.ts leaves the run's database for the test files (a fresh one per run). */
export const TEST_DATABASE_ENV = 'DASTARKHAN_TEST_DB';

/** What setup hands to teardown; both run in Jest's parent context, so `globalThis` is shared. */
export interface TestDatabaseState {
  /** The throwaway database created for this run. */
  database: string;
  /** A URL on the same server for maintenance (creating / dropping the run's database). */
  maintenanceUrl: string;
  /** Set when the suite started its own embedded PostgreSQL. */
  embedded: EmbeddedPostgres | null;
}

const STATE_KEY = '__dastarkhanTestDatabase';

export function saveState(state: TestDatabaseState): void {
  (globalThis as Record<string, unknown>)[STATE_KEY] = state;
}

export function takeState(): TestDatabaseState | undefined {
  const global = globalThis as Record<string, unknown>;
  const state = global[STATE_KEY] as TestDatabaseState | undefined;
  delete global[STATE_KEY];
  return state;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Database names are generated (`dastarkhan_it_<hex>`), but quote them anyway. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function testDatabaseUrl(): string {
  const url = process.env[TEST_DATABASE_ENV];
  if (!url) throw new Error(`${TEST_DATABASE_ENV} is not set: run the suite with jest -c test/api/jest.config.ts`);
  return url;
}
