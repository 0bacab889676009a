import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import { ENTITIES } from './entities';
import { SqlTraceLogger } from './sql-trace';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface PoolOptions {
  poolSize?: number;
  /** The bench's statement capture (sql-trace.ts). */
  sqlTraceFile?: string;
}

/** The one TypeORM configuration: app, tests and the migration CLI share it. */
export function typeormOptions(url: string, { poolSize = 10, sqlTraceFile }: PoolOptions = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    extra: { max: poolSize },
    ...(sqlTraceFile ? { logging: ['query'], logger: new SqlTraceLogger(sqlTraceFile) } : {}),
  };
}
