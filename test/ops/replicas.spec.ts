import { Pool } from 'pg';
import { startSmtpServer } from '../api/support/smtp-server';
import { Proxy, Replica, scratchDir, TestDatabase } from './support/cluster';
import { coordinatorMix, demoWorld, type DemoWorld } from './support/demo';
import { Client, DEMO_PASSWORD, runLoad } from './support/load';

/**
 * Two API replicas behind HAProxy (docker/haproxy.cfg) on one PostgreSQL: nothing a request needs
 * lives in one replica's memory, and a rolling restart loses no request.
 */
const MAX_FAILURES = 3;
let scratch: ReturnType<typeof scratchDir>;
let database: TestDatabase;
let db: Pool;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let a: Replica;
let b: Replica;
let proxy: Proxy;
let world: DemoWorld;

beforeAll(async () => {
  scratch = scratchDir('replicas');
  database = await TestDatabase.start(`${scratch.dir}/postgres`);
  db = new Pool({ connectionString: database.url, max: 3 });
  // An idle connection cut when the database stops at the end is no test failure.
  db.on('error', () => undefined);
  smtp = await startSmtpServer();
  const options = (name: string) => ({
    name,
    databaseUrl: database.url,
    logDir: scratch.dir,
    env: { DEMO_DATA: 'true', LOGIN_MAX_FAILURES: String(MAX_FAILURES), SMTP_URL: smtp.url, SHUTDOWN_DRAIN_SECONDS: '3' },
  });
  // Both start at once on the empty database: one migrates and loads the demo data, the other waits.
  [a, b] = await Promise.all([Replica.start(options('api1')), Replica.start(options('api2'))]);
  proxy = await Proxy.start([a, b], scratch.dir);
  world = await demoWorld(db);
});

afterAll(async () => {
  for (const part of [proxy, a, b]) await part?.stop();
  await smtp?.close();
  await db?.end();
  await database?.stop();
  scratch?.remove();
});

describe('two replicas behind HAProxy', () => {
  it('migrated the empty database once although both replicas started at the same moment', async () => {
    const { rows } = await db.query(`SELECT name FROM typeorm_migrations GROUP BY name HAVING count(*) > 1`);
    expect(rows).toEqual([]);
    expect(Number((await db.query(`SELECT count(*) AS n FROM users WHERE email = 'grace@dastarkhan.kz'`)).rows[0].n)).toBe(1);
  });

  it('a session opened on one replica works on the other, and signing out on one ends it on both', async () => {
    const onA = await Client.signIn(a.url, 'coordinator@dastarkhan.kz');
    const onB = onA.at(b.url);
    expect((await onB.send('GET', '/api/auth/me')).status).toBe(200);
    expect((await onB.send('POST', '/api/auth/logout')).status).toBeLessThan(300);
    expect((await onA.send('GET', '/api/auth/me')).status).toBe(401);
  });

  it("counts failed sign-ins across replicas: a browser's own allowance (device cookie) and unknown browsers'", async () => {
    // The owner's browser signed in before (it holds the device cookie); it then fails on both replicas in turn.
    const browser = await Client.signIn(a.url, 'mosque@dastarkhan.kz');
    expect(browser.cookie('dastarkhan_device')).toBeDefined();
    const failures = [a, b, a].map((replica) => browser.at(replica.url).send('POST', '/api/auth/login', { email: 'mosque@dastarkhan.kz', password: 'wrong' }));
    for (const failure of await Promise.all(failures)) expect(failure.status).toBe(401);
    const throttled = await browser.at(b.url).send('POST', '/api/auth/login', { email: 'mosque@dastarkhan.kz', password: DEMO_PASSWORD });
    expect([throttled.status, (throttled.body as { code: string }).code]).toEqual([429, 'AUTH.TOO_MANY_ATTEMPTS']);

    // Unknown browsers guessing the account on alternate replicas are refused as one.
    for (const replica of [a, b, a]) {
      expect((await new Client(replica.url).send('POST', '/api/auth/login', { email: 'official@dastarkhan.kz', password: 'guess' })).status).toBe(401);
    }
    const guess = await new Client(b.url).send('POST', '/api/auth/login', { email: 'official@dastarkhan.kz', password: DEMO_PASSWORD });
    expect(guess.status).toBe(429);
  });

  it('counts wrong check-in codes across replicas', async () => {
    // A meeting in progress now, so that check-in is open.
    const { rows } = await db.query<{ id: string; check_in_code: string }>(
      `UPDATE meetings SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '1 hour'
        WHERE id = (SELECT id FROM meetings WHERE club_id = $1 AND starts_at > now() AND status = 'scheduled' ORDER BY starts_at LIMIT 1)
        RETURNING id, check_in_code`,
      [world.clubId],
    );
    const [{ id: meetingId, check_in_code: code }] = rows;
    const grace = await Client.signIn(a.url, 'grace@dastarkhan.kz');
    for (const replica of [a, b, a]) {
      const wrong = await grace.at(replica.url).send('POST', `/api/meetings/${meetingId}/check-in`, { communityId: world.graceCommunityId, code: 'WRONG-CODE' });
      expect((wrong.body as { code: string }).code).toBe('MEETING.WRONG_CODE');
    }
    const right = await grace.at(b.url).send('POST', `/api/meetings/${meetingId}/check-in`, { communityId: world.graceCommunityId, code });
    expect([right.status, (right.body as { code: string }).code]).toEqual([429, 'MEETING.TOO_MANY_ATTEMPTS']);
  });

  it('sends every email of the outbox exactly once while both replicas poll it', async () => {
    const addresses = Array.from({ length: 60 }, (_, i) => `replica-outbox-${i}@dastarkhan.test`);
    await db.query(`INSERT INTO email_outbox (to_address, subject, body) SELECT x, 'Meeting moved', 'Hello.' FROM unnest($1::text[]) x`, [addresses]);
    const deadline = Date.now() + 60_000;
    while (Number((await db.query(`SELECT count(*) AS n FROM email_outbox WHERE to_address = ANY($1) AND status <> 'sent'`, [addresses])).rows[0].n) > 0) {
      if (Date.now() > deadline) throw new Error('the outbox was not sent within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const received = smtp.received.flatMap((mail) => mail.to).filter((to) => addresses.includes(to));
    expect(received.sort()).toEqual([...addresses].sort());
  });

  it('lets exactly one of two simultaneous changes of the same record win, each sent to another replica', async () => {
    const coordinator = await Client.signIn(a.url, 'coordinator@dastarkhan.kz');
    const rows = (await coordinator.send('GET', `/api/meetings/${world.pastMeetingId}/attendance`)).body as Array<{
      communityId: string;
      status: string | null;
      version: number;
      recordable: boolean;
    }>;
    const recordable = rows.filter((row) => row.recordable);
    expect(recordable.length).toBeGreaterThan(1);
    for (const row of recordable) {
      const change = (replica: Replica, status: string) =>
        coordinator.at(replica.url).send('PUT', `/api/meetings/${world.pastMeetingId}/attendance/${row.communityId}`, { status, version: row.version });
      // Two real changes (recording the status it already has changes nothing, and conflicts with nothing).
      const [first, second] = ['present', 'absent', 'excused'].filter((status) => status !== row.status);
      const answers = await Promise.all([change(a, first), change(b, second)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    }
  });

  it('a rolling restart of both replicas under mixed read/write load fails no request through the proxy', async () => {
    const coordinator = await Client.signIn(proxy.url, 'coordinator@dastarkhan.kz');
    let restarted!: () => void;
    const done = new Promise<void>((resolve) => (restarted = resolve));
    const load = runLoad(coordinatorMix(coordinator, world), { workers: 4, pauseMs: 20, until: done });

    const exitCodes: Array<number | null> = [];
    for (const replica of [a, b]) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      exitCodes.push(await replica.terminate());
      await replica.start();
      await proxy.waitUntil(replica.options.name, 'UP');
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    restarted();
    const log = await load;

    expect(exitCodes).toEqual([0, 0]);
    expect(log.failures()).toEqual([]);
    expect(log.records.length).toBeGreaterThan(100);
    // Every action item the load was told was created is there.
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM action_items WHERE id = ANY($1)`, [log.acknowledged]);
    expect(rows).toHaveLength(log.acknowledged.length);
    expect(log.acknowledged.length).toBe(log.writes);
  });
});
