// npm run db:backup | db:restore -- <file> | db:reapply-erasures [-- --since <ISO time>]
// On DATABASE_URL (pg_dump / pg_restore, custom format) or, when it is unset, on the embedded
// PostgreSQL in DATA_DIR (a copy of the stopped cluster: stop the app first). See
// apps/api/src/database/backup.ts and README.md, "Backups".
// Env: BACKUP_KEY (required), BACKUP_DIR (default <DATA_DIR>/backups), BACKUP_RETENTION_DAYS (35),
// PG_BIN (folder of pg_dump/pg_restore of the server's major version), ERASURE_LEDGER.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const dist = (file) => require(path.join(root, 'dist/api/apps/api/src', file));
require('reflect-metadata');
const { loadConfig, ConfigError } = dist('config/app-config.js');
const { startEmbeddedPostgres } = dist('database/embedded-postgres.js');
const { backup, restore, reapplyErasures, erasuresToReapplySince, parseBackupKey, BackupError } = dist('database/backup.js');

const [command, ...args] = process.argv.slice(2);
const usage = 'usage: node apps/api/backup.mjs backup | restore <file> | reapply-erasures [--since <ISO time>]';

async function main() {
  const config = loadConfig();
  const intendedDir = path.resolve(config.DATA_DIR, 'postgres');
  // The embedded cluster's real data directory (it may fall back to a temp folder): start it once and stop it.
  const embeddedDataDir = async () => {
    const server = await startEmbeddedPostgres({ dataDir: intendedDir, database: 'dastarkhan', log: () => {} });
    await server.stop();
    return server.dataDir;
  };
  /** Runs `work` on the database: DATABASE_URL, or the embedded one started for the time of it. */
  const onDatabase = async (work) => {
    if (config.DATABASE_URL) return work(config.DATABASE_URL);
    const server = await startEmbeddedPostgres({ dataDir: intendedDir, database: 'dastarkhan', log: () => {} });
    try {
      return await work(server.url);
    } finally {
      await server.stop();
    }
  };
  const common = () => ({
    databaseUrl: config.DATABASE_URL,
    key: parseBackupKey(process.env.BACKUP_KEY),
    pgBin: process.env.PG_BIN || undefined,
  });

  if (command === 'backup') {
    const file = await backup({
      ...common(),
      dataDir: config.DATABASE_URL ? undefined : await embeddedDataDir(),
      backupDir: path.resolve(process.env.BACKUP_DIR || path.join(config.DATA_DIR, 'backups')),
      retentionDays: Number(process.env.BACKUP_RETENTION_DAYS || 35),
    });
    console.log(`backup written: ${file}`);
  } else if (command === 'restore' && args[0]) {
    const header = await restore({ ...common(), file: path.resolve(args[0]), dataDir: config.DATABASE_URL ? undefined : await embeddedDataDir() });
    console.log(`restored the backup taken at ${header.takenAt} (${header.method})`);
    const erased = await onDatabase((url) => reapplyErasures(url, config, erasuresToReapplySince(header)));
    console.log(`erasures re-applied from ${config.ERASURE_LEDGER}: ${erased.length}`);
  } else if (command === 'reapply-erasures') {
    const since = args[0] === '--since' && args[1] ? new Date(args[1]) : undefined;
    if (since && Number.isNaN(since.getTime())) throw new BackupError(`--since ${args[1]} is not a time`);
    const erased = await onDatabase((url) => reapplyErasures(url, config, since));
    console.log(`erasures re-applied from ${config.ERASURE_LEDGER}: ${erased.length}`);
  } else {
    console.error(usage);
    process.exit(2);
  }
}

main().catch((error) => {
  console.error(error instanceof BackupError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
