// npm run bench — every hot endpoint at national scale, against a bare baseline, in one run.
//
// For each factor (default 1 and 10; --factors 1,10), on a fresh database (DATABASE_URL's server, or
// an embedded PostgreSQL started here) filled by the scale generator (seed-scale.mjs):
//   1. starts the production build (dist/) with SQL_TRACE_FILE, signs in as each kind of reader;
//   2. probes every endpoint once with an x-request-id and reads back the SQL statements the API ran
//      for it: their count (at page sizes 10 and 100 where the endpoint pages) and the replay that the
//      baseline (baseline-server.mjs, node:http + pg) runs for the same endpoint;
//   3. measures API and baseline interleaved, endpoint by endpoint: req/s, p50, p95, p99 at
//      --connections (32) for --seconds (5) each; CSV exports in rows/s and the server's peak memory.
// Prints one table per factor and the growth (factor 10 ÷ factor 1); writes test/bench/results.json.
// Loopback only; bounded; needs `npm run build` first.
import { fork, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSync } from 'otplib';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { freePort, freshDatabase, launchBrowser } from '../browser/harness.mjs';
import { loadBuiltApi, seedScale } from './seed-scale.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const DEMO_PASSWORD = 'dastarkhan-demo';
const SESSION_COOKIE = 'dastarkhan_session';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
const FACTORS = option('factors', '1,10').split(',').map(Number);
const CONNECTIONS = Number(option('connections', 32));
const SECONDS = Number(option('seconds', 5));
const POOL = Number(option('pool', 10));
/** Write EXPLAIN (ANALYZE, BUFFERS) of every captured statement to test/bench/plans/factor-N.txt. */
const PLANS = process.argv.includes('--plans');
/** An already seeded database to measure (one factor, not dropped): for iterating on one query. */
const REUSE = option('database', '');
/** Only the endpoints whose name contains this. */
const ONLY = option('only', '');
/** A directory for a CPU profile of the API (node --cpu-prof), written when it stops: where a slow endpoint's time goes. */
const PROFILE = option('profile', '');

function client(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const request = (method, requestPath, { body, cookie, headers = {} } = {}) =>
    new Promise((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : undefined;
      const req = http.request(
        { host: '127.0.0.1', port, method, path: requestPath, agent, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...headers } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return { request, close: () => agent.destroy() };
}

async function measure(request, requestPath, cookie) {
  const latencies = [];
  let errors = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const started = process.hrtime.bigint();
        const { status } = await request('GET', requestPath, { cookie });
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (status !== 200) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p) => Number(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1));
  return { rps: Math.round(latencies.length / SECONDS), p50: pct(50), p95: pct(95), p99: pct(99), errors };
}

async function startApi(databaseUrl, traceFile) {
  const port = await freePort();
  const profile = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, 'dist/api/apps/api/src/main.js')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), SQL_TRACE_FILE: traceFile, LOG_LEVEL: 'warn', WEB_DIST: path.join(root, 'dist/web'), DEMO_DATA: 'false', DB_POOL_SIZE: String(POOL), LOGIN_MAX_FAILURES: '100000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (const deadline = Date.now() + 90_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not become healthy within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { port, pid: child.pid, stop: () => (child.kill('SIGTERM'), exited) };
}

async function startBaseline(databaseUrl, replaysFile) {
  const port = await freePort();
  const child = fork(path.join(here, 'baseline-server.mjs'), [replaysFile], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), DB_POOL_SIZE: String(POOL) },
  });
  await new Promise((resolve, reject) => (child.once('message', resolve), child.once('exit', reject)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { port, stop: () => (child.kill('SIGTERM'), exited) };
}

/** Signs in as a browser would; officials and administrators set up their authenticator on the way, as at a first sign-in. */
async function signIn(request, email) {
  const login = await request('POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status} ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  if (!cookie.startsWith(SESSION_COOKIE)) throw new Error(`sign-in of ${email} set no session cookie`);
  const me = JSON.parse((await request('GET', '/api/auth/me', { cookie })).body);
  if (me.secondFactorRequired && !me.secondFactorEnabled) {
    const { secret } = JSON.parse((await request('POST', '/api/auth/second-factor/enrolment', { cookie })).body);
    const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) });
    const confirmed = await request('POST', '/api/auth/second-factor/enrolment/confirmation', { cookie, body: { code } });
    if (confirmed.status !== 200) throw new Error(`enrolment of ${email}: ${confirmed.status} ${confirmed.body}`);
  }
  return cookie;
}

/** The readers and records the endpoints are asked about: the biggest synthetic club and its people. */
async function cast(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const one = async (sql, params = []) => (await db.query(sql, params)).rows[0];
    // A reused database keeps the authenticators an earlier run set up: start again from none.
    await db.query(`UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE email = ANY($1)`, [['official.national@dastarkhan.kz', 'admin@dastarkhan.kz']]);
    const club = await one(`SELECT c.id, c.name, u.email AS coordinator FROM clubs c
      JOIN role_assignments r ON r.club_id = c.id AND r.role = 'coordinator' JOIN users u ON u.id = r.user_id
      WHERE c.name LIKE 'Scale%' ORDER BY (SELECT count(*) FROM participations p WHERE p.club_id = c.id) DESC, c.name LIMIT 1`);
    const candidate = await one(`SELECT p.id, u.email FROM participations p
      JOIN role_assignments r ON r.community_id = p.community_id AND r.role = 'representative' JOIN users u ON u.id = r.user_id
      WHERE p.club_id = $1 AND p.status = 'candidate' ORDER BY p.created_at LIMIT 1`, [club.id]);
    const member = await one(`SELECT p.id FROM participations p WHERE p.club_id = $1 AND p.status = 'member'
      AND EXISTS (SELECT 1 FROM participation_decisions d WHERE d.participation_id = p.id) ORDER BY p.created_at LIMIT 1`, [club.id]);
    return { club, candidate, member };
  } finally {
    await db.end();
  }
}

/** [name, reader, path, page-size variant or null, kind] */
function endpoints({ club, candidate, member }) {
  const month = new Date();
  const iso = (d) => d.toISOString().slice(0, 10);
  const monthFrom = iso(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1)));
  const monthTo = iso(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)));
  const yearTo = iso(new Date(Date.UTC(month.getUTCFullYear() + 1, month.getUTCMonth(), 0)));
  return [
    ['clubs list', null, '/api/clubs', (n) => `/api/clubs?limit=${n}`],
    ['clubs list, search', 'administrator', '/api/clubs?search=club%2012', (n) => `/api/clubs?search=club%2012&limit=${n}`],
    ['club page (anonymous)', null, `/api/clubs/${club.id}`],
    ['club page (coordinator)', 'coordinator', `/api/clubs/${club.id}`],
    ["club's participations", 'coordinator', `/api/clubs/${club.id}/participations`],
    ["club's meetings, 1 month", 'coordinator', `/api/clubs/${club.id}/meetings?from=${monthFrom}&to=${monthTo}`],
    ["club's meetings, 12 months", 'coordinator', `/api/clubs/${club.id}/meetings?from=${monthFrom}&to=${yearTo}`],
    ['progress', 'representative', `/api/participations/${candidate.id}/progress`],
    ['decisions', 'coordinator', `/api/participations/${member.id}/decisions`],
    ["officials' candidacies", 'official', '/api/official/candidacies', (n) => `/api/official/candidacies?limit=${n}`],
    ["officials' candidacies, search", 'official', '/api/official/candidacies?search=catholic', (n) => `/api/official/candidacies?search=catholic&limit=${n}`],
    ["officials' dashboard", 'official', '/api/reports/dashboard'],
    ['notifications', 'representative', '/api/notifications', (n) => `/api/notifications?limit=${n}`],
    ['unread count', 'representative', '/api/notifications/unread-count'],
    ['auth/me', 'representative', '/api/auth/me'],
    ['email outbox', 'administrator', '/api/admin/email-outbox', (n) => `/api/admin/email-outbox?limit=${n}`],
    ['security log search', 'administrator', '/api/admin/security-events?kind=sign-in', (n) => `/api/admin/security-events?kind=sign-in&limit=${n}`],
    // Searches (issue 14 item 6): a few matches among 20 000 names, and a club's picker on a word every name holds.
    ['community search', 'official', '/api/communities?search=community%201234', (n) => `/api/communities?search=community%201234&limit=${n}`],
    ['community search (club picker)', 'coordinator', `/api/communities?clubId=${club.id}&participating=true&search=community`, (n) => `/api/communities?clubId=${club.id}&participating=true&search=community&limit=${n}`],
    ['people search', 'administrator', '/api/users?search=representative%201234'],
    ['audit log search', 'administrator', '/api/admin/audit-log?actor=admin', (n) => `/api/admin/audit-log?actor=admin&limit=${n}`],
  ];
}

const EXPORTS = [
  ['attendance CSV (national)', 'official', '/api/reports/attendance.csv?lang=ru'],
  ['dashboard CSV', 'official', '/api/reports/dashboard.csv?table=stages&lang=ru'],
  ['audit log CSV (whole log)', 'administrator', '/api/admin/audit-log/export.csv'],
  // A tenth of it: memory that stays flat stays the same for ten times the rows.
  ['audit log CSV (last 180 days)', 'administrator', `/api/admin/audit-log/export.csv?from=${new Date(Date.now() - 180 * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`],
];

function statementsOf(traceFile, requestId) {
  return readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((entry) => entry.request === requestId)
    .map(({ query, parameters }) => ({ query, parameters }));
}

function rssKb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}

function download(port, requestPath, cookie, pid) {
  return new Promise((resolve, reject) => {
    const before = rssKb(pid);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 10);
    const started = process.hrtime.bigint();
    http
      .get({ host: '127.0.0.1', port, path: requestPath, headers: { cookie } }, (res) => {
        let lines = 0;
        // Counted in the bytes, without decoding: the count must not take the cores the server needs.
        res.on('data', (chunk) => {
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
        });
        res.on('end', () => {
          clearInterval(timer);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          resolve({ status: res.statusCode, rows: Math.max(0, lines - 1), rowsPerSecond: Math.round(Math.max(0, lines - 1) / seconds), ms: Math.round(seconds * 1000), peakGrowthMb: Number(((peak - before) / 1024).toFixed(1)) });
        });
      })
      .on('error', reject);
  });
}

async function benchFactor(serverUrl, factor) {
  const database = REUSE ? { url: REUSE, drop: async () => {} } : await freshDatabase(serverUrl, `dastarkhan_bench_f${String(factor).replace('.', '_')}`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'dastarkhan-bench-'));
  const traceFile = path.join(work, 'trace.jsonl');
  writeFileSync(traceFile, '');
  let api;
  let baseline;
  try {
    console.log(`\n## factor ${factor}${REUSE ? ` (the seeded database ${new URL(REUSE).pathname.slice(1)})` : ': seeding'}`);
    const seeded = REUSE ? null : await seedScale(database.url, factor, { log: () => {} });
    if (seeded) console.log(`seeded ${seeded.rows.toLocaleString('en')} rows in ${seeded.seconds.toFixed(1)} s`);
    api = await startApi(database.url, traceFile);
    const { request, close } = client(api.port);
    const people = await cast(database.url);
    const cookies = {
      coordinator: await signIn(request, people.club.coordinator),
      representative: await signIn(request, people.candidate.email),
      official: await signIn(request, 'official.national@dastarkhan.kz'),
      administrator: await signIn(request, 'admin@dastarkhan.kz'),
    };
    const list = endpoints(people).filter(([name]) => name.includes(ONLY));
    const replays = {};
    const statements = {};
    for (const [name, reader, requestPath, paged] of list) {
      const probe = async (probePath, id) => {
        const answer = await request('GET', probePath, { cookie: cookies[reader], headers: { 'x-request-id': id } });
        if (answer.status !== 200) throw new Error(`${name}: ${probePath} answered ${answer.status} ${answer.body.slice(0, 300)}`);
        return statementsOf(traceFile, id);
      };
      const seen = await probe(requestPath, `bench-${Object.keys(replays).length}`);
      replays[name] = seen;
      statements[name] = paged
        ? { 10: (await probe(paged(10), `bench-p10-${name.length}-${Date.now()}`)).length, 100: (await probe(paged(100), `bench-p100-${name.length}-${Date.now()}`)).length }
        : { all: seen.length };
    }
    if (PLANS) await writePlans(database.url, factor, replays);
    const replaysFile = path.join(work, 'replays.json');
    writeFileSync(replaysFile, JSON.stringify(replays));
    baseline = await startBaseline(database.url, replaysFile);
    const bare = client(baseline.port);
    const results = [];
    for (const [name, reader, requestPath] of SECONDS > 0 ? list : []) {
      await request('GET', requestPath, { cookie: cookies[reader] }); // warm
      const apiFigures = await measure(request, requestPath, cookies[reader]);
      const baseFigures = await measure(bare.request, `/${encodeURIComponent(name)}`);
      const row = { endpoint: name, api: apiFigures, baseline: baseFigures, ratio: Number((apiFigures.rps / Math.max(baseFigures.rps, 1)).toFixed(2)), statements: statements[name] };
      results.push(row);
      printRow(row);
    }
    const exports = [];
    for (const [name, reader, requestPath] of EXPORTS.filter(([exportName]) => exportName.includes(ONLY))) {
      const figures = await download(api.port, requestPath, cookies[reader], api.pid);
      exports.push({ export: name, ...figures });
      console.log(`${name.padEnd(30)} ${figures.rows.toLocaleString('en').padStart(10)} rows in ${figures.ms} ms = ${figures.rowsPerSecond.toLocaleString('en')} rows/s; server memory +${figures.peakGrowthMb} MiB at peak (status ${figures.status})`);
    }
    const pages = await renderTimes(api.port, people, cookies.representative);
    close();
    bare.close();
    return { factor, seeded, endpoints: results, exports, pages };
  } finally {
    await baseline?.stop();
    await api?.stop();
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

const gzipKb = (file) => Number((gzipSync(readFileSync(file)).length / 1024).toFixed(1));

/**
 * What the first page downloads (index.html's scripts and preloads, then the shell's strings of the
 * reader's language: apps/web/src/lib/i18n.ts), the rest of each language (loaded with the first
 * other page) and each page's own chunk.
 */
function webSizes() {
  const web = path.join(root, 'dist/web');
  const html = readFileSync(path.join(web, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(([, asset]) => asset);
  const initialKb = Number(initial.reduce((sum, asset) => sum + gzipKb(path.join(web, asset)), 0).toFixed(1));
  const assets = readdirSync(path.join(web, 'assets')).filter((f) => f.endsWith('.js'));
  const chunkKb = (prefix) => gzipKb(path.join(web, 'assets', assets.find((f) => f.startsWith(prefix))));
  const languages = Object.fromEntries(['en', 'kk', 'ru'].map((l) => [l, { shell: chunkKb(`shell-${l}-`), rest: chunkKb(`${l}-`) }]));
  const chunks = assets
    .filter((f) => !initial.includes(`/assets/${f}`) && !/^(shell-)?(en|kk|ru)-/.test(f))
    .map((f) => ({ chunk: f.replace(/-[\w-]{8}\.js$/, ''), kb: gzipKb(path.join(web, 'assets', f)) }))
    .sort((a, b) => b.kb - a.kb);
  const firstPageKb = Object.fromEntries(Object.entries(languages).map(([l, kb]) => [l, Number((initialKb + kb.shell).toFixed(1))]));
  return { initialKb, languages, firstPageKb, chunks };
}

/** Headless Chromium opens the club page and the progress page (signed in as the candidate's representative): ms until the page's heading shows with nothing loading. */
async function renderTimes(port, { club, candidate }, cookie) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
    const page = await context.newPage();
    const times = {};
    for (const [label, url] of [['club page', `/clubs/${club.id}`], ['progress page', `/participations/${candidate.id}/progress`]]) {
      for (const visit of ['first', 'again']) {
        const started = Date.now();
        await page.goto(`http://127.0.0.1:${port}${url}`);
        await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'), null, { timeout: 60_000 });
        times[`${label} (${visit})`] = Date.now() - started;
      }
    }
    console.log(`rendered in Chromium (ms): ${Object.entries(times).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    return times;
  } finally {
    await browser.close();
  }
}

/** The plan of each statement an endpoint ran (writes rolled back), slowest first per endpoint. */
async function writePlans(databaseUrl, factor, replays) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const out = [];
  try {
    for (const [name, statements] of Object.entries(replays)) {
      const plans = [];
      for (const { query, parameters } of statements) {
        if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET|SELECT set_config)/i.test(query.trim())) continue;
        await db.query('BEGIN');
        try {
          const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, parameters);
          const text = rows.map((r) => r['QUERY PLAN']).join('\n');
          plans.push({ ms: Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? 0), query, text });
        } finally {
          await db.query('ROLLBACK');
        }
      }
      plans.sort((a, b) => b.ms - a.ms);
      console.log(`plans: ${name.padEnd(28)} ${plans.map((p) => `${p.ms.toFixed(1)}`).join(' + ')} ms`);
      out.push(`# ${name}\n`, ...plans.map((p) => `## ${p.ms.toFixed(1)} ms\n${p.query}\n\n${p.text}\n`));
    }
  } finally {
    await db.end();
  }
  mkdirSync(path.join(here, 'plans'), { recursive: true });
  writeFileSync(path.join(here, 'plans', `factor-${factor}.txt`), out.join('\n'));
}

function printRow({ endpoint, api, baseline, ratio, statements }) {
  const count = statements.all !== undefined ? String(statements.all) : `${statements[10]}/${statements[100]}`;
  console.log(
    `${endpoint.padEnd(28)} API ${String(api.rps).padStart(5)}/s p50 ${String(api.p50).padStart(6)} p95 ${String(api.p95).padStart(6)} p99 ${String(api.p99).padStart(6)} ms` +
      ` | bare ${String(baseline.rps).padStart(5)}/s p95 ${String(baseline.p95).padStart(6)} ms | ratio ${ratio.toFixed(2)} | SQL ${count.padStart(5)}` +
      (api.errors ? ` | ${api.errors} non-200` : ''),
  );
}

const serverUrl = process.env.DATABASE_URL;
let embedded = null;
if (!serverUrl) {
  const { startEmbeddedPostgres } = await loadBuiltApi('database/embedded-postgres.js');
  embedded = await startEmbeddedPostgres({ dataDir: path.join(mkdtempSync(path.join(os.tmpdir(), 'dastarkhan-bench-pg-')), 'postgres'), database: 'postgres' });
}
try {
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per endpoint and side, pool ${POOL}, Node ${process.version}, ${os.cpus().length} cores; SQL = statements per request (page 10/100 where paged)`);
  const web = webSizes();
  console.log(`web: first page ${web.initialKb} KiB gzip of JS + its language's shell (${Object.entries(web.languages).map(([l, kb]) => `${l} ${kb.shell}`).join(', ')}) = ${Object.entries(web.firstPageKb).map(([l, kb]) => `${l} ${kb}`).join(', ')}; the rest of the language with the first other page (${Object.entries(web.languages).map(([l, kb]) => `${l} ${kb.rest}`).join(', ')}); pages' own chunks: ${web.chunks.slice(0, 12).map((c) => `${c.chunk} ${c.kb}`).join(', ')}`);
  const runs = [];
  for (const factor of FACTORS) runs.push(await benchFactor(serverUrl ?? embedded.url, factor));
  if (runs.length > 1) {
    const [first, last] = [runs[0], runs.at(-1)];
    console.log(`\n## growth: factor ${last.factor} ÷ factor ${first.factor} (p50 latency)`);
    for (const row of last.endpoints) {
      const before = first.endpoints.find((r) => r.endpoint === row.endpoint);
      console.log(`${row.endpoint.padEnd(28)} ${(row.api.p50 / Math.max(before.api.p50, 0.1)).toFixed(2)}`);
    }
  }
  writeFileSync(path.join(here, 'results.json'), `${JSON.stringify({ when: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, pool: POOL, web, runs }, null, 2)}\n`);
} finally {
  await embedded?.stop();
}
