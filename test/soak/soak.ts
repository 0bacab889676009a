/**
 * npm run soak -- --minutes 10
 *
 * Two API replicas (the built app) behind HAProxy (docker/haproxy.cfg) on a PostgreSQL of its own
 * (the embedded one, in a temp folder), all on loopback ports, driven by a realistic mix through the
 * proxy: a coordinator reading the club's meetings and attendance, recording attendance, writing
 * action items, confirming ledger entries and deciding candidacies; representatives answering RSVPs,
 * entering their community's contributions and reading their notifications. Prints per minute:
 * requests, errors, p50/p99 latency and each replica's resident memory; then the totals and the
 * memory trend. Exits 1 if any request failed. Stops every process it started.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { Proxy, Replica, scratchDir, TestDatabase } from '../ops/support/cluster';
import { coordinatorMix, demoWorld } from '../ops/support/demo';
import { Client, LoadLog, percentile, runLoad, type Operation } from '../ops/support/load';

function minutesArgument(): number {
  const index = process.argv.indexOf('--minutes');
  const minutes = index >= 0 ? Number(process.argv[index + 1]) : 10;
  if (!(minutes > 0 && minutes <= 24 * 60)) throw new Error('--minutes takes a number of minutes (default 10)');
  return minutes;
}

/** Candidacies made for the soak to decide: more than ten minutes of the mix decide (about 3 000). */
const CANDIDATES = 4000;

/** The club's active project and its lead community, whose representative enters ledger lines. */
async function activeProjectLead(db: Pool, clubId: string): Promise<{ projectId: string; communityId: string; email: string }> {
  const { rows } = await db.query(
    `SELECT pr.id AS "projectId", pr.lead_community_id AS "communityId", u.email
       FROM projects pr JOIN role_assignments r ON r.community_id = pr.lead_community_id AND r.role = 'representative'
       JOIN users u ON u.id = r.user_id
      WHERE pr.club_id = $1 AND pr.status = 'active' ORDER BY pr.created_at LIMIT 1`,
    [clubId],
  );
  if (!rows[0]) throw new Error('the demo club has no active project with a represented lead');
  return rows[0];
}

/** `count` candidacies in the club, each with the history that led there (apply, accept, nominate), written in bulk. */
async function candidatePool(db: Pool, clubId: string, count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `WITH actor AS (SELECT ra.user_id AS id FROM role_assignments ra WHERE ra.club_id = $1 AND ra.role = 'coordinator' LIMIT 1),
          made AS (INSERT INTO communities (name, tradition, registration_status)
                   SELECT 'Soak candidate ' || g, 'evangelical_protestant', 'not_registered' FROM generate_series(1, $2) g RETURNING id),
          -- A participation's version counts its steps (the next event's sequence follows it).
          parts AS (INSERT INTO participations (community_id, club_id, status, statement, version)
                    SELECT id, $1, 'candidate', 'We wish to take part.', 3 FROM made RETURNING id),
          history AS (INSERT INTO participation_events (participation_id, sequence, action, from_status, to_status, actor_id)
                      SELECT p.id, e.seq, e.action, e.from_status, e.to_status, (SELECT id FROM actor)
                        FROM parts p, (VALUES (1, 'apply', NULL, 'applied'), (2, 'accept', 'applied', 'observer'), (3, 'nominate', 'observer', 'candidate'))
                             AS e(seq, action, from_status, to_status))
     SELECT id FROM parts`,
    [clubId, count],
  );
  return rows.map((row) => row.id);
}

async function main(): Promise<number> {
  const minutes = minutesArgument();
  const scratch = scratchDir('soak');
  const parts: Array<{ stop(): Promise<void> }> = [];
  try {
    const database = await TestDatabase.start(`${scratch.dir}/postgres`);
    parts.push(database);
    const options = (name: string) => ({ name, databaseUrl: database.url, logDir: scratch.dir, env: { DEMO_DATA: 'true', LOG_LEVEL: 'warn' } });
    const replicas: [Replica, Replica] = await Promise.all([Replica.start(options('api1')), Replica.start(options('api2'))]);
    parts.unshift(...replicas);
    const proxy = await Proxy.start(replicas, scratch.dir);
    parts.unshift(proxy);
    const db = new Pool({ connectionString: database.url, max: 2 });
    const world = await demoWorld(db);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM meetings WHERE club_id = $1 AND starts_at > now() AND status = 'scheduled' ORDER BY starts_at LIMIT 1`, [world.clubId]);
    const ledger = await activeProjectLead(db, world.clubId);
    const candidates = await candidatePool(db, world.clubId, CANDIDATES);
    await db.end();

    const coordinator = await Client.signIn(proxy.url, 'coordinator@dastarkhan.kz');
    const grace = await Client.signIn(proxy.url, 'grace@dastarkhan.kz');
    const lead = await Client.signIn(proxy.url, ledger.email);
    const roster = (await coordinator.send('GET', `/api/meetings/${world.pastMeetingId}/attendance`)).body as Array<{
      communityId: string;
      recordable: boolean;
      version: number;
    }>;
    // The version each row was last seen at; a row being changed is not changed again at the same time.
    const versions = new Map(roster.filter((row) => row.recordable).map((row) => [row.communityId, row.version]));
    const busy = new Set<string>();
    const decided: string[] = [];
    let turn = 0;
    const answers = ['yes', 'maybe', 'no'];
    const operations: Operation[] = [
      ...coordinatorMix(coordinator, world),
      {
        name: 'rsvp',
        write: true,
        run: () => grace.send('PUT', `/api/meetings/${rows[0].id}/rsvp`, { communityId: world.graceCommunityId, answer: answers[turn++ % 3], attendees: turn % 7 }),
      },
      { name: 'upcoming', write: false, run: () => grace.send('GET', `/api/meetings/${rows[0].id}`) },
      {
        name: 'attendance record',
        write: true,
        run: async () => {
          const communityId = [...versions.keys()].find((id) => !busy.has(id));
          if (!communityId) return coordinator.send('GET', `/api/meetings/${world.pastMeetingId}/attendance`);
          busy.add(communityId);
          try {
            const status = ['present', 'absent', 'excused'][turn++ % 3];
            const answer = await coordinator.send('PUT', `/api/meetings/${world.pastMeetingId}/attendance/${communityId}`, { status, version: versions.get(communityId) });
            if (answer.status === 200) versions.set(communityId, (answer.body as { version: number }).version);
            return answer;
          } finally {
            busy.delete(communityId);
          }
        },
      },
      { name: 'notifications', write: false, run: () => grace.send('GET', '/api/notifications') },
      {
        // The lead enters a line of its ledger; the coordinator confirms it.
        name: 'ledger entry',
        write: true,
        run: async () => {
          const entered = await lead.send('POST', `/api/projects/${ledger.projectId}/contributions`, { communityId: ledger.communityId, role: 'lead', volunteers: 1 + (turn++ % 9), hours: 2.5 });
          if (entered.status !== 201) return entered;
          const { id, version } = entered.body as { id: string; version: number };
          return coordinator.send('POST', `/api/projects/${ledger.projectId}/contributions/${id}/review`, { decision: 'confirm', version });
        },
        acknowledged: (answer) => (answer.body as { id: string }).id,
      },
      {
        // Each candidacy of the pool is decided once (deferred); when the pool is spent, the decisions are read.
        name: 'decision',
        write: true,
        run: () => {
          const candidate = candidates.pop();
          if (!candidate) return coordinator.send('GET', `/api/participations/${decided.at(-1)}/decisions`);
          decided.push(candidate);
          return coordinator.send('POST', `/api/participations/${candidate}/decisions`, {
            outcome: 'defer',
            reasonCode: 'more_participation_needed',
            reasonText: 'Take part in a few more meetings and a joint project first.',
            version: 3,
          });
        },
      },
    ];

    console.log(`soak: ${minutes} min, 6 clients through HAProxy ${proxy.url} → api1 (:${replicas[0].port}), api2 (:${replicas[1].port}); PostgreSQL ${database.port}`);
    console.log('minute  requests    errors    p50 ms    p99 ms  api1 MiB  api2 MiB');
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const log = new LoadLog();
    const load = runLoad(operations, { workers: 6, pauseMs: 10, until: done, log });
    const started = Date.now();
    const memory: number[] = [];
    for (let minute = 1; minute <= minutes; minute++) {
      await sleep(started + minute * 60_000 - Date.now());
      const slice = log.records.filter((record) => record.at >= started + (minute - 1) * 60_000 && record.at < started + minute * 60_000);
      const latencies = slice.map((record) => record.ms);
      const errors = slice.filter((record) => record.status < 200 || record.status >= 400).length;
      const [a, b] = [replicas[0].memoryMiB(), replicas[1].memoryMiB()];
      memory.push(a + b);
      console.log(
        [minute, slice.length, errors, percentile(latencies, 50).toFixed(1), percentile(latencies, 99).toFixed(1), a, b]
          .map((value, i) => String(value).padStart(i === 0 ? 6 : 8))
          .join('  '),
      );
    }
    finish();
    await load;
    const failures = log.failures();
    const all = log.records.map((record) => record.ms);
    const trend = memory;
    console.log(
      `\ntotal: ${log.records.length} requests (${log.writes} writes), ${failures.length} errors, p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms; ` +
        `memory of both replicas: first minute ${trend[0] ?? '-'} MiB, last ${trend[trend.length - 1] ?? '-'} MiB, highest ${Math.max(...trend, 0)} MiB`,
    );
    for (const failure of failures.slice(0, 10)) console.log(`error: ${failure.name} → ${failure.status} ${failure.code ?? failure.error ?? ''}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    for (const part of parts) await part.stop().catch(() => undefined);
    scratch.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
