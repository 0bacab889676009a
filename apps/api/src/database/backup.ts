/**
 * Encrypted backups and restores (npm run db:backup / db:restore / db:reapply-erasures; CLI in
 * apps/api/backup.mjs). Framework-free: no Nest, only pg, node:crypto and PostgreSQL's own tools.
 *
 * - DATABASE_URL: `pg_dump --format=custom` (a consistent snapshot while the API runs) and
 *   `pg_restore --clean --single-transaction`. The client must be of the server's major version:
 *   PG_BIN names its folder (e.g. /usr/lib/postgresql/15/bin); by default the one on PATH.
 * - Embedded PostgreSQL (no DATABASE_URL): it ships no pg_dump, so the backup is a copy of the
 *   STOPPED cluster (a tar of its data directory; stop the app first), and a restore puts the copy
 *   back in place.
 *
 * Backups hold special-category data (faith communities): each file is encrypted with AES-256-GCM
 * under BACKUP_KEY (32 bytes, hex or base64) and written 0600; files older than
 * BACKUP_RETENTION_DAYS are deleted after every new backup (the newest is always kept). A restore
 * then re-applies every erasure the ledger (ERASURE_LEDGER, outside the database) lists since the
 * backup was taken: a forgotten community stays forgotten.
 */
import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import { ErasureLedger } from '../communities/erasure-ledger';
import { ErasureService } from '../communities/erasure.service';
import type { AppConfig } from '../config/app-config';
import { typeormOptions } from './typeorm-options';

const MAGIC = 'DASTARKHAN-BACKUP-1';
const TAG_BYTES = 16;

export interface BackupHeader {
  magic: typeof MAGIC;
  method: 'pg_dump-custom' | 'stopped-cluster-tar';
  /** When the snapshot began: erasures from then on are re-applied on restore. */
  takenAt: string;
  /** Which key encrypted it (a fingerprint, not the key). */
  keyId: string;
  iv: string;
}

export class BackupError extends Error {}

export function parseBackupKey(value: string | undefined): Buffer {
  const text = (value ?? '').trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new BackupError('BACKUP_KEY must be 32 random bytes, as 64 hex characters or base64 (openssl rand -hex 32)');
  return key;
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);

function run(command: string, args: string[], io: { stdin?: Readable; stdout?: Writable; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'], env: { ...process.env, ...io.env } });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    if (io.stdin && child.stdin) void pipeline(io.stdin, child.stdin).catch(reject);
    // The sink is the cipher: the caller ends it once the tool is done.
    if (io.stdout && child.stdout) child.stdout.pipe(io.stdout, { end: false });
    child.once('error', (error) => reject(new BackupError(`${command} could not run: ${error.message}`)));
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit code ${code}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`)),
    );
  });
}

/** Writes `header` then the encrypted stream `produce` writes into, then the GCM tag. */
async function writeEncrypted(file: string, key: Buffer, header: Omit<BackupHeader, 'magic' | 'keyId' | 'iv'>, produce: (sink: Writable) => Promise<void>): Promise<void> {
  const iv = randomBytes(12);
  const full: BackupHeader = { magic: MAGIC, ...header, keyId: keyId(key), iv: iv.toString('hex') };
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The header is authenticated too: changing the time (and so which erasures are re-applied) breaks the tag.
  const headerLine = `${JSON.stringify(full)}\n`;
  cipher.setAAD(Buffer.from(headerLine));
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  out.write(headerLine);
  const done = pipeline(cipher, out);
  await produce(cipher);
  cipher.end();
  await done;
  await fs.appendFile(partial, cipher.getAuthTag());
  await fs.rename(partial, file);
}

export async function readHeader(file: string): Promise<{ header: BackupHeader; offset: number }> {
  const handle = await fs.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const newline = buffer.subarray(0, bytesRead).indexOf(10);
    const header = newline > 0 ? (JSON.parse(buffer.subarray(0, newline).toString('utf8')) as BackupHeader) : null;
    if (!header || header.magic !== MAGIC) throw new BackupError(`${file} is not a Dastarkhan backup`);
    return { header, offset: newline + 1 };
  } finally {
    await handle.close();
  }
}

/** Decrypts a backup into `target` (0600) and checks its tag: a wrong key or a changed byte fails here. */
async function decryptTo(file: string, key: Buffer, target: string): Promise<BackupHeader> {
  const { header, offset } = await readHeader(file);
  if (header.keyId !== keyId(key)) throw new BackupError(`${file} was encrypted with another key (key id ${header.keyId})`);
  const size = (await fs.stat(file)).size;
  const handle = await fs.open(file, 'r');
  const tag = Buffer.alloc(TAG_BYTES);
  await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  const headerBytes = Buffer.alloc(offset);
  await handle.read(headerBytes, 0, offset, 0);
  await handle.close();
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'hex'));
  decipher.setAAD(headerBytes);
  decipher.setAuthTag(tag);
  try {
    await pipeline(createReadStream(file, { start: offset, end: size - TAG_BYTES - 1 }), decipher, createWriteStream(target, { mode: 0o600 }));
  } catch {
    await fs.rm(target, { force: true });
    throw new BackupError(`${file} does not decrypt: it was changed or is incomplete`);
  }
  return header;
}

export interface BackupOptions {
  /** Unset: the embedded cluster in `dataDir` (stopped). */
  databaseUrl?: string;
  dataDir?: string;
  backupDir: string;
  key: Buffer;
  retentionDays: number;
  pgBin?: string;
  now?: Date;
}

const tool = (pgBin: string | undefined, name: string) => (pgBin ? path.join(pgBin, name) : name);

/** Takes a backup; returns its file. Then deletes the backups past retention (never the newest). */
export async function backup(options: BackupOptions): Promise<string> {
  await fs.mkdir(options.backupDir, { recursive: true, mode: 0o700 });
  const takenAt = options.now ?? new Date();
  const file = path.join(options.backupDir, `dastarkhan-${takenAt.toISOString().replace(/[:.]/g, '-')}.backup`);
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    await writeEncrypted(file, options.key, { method: 'pg_dump-custom', takenAt: takenAt.toISOString() }, (sink) =>
      run(tool(options.pgBin, 'pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--dbname=${url}`], { stdout: sink }),
    );
  } else {
    if (!options.dataDir) throw new BackupError('the embedded database needs its data directory');
    await assertStopped(options.dataDir);
    await writeEncrypted(file, options.key, { method: 'stopped-cluster-tar', takenAt: takenAt.toISOString() }, (sink) =>
      run('tar', ['-C', options.dataDir as string, '-cf', '-', '.'], { stdout: sink }),
    );
  }
  await applyRetention(options.backupDir, options.retentionDays, takenAt);
  return file;
}

async function assertStopped(dataDir: string): Promise<void> {
  try {
    await fs.access(path.join(dataDir, 'postmaster.pid'));
  } catch {
    return;
  }
  throw new BackupError(`the embedded PostgreSQL in ${dataDir} is running: stop the app first (the embedded database is backed up as a copy of the stopped cluster)`);
}

/** Deletes backups older than `days`, always keeping the newest one. */
export async function applyRetention(backupDir: string, days: number, now = new Date()): Promise<string[]> {
  const files = (await fs.readdir(backupDir)).filter((name) => /^dastarkhan-.*\.backup$/.test(name)).sort();
  const expired: string[] = [];
  for (const name of files.slice(0, -1)) {
    const { header } = await readHeader(path.join(backupDir, name));
    if (now.getTime() - new Date(header.takenAt).getTime() > days * 86_400_000) expired.push(name);
  }
  for (const name of expired) await fs.rm(path.join(backupDir, name));
  return expired;
}

export interface RestoreOptions extends Omit<BackupOptions, 'backupDir' | 'retentionDays' | 'now'> {
  file: string;
}

/** Restores a backup over the database (then call reapplyErasures from the header's takenAt). */
export async function restore(options: RestoreOptions): Promise<BackupHeader> {
  const plain = `${options.file}.restoring`;
  const header = await decryptTo(options.file, options.key, plain);
  try {
    if (header.method === 'pg_dump-custom') {
      if (!options.databaseUrl) throw new BackupError('this backup came from pg_dump: set DATABASE_URL to the database to restore into');
      await run(tool(options.pgBin, 'pg_restore'), ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${options.databaseUrl}`, plain]);
    } else {
      if (options.databaseUrl || !options.dataDir) throw new BackupError('this backup is a copy of an embedded cluster: unset DATABASE_URL and stop the app');
      await assertStopped(options.dataDir);
      const owner = await fs.stat(options.dataDir);
      await fs.rm(options.dataDir, { recursive: true, force: true });
      await fs.mkdir(options.dataDir, { mode: 0o700 });
      await run('tar', ['-C', options.dataDir, '--same-owner', '-xf', plain]);
      await fs.chown(options.dataDir, owner.uid, owner.gid);
    }
  } finally {
    await fs.rm(plain, { force: true });
  }
  return header;
}

/**
 * From when a restore re-applies erasures: an erasure is noted in the ledger just before its
 * transaction commits, so one noted shortly before the snapshot may still be missing from it.
 * Re-applying a few too many is harmless (idempotent).
 */
export function erasuresToReapplySince(header: BackupHeader): Date {
  return new Date(new Date(header.takenAt).getTime() - 60 * 60 * 1000);
}

/** Erases again every community the ledger lists since `since` (idempotent: erasing twice changes nothing more). */
export async function reapplyErasures(databaseUrl: string, config: AppConfig, since?: Date): Promise<string[]> {
  const entries = new ErasureLedger(config.ERASURE_LEDGER).since(since);
  if (entries.length === 0) return [];
  const dataSource = await new DataSource(typeormOptions(databaseUrl, { queryTimeoutMs: 0 })).initialize();
  try {
    const erasure = new ErasureService(new SensitiveEventsService(dataSource), config);
    const ids = [...new Set(entries.map((entry) => entry.communityId))];
    await dataSource.transaction(async (manager) => {
      for (const id of ids) await erasure.erase(manager, id, null, { reapply: true });
    });
    return ids;
  } finally {
    await dataSource.destroy();
  }
}
