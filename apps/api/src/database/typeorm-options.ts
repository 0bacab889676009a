import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one TypeORM configuration: app, tests and the migration CLI share it. */
export function typeormOptions(url: string, { queryTimeoutMs = 60_000 }: { queryTimeoutMs?: number } = {}): DataSourceOptions {
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
    extra: { max: 20, connectionTimeoutMillis: 5_000, query_timeout: queryTimeoutMs || undefined },
  };
}
