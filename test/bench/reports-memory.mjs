// node test/bench/reports-memory.mjs — the streamed national monthly attendance per club
// (GET /api/reports/attendance.csv) keeps the server's memory flat when the data grows tenfold.
// Builds synthetic clubs (20 communities, a meeting a month, everyone's attendance) at ×1 and
// then ×10, downloads the CSV as the administrator, and samples the server's resident memory
// (/proc/<pid>/status) while it streams. Loopback only; bounded; needs `npm run build` first.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { startApp } from '../browser/harness.mjs';

const CLUBS_PER_SCALE = Number(process.env.CLUBS ?? 50);
const app = await startApp();
const db = new pg.Client({ connectionString: app.databaseUrl });
await db.connect();
const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))[1]);

async function addClubs(count) {
  await db.query(
    `WITH city AS (SELECT id FROM cities ORDER BY slug LIMIT 1),
          actor AS (SELECT id FROM users ORDER BY created_at LIMIT 1),
          new_clubs AS (INSERT INTO clubs (name, description, city_id)
                        SELECT 'Bench club ' || g || '-' || md5(random()::text), '', (SELECT id FROM city) FROM generate_series(1, $1) g RETURNING id),
          new_communities AS (INSERT INTO communities (name, tradition, registration_status)
                              SELECT 'Bench community ' || c.id || '-' || g, (ARRAY['evangelical_protestant','sunni_islam','buddhism','other'])[1 + g % 4],
                                     CASE WHEN g % 3 = 0 THEN 'not_registered' ELSE 'registration_pending' END
                                FROM new_clubs c, generate_series(1, 20) g RETURNING id, name),
          parts AS (INSERT INTO participations (community_id, club_id, status, statement)
                    SELECT n.id, c.id, 'observer', 'bench' FROM new_communities n JOIN new_clubs c ON n.name LIKE 'Bench community ' || c.id || '-%' RETURNING community_id, club_id),
          meetings AS (INSERT INTO meetings (club_id, title, starts_at, ends_at, check_in_code, created_by_id)
                       SELECT c.id, 'Bench meeting', now() - (m || ' months')::interval - interval '3 days', now() - (m || ' months')::interval - interval '3 days' + interval '2 hours', 'K7Q2', (SELECT id FROM actor)
                         FROM new_clubs c, generate_series(0, 11) m RETURNING id, club_id)
     INSERT INTO attendance (meeting_id, community_id, status, role, method, recorded_by_id)
     SELECT m.id, p.community_id, CASE WHEN random() < 0.8 THEN 'present' ELSE 'absent' END, 'observer', 'coordinator', (SELECT id FROM actor)
       FROM meetings m JOIN parts p ON p.club_id = m.club_id`,
    [count],
  );
}

function download(cookie) {
  const { port } = new URL(app.baseUrl);
  return new Promise((resolve, reject) => {
    const before = rssKb();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rssKb())), 10);
    const started = Date.now();
    http
      .get({ host: '127.0.0.1', port, path: '/api/reports/attendance.csv?lang=ru', headers: { cookie } }, (res) => {
        let bytes = 0;
        let lines = 0;
        res.on('data', (chunk) => {
          bytes += chunk.length;
          lines += chunk.toString().split('\r\n').length - 1;
        });
        res.on('end', () => {
          clearInterval(timer);
          resolve({ status: res.statusCode, bytes, lines, ms: Date.now() - started, growthMb: (peak - before) / 1024, rssMb: peak / 1024 });
        });
      })
      .on('error', reject);
  });
}

try {
  const login = await fetch(`${app.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@dastarkhan.kz', password: 'dastarkhan-demo' }) });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  await download(cookie); // warm up
  for (const scale of [1, 10]) {
    const { rows: [{ clubs }] } = await db.query(`SELECT count(*)::int AS clubs FROM clubs WHERE name LIKE 'Bench club%'`);
    await addClubs(CLUBS_PER_SCALE * scale - clubs);
    const { rows: [{ n }] } = await db.query(`SELECT count(*)::int AS n FROM attendance`);
    const result = await download(cookie);
    console.log(`×${scale}: ${n} attendance records → ${result.lines} lines, ${(result.bytes / 1024).toFixed(0)} KiB in ${result.ms} ms; server RSS peak ${result.rssMb.toFixed(0)} MiB, growth during the download ${result.growthMb.toFixed(1)} MiB (status ${result.status})`);
  }
} finally {
  await db.end();
  await app.stop();
}
