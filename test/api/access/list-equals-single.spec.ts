import { generateSync } from 'otplib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, Pool } from 'pg';
import { createApp } from '../../../apps/api/src/app';
import { loadConfig } from '../../../apps/api/src/config/app-config';
import { DEMO_PASSWORD } from '../../../apps/api/src/database/demo-data';
import { prepareDatabase } from '../../../apps/api/src/database/prepare-database';
import { createRootLogger } from '../../../apps/api/src/logger';
import { createFactories } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { quoteIdent, testDatabaseUrl, withDatabase } from '../support/test-database';
import { almatyDay, CALLER_KINDS, seedWorld, World } from '../support/world';

/**
 * Lists show exactly what the single read allows (apps/api/docs/access-contract.md; docs/domain.md,
 * P2 and P13): for every list endpoint and every kind of caller, each item a list returns passes
 * that caller's single read, and no record of the list's scope that the caller can read singly is
 * missing from it. Run as a property over the world (test/api/support/world.ts) for every kind of
 * caller, and over the demo data (apps/api/src/database/demo-data.ts) for its logins.
 *
 * The demo data loads only into an empty database (it refuses once any city exists), and the run's
 * database is shared with every other suite: it is loaded into a database of its own on the same
 * server, created and dropped here, with an app of its own. Where the server refuses to create one,
 * the demo part says so and is skipped.
 *
 * Pairs:
 * | list                                              | single read              | "missing" is checked over                                  |
 * | ------------------------------------------------- | ------------------------ | ---------------------------------------------------------- |
 * | GET /clubs                                        | GET /clubs/{id}          | the dataset's clubs                                        |
 * | GET /clubs/{id}/meetings?from&to                  | GET /meetings/{id}       | the club's meetings in the window                          |
 * | GET /clubs/{id}/projects                          | GET /projects/{id}       | the club's projects                                        |
 * | GET /clubs/{id}/participations                    | GET /participations/{id} | the club's participations (where the list answers 200)     |
 * | GET /communities/{id}/participations              | GET /participations/{id} | the community's participations (where the list answers 200) |
 * | GET /official/candidacies (named)                 | GET /participations/{id} | candidates of the dataset's clubs (where it answers 200)   |
 * | GET /clubs/{id} participants                      | GET /communities/{id}    | communities taking part only in that club, in a status the page shows the caller (participants; applications to the club's coordinators and the applicant) |
 * | GET /meetings/{id}/attendance                     | GET /communities/{id}    | communities recorded at the meeting, and for a meeting not yet started the club's invited ones |
 */

type Api = { get(path: string, auth?: Record<string, string> | null): Promise<{ status: number; body: unknown }> };

interface Caller {
  kind: string;
  auth: Record<string, string> | null;
  coordinates: string[];
  represents: string[];
}

interface Dataset {
  name: string;
  api: Api;
  db: Pool;
  clubIds: string[];
  callers: Caller[];
  answers: Map<string, Promise<{ status: number; body: unknown }>>;
}

/** Reads through fastify's inject (same routing, guards and serialisation; no socket). */
function injector(app: NestFastifyApplication): Api {
  const fastify = app.getHttpAdapter().getInstance();
  return {
    async get(path, auth) {
      const response = await fastify.inject({ method: 'GET', url: path, headers: auth ?? {} });
      const json = String(response.headers['content-type'] ?? '').includes('json');
      return { status: response.statusCode, body: json && response.body ? JSON.parse(response.body) : response.body };
    },
  };
}

async function callerOf(api: Api, kind: string, auth: Record<string, string> | null): Promise<Caller> {
  if (!auth) return { kind, auth, coordinates: [], represents: [] };
  const me = await api.get('/api/auth/me', auth);
  expect(me.status).toBe(200);
  const roles = (me.body as { roles: Array<{ role: string; clubId: string | null; communityId: string | null }> }).roles;
  return {
    kind,
    auth,
    coordinates: roles.filter((r) => r.role === 'coordinator' && r.clubId).map((r) => r.clubId as string),
    represents: roles.filter((r) => r.role === 'representative' && r.communityId).map((r) => r.communityId as string),
  };
}

const FROM = almatyDay(-190);
const TO = almatyDay(200);
const ids = (items: unknown, pick: (item: Record<string, unknown>) => unknown = (item) => item.id) =>
  (Array.isArray(items) ? items : []).map((item) => pick(item as Record<string, unknown>) as string);

/** The property over one dataset and one pair, for every caller: the violations found. */
class Property {
  readonly violations: string[] = [];
  checks = 0;

  constructor(private readonly data: Dataset) {}

  /** One answer per caller and path for the whole dataset (the pairs only read). */
  get(caller: Caller, path: string) {
    const key = `${caller.kind} ${path}`;
    if (!this.data.answers.has(key)) this.data.answers.set(key, this.data.api.get(path, caller.auth));
    return this.data.answers.get(key) as Promise<{ status: number; body: unknown }>;
  }

  /** Each listed id answers 200 singly; each candidate that answers 200 singly is listed. */
  async compare(caller: Caller, pair: string, listed: string[], candidates: string[], single: (id: string) => string): Promise<void> {
    await Promise.all(
      [...new Set([...listed, ...candidates])].map(async (id) => {
        const { status } = await this.get(caller, single(id));
        this.checks++;
        if (listed.includes(id) && status !== 200) this.violations.push(`${pair} as ${caller.kind}: lists ${id}, whose single read answers ${status}`);
        if (!listed.includes(id) && status === 200) this.violations.push(`${pair} as ${caller.kind}: leaves out ${id}, which the single read shows`);
      }),
    );
  }

  async run(body: (caller: Caller) => Promise<void>): Promise<void> {
    await Promise.all(this.data.callers.map((caller) => body(caller)));
  }
}

const PAIRS: Array<{ name: string; check: (p: Property, data: Dataset) => Promise<void> }> = [
  {
    name: 'GET /clubs ↔ GET /clubs/{id}',
    check: (p, data) =>
      p.run(async (caller) => {
        // Every page of the list (keyset pages by name), as a reader paging to the end would see it.
        const all: Array<{ id: string }> = [];
        for (let after: string | null = ''; after !== null; ) {
          const list = await p.get(caller, `/api/clubs?limit=200${after ? `&after=${after}` : ''}`);
          expect(list.status).toBe(200);
          const page = list.body as { items: Array<{ id: string }>; nextAfter: string | null };
          all.push(...page.items);
          after = page.nextAfter;
        }
        const listed = ids(all).filter((id) => data.clubIds.includes(id));
        await p.compare(caller, 'GET /clubs', listed, data.clubIds, (id) => `/api/clubs/${id}`);
      }),
  },
  {
    name: 'GET /clubs/{id}/meetings ↔ GET /meetings/{id}',
    check: async (p, data) => {
      const { rows } = await data.db.query<{ id: string; club_id: string }>(
        `SELECT id, club_id FROM meetings WHERE club_id = ANY($1) AND starts_at >= ($2::date - interval '5 hours') AND starts_at < ($3::date + interval '19 hours')`,
        [data.clubIds, FROM, TO],
      );
      await p.run(async (caller) => {
        for (const clubId of data.clubIds) {
          const list = await p.get(caller, `/api/clubs/${clubId}/meetings?from=${FROM}&to=${TO}`);
          expect(list.status).toBe(200);
          const candidates = rows.filter((row) => row.club_id === clubId).map((row) => row.id);
          await p.compare(caller, `GET /clubs/${clubId}/meetings`, ids(list.body), candidates, (id) => `/api/meetings/${id}`);
        }
      });
    },
  },
  {
    name: 'GET /clubs/{id}/projects ↔ GET /projects/{id}',
    check: async (p, data) => {
      const { rows } = await data.db.query<{ id: string; club_id: string }>(`SELECT id, club_id FROM projects WHERE club_id = ANY($1)`, [data.clubIds]);
      await p.run(async (caller) => {
        for (const clubId of data.clubIds) {
          const list = await p.get(caller, `/api/clubs/${clubId}/projects`);
          expect(list.status).toBe(200);
          const candidates = rows.filter((row) => row.club_id === clubId).map((row) => row.id);
          await p.compare(caller, `GET /clubs/${clubId}/projects`, ids(list.body), candidates, (id) => `/api/projects/${id}`);
        }
      });
    },
  },
  {
    name: 'GET /clubs/{id}/participations ↔ GET /participations/{id}',
    check: async (p, data) => {
      const { rows } = await data.db.query<{ id: string; club_id: string }>(`SELECT id, club_id FROM participations WHERE club_id = ANY($1)`, [data.clubIds]);
      await p.run(async (caller) => {
        for (const clubId of data.clubIds) {
          const list = await p.get(caller, `/api/clubs/${clubId}/participations`);
          if (list.status !== 200) continue; // the coordinators' list: others are refused it whole (the access matrix)
          const candidates = rows.filter((row) => row.club_id === clubId).map((row) => row.id);
          await p.compare(caller, `GET /clubs/${clubId}/participations`, ids(list.body), candidates, (id) => `/api/participations/${id}`);
        }
      });
    },
  },
  {
    name: 'GET /communities/{id}/participations ↔ GET /participations/{id}',
    check: async (p, data) => {
      const { rows } = await data.db.query<{ id: string; community_id: string }>(
        `SELECT p.id, p.community_id FROM participations p WHERE p.community_id IN (SELECT community_id FROM participations WHERE club_id = ANY($1))`,
        [data.clubIds],
      );
      const communities = [...new Set(rows.map((row) => row.community_id))];
      await p.run(async (caller) => {
        for (const communityId of communities) {
          const list = await p.get(caller, `/api/communities/${communityId}/participations`);
          if (list.status !== 200) continue; // the community's own records: others are refused it whole
          const candidates = rows.filter((row) => row.community_id === communityId).map((row) => row.id);
          await p.compare(caller, `GET /communities/${communityId}/participations`, ids(list.body), candidates, (id) => `/api/participations/${id}`);
        }
      });
    },
  },
  {
    name: 'GET /official/candidacies (named) ↔ GET /participations/{id}',
    check: async (p, data) => {
      const { rows } = await data.db.query<{ id: string }>(`SELECT id FROM participations WHERE club_id = ANY($1) AND status = 'candidate'`, [data.clubIds]);
      const candidates = rows.map((row) => row.id);
      await p.run(async (caller) => {
        const list = await p.get(caller, '/api/official/candidacies');
        if (list.status !== 200) return; // officials only
        const named = ids((list.body as { named: unknown[] }).named, (item) => item.participationId);
        const text = JSON.stringify((list.body as { aggregate: unknown }).aggregate);
        for (const id of candidates) {
          if (text.includes(id)) p.violations.push(`GET /official/candidacies as ${caller.kind}: the aggregate carries the id ${id}`);
        }
        await p.compare(caller, 'GET /official/candidacies', named.filter((id) => candidates.includes(id)), candidates, (id) => `/api/participations/${id}`);
      });
    },
  },
  {
    name: 'GET /clubs/{id} participants ↔ GET /communities/{id}',
    check: async (p, data) => {
      const { rows } = await data.db.query<{ community_id: string; club_id: string; status: string; only_here: boolean }>(
        `SELECT p.community_id, p.club_id, p.status,
                NOT EXISTS (SELECT 1 FROM participations o WHERE o.community_id = p.community_id AND o.club_id <> p.club_id) AS only_here
           FROM participations p WHERE p.club_id = ANY($1)`,
        [data.clubIds],
      );
      await p.run(async (caller) => {
        for (const clubId of data.clubIds) {
          const page = await p.get(caller, `/api/clubs/${clubId}`);
          expect(page.status).toBe(200);
          const listed = ids((page.body as { participants: unknown[] }).participants, (item) => (item.community as { id: string }).id);
          // What the page shows: participants; pending applications to the club's coordinators and to the applicant itself.
          const shown = (row: (typeof rows)[number]) =>
            ['observer', 'candidate', 'member', 'suspended'].includes(row.status) ||
            (row.status === 'applied' && (caller.coordinates.includes(clubId) || caller.represents.includes(row.community_id)));
          const candidates = rows.filter((row) => row.club_id === clubId && row.only_here && shown(row)).map((row) => row.community_id);
          await p.compare(caller, `GET /clubs/${clubId} participants`, listed, candidates, (id) => `/api/communities/${id}`);
        }
      });
    },
  },
  {
    name: 'GET /meetings/{id}/attendance ↔ GET /communities/{id}',
    check: async (p, data) => {
      const { rows: meetings } = await data.db.query<{ id: string; club_id: string; started: boolean }>(
        `SELECT id, club_id, starts_at <= now() AS started FROM meetings WHERE club_id = ANY($1) AND starts_at >= ($2::date - interval '5 hours') AND starts_at < ($3::date + interval '19 hours')`,
        [data.clubIds, FROM, TO],
      );
      const { rows: recorded } = await data.db.query<{ meeting_id: string; community_id: string }>(
        `SELECT meeting_id, community_id FROM attendance WHERE meeting_id = ANY($1)`,
        [meetings.map((m) => m.id)],
      );
      const { rows: invited } = await data.db.query<{ club_id: string; community_id: string }>(
        `SELECT club_id, community_id FROM participations WHERE club_id = ANY($1) AND status IN ('observer', 'candidate', 'member')`,
        [data.clubIds],
      );
      await p.run(async (caller) => {
        for (const meeting of meetings) {
          const list = await p.get(caller, `/api/meetings/${meeting.id}/attendance`);
          if (list.status !== 200) continue; // the club's records: others are refused them whole
          const candidates = [
            ...recorded.filter((r) => r.meeting_id === meeting.id).map((r) => r.community_id),
            ...(meeting.started ? [] : invited.filter((r) => r.club_id === meeting.club_id).map((r) => r.community_id)),
          ];
          await p.compare(caller, `GET /meetings/${meeting.id}/attendance`, ids(list.body, (row) => (row.community as { id: string }).id), candidates, (id) => `/api/communities/${id}`);
        }
      });
    },
  },
];

let t: TestApp;
let w: World;
let world: Dataset;
let demo: { dataset: Dataset | null; skipped: string | null; app?: NestFastifyApplication; pool?: Pool; database?: string } = { dataset: null, skipped: null };
const summary: string[] = [];

/** The demo data in a database of its own (created here, dropped in afterAll), with an app of its own. */
async function loadDemo(): Promise<void> {
  const testUrl = testDatabaseUrl();
  const database = `${new URL(testUrl).pathname.slice(1)}_demo`.slice(0, 63);
  const admin = new Client({ connectionString: testUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } catch (error) {
    demo = { dataset: null, skipped: `the server refused a database of its own for the demo data (${(error as Error).message})` };
    return;
  } finally {
    await admin.end();
  }
  const url = withDatabase(testUrl, database);
  demo.database = database;
  await prepareDatabase(url, { demoData: true, logger: createRootLogger('silent') });
  const pool = new Pool({ connectionString: url, max: 2 });
  demo.pool = pool;
  // The demo has no official of a second region: one, with the demo password, for that kind of caller.
  await pool.query(
    `WITH u AS (INSERT INTO users (email, password_hash, display_name, locale)
                SELECT 'official.shymkent@dastarkhan.kz', password_hash, 'Shymkent Religious Affairs Department', 'ru' FROM users WHERE email = 'admin@dastarkhan.kz'
                RETURNING id)
     INSERT INTO role_assignments (user_id, role, region) SELECT id, 'official', 'shymkent-city' FROM u`,
  );
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST: '', LOG_LEVEL: 'silent', LOGIN_MAX_FAILURES: '50' });
  const app = await createApp({ config, databaseUrl: url, logger: createRootLogger('silent') });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  demo.app = app;
  const api = injector(app);
  const fastify = app.getHttpAdapter().getInstance();
  const login = async (email: string) => {
    const response = await fastify.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
    if (response.statusCode !== 200) throw new Error(`demo login ${email}: ${response.statusCode} ${response.body}`);
    const session = response.cookies.find((cookie) => cookie.name === 'dastarkhan_session');
    const headers = { Cookie: `dastarkhan_session=${session?.value}` };
    // Demo administrators and officials set up their second factor at their first sign-in, as the README says.
    const { user } = JSON.parse(response.body);
    if (user.secondFactorRequired && !user.secondFactorEnabled) {
      const started = await fastify.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment', headers });
      const code = generateSync({ secret: JSON.parse(started.body).secret });
      const confirmed = await fastify.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment/confirmation', headers, payload: { code } });
      if (confirmed.statusCode !== 200) throw new Error(`demo enrolment ${email}: ${confirmed.statusCode} ${confirmed.body}`);
    }
    return headers;
  };
  // The demo's logins (README), one per kind of caller as far as the demo has one.
  const logins: Array<[string, string | null]> = [
    ['anonymous', null],
    ['administrator', 'admin@dastarkhan.kz'],
    ['coordinator of the Almaty club', 'coordinator@dastarkhan.kz'],
    ['coordinator of the other clubs', 'coordinator.regions@dastarkhan.kz'],
    ['representative of Grace Fellowship (protected observer, Almaty)', 'grace@dastarkhan.kz'],
    ['representative of New Life (no club)', 'rep@dastarkhan.kz'],
    ['representative of the Central Mosque (registered member, Almaty)', 'mosque@dastarkhan.kz'],
    ['official of Almaty', 'official@dastarkhan.kz'],
    ['official of Shymkent', 'official.shymkent@dastarkhan.kz'],
    ['national official', 'official.national@dastarkhan.kz'],
  ];
  const callers = await Promise.all(logins.map(async ([kind, email]) => callerOf(api, kind, email ? await login(email) : null)));
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM clubs ORDER BY name`);
  demo.dataset = { name: 'the demo data', api, db: pool, clubIds: rows.map((row) => row.id), callers, answers: new Map() };
}

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(createFactories(t), t);
  const api = injector(t.app);
  world = {
    name: 'the world',
    api,
    db: t.db,
    clubIds: [w.clubA.id, w.clubB.id],
    callers: await Promise.all(CALLER_KINDS.map((kind) => callerOf(api, kind, w.callers[kind]?.auth ?? null))),
    answers: new Map(),
  };
}, 120_000);

afterAll(async () => {
  console.log(`list equals single read:\n${summary.join('\n')}${demo.skipped ? `\ndemo data skipped: ${demo.skipped}` : ''}`);
  await demo.app?.close();
  await demo.pool?.end();
  if (demo.database) {
    const admin = new Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(demo.database)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  await t?.close();
});

async function checkPair(name: string, data: Dataset | null, pair: (typeof PAIRS)[number]): Promise<void> {
  if (!data) {
    summary.push(`  ${name}: ${pair.name}: skipped (${demo.skipped})`);
    return;
  }
  const property = new Property(data);
  await pair.check(property, data);
  summary.push(`  ${name}: ${pair.name}: ${data.callers.length} callers, ${property.checks} single reads`);
  // Every signed-in caller was answered as itself (not, say, as anonymous after a lost session).
  for (const caller of data.callers.filter((c) => c.auth)) expect((await data.api.get('/api/auth/me', caller.auth)).status).toBe(200);
  expect(property.checks).toBeGreaterThan(0);
  expect(property.violations).toEqual([]);
}

describe('lists equal single reads over the world, for every kind of caller', () => {
  it.each(PAIRS.map((pair) => [pair.name, pair] as const))('%s', (_title, pair) => checkPair('the world', world, pair));
});

// After the world's part: a second app in the process takes over passport's strategies (its sessions, its database).
describe('lists equal single reads over the demo data, for each of its logins', () => {
  beforeAll(loadDemo, 120_000);
  it.each(PAIRS.map((pair) => [pair.name, pair] as const))('%s', (_title, pair) => checkPair('the demo data', demo.dataset, pair));
});
