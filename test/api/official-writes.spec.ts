import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { OFFICIAL_WRITES, PERMISSIONS, type Permission } from '@dastarkhan/domain';
import { randomUUID } from 'node:crypto';
import { accessRequirementsOf } from '../../apps/api/src/access/access.decorator';
import { createFactories, Factories, TestUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * docs/domain.md, P5: officials write nothing but review notes, registration verifications and
 * their own account. Every write route of the running app (read from Nest's route metadata, so a
 * new route is covered the day it ships) is tried as a regional and a national official, with the
 * ids of records in their region that they may read — a consenting candidate, its decision, a
 * public meeting, a completed public project… — and must answer 401, 403 or 404.
 */
let t: TestApp;
let f: Factories;

interface Route {
  method: string;
  path: string;
  permissions: Permission[];
}

function writeRoutes(app: TestApp['app']): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as { prototype: Record<string, unknown> } | null;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const own = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (method === undefined || own === undefined) continue;
        const verb = RequestMethod[method];
        if (verb === 'GET' || verb === 'HEAD' || verb === 'OPTIONS') continue;
        const path = `/api/${[base, own].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '');
        routes.push({ method: verb, path, permissions: accessRequirementsOf(handler).map((r) => r.permission) });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** Review notes and registration verification: the only writes on other people's records an official makes. */
const REVIEW_AND_VERIFY = ['POST /api/participations/:id/reviews', 'POST /api/reviews/:id/resolution', 'POST /api/registration-claims/:id/decision'];
/**
 * Its own account: signing in and out, its sessions and password, the links emailed to it (address
 * confirmation, password reset), its notifications, its private calendar links.
 */
const OWN_ACCOUNT: Permission[] = ['account.sign-in', 'account.write', 'account.follow-link', 'notification.write', 'club.calendar.unsubscribe'];

/** Routes whose every permission an official may hold. */
const officialMay = (route: Route) =>
  route.permissions.length > 0 && route.permissions.every((p) => OFFICIAL_WRITES.includes(p) || !('write' in PERMISSIONS[p]));
const keyOf = (route: Route) => `${route.method} ${route.path}`;

let ids: Record<string, string>;
let officials: Record<string, TestUser>;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  const club = await f.newClub();
  const consenting = await f.newCommunity({ consent: true });
  const member = await f.newCommunity({ registered: true });
  const candidate = await f.newParticipation({ clubId: club.id, communityId: consenting.id, status: 'candidate' });
  await f.newParticipation({ clubId: club.id, communityId: member.id, status: 'member' });
  const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
  officials = {
    regional: await f.newUser({ role: 'official', region: club.regionCode }),
    national: await f.newUser({ role: 'official', region: null }),
  };
  const one = async (sql: string, params: unknown[]) => (await t.db.query<{ id: string }>(sql, params)).rows[0].id;
  const meeting = await one(
    `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, created_by_id)
     VALUES ($1, 'Open meeting', now() - interval '2 days', now() - interval '2 days' + interval '2 hours', 'in_person', 'public', 'scheduled', 'K7Q2', $2) RETURNING id`,
    [club.id, coordinator.id],
  );
  const project = await one(
    `INSERT INTO projects (club_id, title, description, category, lead_community_id, proposed_by_id, starts_on, status, visibility,
                           outcome_summary, outcome_figures, outcome_photo_links, completed_at)
     VALUES ($1, 'Coats', 'Coats for the shelter', 'charity', $2, $3, '2025-01-01', 'completed', 'public', 'Done', '[]', '[]', now()) RETURNING id`,
    [club.id, member.id, coordinator.id],
  );
  await t.db.query(`INSERT INTO project_partners (project_id, community_id, role, status, requested_by_id, decided_by_id, decided_at) VALUES ($1, $2, 'lead', 'confirmed', $3, $3, now())`, [
    project,
    member.id,
    coordinator.id,
  ]);
  const contribution = await one(`INSERT INTO project_contributions (project_id, community_id) VALUES ($1, $2) RETURNING id`, [project, member.id]);
  const decision = await one(
    `INSERT INTO participation_decisions (participation_id, event_sequence, outcome, from_status, reason_code, reason_text, milestone_snapshot, earliest_reapply_on, decider_id)
     VALUES ($1, 3, 'defer', 'candidate', 'other', 'A reason long enough', '{"allMet": false, "milestones": []}', '2030-01-01', $2) RETURNING id`,
    [candidate.id, coordinator.id],
  );
  const appeal = await one(`INSERT INTO decision_appeals (decision_id, appellant_id, text) VALUES ($1, $2, 'Please look again at this.') RETURNING id`, [decision, coordinator.id]);
  const review = await one(`INSERT INTO participation_reviews (participation_id, official_id, verdict, text) VALUES ($1, $2, 'concern', 'A question.') RETURNING id`, [
    candidate.id,
    officials.regional.id,
  ]);
  const actionItem = await one(
    `INSERT INTO action_items (club_id, meeting_id, title, owner_name, due_date, created_by_id) VALUES ($1, $2, 'Hall', 'Secretariat', '2099-01-01', $3) RETURNING id`,
    [club.id, meeting, coordinator.id],
  );
  ids = {
    clubs: club.id,
    participations: candidate.id,
    communities: consenting.id,
    meetings: meeting,
    projects: project,
    contributions: contribution,
    decisions: decision,
    appeals: appeal,
    reviews: review,
    'action-items': actionItem,
  };
});

afterAll(() => t?.close());

/** The route's path with the ids of records the official may read, by the collection each id follows. */
function concrete(path: string): string {
  const parts = path.split('/');
  return parts.map((part, i) => (part.startsWith(':') ? (ids[parts[i - 1]] ?? randomUUID()) : part)).join('/');
}

describe('officials write nothing but review notes, registration verification and their own account (P5)', () => {
  it('the writes an official may make are review notes, registration verification and its own account', () => {
    const routes = writeRoutes(t.app);
    expect(routes.length).toBeGreaterThan(40);
    const allowed = routes.filter(officialMay);
    const unexpected = allowed.filter((r) => !REVIEW_AND_VERIFY.includes(keyOf(r)) && !r.permissions.every((p) => OWN_ACCOUNT.includes(p)));
    expect(unexpected.map(keyOf)).toEqual([]);
    expect(REVIEW_AND_VERIFY.every((key) => allowed.some((r) => keyOf(r) === key))).toBe(true);
  });

  it.each(['regional', 'national'])('a %s official is refused every other write (401, 403 or 404)', async (which) => {
    const official = officials[which];
    const tried: string[] = [];
    const accepted: string[] = [];
    for (const route of writeRoutes(t.app).filter((r) => !officialMay(r))) {
      const response = await t.api[route.method.toLowerCase() as 'post'](concrete(route.path)).set(official.auth).send({});
      tried.push(keyOf(route));
      if (![401, 403, 404].includes(response.status)) accepted.push(`${keyOf(route)} → ${response.status} ${response.body?.code ?? ''}`);
    }
    expect(accepted).toEqual([]);
    expect(tried.length).toBeGreaterThan(35);
  });

  it('the records used are ones the officials may read (so a 403 is a refusal, not a hidden record)', async () => {
    for (const official of Object.values(officials)) {
      expect((await t.api.get(`/api/participations/${ids.participations}`).set(official.auth)).status).toBe(200);
      expect((await t.api.get(`/api/projects/${ids.projects}`).set(official.auth)).status).toBe(200);
      expect((await t.api.get(`/api/meetings/${ids.meetings}`).set(official.auth)).status).toBe(200);
    }
  });
});
