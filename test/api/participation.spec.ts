import { randomUUID } from 'node:crypto';
import { createFactories, Factories, TestClub, TestCommunity, TestUser } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
});
afterAll(() => t?.close());

const STATEMENT = 'We are a small house church and would like to join the club as observers.';

interface Setting {
  club: TestClub;
  coordinator: TestUser;
  community: TestCommunity;
  representative: TestUser;
}

/** A club with its coordinator, and a community (not registered unless asked) with its representative. */
async function setting(options: { registered?: boolean } = {}): Promise<Setting> {
  const club = await f.newClub();
  const community = await f.newCommunity({ registered: options.registered ?? false });
  const [coordinator, representative] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id, displayName: `Coordinator ${club.name}` }),
    f.newUser({ role: 'representative', communityId: community.id, displayName: `Representative of ${community.name}` }),
  ]);
  return { club, coordinator, community, representative };
}

/** The stored participation and its events, to check what a request did (not) change. */
async function stored(participationId: string) {
  const { rows: [participation] } = await t.db.query(
    `SELECT status, version, suspended_from FROM participations WHERE id = $1`,
    [participationId],
  );
  const { rows: events } = await t.db.query(
    `SELECT sequence, action, from_status, to_status, reason, actor_id FROM participation_events
      WHERE participation_id = $1 ORDER BY sequence`,
    [participationId],
  );
  return { ...participation, events };
}

const participationsOf = (communityId: string) =>
  countRows(t.db, `SELECT 1 FROM participations WHERE community_id = $1`, [communityId]);

const transition = (id: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.post(`/api/participations/${id}/transitions`).set(user.auth).send(body);

/** Admit, defer and decline leave a decision record, through their own endpoint (test/api/decisions.spec.ts). */
const decide = (id: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.post(`/api/participations/${id}/decisions`).set(user.auth).send(body);

describe('the observer pathway, end to end', () => {
  it('a non-registered community applies, the coordinator finds and accepts it, and the community sees its status and full history', async () => {
    const { club, coordinator, community, representative } = await setting();

    // The representative applies.
    const applied = await t.api
      .post(`/api/clubs/${club.id}/applications`)
      .set(representative.auth)
      .send({ communityId: community.id, statement: `  ${STATEMENT}  ` });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      status: 'applied',
      clubId: club.id,
      clubName: club.name,
      community: { id: community.id, name: community.name, registrationStatus: 'not_registered' },
      statement: STATEMENT,
      version: 1,
      availableActions: ['withdraw'],
    });
    expect(applied.body.events).toEqual([
      {
        id: expect.any(String),
        action: 'apply',
        fromStatus: null,
        toStatus: 'applied',
        reason: null,
        actorName: representative.displayName,
        at: expect.any(String),
      },
    ]);
    const id: string = applied.body.id;
    expect(await stored(id)).toMatchObject({ status: 'applied', version: 1, events: [{ sequence: 1, action: 'apply', actor_id: representative.id }] });

    // The coordinator lists the pending applications.
    const pending = await t.api.get(`/api/clubs/${club.id}/participations`).query({ status: 'applied' }).set(coordinator.auth);
    expect(pending.status).toBe(200);
    expect(pending.body).toEqual([expect.objectContaining({ id, status: 'applied', statement: STATEMENT, version: 1 })]);

    // The coordinator opens it: a non-registered community can be accepted or declined, not admitted.
    const opened = await t.api.get(`/api/participations/${id}`).set(coordinator.auth);
    expect(opened.status).toBe(200);
    expect(opened.body.availableActions.sort()).toEqual(['accept', 'decline']);

    // …and accepts it as observer.
    const accepted = await transition(id, coordinator, { action: 'accept', reason: 'Welcome to the club!', version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'observer', version: 2 });

    // The community sees its status and the whole history, reasons included.
    const seen = await t.api.get(`/api/participations/${id}`).set(representative.auth);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'observer', version: 2, availableActions: ['request_nomination', 'withdraw'] });
    expect(seen.body.events.map((e: Record<string, unknown>) => [e.action, e.fromStatus, e.toStatus, e.reason, e.actorName])).toEqual([
      ['apply', null, 'applied', null, representative.displayName],
      ['accept', 'applied', 'observer', 'Welcome to the club!', coordinator.displayName],
    ]);
    const mine = await t.api.get(`/api/communities/${community.id}/participations`).set(representative.auth);
    expect(mine.body).toEqual([expect.objectContaining({ id, status: 'observer', version: 2 })]);

    // It is no longer pending.
    const stillPending = await t.api.get(`/api/clubs/${club.id}/participations`).query({ status: 'applied' }).set(coordinator.auth);
    expect(stillPending.body).toEqual([]);
    expect(await stored(id)).toMatchObject({
      status: 'observer',
      version: 2,
      events: [
        { sequence: 1, action: 'apply' },
        { sequence: 2, action: 'accept', from_status: 'applied', to_status: 'observer', actor_id: coordinator.id },
      ],
    });
  });
});

describe('POST /api/clubs/:clubId/applications', () => {
  it('refuses a second application while one is live (409 PARTICIPATION.ALREADY_LIVE), writing nothing', async () => {
    const { club, community, representative } = await setting();
    await t.api.post(`/api/clubs/${club.id}/applications`).set(representative.auth).send({ communityId: community.id, statement: STATEMENT }).expect(201);

    const again = await t.api.post(`/api/clubs/${club.id}/applications`).set(representative.auth).send({ communityId: community.id, statement: STATEMENT });

    expectError(again, 409, 'PARTICIPATION.ALREADY_LIVE');
    expect(await participationsOf(community.id)).toBe(1);
  });

  it('lets a declined community apply again: a new participation, the declined one kept as history', async () => {
    const { club, community, representative } = await setting();
    const declined = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'declined' });

    const response = await t.api.post(`/api/clubs/${club.id}/applications`).set(representative.auth).send({ communityId: community.id, statement: STATEMENT });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'applied', version: 1 });
    expect(response.body.id).not.toBe(declined.id);
    expect((await stored(declined.id)).status).toBe('declined');
    expect(await participationsOf(community.id)).toBe(2);
  });

  it('rejects invalid input with 400 naming the fields, writing nothing', async () => {
    const { club, community, representative } = await setting();

    const tooShort = await t.api.post(`/api/clubs/${club.id}/applications`).set(representative.auth).send({ communityId: community.id, statement: 'Hi' });
    expectValidationFailure(tooShort, 'statement');

    const malformed = await t.api.post(`/api/clubs/${club.id}/applications`).set(representative.auth).send({ communityId: 'mine', statement: 42 });
    expectValidationFailure(malformed, 'communityId', 'statement');

    const tooLong = await t.api
      .post(`/api/clubs/${club.id}/applications`)
      .set(representative.auth)
      .send({ communityId: community.id, statement: 'x'.repeat(2001) });
    expectValidationFailure(tooLong, 'statement');

    const badClub = await t.api.post('/api/clubs/not-a-club/applications').set(representative.auth).send({ communityId: community.id, statement: STATEMENT });
    expectValidationFailure(badClub, 'clubId');

    expect(await participationsOf(community.id)).toBe(0);
  });

  it('refuses a statement of intent made only of blanks (400), writing nothing', async () => {
    const { club, community, representative } = await setting();
    const response = await t.api
      .post(`/api/clubs/${club.id}/applications`)
      .set(representative.auth)
      .send({ communityId: community.id, statement: ' '.repeat(12) });
    expectValidationFailure(response, 'statement');
    expect(await participationsOf(community.id)).toBe(0);
  });

  it('rejects unknown fields with 400 (a community cannot apply straight into a status), writing nothing', async () => {
    const { club, community, representative } = await setting();
    const response = await t.api
      .post(`/api/clubs/${club.id}/applications`)
      .set(representative.auth)
      .send({ communityId: community.id, statement: STATEMENT, status: 'member' });
    expectValidationFailure(response, 'status');
    expect(await participationsOf(community.id)).toBe(0);
  });

  it('answers 404 for a community the caller may not see, 403 to a coordinator (who applies for no one), 404 for an unknown club, writing nothing', async () => {
    const { club, coordinator, community } = await setting();
    const { representative: stranger } = await setting();

    const apply = (caller: TestUser) =>
      t.api.post(`/api/clubs/${club.id}/applications`).set(caller.auth).send({ communityId: community.id, statement: STATEMENT });
    expectError(await apply(stranger), 404, 'NOT_FOUND');
    expectError(await apply(coordinator), 403, 'FORBIDDEN');
    const { community: own, representative } = await setting();
    const unknownClub = await t.api.post(`/api/clubs/${randomUUID()}/applications`).set(representative.auth).send({ communityId: own.id, statement: STATEMENT });
    expectError(unknownClub, 404, 'NOT_FOUND');

    expect(await participationsOf(community.id)).toBe(0);
    expect(await participationsOf(own.id)).toBe(0);
  });

  it('answers 401 to an anonymous caller, writing nothing', async () => {
    const { club, community } = await setting();
    const response = await t.api.post(`/api/clubs/${club.id}/applications`).send({ communityId: community.id, statement: STATEMENT });
    expectError(response, 401, 'UNAUTHENTICATED');
    expect(await participationsOf(community.id)).toBe(0);
  });
});

describe('GET /api/clubs/:clubId/participations', () => {
  it("lists the club's participations, newest first, filtered by status", async () => {
    const { club, coordinator } = await setting();
    const observer = await f.newParticipation({ clubId: club.id, communityId: (await f.newCommunity()).id, status: 'observer' });
    const older = await f.newParticipation({ clubId: club.id, communityId: (await f.newCommunity()).id, status: 'applied' });
    const newer = await f.newParticipation({ clubId: club.id, communityId: (await f.newCommunity()).id, status: 'applied' });
    await f.newParticipation({ clubId: (await f.newClub()).id, communityId: (await f.newCommunity()).id, status: 'applied' });

    const applied = await t.api.get(`/api/clubs/${club.id}/participations`).query({ status: 'applied' }).set(coordinator.auth);
    expect(applied.status).toBe(200);
    expect(applied.body.map((p: { id: string }) => p.id)).toEqual([newer.id, older.id]);

    const all = await t.api.get(`/api/clubs/${club.id}/participations`).set(coordinator.auth);
    expect(all.body.map((p: { id: string }) => p.id)).toEqual([newer.id, older.id, observer.id]);
  });

  it("is refused to anyone but the club's coordinators: another club's coordinator, an applicant, anonymous", async () => {
    const { club, community, representative } = await setting();
    await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });
    const { coordinator: otherCoordinator } = await setting();

    expectError(await t.api.get(`/api/clubs/${club.id}/participations`).set(otherCoordinator.auth), 403, 'FORBIDDEN');
    expectError(await t.api.get(`/api/clubs/${club.id}/participations`).set(representative.auth), 403, 'FORBIDDEN');
    expectError(await t.api.get(`/api/clubs/${club.id}/participations`), 401, 'UNAUTHENTICATED');
  });

  it('answers 400 to an unknown status or query parameter, and 404 for an unknown club', async () => {
    const { club, coordinator } = await setting();
    expectValidationFailure(await t.api.get(`/api/clubs/${club.id}/participations`).query({ status: 'pending' }).set(coordinator.auth), 'status');
    expectValidationFailure(await t.api.get(`/api/clubs/${club.id}/participations`).query({ page: 2 }).set(coordinator.auth), 'page');
    expectValidationFailure(await t.api.get('/api/clubs/abc/participations').set(coordinator.auth), 'clubId');
    expectError(await t.api.get(`/api/clubs/${randomUUID()}/participations`).set(coordinator.auth), 404, 'NOT_FOUND');
  });
});

describe('GET /api/participations/:id', () => {
  it('shows the participation to the community and to the coordinators of the club, with the actions each may take', async () => {
    const { club, coordinator, community, representative } = await setting({ registered: true });
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });

    const asCoordinator = await t.api.get(`/api/participations/${id}`).set(coordinator.auth);
    expect(asCoordinator.status).toBe(200);
    expect(asCoordinator.body).toMatchObject({ id, status: 'applied', clubId: club.id, version: 1 });
    // A registered community may be admitted straight to member.
    expect(asCoordinator.body.availableActions.sort()).toEqual(['accept', 'admit', 'decline']);

    const asRepresentative = await t.api.get(`/api/participations/${id}`).set(representative.auth);
    expect(asRepresentative.status).toBe(200);
    expect(asRepresentative.body.availableActions).toEqual(['withdraw']);
  });

  it("answers 404 to another club's coordinator, another community, an official and a user without any role", async () => {
    const { club, community } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });
    const { coordinator: otherCoordinator, representative: otherRepresentative } = await setting();
    const official = await f.newUser({ role: 'official', region: club.regionCode });
    const noRole = await f.newUser();

    for (const caller of [otherCoordinator, otherRepresentative, official, noRole]) {
      expectError(await t.api.get(`/api/participations/${id}`).set(caller.auth), 404, 'NOT_FOUND');
    }
  });

  it('answers 401 to anonymous callers, 400 to a malformed id and 404 to an unknown one', async () => {
    const { coordinator } = await setting();
    expectError(await t.api.get(`/api/participations/${randomUUID()}`), 401, 'UNAUTHENTICATED');
    expectValidationFailure(await t.api.get('/api/participations/1').set(coordinator.auth), 'id');
    expectError(await t.api.get(`/api/participations/${randomUUID()}`).set(coordinator.auth), 404, 'NOT_FOUND');
  });
});

describe('POST /api/participations/:id/transitions', () => {
  it('declines an application with a reason and records the event', async () => {
    const { club, coordinator, community, representative } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });
    const reason = 'Please describe your regular activities and apply again.';

    const response = await decide(id, coordinator, { outcome: 'decline', reasonCode: 'other', reasonText: `  ${reason} `, version: 1 });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'declined', version: 2, availableActions: [] });
    expect(await stored(id)).toMatchObject({
      status: 'declined',
      version: 2,
      events: [{ sequence: 1 }, { sequence: 2, action: 'decline', from_status: 'applied', to_status: 'declined', reason, actor_id: coordinator.id }],
    });
    const seen = await t.api.get(`/api/participations/${id}`).set(representative.auth);
    expect(seen.body.events.at(-1)).toMatchObject({ action: 'decline', reason, actorName: coordinator.displayName });
  });

  it('refuses to decline without a reason (400 naming reasonText), changing nothing', async () => {
    const { club, coordinator, community } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });
    const before = await stored(id);

    const missing = await decide(id, coordinator, { outcome: 'decline', reasonCode: 'other', version: 1 });
    expectValidationFailure(missing, 'reasonText');

    expectValidationFailure(await decide(id, coordinator, { outcome: 'decline', reasonCode: 'other', reasonText: ' '.repeat(12), version: 1 }), 'reasonText');
    expect(await stored(id)).toEqual(before);
  });

  it('admits a registered community straight to member', async () => {
    const { club, coordinator, community } = await setting({ registered: true });
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });

    const response = await decide(id, coordinator, {
      outcome: 'admit',
      reasonCode: 'registered_community',
      reasonText: 'A registered community we have known for years.',
      version: 1,
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'member', version: 2 });
    expect((await stored(id)).events.map((e: { action: string }) => e.action)).toEqual(['apply', 'admit']);
  });

  it('refuses to admit a non-registered community straight to member (422 PARTICIPATION.REGISTRATION_REQUIRED), changing nothing', async () => {
    const { club, coordinator, community } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });
    const before = await stored(id);

    const admit = { outcome: 'admit', reasonCode: 'coordinator_judgement', reasonText: 'They have been very helpful to us.', version: 1 };
    expectError(await decide(id, coordinator, admit), 422, 'PARTICIPATION.REGISTRATION_REQUIRED');
    expect(await stored(id)).toEqual(before);
  });

  it('does not let a representative accept its own application (403), changing nothing', async () => {
    const { club, community, representative } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });
    const before = await stored(id);

    expectError(await transition(id, representative, { action: 'accept', version: 1 }), 403, 'FORBIDDEN');
    expect(await stored(id)).toEqual(before);
  });

  it('does not let a coordinator withdraw a community (only the community itself may), changing nothing', async () => {
    const { club, coordinator, community } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });
    const before = await stored(id);

    expectError(await transition(id, coordinator, { action: 'withdraw', version: 2 }), 403, 'FORBIDDEN');
    expect(await stored(id)).toEqual(before);
  });

  it('lets the community withdraw, after which no action remains', async () => {
    const { club, coordinator, community, representative } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });

    const response = await transition(id, representative, { action: 'withdraw', version: 2 });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'withdrawn', version: 3, availableActions: [] });
    expect((await stored(id)).events.at(-1)).toMatchObject({ sequence: 3, action: 'withdraw', from_status: 'observer', to_status: 'withdrawn', actor_id: representative.id });
    const asCoordinator = await t.api.get(`/api/participations/${id}`).set(coordinator.auth);
    expect(asCoordinator.body.availableActions).toEqual([]);
  });

  it('suspends a member with a reason and reinstates it to member, not to observer', async () => {
    const { club, coordinator, community } = await setting({ registered: true });
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'member' });

    const suspended = await transition(id, coordinator, { action: 'suspend', reason: 'Missed three meetings in a row', version: 2 });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', version: 3 });

    const reinstated = await transition(id, coordinator, { action: 'reinstate', reason: 'Back at the table', version: 3 });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body).toMatchObject({ status: 'member', version: 4 });
    expect(await stored(id)).toMatchObject({ status: 'member', suspended_from: null });
  });

  it('refuses a move the pathway does not allow (409 PARTICIPATION.INVALID_TRANSITION), changing nothing', async () => {
    const { club, coordinator, community } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });
    const before = await stored(id);

    expectError(await transition(id, coordinator, { action: 'accept', version: 2 }), 409, 'PARTICIPATION.INVALID_TRANSITION');
    expect(await stored(id)).toEqual(before);
  });

  it('refuses a decision taken on a stale version with 409, changing nothing', async () => {
    const { club, coordinator, community } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });
    const before = await stored(id);

    const response = await transition(id, coordinator, { action: 'nominate', version: 1 });

    // Distinct from INVALID_TRANSITION: the client must reload, not hide the button.
    expectError(response, 409, 'PARTICIPATION.STALE_VERSION');
    expect(await stored(id)).toEqual(before);
  });

  it('lets exactly one of five simultaneous accepts win: one 200, four 409, and a gapless history', async () => {
    const { club, coordinator, community } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });

    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => transition(id, coordinator, { action: 'accept', reason: `click ${i}`, version: 1 })),
    );

    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    for (const loser of responses.filter((r) => r.status !== 200)) expectError(loser, 409, 'PARTICIPATION.STALE_VERSION');
    const after = await stored(id);
    expect(after).toMatchObject({ status: 'observer', version: 2 });
    expect(after.events.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2]);
    expect(after.events.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
  });

  it('keeps the history gapless when decisions race across several steps', async () => {
    const { club, coordinator, community } = await setting({ registered: true });
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });

    // Each round: five concurrent attempts at the next step with the version everybody saw.
    const steps = [
      { send: transition, body: { action: 'accept' } },
      { send: transition, body: { action: 'nominate' } },
      { send: decide, body: { outcome: 'defer', reasonCode: 'more_participation_needed', reasonText: 'Attend two more meetings first' } },
      { send: transition, body: { action: 'nominate' } },
      // The default policy is not met by a fresh candidate: admitting needs the override.
      { send: decide, body: { outcome: 'admit', reasonCode: 'coordinator_judgement', reasonText: 'Known to the club for years.', overrideReason: 'Registered and long present.' } },
    ];
    for (const [index, { send, body }] of steps.entries()) {
      const version = index + 1;
      const responses = await Promise.all(Array.from({ length: 5 }, () => send(id, coordinator, { ...body, version })));
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    }

    const after = await stored(id);
    expect(after).toMatchObject({ status: 'member', version: 6 });
    expect(after.events.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(after.events.map((e: { action: string }) => e.action)).toEqual(['apply', 'accept', 'nominate', 'defer', 'nominate', 'admit']);
  });

  it.each([
    ['decline', 'applied', { reason: 'Not a fit for the club charter.' }],
    ['admit', 'applied', {}],
    ['defer', 'candidate', { reason: 'Attend two more meetings first' }],
    ['request_nomination', 'observer', {}],
  ] as const)('does not offer %s (it has its own endpoint): 400 on the action, changing nothing', async (action, status, extra) => {
    const { club, coordinator, community, representative } = await setting({ registered: true });
    const participation = await f.newParticipation({ clubId: club.id, communityId: community.id, status });
    const before = await stored(participation.id);

    const caller = action === 'request_nomination' ? representative : coordinator;
    expectValidationFailure(await transition(participation.id, caller, { action, version: participation.version, ...extra }), 'action');
    expect(await stored(participation.id)).toEqual(before);
  });

  it('rejects invalid input and unknown fields with 400, changing nothing', async () => {
    const { club, coordinator, community } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });
    const before = await stored(id);

    expectValidationFailure(await transition(id, coordinator, { action: 'promote', version: 1 }), 'action');
    expectValidationFailure(await transition(id, coordinator, { action: 'accept' }), 'version');
    expectValidationFailure(await transition(id, coordinator, { action: 'accept', version: '1' }), 'version');
    expectValidationFailure(await transition(id, coordinator, { action: 'decline', reason: 'x'.repeat(2001), version: 1 }), 'reason');
    expectValidationFailure(await transition(id, coordinator, { action: 'accept', version: 1, status: 'member' }), 'status');
    expectValidationFailure(await t.api.post('/api/participations/nope/transitions').set(coordinator.auth).send({ action: 'accept', version: 1 }), 'id');
    expect(await stored(id)).toEqual(before);
  });

  it("answers 404 to another club's coordinator and to another community, 401 to anonymous callers, changing nothing", async () => {
    const { club, community } = await setting();
    const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });
    const { coordinator: otherCoordinator, representative: otherRepresentative } = await setting();
    const before = await stored(id);

    expectError(await transition(id, otherCoordinator, { action: 'accept', version: 1 }), 404, 'NOT_FOUND');
    expectError(await transition(id, otherRepresentative, { action: 'withdraw', version: 1 }), 404, 'NOT_FOUND');
    expectError(await t.api.post(`/api/participations/${id}/transitions`).send({ action: 'accept', version: 1 }), 401, 'UNAUTHENTICATED');
    expectError(await transition(randomUUID(), otherCoordinator, { action: 'accept', version: 1 }), 404, 'NOT_FOUND');
    expect(await stored(id)).toEqual(before);
  });
});
