import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import { ENTITIES } from './entities';
import { SqlTraceLogger } from './sql-trace';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface PoolOptions {
  poolSize?: number;
  /** 0: no limit (migrations). */
  queryTimeoutMs?: number;
  /** The bench's statement capture (sql-trace.ts). */
  sqlTraceFile?: string;
}

/** The one TypeORM configuration: app, tests and the migration CLI share it. */
export function typeormOptions(url: string, { poolSize = 10, queryTimeoutMs = 60_000, sqlTraceFile }: PoolOptions = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Bounded waits: with the database down or hung a request fails (503) within seconds instead of hanging.
    extra: { max: poolSize, connectionTimeoutMillis: 5_000, query_timeout: queryTimeoutMs || undefined },
    ...(sqlTraceFile ? { logging: ['query'], logger: new SqlTraceLogger(sqlTraceFile) } : {}),
  };
}
