// npm run bench — throughput and latency of the hot read endpoints on the built app (dist/),
// with demo data, on DATABASE_URL's server (fresh database) or the embedded PostgreSQL.
// Bounded: CONCURRENCY connections for DURATION_S seconds per endpoint, loopback only.
import http from 'node:http';
import { startApp } from '../browser/harness.mjs';

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const DURATION_S = Number(process.env.DURATION_S ?? 10);

const app = await startApp();
const { port } = new URL(app.baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(method, path, { body, cookie } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function measure(name, path, cookie) {
  const latencies = [];
  let errors = 0;
  const until = Date.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const started = process.hrtime.bigint();
        const { status } = await request('GET', path, { cookie });
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (status !== 200) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(
    `${name.padEnd(34)} ${(latencies.length / DURATION_S).toFixed(0).padStart(6)} req/s   p50 ${pct(50)} ms   p95 ${pct(95)} ms   p99 ${pct(99)} ms   errors ${errors}`,
  );
}

try {
  const login = await request('POST', '/api/auth/login', { body: { email: 'coordinator@dastarkhan.kz', password: 'dastarkhan-demo' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const clubs = JSON.parse((await request('GET', '/api/clubs')).body);
  const almaty = clubs.find((club) => club.name.startsWith('Almaty'));
  console.log(`${CONCURRENCY} connections, ${DURATION_S} s per endpoint, Node ${process.version}`);
  await measure('GET /api/health', '/api/health');
  await measure('GET /api/cities (anonymous)', '/api/cities');
  await measure('GET /api/clubs/:id (anonymous)', `/api/clubs/${almaty.id}`);
  await measure('GET /api/clubs/:id (coordinator)', `/api/clubs/${almaty.id}`, cookie);
  await measure('GET /api/auth/me (session check)', '/api/auth/me', cookie);
  // The pathway: every signed-in tab polls the unread count; the progress page computes milestones from the records.
  const grace = (await request('POST', '/api/auth/login', { body: { email: 'grace@dastarkhan.kz', password: 'dastarkhan-demo' } })).headers['set-cookie'];
  const graceCookie = String(grace).split(';')[0];
  const [graceParticipation] = JSON.parse((await request('GET', `/api/clubs/${almaty.id}`, { cookie: graceCookie })).body).viewerParticipations;
  await measure('GET /api/notifications/unread-count', '/api/notifications/unread-count', graceCookie);
  await measure('GET /api/participations/:id/progress', `/api/participations/${graceParticipation.id}/progress`, graceCookie);
  await measure('GET /api/participations/:id/decisions', `/api/participations/${graceParticipation.id}/decisions`, cookie);
} finally {
  agent.destroy();
  await app.stop();
}
