import { Pool } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { Replica, scratchDir, TestDatabase } from './support/cluster';
import { coordinatorMix, demoWorld, type DemoWorld } from './support/demo';
import { Client, runLoad, type Operation } from './support/load';

/**
 * Faults production brings, on a PostgreSQL this file starts itself: the database stopped for ten
 * seconds under load, and the API process killed with SIGKILL in the middle of writes.
 */
let scratch: ReturnType<typeof scratchDir>;
let database: TestDatabase;
let db: Pool;
let replica: Replica;
let world: DemoWorld;

beforeAll(async () => {
  scratch = scratchDir('faults');
  database = await TestDatabase.start(`${scratch.dir}/postgres`);
  db = new Pool({ connectionString: database.url, max: 2 });
  // The test's own pool must survive the outage too (its idle connections are cut).
  db.on('error', () => undefined);
  replica = await Replica.start({ name: 'api', databaseUrl: database.url, logDir: scratch.dir, env: { DEMO_DATA: 'true' } });
  world = await demoWorld(db);
});

afterAll(async () => {
  await replica?.stop();
  await db?.end();
  await database?.stop();
  scratch?.remove();
});

describe('the database stops for 10 seconds under load', () => {
  it('answers 503 with the error body meanwhile, recovers by itself, and keeps every write it acknowledged', async () => {
    const coordinator = await Client.signIn(replica.url, 'coordinator@dastarkhan.kz');
    let recovered!: () => void;
    const done = new Promise<void>((resolve) => (recovered = resolve));
    const load = runLoad(coordinatorMix(coordinator, world), { workers: 4, pauseMs: 20, until: done });

    await sleep(2000);
    await database.stop();
    const stoppedAt = Date.now();
    await sleep(1000);
    const probe = new Client(replica.url);
    const [ready, live] = [await probe.send('GET', '/api/health/ready'), await probe.send('GET', '/api/health/live')];
    await sleep(Math.max(0, 10_000 - (Date.now() - stoppedAt)));
    await database.start();
    // Recovers by itself: nothing is restarted but the database.
    const restartedAt = Date.now();
    while ((await probe.send('GET', '/api/health/ready')).status !== 200) {
      if (Date.now() - restartedAt > 30_000) throw new Error('the API did not recover within 30 s of the database coming back');
      await sleep(200);
    }
    const recoveredAt = Date.now();
    await sleep(2000);
    recovered();
    const log = await load;

    expect(ready.status).toBe(503);
    expect(live.status).toBe(200);
    const failures = log.failures();
    expect(failures.length).toBeGreaterThan(0);
    // Every failure was a prompt 503 with the usual error body: no 500, no hang, no dropped connection.
    expect(failures.filter((record) => record.status !== 503 || record.code !== 'DATABASE_UNAVAILABLE')).toEqual([]);
    // The requests after the recovery succeed again.
    const afterwards = log.records.filter((record) => record.at - record.ms > recoveredAt);
    expect(afterwards.length).toBeGreaterThan(0);
    expect(afterwards.every((record) => record.status < 400)).toBe(true);
    // Every write answered 2xx is in the database.
    expect(log.acknowledged.length).toBeGreaterThan(0);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM action_items WHERE id = ANY($1)`, [log.acknowledged]);
    expect(rows.map((row) => row.id).sort()).toEqual([...log.acknowledged].sort());
  });
});

describe('kill -9 of the API in the middle of writes', () => {
  it('leaves no half-written step: every attendance row agrees with its history, and acknowledged changes are kept', async () => {
    const coordinator = await Client.signIn(replica.url, 'coordinator@dastarkhan.kz');
    const roster = (await coordinator.send('GET', `/api/meetings/${world.pastMeetingId}/attendance`)).body as Array<{
      communityId: string;
      status: string | null;
      version: number;
      recordable: boolean;
    }>;
    // One worker per row, each cycling the row's status with the version it last saw.
    const rows = roster.filter((row) => row.recordable).slice(0, 4);
    const cycle = ['present', 'absent', 'excused'];
    const acknowledgedVersion = new Map<string, number>();
    const operations: Operation[] = rows.map((row) => ({
      name: `attendance ${row.communityId}`,
      write: true,
      run: async () => {
        const status = cycle[(cycle.indexOf(row.status ?? 'excused') + 1) % cycle.length];
        const answer = await coordinator.send('PUT', `/api/meetings/${world.pastMeetingId}/attendance/${row.communityId}`, { status, version: row.version });
        if (answer.status === 200) Object.assign(row, { status, version: (answer.body as { version: number }).version });
        return answer;
      },
      acknowledged: (answer) => {
        acknowledgedVersion.set(row.communityId, (answer.body as { version: number }).version);
        return row.communityId;
      },
    }));
    let killed!: () => void;
    const done = new Promise<void>((resolve) => (killed = resolve));
    const load = runLoad(operations, { workers: rows.length, until: done });
    await sleep(3000);
    await replica.kill();
    await sleep(500);
    killed();
    const log = await load;

    // Some writes were cut off mid-request (the connection dropped, not refused): the kill hit writes in flight.
    expect(log.records.some((record) => record.status === 0 && record.error !== 'ECONNREFUSED')).toBe(true);
    expect(log.acknowledged.length).toBeGreaterThan(0);

    await replica.start();
    const { rows: history } = await db.query<{ community_id: string; status: string; version: number; events: string; last: string; chained: boolean }>(
      `SELECT a.community_id, a.status, a.version,
              (SELECT count(*) FROM attendance_events e WHERE e.meeting_id = a.meeting_id AND e.community_id = a.community_id) AS events,
              (SELECT to_status FROM attendance_events e WHERE e.meeting_id = a.meeting_id AND e.community_id = a.community_id
                ORDER BY created_at DESC LIMIT 1) AS last,
              NOT EXISTS (SELECT 1 FROM (SELECT from_status, lag(to_status) OVER (ORDER BY created_at) AS previous
                                           FROM attendance_events e WHERE e.meeting_id = a.meeting_id AND e.community_id = a.community_id) steps
                           WHERE steps.previous IS NOT NULL AND steps.previous IS DISTINCT FROM steps.from_status) AS chained
         FROM attendance a WHERE a.meeting_id = $1`,
      [world.pastMeetingId],
    );
    for (const row of history) {
      expect({ community: row.community_id, last: row.last, events: Number(row.events), chained: row.chained }).toEqual({
        community: row.community_id,
        last: row.status,
        events: row.version,
        chained: true,
      });
      expect(row.version).toBeGreaterThanOrEqual(acknowledgedVersion.get(row.community_id) ?? 0);
    }
    const { rows: participations } = await db.query(
      `SELECT p.id FROM participations p
        WHERE p.status IS DISTINCT FROM (SELECT to_status FROM participation_events e WHERE e.participation_id = p.id ORDER BY sequence DESC LIMIT 1)`,
    );
    expect(participations).toEqual([]);
  });
});
