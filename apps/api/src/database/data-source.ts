// Entry for the TypeORM CLI (`npm run migration:generate|run|revert`, see apps/api/migration.mjs).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for the migration CLI (apps/api/migration.mjs sets it)');

export default new DataSource(typeormOptions(url));
