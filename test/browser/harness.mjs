// Starts the built app (dist/) on a free port with demo data in a fresh database — on the server
// named by DATABASE_URL, or on the embedded PostgreSQL in a temp folder — and a headless Debian
// Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DEMO_PASSWORD = 'dastarkhan-demo';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A new, empty database on `serverUrl` (its name starts with `prefix`), with a way to drop it. */
export async function freshDatabase(serverUrl, prefix = 'dastarkhan_browser') {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function startEmbedded(dataDir) {
  // The built API is CommonJS: its exports arrive as the default export.
  const { default: launcher } = await import(path.join(root, 'dist/api/apps/api/src/database/embedded-postgres.js'));
  return launcher.startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), database: 'postgres' });
}

export async function startApp() {
  const main = path.join(root, 'dist/api/apps/api/src/main.js');
  if (!existsSync(main) || !existsSync(path.join(root, 'dist/web/index.html'))) {
    throw new Error('Build the app first: npm run build');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dastarkhan-browser-'));
  // Without a server, start the app's own embedded PostgreSQL here, so journeys can reach the
  // database too (to write the history that months of taking part would leave).
  const embedded = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ? null : await startEmbedded(dataDir);
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? embedded.url;
  const database = await freshDatabase(serverUrl);
  const env = {
    ...process.env,
    PORT: String(port),
    DEMO_DATA: 'true',
    DATA_DIR: dataDir,
    WEB_DIST: path.join(root, 'dist/web'),
    LOG_LEVEL: 'warn',
    LOGIN_MAX_FAILURES: '1000',
  };
  env.DATABASE_URL = database.url;
  const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before it was healthy`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the app did not become healthy within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    databaseUrl: database.url,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGINT');
      await exited;
      await database.drop();
      await embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Headless Debian Chromium; playwright gives every launch a fresh, temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
