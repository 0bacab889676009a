import { createFactories, Factories, sessionCookie, sessionTokenOf, TEST_PASSWORD, TestUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { CALLER_KINDS, CallerKind, seedWorld, World, WorldCommunity } from '../support/world';
import { AppRoute, MATRIX_HEADERS, MatrixRow, readMatrix, routesOf, Verdict, verdictOf } from './route-table';

/**
 * The generated access matrix (docs/domain.md, P13 and P14): every route of the running app, asked
 * by every kind of caller about one record of the world, must answer what access-matrix.md says.
 *
 * Which record each route is asked about — "this club" is club A, "this community" P, and:
 *
 * | in the route                                   | parameter / body field   | fixture of the world                                  |
 * | ---------------------------------------------- | ------------------------ | ----------------------------------------------------- |
 * | any                                            | {clubId}                 | club A                                                |
 * | /cities/…                                      | {cityId}                 | A's city                                              |
 * | /communities/{id}…                             | {id}                     | P                                                     |
 * | /participations/{id}/sponsorships              | {id}                     | P's participation (an observer M may sponsor)         |
 * | /participations/{id}…, /reviews/{id}…          | {id}                     | C's participation (candidate, consents); the official's concern on C |
 * | /decisions/{id}…, /appeals/{id}…               | {id}                     | the decline of D; D's appeal                          |
 * | /registration-claims/{id}…                     | {id}                     | K's pending claim                                     |
 * | GET/PATCH /meetings/{id}, …/cancel             | {id}                     | the club-only meeting (starts within the hour)        |
 * | other /meetings/{id}/… (records, RSVP, check-in)| {id}                    | the public meeting (in ten days)                      |
 * | /meetings/{id}/attendance/{communityId}        | {communityId}            | P                                                     |
 * | /action-items/{id}                             | {id}                     | the action item owned by P                            |
 * | /projects/{id}…                                | {id}                     | the active project led by P (M a partner)             |
 * | /projects/{id}/participants/{communityId}/…    | {communityId}            | M                                                     |
 * | /projects/{id}/contributions/{contributionId}… | {contributionId}         | P's confirmed ledger line                             |
 * | /projects/{id}/milestones/{milestoneId}        | {milestoneId}            | the project's milestone (DELETE when allowed: a throwaway) |
 * | /sponsorships/{id}                             | {id}                     | M's sponsorship of P (DELETE when allowed: a throwaway) |
 * | /notifications/{id}/read                       | {id}                     | a notification of P's representative                  |
 * | /holidays/{id}, /topics/{id}                   | {id}                     | the world's holiday (DELETE when allowed: a throwaway), topic |
 * | /weekly-observances/{id}                       | {id}                     | the world's observance (DELETE when allowed: a throwaway) |
 * | /reports/clubs/{id}/annual.csv                 | {id}                     | club A                                                |
 * | /users/{userId}…                               | {userId}                 | a throwaway account                                   |
 * | /invitations/{id}/…                            | {id}                     | the administrator's invitation of a coordinator of A  |
 * | /roles/{id}/end                                | {id}                     | A's coordinator's role                                |
 * | POST …/sponsorships                            | body communityId         | M (the sponsor)                                       |
 * | any other route guarding a body communityId    | body communityId         | P                                                     |
 *
 * The "representative of this community" column is the representative of the community the record
 * belongs to: P, C (participation and review routes), D (decisions, appeals) or K (claims).
 *
 * Writes carry `{ <body ids>, zqMatrixProbe: true }`: the guard answers before validation, so an
 * allowed caller gets 400 and nothing is written. Routes that would change something without a body
 * (logout, mark read, revoke calendar links, DELETEs, erasure) are called after every denial, each
 * allowed call with a fresh session (opened by the same caller's login cell) or a throwaway record.
 * Login is sent the caller's own credentials (a throwaway account's for the anonymous caller).
 */
let t: TestApp;
let f: Factories;
let w: World;
let routes: AppRoute[] = [];
const matrix: MatrixRow[] = readMatrix();
/** route key → caller kind → the status the app answered. */
const answers = new Map<string, Partial<Record<CallerKind, number>>>();
/** Sessions opened by the login cells, each closed by the same caller's logout cell. */
const freshTokens = new Map<CallerKind, string>();

type Subject = 'hidden' | 'candidate' | 'declined' | 'claimant';

function subjectOf(path: string): Subject {
  if (path === '/api/participations/{id}/sponsorships') return 'hidden';
  if (/^\/api\/(participations|reviews)\//.test(path)) return 'candidate';
  if (/^\/api\/(decisions|appeals)\//.test(path)) return 'declined';
  if (path.startsWith('/api/registration-claims/')) return 'claimant';
  return 'hidden';
}

interface Extras {
  /** A notification of P's representative. */
  notificationOfHidden: string;
  /** Signs in as nobody in particular (for POST /auth/login). */
  throwaway: TestUser;
  /** A pending invitation of a coordinator of club A, sent by the administrator. */
  invitationId: string;
  /** The role of A's coordinator. */
  coordinatorGrantId: string;
}
let extras: Extras;

function paramValue(path: string, param: string): string {
  const s = w.scenes[0];
  const resource = path.split('/')[2];
  switch (param) {
    case 'clubId':
      return w.clubA.id;
    case 'cityId':
      return w.cityA.id;
    case 'communityId':
      return resource === 'projects' ? w.member.id : w.hidden.id;
    case 'contributionId':
      return s.projects.active.contributions.hidden;
    case 'userId':
      return extras.throwaway.id;
    case 'milestoneId':
      return s.projects.active.milestoneId;
    case 'id':
      switch (resource) {
        case 'communities':
          return w.hidden.id;
        case 'participations':
          return path === '/api/participations/{id}/sponsorships' ? w.hidden.participationId : w.candidate.participationId;
        case 'decisions':
          return s.decisionId;
        case 'appeals':
          return s.appealId;
        case 'reviews':
          return s.reviewId;
        case 'meetings':
          return /^\/api\/meetings\/\{id\}(\/cancel)?$/.test(path) ? s.meetings.clubMeeting : s.meetings.publicMeeting;
        case 'action-items':
          return s.actionItemId;
        case 'projects':
          return s.projects.active.id;
        case 'sponsorships':
          return s.sponsorshipId;
        case 'notifications':
          return extras.notificationOfHidden;
        case 'registration-claims':
          return s.claimId;
        case 'holidays':
          return w.holidayId;
        case 'weekly-observances':
          return w.observanceId;
        case 'topics':
          return w.topicId;
        case 'auth':
          // One of the caller's own sessions is opened for the allowed calls (throwawayFor); anyone else's is not theirs.
          return '00000000-0000-4000-8000-000000000000';
        case 'reports':
          return w.clubA.id;
        case 'invitations':
          return extras.invitationId;
        case 'roles':
          return extras.coordinatorGrantId;
      }
  }
  throw new Error(`no fixture for {${param}} in ${path}: add it to the mapping in access-matrix.spec.ts`);
}

function bodyValue(route: AppRoute, field: string): string {
  if (field === 'communityId') return route.path.endsWith('/sponsorships') ? w.member.id : w.hidden.id;
  throw new Error(`no fixture for the body field ${field} of ${route.key}: add it to the mapping in access-matrix.spec.ts`);
}

const fillPath = (route: AppRoute, override: Record<string, string> = {}) =>
  route.path.replace(/\{(\w+)\}/g, (_match, param: string) => override[param] ?? paramValue(route.path, param));

function callerFor(kind: CallerKind, route: AppRoute): TestUser | null {
  if (kind === 'representativeOfCommunity') return (w[subjectOf(route.path)] as WorldCommunity).representative;
  return w.callers[kind];
}

/** Routes whose allowed call changes something even without a body: called last, allowed calls on throwaways. */
const AFTER_EVERYTHING = new Set([
  'POST /api/auth/logout',
  'POST /api/notifications/read-all',
  'POST /api/notifications/{id}/read',
  'DELETE /api/clubs/{clubId}/calendar-token',
  'DELETE /api/holidays/{id}',
  'DELETE /api/weekly-observances/{id}',
  'DELETE /api/sponsorships/{id}',
  'DELETE /api/projects/{id}/milestones/{milestoneId}',
  'POST /api/communities/{id}/erasure',
  'POST /api/auth/second-factor/enrolment',
  'POST /api/auth/second-factor/recovery-codes',
  'DELETE /api/auth/second-factor',
  'DELETE /api/auth/sessions/{id}',
  // Ends every session of the caller: asked after everything else.
  'DELETE /api/auth/sessions',
]);

/** For an allowed call of a route that would change something: a fresh session or a throwaway record. */
async function throwawayFor(route: AppRoute, caller: TestUser | null): Promise<{ auth?: Record<string, string>; params?: Record<string, string> }> {
  const s = w.scenes[0];
  switch (route.key) {
    case 'POST /api/auth/logout': {
      const kind = CALLER_KINDS.find((k) => callerFor(k, route) === caller);
      const token = (kind && freshTokens.get(kind)) ?? (caller ? await f.login(caller.email) : null);
      return token ? { auth: sessionCookie(token) } : {};
    }
    case 'DELETE /api/auth/sessions/{id}': {
      const token = caller ? await f.login(caller.email) : null;
      const { rows } = await t.db.query(`SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [caller?.id]);
      return token ? { params: { id: rows[0].id } } : {};
    }
    case 'DELETE /api/holidays/{id}': {
      const holiday = await t.api.post('/api/holidays').set(w.administrator.auth).send({
        code: `zq_${w.tag}_throwaway_${Math.random().toString(36).slice(2, 8)}`,
        tradition: 'bahai',
        date: '2031-07-16',
        name: { kk: 'Zq', ru: 'Zq', en: 'Zq throwaway' },
      });
      expect(holiday.status).toBe(201);
      return { params: { id: holiday.body.id } };
    }
    case 'DELETE /api/weekly-observances/{id}': {
      const observance = await t.api.post('/api/weekly-observances').set(w.administrator.auth).send({
        code: `zq_${w.tag}_throwaway_${Math.random().toString(36).slice(2, 8)}`,
        tradition: 'bahai',
        weekday: 2,
        startTime: '05:00',
        endWeekday: 2,
        endTime: '05:30',
        name: { kk: 'Zq', ru: 'Zq', en: 'Zq throwaway' },
      });
      expect(observance.status).toBe(201);
      return { params: { id: observance.body.id } };
    }
    case 'DELETE /api/sponsorships/{id}': {
      const observer = await f.newCommunity({ name: `Zq${w.tag} Throwaway Observer ${Math.random().toString(36).slice(2, 6)}` });
      const participation = await f.newParticipation({ clubId: w.clubA.id, communityId: observer.id, status: 'observer' });
      const sponsorship = await t.api
        .post(`/api/participations/${participation.id}/sponsorships`)
        .set(w.member.representative.auth)
        .send({ communityId: w.member.id, statement: 'A throwaway sponsorship for the access matrix.' });
      expect(sponsorship.status).toBe(201);
      return { params: { id: sponsorship.body.id } };
    }
    case 'DELETE /api/projects/{id}/milestones/{milestoneId}': {
      const milestone = await t.api.post(`/api/projects/${s.projects.active.id}/milestones`).set(w.coordinatorA.auth).send({ title: 'Throwaway milestone' });
      expect(milestone.status).toBe(201);
      return { params: { milestoneId: milestone.body.id } };
    }
    default:
      return {};
  }
}

async function ask(route: AppRoute, kind: CallerKind, options: { throwaway?: boolean } = {}): Promise<number> {
  const caller = callerFor(kind, route);
  const special = options.throwaway ? await throwawayFor(route, caller) : {};
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let request = t.api[method](fillPath(route, special.params));
  const auth = special.auth ?? caller?.auth;
  if (auth) request = request.set(auth);
  if (route.key === 'POST /api/auth/login') {
    // Each signed-in caller signs in again as itself (the session is used for its logout, last).
    request = request.send({ email: (caller ?? extras.throwaway).email, password: TEST_PASSWORD });
  } else if (method !== 'get' && method !== 'delete') {
    const body: Record<string, unknown> = { zqMatrixProbe: true };
    for (const requirement of route.requirements) {
      if (requirement.from && 'body' in requirement.from) body[requirement.from.body] = bodyValue(route, requirement.from.body);
    }
    request = request.send(body);
  }
  const response = await request;
  if (route.key === 'POST /api/auth/login' && caller && response.status === 200) freshTokens.set(kind, sessionTokenOf(response) as string);
  return response.status;
}

/** Runs `jobs` with at most `width` at a time. */
async function inBatches<T>(jobs: Array<() => Promise<T>>, width = 10): Promise<void> {
  for (let index = 0; index < jobs.length; index += width) await Promise.all(jobs.slice(index, index + width).map((job) => job()));
}

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  w = await seedWorld(f, t);
  routes = routesOf(t.app);
  const notifications = await t.api.get('/api/notifications').set(w.hidden.representative.auth);
  expect(notifications.body.items.length).toBeGreaterThan(0);
  const invited = `zq-matrix-invitee-${w.tag}@dastarkhan.test`;
  await t.api.post('/api/invitations').set(w.administrator.auth).send({ email: invited, role: 'coordinator', clubId: w.clubA.id }).expect(204);
  const { rows: [invitation] } = await t.db.query(`SELECT id FROM invitations WHERE email = $1`, [invited]);
  const { rows: [grant] } = await t.db.query(`SELECT id FROM role_grants WHERE user_id = $1 AND club_id = $2`, [w.coordinatorA.id, w.clubA.id]);
  extras = { notificationOfHidden: notifications.body.items[0].id, throwaway: await f.newUser(), invitationId: invitation.id, coordinatorGrantId: grant.id };

  const byKey = new Map(routes.map((route) => [route.key, route]));
  const cells = matrix.flatMap((row) => {
    const route = byKey.get(row.route);
    return route ? CALLER_KINDS.map((kind) => ({ route, kind, expected: row.cells[kind] })) : [];
  });
  const record = (route: AppRoute, kind: CallerKind, status: number) => answers.set(route.key, { ...answers.get(route.key), [kind]: status });
  const last = (cell: (typeof cells)[number]) => AFTER_EVERYTHING.has(cell.route.key) && cell.expected === 'pass';
  // Denials first (they write nothing), then the allowed calls that write nothing, then the rest one by one.
  await inBatches(cells.filter((cell) => cell.expected !== 'pass').map((cell) => async () => record(cell.route, cell.kind, await ask(cell.route, cell.kind))));
  await inBatches(cells.filter((cell) => cell.expected === 'pass' && !last(cell)).map((cell) => async () => record(cell.route, cell.kind, await ask(cell.route, cell.kind))));
  const everywhere = (cell: (typeof cells)[number]) => (cell.route.key === 'DELETE /api/auth/sessions' ? 1 : 0);
  for (const cell of cells.filter(last).sort((a, b) => everywhere(a) - everywhere(b))) {
    record(cell.route, cell.kind, await ask(cell.route, cell.kind, { throwaway: true }));
  }
}, 120_000);

afterAll(async () => {
  const disputed = matrix.flatMap((row) =>
    row.disputed.map((kind) => `  ${row.route} as ${MATRIX_HEADERS[kind]}: table ${row.cells[kind]}, app ${verdicts(row.route, [kind])[kind]}`),
  );
  console.log(
    `access matrix: ${routes.length} routes of the running app × ${CALLER_KINDS.length} kinds of caller = ${routes.length * CALLER_KINDS.length} cells; ` +
      `${disputed.length} known disagreements (access-matrix.md):\n${disputed.join('\n')}`,
  );
  await t?.close();
});

const verdicts = (route: string, kinds: readonly CallerKind[]): Partial<Record<CallerKind, Verdict | 'not asked'>> => {
  const row = answers.get(route) ?? {};
  return Object.fromEntries(kinds.map((kind) => [kind, row[kind] === undefined ? 'not asked' : verdictOf(row[kind] as number)]));
};

describe(`access matrix: ${matrix.length} routes × ${CALLER_KINDS.length} kinds of caller (${matrix.length * CALLER_KINDS.length} cells)`, () => {
  it('has a row for every route of the running app, and a route for every row', () => {
    const inApp = routes.map((route) => route.key);
    const inTable = matrix.map((row) => row.route);
    expect({ routesWithoutRow: inApp.filter((key) => !inTable.includes(key)), rowsWithoutRoute: inTable.filter((key) => !inApp.includes(key)) }).toEqual({
      routesWithoutRow: [],
      rowsWithoutRoute: [],
    });
    expect(new Set(inTable).size).toBe(inTable.length);
    expect(routes.length).toBeGreaterThan(50);
  });

  it('finds a declared @Access requirement on every handler (a route without one is closed, see access.guard.spec.ts)', () => {
    expect(routes.filter((route) => route.requirements.length === 0).map((route) => `${route.key} (${route.controller}.${route.handlerName})`)).toEqual([]);
  });

  for (const row of matrix) {
    const settled = CALLER_KINDS.filter((kind) => !row.disputed.includes(kind));
    it(`${row.route}`, () => {
      const expected = Object.fromEntries(settled.map((kind) => [kind, row.cells[kind]]));
      expect(verdicts(row.route, settled)).toEqual(expected);
    });
    for (const kind of row.disputed) {
      // Known disagreement (access-matrix.md, "Disagreements"): passes while the app still answers otherwise.
      it.failing(`${row.route} as ${MATRIX_HEADERS[kind]} answers ${row.cells[kind]} (known disagreement)`, () => {
        expect(verdicts(row.route, [kind])[kind]).toBe(row.cells[kind]);
      });
    }
  }
});
