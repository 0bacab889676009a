import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres';

/**
 * The parts of a production set-up, on loopback ports of this machine: a PostgreSQL of the test's
 * own (the embedded one, never the machine's shared server), API replicas running the built app
 * (`npm run build:api` first), and HAProxy with docker/haproxy.cfg — the file docker-compose.yml uses.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const MAIN = path.join(ROOT, 'dist/api/apps/api/src/main.js');
export const JWT_SECRET = 'ops-test-secret-ops-test-secret-ops-test';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, abort?: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = abort?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** A folder under the OS temp folder, removed by `remove()`. */
export function scratchDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `dastarkhan-ops-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The test's own PostgreSQL; `stop()` and `start()` again keep its port and data (an outage). */
export class TestDatabase {
  private server: EmbeddedPostgres | null = null;
  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(dataDir: string): Promise<TestDatabase> {
    const database = new TestDatabase(dataDir, await freePort());
    await database.start();
    return database;
  }

  get url(): string {
    if (!this.server) throw new Error('the test database is not running');
    return this.server.url;
  }

  async start(): Promise<void> {
    this.server = await startEmbeddedPostgres({ dataDir: this.dataDir, database: 'dastarkhan', port: this.port });
    if (this.server.port !== this.port) throw new Error(`the test database came back on port ${this.server.port}, not ${this.port}`);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}

export interface ReplicaOptions {
  name: string;
  databaseUrl: string;
  env?: NodeJS.ProcessEnv;
  logDir: string;
  port?: number;
}

/** One API process (`node dist/.../main.js`), as a container would run it. */
export class Replica {
  private child: ChildProcess | null = null;
  private exit: Promise<number | null> = Promise.resolve(null);
  private exitCode: number | null | undefined;

  private constructor(
    readonly options: ReplicaOptions,
    readonly port: number,
  ) {}

  static async start(options: ReplicaOptions): Promise<Replica> {
    const replica = new Replica(options, options.port ?? (await freePort()));
    await replica.start();
    return replica;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  get logFile(): string {
    return path.join(this.options.logDir, `${this.options.name}.log`);
  }

  /** Spawns the process and waits until its readiness answers 200. */
  async start(): Promise<void> {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(this.port),
        DATABASE_URL: this.options.databaseUrl,
        JWT_SECRET,
        COOKIE_SECURE: 'false',
        WEB_DIST: '',
        LOG_LEVEL: 'warn',
        TRUST_PROXY: '127.0.0.1',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.exitCode = undefined;
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        resolve(this.exitCode);
      }),
    );
    await waitFor(
      `replica ${this.options.name} ready`,
      async () => (await fetch(`${this.url}/api/health/ready`)).status === 200,
      90_000,
      () => (this.exitCode !== undefined ? `exited with code ${this.exitCode}; log: ${this.tail()}` : null),
    );
  }

  /** SIGTERM and wait for the exit code (the graceful path). */
  async terminate(): Promise<number | null> {
    this.child?.kill('SIGTERM');
    return this.exit;
  }

  /** kill -9: no shutdown at all. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exit;
  }

  /** Resident memory of the process in MiB (from /proc). */
  memoryMiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  }

  tail(lines = 20): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  async stop(): Promise<void> {
    if (this.child && this.exitCode === undefined) {
      this.child.kill('SIGKILL');
      await this.exit;
    }
  }
}

/** HAProxy with docker/haproxy.cfg, in front of two replicas. */
export class Proxy {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly statsPort: number,
    private readonly exit: Promise<unknown>,
  ) {}

  static async start(replicas: [Replica, Replica], logDir: string): Promise<Proxy> {
    const [port, statsPort] = [await freePort(), await freePort()];
    const log = createWriteStream(path.join(logDir, 'haproxy.log'), { flags: 'a' });
    const child = spawn('haproxy', ['-db', '-f', path.join(ROOT, 'docker/haproxy.cfg')], {
      env: {
        PATH: process.env.PATH,
        HAPROXY_BIND: `127.0.0.1:${port}`,
        HAPROXY_STATS_BIND: `127.0.0.1:${statsPort}`,
        API1_ADDR: `127.0.0.1:${replicas[0].port}`,
        API2_ADDR: `127.0.0.1:${replicas[1].port}`,
        HAPROXY_ERRORS: path.join(ROOT, 'docker/haproxy-errors'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const exit = new Promise((resolve) => child.once('exit', resolve));
    const proxy = new Proxy(child, port, statsPort, exit);
    await proxy.waitUntil('api1', 'UP');
    await proxy.waitUntil('api2', 'UP');
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The status HAProxy gives a server (UP, DOWN, "UP 1/2", …), from its CSV statistics. */
  async serverStatus(server: string): Promise<string> {
    const csv = await (await fetch(`http://127.0.0.1:${this.statsPort}/stats;csv`)).text();
    const row = csv.split('\n').find((line) => line.startsWith(`replicas,${server},`));
    return row?.split(',')[17] ?? 'unknown';
  }

  async waitUntil(server: string, status: 'UP' | 'DOWN', timeoutMs = 60_000): Promise<void> {
    await waitFor(`HAProxy sees ${server} ${status}`, async () => (await this.serverStatus(server)) === status, timeoutMs);
  }

  async stop(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exit;
  }
}
