import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { ErasureLedger } from '../../apps/api/src/communities/erasure-ledger';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { createRootLogger } from '../../apps/api/src/logger';
import { quoteIdent, withDatabase } from '../api/support/test-database';
import { scratchDir, TestDatabase } from './support/cluster';

/**
 * npm run db:backup / db:restore (apps/api/backup.mjs) on this machine's PostgreSQL 15 with its own
 * pg_dump / pg_restore (custom format), in a scratch database of the test's own. The server comes
 * from DATABASE_URL (or TEST_DATABASE_URL).
 */
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
const KEY = randomBytes(32).toString('hex');

const describeWithServer = serverUrl ? describe : describe.skip;

/** Every table of the schema: its row count and a digest of all its rows. */
async function tablesOf(db: Client): Promise<Record<string, { rows: number; digest: string }>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const contents: Record<string, { rows: number; digest: string }> = {};
  for (const { name: table } of tables) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM public.${quoteIdent(table)} t`,
    );
    contents[table] = rows[0];
  }
  return contents;
}

const backupCli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  run(process.execPath, [path.join(ROOT, 'apps/api/backup.mjs'), ...args], { cwd: ROOT, env });

describeWithServer('encrypted backups on PostgreSQL (pg_dump / pg_restore, custom format)', () => {
  const name = `dastarkhan_backup_${randomBytes(4).toString('hex')}`;
  const maintenanceUrl = withDatabase(serverUrl as string, 'postgres');
  const url = withDatabase(serverUrl as string, name);
  let scratch: ReturnType<typeof scratchDir>;
  let db: Client;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => backupCli(env, ...args);
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: maintenanceUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  const everyTable = () => tablesOf(db);

  beforeAll(async () => {
    scratch = scratchDir('backup');
    await admin(`CREATE DATABASE ${quoteIdent(name)}`);
    await prepareDatabase(url, { demoData: true, logger: createRootLogger('silent') });
    db = new Client({ connectionString: url });
    await db.connect();
    env = {
      PATH: process.env.PATH,
      DATABASE_URL: url,
      BACKUP_KEY: KEY,
      BACKUP_DIR: path.join(scratch.dir, 'backups'),
      ERASURE_LEDGER: path.join(scratch.dir, 'ledger', 'erasures.jsonl'),
      DATA_DIR: scratch.dir,
    };
  });

  afterAll(async () => {
    await db?.end();
    await admin(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    scratch?.remove();
  });

  const onlyBackup = async () => {
    const names = (await fs.readdir(env.BACKUP_DIR as string)).filter((file) => file.endsWith('.backup')).sort();
    return path.join(env.BACKUP_DIR as string, names[names.length - 1]);
  };

  it('restores every table exactly as it was when the backup was taken', async () => {
    const before = await everyTable();
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.communities.rows).toBeGreaterThan(0);
    const { stdout } = await cli('backup');
    expect(stdout).toContain('backup written');
    const file = await onlyBackup();

    // Encrypted at rest, readable by its owner only.
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const bytes = await fs.readFile(file);
    expect(bytes.includes(Buffer.from('PGDMP'))).toBe(false);
    expect(bytes.includes(Buffer.from('grace@dastarkhan.kz'))).toBe(false);

    // Life goes on after the backup...
    await db.query(`UPDATE communities SET leaders = 'changed after the backup'`);
    await db.query(`DELETE FROM notifications`);
    await db.query(`CREATE TABLE public.added_later (id int)`);
    expect(await everyTable()).not.toEqual(before);

    // ...and the restore brings back every table, row for row (and drops nothing that was there).
    await cli('restore', file);
    const after = await everyTable();
    delete after.added_later;
    expect(after).toEqual(before);
  });

  it('refuses a wrong key or a changed file, and leaves the database as it is', async () => {
    const file = await onlyBackup();
    await db.query(`UPDATE communities SET leaders = 'written after the backup'`);
    env = { ...env, BACKUP_KEY: randomBytes(32).toString('hex') };
    await expect(cli('restore', file)).rejects.toMatchObject({ stderr: expect.stringContaining('encrypted with another key') });
    env = { ...env, BACKUP_KEY: KEY };

    const tampered = path.join(scratch.dir, 'tampered.backup');
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 100] ^= 0xff;
    await fs.writeFile(tampered, bytes);
    await expect(cli('restore', tampered)).rejects.toMatchObject({ stderr: expect.stringContaining('does not decrypt') });
    expect((await db.query(`SELECT 1 FROM communities WHERE leaders <> 'written after the backup'`)).rowCount).toBe(0);
  });

  it('re-applies on restore the erasures made after the backup (the list is kept outside the database)', async () => {
    const file = await onlyBackup();
    const { rows } = await db.query<{ id: string }>(`SELECT c.id FROM communities c JOIN role_assignments r ON r.community_id = c.id
      JOIN users u ON u.id = r.user_id WHERE u.email = 'grace@dastarkhan.kz'`);
    const grace = rows[0].id;
    // The API notes every erasure in the ledger (erasure.service.ts); this one came after the backup.
    new ErasureLedger(env.ERASURE_LEDGER as string).note(grace);

    const { stdout } = await cli('restore', file);
    expect(stdout).toContain('erasures re-applied');
    const { rows: restored } = await db.query(`SELECT leaders, contact_email, contact_erased_at FROM communities WHERE id = $1`, [grace]);
    expect(restored[0]).toMatchObject({ leaders: '', contact_email: null, contact_erased_at: expect.any(Date) });
    expect((await db.query(`SELECT 1 FROM users WHERE email = 'grace@dastarkhan.kz'`)).rowCount).toBe(0);
    const { rows: events } = await db.query(`SELECT details FROM sensitive_events WHERE kind = 'erasure' AND $1 = ANY(community_ids)`, [grace]);
    expect(events).toEqual([{ details: expect.objectContaining({ reapplied: true }) }]);
  });

  it('deletes backups past the retention period after a new one, never the newest', async () => {
    const old = path.join(env.BACKUP_DIR as string, 'dastarkhan-2020-01-01T00-00-00-000Z.backup');
    const current = await fs.readFile(await onlyBackup());
    const newline = current.indexOf(10);
    const oldHeader = { ...JSON.parse(current.subarray(0, newline).toString()), takenAt: '2020-01-01T00:00:00.000Z' };
    await fs.writeFile(old, Buffer.concat([Buffer.from(`${JSON.stringify(oldHeader)}\n`), current.subarray(newline + 1)]));

    env = { ...env, BACKUP_RETENTION_DAYS: '30' };
    await cli('backup');
    const left = (await fs.readdir(env.BACKUP_DIR as string)).filter((file) => file.endsWith('.backup'));
    expect(left).not.toContain(path.basename(old));
    expect(left.length).toBeGreaterThanOrEqual(1);
  });
});

describe('backups of the embedded PostgreSQL (a copy of the stopped cluster)', () => {
  let scratch: ReturnType<typeof scratchDir>;
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const contents = async () => {
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      return await tablesOf(db);
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    scratch = scratchDir('embedded-backup');
    database = await TestDatabase.start(path.join(scratch.dir, 'postgres'));
    await prepareDatabase(database.url, { demoData: true, logger: createRootLogger('silent') });
    env = { PATH: process.env.PATH, DATA_DIR: scratch.dir, BACKUP_KEY: KEY, ERASURE_LEDGER: path.join(scratch.dir, 'erasures.jsonl') };
  });

  afterAll(async () => {
    await database?.stop();
    scratch?.remove();
  });

  it('refuses while the cluster runs, and restores every table of a backup taken while it was stopped', async () => {
    await expect(backupCli(env, 'backup')).rejects.toMatchObject({ stderr: expect.stringContaining('in use') });
    const before = await contents();
    await database.stop();
    const { stdout } = await backupCli(env, 'backup');
    const file = /backup written: (.*)/.exec(stdout)?.[1] as string;
    expect((await fs.readFile(file)).includes(Buffer.from('PG_VERSION'))).toBe(false);

    await database.start();
    const db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query(`UPDATE communities SET leaders = 'changed after the backup'`);
    await db.end();
    expect(await contents()).not.toEqual(before);
    await database.stop();

    await backupCli(env, 'restore', file);
    await database.start();
    expect(await contents()).toEqual(before);
  });
});
