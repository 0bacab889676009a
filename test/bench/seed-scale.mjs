// npm run seed:scale -- --factor 10
// Fills a database with a synthetic country on top of the demo data (scale-sql.mjs): the server
// named by DATABASE_URL, or the embedded PostgreSQL that `npm start` uses (DATA_DIR, default .data).
// Factor 1 is Kazakhstan's order of size; the bench uses factor 10. Needs the built API (dist/).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { scaleSteps } from './scale-sql.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function loadBuiltApi(modulePath) {
  const file = path.join(root, 'dist/api/apps/api/src', modulePath);
  if (!existsSync(file)) throw new Error('Build the API first: npm run build:api');
  // The built API is CommonJS: its exports arrive as the default export.
  return (await import(file)).default;
}

/** Migrates, loads the demo data and adds the synthetic country at `factor`; prints progress with rows/s. */
export async function seedScale(url, factor, { log = (line) => process.stdout.write(line) } = {}) {
  const { prepareDatabase } = await loadBuiltApi('database/prepare-database.js');
  const { createRootLogger } = await loadBuiltApi('logger.js');
  await prepareDatabase(url, { demoData: true, logger: createRootLogger('warn') });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM cities WHERE slug LIKE 'scale-city-%'`);
    if (rows[0].n > 0) throw new Error('This database already holds a synthetic country: seed a fresh one.');
    const steps = scaleSteps(factor);
    const started = Date.now();
    let total = 0;
    await client.query('BEGIN');
    await skipForeignKeyChecks(client);
    for (const [index, [label, , sql]] of steps.entries()) {
      const stepStarted = Date.now();
      const results = [await client.query(sql)].flat();
      const inserted = results.filter((r) => r.command === 'INSERT').reduce((sum, r) => sum + (r.rowCount ?? 0), 0);
      total += inserted;
      const seconds = (Date.now() - stepStarted) / 1000;
      const done = Math.round(((index + 1) / steps.length) * 30);
      log(
        `[${'#'.repeat(done)}${'.'.repeat(30 - done)}] ${String(index + 1).padStart(2)}/${steps.length} ${label.padEnd(22)} ` +
          `${inserted.toLocaleString('en').padStart(10)} rows ${seconds.toFixed(1).padStart(6)} s ` +
          `${Math.round(inserted / Math.max(seconds, 0.001)).toLocaleString('en').padStart(10)} rows/s\n`,
      );
    }
    // The per-club counters, the monthly attendance and the nomination times are kept by triggers, which the bulk load may have skipped: count once.
    await client.query('SELECT recount_club_participations()');
    await client.query('SELECT recompute_nominated_at()');
    await client.query('SELECT recount_club_official_counts()');
    await client.query('SELECT recount_attendance_monthly()');
    await client.query('COMMIT');
    const seconds = (Date.now() - started) / 1000;
    log(`factor ${factor}: ${total.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en')} rows/s)\n`);
    return { rows: total, seconds };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The generator builds every reference from rows it just wrote, so the per-row foreign-key triggers
 * only cost time (most of it, on attendance): a superuser skips them for this transaction, as a bulk
 * load would. Without the right (a managed server), the checks stay on and the load is slower.
 */
async function skipForeignKeyChecks(client) {
  await client.query('SAVEPOINT replication_role');
  try {
    await client.query(`SET LOCAL session_replication_role = replica`);
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT replication_role');
  }
}

function factorArgument(argv) {
  const at = argv.indexOf('--factor');
  const factor = Number(at >= 0 ? argv[at + 1] : 1);
  if (!(factor > 0 && factor <= 100)) throw new Error('--factor takes a number above 0 and at most 100 (1 = the country, 10 = ten times it)');
  return factor;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const factor = factorArgument(process.argv.slice(2));
  let embedded = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const { startEmbeddedPostgres } = await loadBuiltApi('database/embedded-postgres.js');
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(process.env.DATA_DIR ?? '.data', 'postgres'), database: 'dastarkhan' });
    url = embedded.url;
  }
  try {
    await seedScale(url, factor);
  } finally {
    await embedded?.stop();
  }
}
