/**
 * Starts real embedded PostgreSQL servers in temp folders (about 5–10 s in all: two initdb runs,
 * the rest reuses a data dir). Covers the failure modes the launcher exists for.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { transformFileSync } from '@swc/core';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';

jest.setTimeout(30_000);

const isRoot = process.getuid?.() === 0;
const repoRoot = path.resolve(__dirname, '../../../..');

let workDir: string;
let sharedDataDir: string;
const running: EmbeddedPostgres[] = [];
const strayPids: number[] = [];
const cleanupDirs: string[] = [];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // a zombie (no reaping init in some containers) counts as dead
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]);
  } catch {
    return false;
  }
}

async function start(options: Partial<EmbeddedPostgresOptions> & { dataDir: string }, logs: string[] = []): Promise<EmbeddedPostgres> {
  const pg = await startEmbeddedPostgres({ database: 'dastarkhan_spec', port: 0, log: (m) => logs.push(m), ...options });
  running.push(pg);
  return pg;
}

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-spec-'));
  fs.chmodSync(workDir, 0o755); // traversable: the normal (no fallback) path
  sharedDataDir = path.join(workDir, 'app', '.data', 'postgres');
});

afterAll(async () => {
  await Promise.all(running.map((pg) => pg.stop().catch(() => undefined)));
  for (const pid of strayPids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  for (const dir of [...cleanupDirs, workDir]) fs.rmSync(dir, { recursive: true, force: true });
});

describe('startEmbeddedPostgres', () => {
  it('runs initdb on first start, creates the database, stops idempotently and reuses the data dir', async () => {
    const logs: string[] = [];
    const pg = await start({ dataDir: sharedDataDir }, logs);
    expect(logs.join('\n')).toMatch(/initialising a new cluster/);
    expect(pg.dataDir).toBe(sharedDataDir);
    expect(pg.url).toMatch(/^postgres:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/dastarkhan_spec$/);
    const [row] = await query<{ db: string; enc: string; v: string }>(
      pg.url,
      `SELECT current_database() AS db, current_setting('server_encoding') AS enc, current_setting('server_version_num') AS v`,
    );
    expect(row).toMatchObject({ db: 'dastarkhan_spec', enc: 'UTF8' });
    expect(Number(row.v)).toBeGreaterThanOrEqual(180000);
    await query(pg.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');

    const firstStop = pg.stop();
    expect(pg.stop()).toBe(firstStop); // idempotent: same promise
    await firstStop;
    await pg.stop();
    expect(alive(pg.pid)).toBe(false);
    expect(fs.existsSync(path.join(sharedDataDir, 'postmaster.pid'))).toBe(false);

    const again: string[] = [];
    const t0 = Date.now();
    const pg2 = await start({ dataDir: sharedDataDir }, again);
    const reuseMs = Date.now() - t0;
    expect(again.join('\n')).not.toMatch(/initialising/);
    expect(reuseMs).toBeLessThan(5_000);
    expect(pg2.password).toBe(pg.password);
    expect(await query(pg2.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    await pg2.stop();
  });

  it('stops a server it lost track of (same process) and starts again', async () => {
    const forgotten = await start({ dataDir: sharedDataDir });
    const logs: string[] = [];
    const pg = await start({ dataDir: sharedDataDir }, logs);
    expect(logs.join('\n')).toMatch(/left running .* by an earlier run/);
    expect(alive(forgotten.pid)).toBe(false);
    expect(pg.pid).not.toBe(forgotten.pid);
    expect(await query(pg.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await pg.stop();
    await forgotten.stop(); // already gone: resolves
  });

  /** Runs the launcher in a separate node process (compiled with swc); resolves once the server is ready. */
  async function startInChildProcess(dataDir: string) {
    const launcherJs = path.join(workDir, 'launcher.js');
    if (!fs.existsSync(launcherJs)) {
      const { code } = transformFileSync(path.join(__dirname, 'embedded-postgres.ts'), {
        module: { type: 'commonjs' },
        jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      });
      fs.writeFileSync(launcherJs, code);
    }
    const script = `require(${JSON.stringify(launcherJs)}).startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, database: 'dastarkhan_spec', port: 0 })
      .then((pg) => { console.log(JSON.stringify({ pid: pg.pid })); setInterval(() => undefined, 1000); })
      .catch((e) => { console.error(e.message); process.exit(1); });`;
    const child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
      child.once('exit', (code, signal) => r({ code, signal })),
    );
    await waitFor(() => out.includes('\n') || child.exitCode !== null, 20_000);
    expect(err).toBe('');
    const postmaster = (JSON.parse(out.trim()) as { pid: number }).pid;
    strayPids.push(postmaster);
    return { child, exited, postmaster };
  }

  it('recovers after the node process that started the server was killed with SIGKILL', async () => {
    const { child, exited, postmaster: orphan } = await startInChildProcess(sharedDataDir);
    child.kill('SIGKILL');
    await exited;
    expect(alive(orphan)).toBe(true); // the postmaster survived its parent

    const logs: string[] = [];
    const pg = await start({ dataDir: sharedDataDir }, logs);
    expect(logs.join('\n')).toMatch(new RegExp(`stopping a server \\(pid ${orphan}\\)`));
    expect(alive(orphan)).toBe(false);
    expect(await query(pg.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
    await pg.stop();
  });

  it('stops the server when a terminating signal reaches a process that does not handle it', async () => {
    const { child, exited, postmaster } = await startInChildProcess(sharedDataDir);
    child.kill('SIGTERM');
    const { signal } = await exited;
    expect(signal).toBe('SIGTERM'); // the signal still takes its default course…
    expect(alive(postmaster)).toBe(false); // …after the server was shut down
    expect(fs.existsSync(path.join(sharedDataDir, 'postmaster.pid'))).toBe(false);
  });

  it('removes a stale postmaster.pid whose process is gone', async () => {
    fs.writeFileSync(path.join(sharedDataDir, 'postmaster.pid'), `999999\n${sharedDataDir}\n`);
    const logs: string[] = [];
    const pg = await start({ dataDir: sharedDataDir }, logs);
    expect(logs.join('\n')).toMatch(/removing a stale postmaster\.pid/);
    await pg.stop();
  });

  it('picks a free port when the preferred one is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const logs: string[] = [];
      const pg = await start({ dataDir: sharedDataDir, port: taken }, logs);
      expect(pg.port).not.toBe(taken);
      expect(logs.join('\n')).toMatch(new RegExp(`port ${taken} is in use`));
      expect(await query(pg.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
      await pg.stop();
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('falls back to a temp data dir when the intended one sits under a 0700 folder', async () => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-private-')); // mode 0700
    cleanupDirs.push(privateDir);
    const intended = path.join(privateDir, 'checkout', '.data', 'postgres');
    const logs: string[] = [];
    const pg = await start({ dataDir: intended }, logs);
    if (isRoot) {
      // the `postgres` user cannot traverse privateDir
      expect(pg.dataDir).not.toBe(intended);
      expect(pg.dataDir.startsWith(privateDir)).toBe(false);
      expect(logs.join('\n')).toMatch(/is not reachable by user .* using .* instead/);
      cleanupDirs.push(path.dirname(pg.dataDir));
    } else {
      expect(pg.dataDir).toBe(intended); // our own 0700 folder is fine for us
    }
    expect(await query(pg.url, 'SELECT current_database() AS db')).toEqual([{ db: 'dastarkhan_spec' }]);
    await pg.stop();
  });

  it('rejects with one clear sentence when the data dir is not a PostgreSQL data dir', async () => {
    const junk = path.join(workDir, 'junk');
    fs.mkdirSync(junk);
    fs.writeFileSync(path.join(junk, 'notes.txt'), 'not a cluster');
    await expect(startEmbeddedPostgres({ dataDir: junk, database: 'x', port: 0 })).rejects.toThrow(
      /exists but is not a PostgreSQL data directory/,
    );
  });
});
