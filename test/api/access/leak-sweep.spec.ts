import { createFactories } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import type { TestUser } from '../support/factories';
import { CALLER_KINDS, CommunityKey, seedWorld, World, WorldCommunity } from '../support/world';
import { AppRoute, MATRIX_HEADERS, routesOf } from './route-table';

/**
 * The leak sweep (docs/domain.md, P2, P3, P4, P7, P12): every GET route of the running app — JSON,
 * the iCal feed public and private — asked by every kind of caller about every record of the world
 * it can name (the world's ids, and every uuid harvested from earlier answers: lists of clubs,
 * notifications, the email outbox, candidacies, registration claims, appeals, …). Every answer is
 * searched for the world's distinctive names; a name the oracle below does not grant that caller is
 * a leak, reported as route + caller + name.
 *
 * Callers: the access matrix's ten kinds, and the representatives of a pending applicant and of a
 * declined community (who meet no one in the club). The oracle is written from the rules, not from
 * the app's code: per kind of caller, which
 * communities' names (P2), which representatives' personal names (P3), whose leaders and meeting
 * place (P4) and whose contact details (P4) it may read. The app prints no CSV today; the sweep
 * walks whatever GET routes the app has, so a CSV route would be swept as it comes.
 */
let t: TestApp;
let w: World;

type Detail = 'community name' | 'personal name' | 'leaders' | 'meeting place' | 'contact details';
type Key = CommunityKey | 'other';

interface Grant {
  /** P2: communities it may see by name (P1: registered or public ones, anyone). */
  communities: Key[];
  /** P3: representatives it may see by their personal name (a verified registration's, anyone who sees it). */
  people: Key[];
  /** P4: leaders' names and meeting place (a registered community's: anyone who sees it). */
  leadersAndPlace: Key[];
  /** P4: contact details — the community itself and its coordinators only. */
  contacts: Key[];
}

const OPEN: Key[] = ['member', 'publicObserver'];
const ALL_OF_A: Key[] = ['hidden', 'member', 'candidate', 'publicObserver', 'applicant', 'declined', 'withdrawn', 'claimant'];
/** A's observers, candidates and members: whom a participant of A meets in person (P2 item 2). */
const PARTICIPANTS_OF_A: Key[] = ['hidden', 'member', 'candidate', 'publicObserver', 'claimant'];

/**
 * What each caller may read of the world (club A's communities and O, the observer of club B).
 * M is registered (verified): its name, its representative and its leaders and place are open to
 * anyone; U chose to be public: its name only (going public discloses the community, not its people).
 */
/** The matrix's kinds of caller, and two positions more: an applicant not yet admitted, a community declined. */
const SWEEP_CALLERS = [...CALLER_KINDS, 'representativeOfApplicant', 'representativeOfDeclined'] as const;
type SweepCaller = (typeof SWEEP_CALLERS)[number];
const LABELS: Record<SweepCaller, string> = {
  ...MATRIX_HEADERS,
  representativeOfApplicant: 'representative of a community whose application is pending',
  representativeOfDeclined: 'representative of a declined community',
};
const userOf = (caller: SweepCaller): TestUser | null =>
  caller === 'representativeOfApplicant'
    ? w.applicant.representative
    : caller === 'representativeOfDeclined'
      ? w.declined.representative
      : w.callers[caller];

const ORACLE: Record<SweepCaller, Grant> = {
  anonymous: { communities: OPEN, people: ['member'], leadersAndPlace: ['member'], contacts: [] },
  // P2 item 5 and P12: names (each read recorded), never contacts, leaders or a protected community's people.
  administrator: { communities: [...ALL_OF_A, 'other'], people: ['member'], leadersAndPlace: ['member'], contacts: [] },
  // "Its coordinators": every community that ever applied to A, with its people and details.
  coordinatorOfClub: { communities: ALL_OF_A, people: ALL_OF_A, leadersAndPlace: ALL_OF_A, contacts: ALL_OF_A },
  coordinatorOfOtherClub: { communities: [...OPEN, 'other'], people: ['member', 'other'], leadersAndPlace: ['member', 'other'], contacts: ['other'] },
  // P, an observer of A: its fellow participants by community name; no personal name but its own and M's.
  representativeOfCommunity: { communities: PARTICIPANTS_OF_A, people: ['hidden', 'member'], leadersAndPlace: ['hidden', 'member'], contacts: ['hidden'] },
  representativeOfOtherCommunity: { communities: [...OPEN, 'other'], people: ['member', 'other'], leadersAndPlace: ['member', 'other'], contacts: ['other'] },
  representativeOfMember: { communities: PARTICIPANTS_OF_A, people: ['member'], leadersAndPlace: ['member'], contacts: ['member'] },
  // P2 item 4, P5, P6: C consents and takes part in A's region; never C's people (P3), never details (P4).
  officialOfRegion: { communities: [...OPEN, 'candidate'], people: ['member'], leadersAndPlace: ['member'], contacts: [] },
  officialOfOtherRegion: { communities: OPEN, people: ['member'], leadersAndPlace: ['member'], contacts: [] },
  nationalOfficial: { communities: [...OPEN, 'candidate'], people: ['member'], leadersAndPlace: ['member'], contacts: [] },
  // Not (or no longer) a participant: it meets no one yet (P2 item 2 needs both sides taking part).
  representativeOfApplicant: { communities: [...OPEN, 'applicant'], people: ['member', 'applicant'], leadersAndPlace: ['member', 'applicant'], contacts: ['applicant'] },
  representativeOfDeclined: { communities: [...OPEN, 'declined'], people: ['member', 'declined'], leadersAndPlace: ['member', 'declined'], contacts: ['declined'] },
};

/**
 * P2 item 5 read narrowly: the administrator's work that needs a protected community's name is
 * appeals and registration claims. The app lets the administrator read every name (each read
 * recorded), which the grant above follows; the sweep lists the other places it happens, as a
 * question for review, without failing.
 */
const ADMINISTRATOR_WORK: Array<{ route: string; communities: Key[] }> = [
  { route: 'GET /api/appeals', communities: ['declined'] },
  // The notice of D's appeal (appeal_filed) tells the administrator which community appealed.
  { route: 'GET /api/notifications', communities: ['declined'] },
  { route: 'GET /api/registration-claims', communities: ['claimant'] },
];

/** P7: filing a claim shows the entry it claims (the name it is registered under) to the officials who verify it. */
const ROUTE_GRANTS: Array<{ route: string; callers: SweepCaller[]; communities: Key[] }> = [
  { route: 'GET /api/registration-claims', callers: ['officialOfRegion', 'nationalOfficial', 'administrator'], communities: ['claimant'] },
];

interface Secret {
  text: string;
  detail: Detail;
  key: Key;
  /** Scene of the community (O: 0); callers relate to scene 0 only. */
  scene: number;
}

function secretsOf(world: World): Secret[] {
  const entries: Array<[Key, WorldCommunity, number]> = [
    ...world.scenes.flatMap((scene) =>
      (['hidden', 'member', 'candidate', 'publicObserver', 'applicant', 'declined', 'withdrawn', 'claimant'] as const).map(
        (key): [Key, WorldCommunity, number] => [key, scene[key], scene.index],
      ),
    ),
    ['other', world.other, 0],
  ];
  return entries.flatMap(([key, c, scene]) => [
    { text: c.name, detail: 'community name' as const, key, scene },
    { text: c.representative.displayName, detail: 'personal name' as const, key, scene },
    { text: c.leaders, detail: 'leaders' as const, key, scene },
    { text: c.meetingPlace, detail: 'meeting place' as const, key, scene },
    { text: c.contactEmail, detail: 'contact details' as const, key, scene },
    { text: c.contactPhone, detail: 'contact details' as const, key, scene },
  ]);
}

function allowed(caller: SweepCaller, route: string, secret: Secret): boolean {
  // The first scene is "club A"; more scenes (World size > 1) are clubs the callers have no part in.
  const grant: Grant =
    secret.scene === 0
      ? ORACLE[caller]
      : {
          communities: [...OPEN, ...(caller === 'administrator' ? ALL_OF_A : []), ...(caller === 'officialOfRegion' || caller === 'nationalOfficial' ? ['candidate' as const] : [])],
          people: ['member'],
          leadersAndPlace: ['member'],
          contacts: [],
        };
  switch (secret.detail) {
    case 'community name':
      return (
        grant.communities.includes(secret.key) ||
        ROUTE_GRANTS.some((g) => g.route === route && g.callers.includes(caller) && g.communities.includes(secret.key))
      );
    case 'personal name':
      return grant.people.includes(secret.key);
    case 'leaders':
    case 'meeting place':
      return grant.leadersAndPlace.includes(secret.key);
    case 'contact details':
      return grant.contacts.includes(secret.key);
  }
}

interface Leak {
  route: string;
  path: string;
  caller: SweepCaller;
  detail: Detail;
  found: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

type IdKind = 'club' | 'city' | 'community' | 'participation' | 'meeting' | 'project';

/** Where a uuid was found says what it is (the key holding it, or the object holding an `id`). */
const KEY_KINDS: Record<string, IdKind> = {
  clubId: 'club',
  cityId: 'city',
  communityId: 'community',
  sponsorCommunityId: 'community',
  ownerCommunityId: 'community',
  venueCommunityId: 'community',
  presenterCommunityId: 'community',
  leadCommunityId: 'community',
  participationId: 'participation',
  meetingId: 'meeting',
  projectId: 'project',
};
const PARENT_KINDS: Record<string, IdKind> = {
  club: 'club',
  city: 'city',
  community: 'community',
  leadCommunity: 'community',
  venueCommunity: 'community',
  presenterCommunity: 'community',
  ownerCommunity: 'community',
  sponsorCommunity: 'community',
  invited: 'community',
  participants: 'participation',
  viewerParticipations: 'participation',
  named: 'participation',
};
/** The kind of the top-level records a GET route answers with. */
function routeKind(path: string): IdKind | undefined {
  if (/^\/api\/(clubs|clubs\/\{clubId\})$/.test(path)) return 'club';
  if (/^\/api\/cities(\/\{cityId\})?$/.test(path)) return 'city';
  if (/^\/api\/communities\/(mine|\{id\})$/.test(path)) return 'community';
  if (/\/participations(\/\{id\})?$/.test(path)) return 'participation';
  if (/\/meetings(\/\{id\})?$/.test(path)) return 'meeting';
  if (/\/projects(\/\{id\})?$/.test(path)) return 'project';
  return undefined;
}

interface Harvested {
  kind: IdKind | 'other';
  /** Where it was first seen: route, caller and JSON path. */
  where: string;
}

/** Every uuid of an answer, typed by where it was found. */
function harvest(body: unknown, route: AppRoute, caller: SweepCaller, into: Map<string, Harvested>): void {
  const visit = (value: unknown, path: string[], parentKey: string | undefined, owner: Record<string, unknown> | undefined) => {
    if (typeof value === 'string') {
      for (const id of value.match(UUID) ?? []) {
        const key = path[path.length - 1];
        let kind: IdKind | 'other' = 'other';
        if (key in KEY_KINDS) kind = KEY_KINDS[key];
        else if (key === 'id' && owner && typeof owner.kind === 'string' && ['meeting', 'project'].includes(owner.kind)) kind = owner.kind as IdKind;
        else if (key === 'id' && parentKey && parentKey in PARENT_KINDS) kind = PARENT_KINDS[parentKey];
        else if (key === 'id' && (parentKey === undefined || parentKey === 'items')) kind = routeKind(route.path) ?? 'other';
        const known = into.get(id.toLowerCase());
        if (!known || (known.kind === 'other' && kind !== 'other')) {
          into.set(id.toLowerCase(), { kind, where: `${route.key} as ${caller} at ${path.join('.') || '(root)'}` });
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, path, parentKey, owner));
    } else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      for (const [key, child] of Object.entries(object)) {
        visit(child, [...path, key], path[path.length - 1], object);
      }
    }
  };
  visit(body, [], undefined, undefined);
}

/** The kind of id each path parameter takes. */
function paramKind(path: string, param: string): IdKind {
  if (param === 'clubId') return 'club';
  if (param === 'cityId') return 'city';
  const resource = path.split('/')[2];
  const byResource: Record<string, IdKind> = { communities: 'community', participations: 'participation', meetings: 'meeting', projects: 'project', reports: 'club' };
  if (param === 'id' && resource in byResource) return byResource[resource];
  throw new Error(`the leak sweep does not know what {${param}} of ${path} is: teach paramKind`);
}

const leaks: Leak[] = [];
const stats = { requests: 0, harvested: 0, walked: 0, icalPrivate: 0 };
let getRoutes: AppRoute[] = [];

async function inBatches(jobs: Array<() => Promise<void>>, width = 10): Promise<void> {
  for (let index = 0; index < jobs.length; index += width) await Promise.all(jobs.slice(index, index + width).map((job) => job()));
}

/** Unfolds an iCalendar text (RFC 5545 §3.1) and undoes its TEXT escaping, so names split over lines are found. */
const unfoldIcal = (text: string) => text.replace(/\r?\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, '\n');

const administratorReads = new Set<string>();

function check(caller: SweepCaller, route: AppRoute, path: string, text: string, secrets: Secret[]): void {
  for (const secret of secrets) {
    if (!text.includes(secret.text)) continue;
    if (!allowed(caller, route.key, secret)) leaks.push({ route: route.key, path, caller, detail: secret.detail, found: secret.text });
    else if (
      caller === 'administrator' &&
      secret.detail === 'community name' &&
      !OPEN.includes(secret.key) &&
      !ADMINISTRATOR_WORK.some((work) => work.route === route.key && work.communities.includes(secret.key))
    ) {
      administratorReads.add(`  ${route.key}: "${secret.text}"`);
    }
  }
}

/** Query strings walked besides the bare route (pages long enough to hold the whole world). */
const QUERY_VARIANTS: Record<string, string[]> = {
  'GET /api/notifications': ['?limit=100', '?unread=true&limit=100'],
  'GET /api/admin/email-outbox': ['?limit=100'],
  'GET /api/appeals': ['?status=open'],
  'GET /api/clubs/{clubId}/participations': ['?status=applied'],
};

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(createFactories(t), t);
  const secrets = secretsOf(w);
  getRoutes = routesOf(t.app).filter((route) => route.method === 'GET');

  // The world's records by kind (the database is shared with other suites: only these are walked).
  const clubIds = [...new Set([w.clubA.id, w.clubB.id, ...w.scenes.map((scene) => scene.club.id)])];
  const { rows } = await t.db.query<{ kind: IdKind; id: string }>(
    `SELECT 'club' AS kind, id FROM clubs WHERE id = ANY($1)
     UNION ALL SELECT 'city', id FROM cities WHERE id = ANY($2)
     UNION ALL SELECT DISTINCT 'community', community_id FROM participations WHERE club_id = ANY($1)
     UNION ALL SELECT 'participation', id FROM participations WHERE club_id = ANY($1)
     UNION ALL SELECT 'meeting', id FROM meetings WHERE club_id = ANY($1)
     UNION ALL SELECT 'project', id FROM projects WHERE club_id = ANY($1)`,
    [clubIds, [w.cityA.id, w.cityB.id]],
  );
  const universe = new Map(rows.map((row) => [row.id, row.kind]));
  // Start from the world's own ids; answers add what they reveal.
  const seeds: Array<[string, IdKind]> = [
    ...clubIds.map((id): [string, IdKind] => [id, 'club']),
    [w.cityA.id, 'city'],
    [w.cityB.id, 'city'],
    ...w.communities.flatMap((c): Array<[string, IdKind]> => [
      [c.id, 'community'],
      [c.participationId, 'participation'],
    ]),
    ...w.scenes.flatMap((scene): Array<[string, IdKind]> => [
      [scene.meetings.publicMeeting, 'meeting'],
      [scene.meetings.clubMeeting, 'meeting'],
      [scene.projects.active.id, 'project'],
      [scene.projects.completedPublic.id, 'project'],
    ]),
    [w.clubBMeeting, 'meeting'],
  ];
  const fastify = t.app.getHttpAdapter().getInstance();
  const harvested = new Map<string, Harvested>();
  const walk = new Map<IdKind, Set<string>>();
  const addToWalk = (id: string, kind: IdKind) => {
    if (!walk.has(kind)) walk.set(kind, new Set());
    walk.get(kind)?.add(id);
  };
  seeds.forEach(([id, kind]) => addToWalk(id, kind));
  const asked = new Set<string>();

  const get = async (caller: SweepCaller, route: AppRoute, path: string) => {
    if (asked.has(`${caller} ${path}`)) return;
    asked.add(`${caller} ${path}`);
    const user = userOf(caller);
    // In-process (fastify's inject: the same routing, hooks, guards and serialisation, without a socket).
    const response = await fastify.inject({ method: 'GET', url: path, headers: user ? user.auth : {} });
    stats.requests++;
    const text = response.body;
    const isIcal = String(response.headers['content-type'] ?? '').startsWith('text/calendar');
    check(caller, route, path, isIcal ? unfoldIcal(text) : text, secrets);
    // CSV exports (reports) are swept for leaks like every answer; only JSON answers are harvested for ids.
    const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
    if (isJson && response.statusCode === 200 && text) harvest(JSON.parse(text), route, caller, harvested);
  };

  // Rounds until the answers reveal no new record of the world.
  for (let round = 0; round < 5; round++) {
    const before = [...walk.values()].reduce((n, ids) => n + ids.size, 0);
    const jobs: Array<() => Promise<void>> = [];
    for (const route of getRoutes) {
      const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const combinations: Array<Record<string, string>> = params.reduce<Array<Record<string, string>>>(
        (acc, param) => acc.flatMap((combo) => [...(walk.get(paramKind(route.path, param)) ?? [])].map((id) => ({ ...combo, [param]: id }))),
        [{}],
      );
      for (const combo of combinations) {
        const path = route.path.replace(/\{(\w+)\}/g, (_m, param: string) => combo[param]);
        for (const query of ['', ...(QUERY_VARIANTS[route.key] ?? [])]) {
          for (const caller of SWEEP_CALLERS) jobs.push(() => get(caller, route, `${path}${query}`));
        }
      }
    }
    await inBatches(jobs);
    for (const [id, found] of harvested) {
      const kind = universe.get(id);
      if (kind && (found.kind === kind || found.kind === 'other')) addToWalk(id, kind);
    }
    if ([...walk.values()].reduce((n, ids) => n + ids.size, 0) === before) break;
  }
  stats.harvested = harvested.size;
  stats.walked = [...walk.values()].reduce((n, ids) => n + ids.size, 0);

  // The private iCal feeds: a token issued to each caller that may subscribe, read back with it.
  const feed = getRoutes.find((route) => route.key === 'GET /api/clubs/{clubId}/calendar.ics');
  if (!feed) throw new Error('no iCal feed route');
  for (const caller of SWEEP_CALLERS) {
    const user = userOf(caller);
    if (!user) continue;
    for (const clubId of clubIds) {
      const issued = await t.api.post(`/api/clubs/${clubId}/calendar-token`).set(user.auth);
      if (issued.status !== 201) continue;
      const url = new URL(issued.body.url);
      const response = await t.api.get(`${url.pathname}${url.search}`);
      expect(response.status).toBe(200);
      stats.icalPrivate++;
      check(caller, feed, `${url.pathname}?token=…`, unfoldIcal(response.text), secrets);
    }
  }
}, 120_000);

afterAll(async () => {
  console.log(
    `leak sweep: ${getRoutes.length} GET routes × ${SWEEP_CALLERS.length} kinds of caller, ${stats.requests} answers and ${stats.icalPrivate} private iCal feeds read, ` +
      `${stats.harvested} ids harvested, ${stats.walked} records of the world walked; ${leaks.length} leaks` +
      (leaks.length ? `:\n${describeLeaks(leaks).join('\n')}` : '') +
      `\nthe administrator read protected communities' names beyond appeals and claims (allowed, recorded; P2 item 5) in ${administratorReads.size} places:\n` +
      [...administratorReads].sort().join('\n'),
  );
  await t?.close();
});

function describeLeaks(list: Leak[]): string[] {
  const lines = new Map<string, number>();
  for (const leak of list) {
    const line = `  ${leak.route} as ${LABELS[leak.caller]}: ${leak.detail} "${leak.found}"`;
    lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  return [...lines].map(([line, count]) => (count > 1 ? `${line} (${count} answers)` : line));
}

describe('leak sweep: no answer shows a name, a person or a detail the rules keep from its reader', () => {
  it('walked every GET route with ids of every kind of record the world has', () => {
    expect(getRoutes.length).toBeGreaterThan(30);
    expect(stats.requests).toBeGreaterThan(getRoutes.length * SWEEP_CALLERS.length);
    expect(stats.icalPrivate).toBeGreaterThan(0);
  });

  it('finds no leak', () => {
    expect(describeLeaks(leaks)).toEqual([]);
  });
});
