import { randomUUID } from 'node:crypto';
import { almatyDate, reapplyDateAfter } from '@dastarkhan/domain';
import { createFactories, Factories, TestClub, TestCommunity, TestParticipation, TestUser } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;
let admin: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  admin = await f.newUser({ role: 'administrator' });
});
afterAll(() => t?.close());

const DAY = 24 * 60 * 60 * 1000;
/** Every milestone switched off: a participation meets the club's policy from day one. */
const NOTHING_REQUIRED = {
  minMonthsAsObserver: null,
  minMeetingsAttended: null,
  minAttendanceRate: null,
  minJointProjects: null,
  transparencyFields: [],
  minSponsors: null,
  noOpenConcern: false,
};
const DEFER = { outcome: 'defer', reasonCode: 'more_participation_needed', reasonText: 'Please attend the spring meetings first.' };
const DECLINE = { outcome: 'decline', reasonCode: 'club_charter', reasonText: 'The club charter asks for a public meeting place.' };
const ADMIT = { outcome: 'admit', reasonCode: 'coordinator_judgement', reasonText: 'A good partner of the club; welcome.' };
const APPEAL = 'We attended every meeting we were invited to; please look again.';
const RULING = 'Having read the record, the decision stands as taken.';

interface World {
  club: TestClub;
  coordinator: TestUser;
  /** A second coordinator of the same club (for the race). */
  coCoordinator: TestUser;
  community: TestCommunity;
  representative: TestUser;
}

/** A club with two coordinators, and a non-registered community (unless asked) with its representative. */
async function world(options: { registered?: boolean; nothingRequired?: boolean } = {}): Promise<World> {
  const club = await f.newClub();
  const community = await f.newCommunity({ registered: options.registered ?? false });
  const [coordinator, coCoordinator, representative] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'representative', communityId: community.id }),
  ]);
  if (options.nothingRequired) {
    // Before any participation is made: a candidacy is judged by the policy in force at its nomination.
    const policy = await t.api.put(`/api/clubs/${club.id}/pathway-policy`).set(coordinator.auth).send(NOTHING_REQUIRED);
    expect(policy.status).toBe(200);
  }
  return { club, coordinator, coCoordinator, community, representative };
}

const participate = (w: World, status: 'applied' | 'observer' | 'candidate' | 'member'): Promise<TestParticipation> =>
  f.newParticipation({ clubId: w.club.id, communityId: w.community.id, status });

const decide = (id: string, user: TestUser | null, body: Record<string, unknown>) => {
  const request = t.api.post(`/api/participations/${id}/decisions`);
  return user ? request.set(user.auth).send(body) : request.send(body);
};
const decisionsOf = (id: string, user: TestUser) => t.api.get(`/api/participations/${id}/decisions`).set(user.auth);
const requestNomination = (id: string, user: TestUser, version: number) =>
  t.api.post(`/api/participations/${id}/nomination-request`).set(user.auth).send({ version });
const appeal = (decisionId: string, user: TestUser, text = APPEAL) =>
  t.api.post(`/api/decisions/${decisionId}/appeal`).set(user.auth).send({ text });
const resolve = (appealId: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.post(`/api/appeals/${appealId}/resolution`).set(user.auth).send(body);

/** The stored participation, its events and its decision records, to check what a request did (not) change. */
async function stored(participationId: string) {
  const { rows: [participation] } = await t.db.query(`SELECT status, version FROM participations WHERE id = $1`, [participationId]);
  const { rows: events } = await t.db.query(
    `SELECT sequence, action, from_status, to_status, reason, actor_id FROM participation_events WHERE participation_id = $1 ORDER BY sequence`,
    [participationId],
  );
  const { rows: decisions } = await t.db.query(
    `SELECT id, event_sequence, outcome, from_status, reason_code, reason_text, override_reason,
            to_char(earliest_reapply_on, 'YYYY-MM-DD') AS earliest_reapply_on, decider_id, milestone_snapshot
       FROM participation_decisions WHERE participation_id = $1 ORDER BY event_sequence`,
    [participationId],
  );
  return { ...participation, events, decisions };
}

const appealsOf = (decisionId: string) => countRows(t.db, `SELECT 1 FROM decision_appeals WHERE decision_id = $1`, [decisionId]);

/** A decision taken through the API; returns its record. */
async function decided(w: World, participation: TestParticipation, body: Record<string, unknown>) {
  const response = await decide(participation.id, w.coordinator, { ...body, version: participation.version });
  expect(response.status).toBe(200);
  return response.body.decision as { id: string; earliestReapplyOn: string | null };
}

describe('POST /api/participations/:id/decisions', () => {
  it('defers a candidate with a reason, the default re-apply date in 3 months, and the milestones as they stood', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');

    const response = await decide(candidate.id, w.coordinator, { ...DEFER, reasonText: `  ${DEFER.reasonText}  `, version: 3 });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: candidate.id, status: 'observer', version: 4 });
    expect(response.body.events.at(-1)).toMatchObject({ action: 'defer', fromStatus: 'candidate', toStatus: 'observer', reason: DEFER.reasonText });
    const expectedDate = reapplyDateAfter(new Date(), 3);
    expect(response.body.decision).toMatchObject({
      participationId: candidate.id,
      eventSequence: 4,
      outcome: 'defer',
      fromStatus: 'candidate',
      reasonCode: 'more_participation_needed',
      reasonText: DEFER.reasonText,
      overrideReason: null,
      earliestReapplyOn: expectedDate,
      deciderName: w.coordinator.displayName,
      canAppeal: false,
      appeal: null,
      milestoneSnapshot: { participationId: candidate.id, status: 'candidate', allMet: false, policy: { scope: 'national' } },
    });
    expect(response.body.decision.milestoneSnapshot.milestones).toHaveLength(7);
    expect(await stored(candidate.id)).toMatchObject({
      status: 'observer',
      version: 4,
      decisions: [
        {
          event_sequence: 4,
          outcome: 'defer',
          from_status: 'candidate',
          reason_code: 'more_participation_needed',
          reason_text: DEFER.reasonText,
          earliest_reapply_on: expectedDate,
          decider_id: w.coordinator.id,
          milestone_snapshot: expect.objectContaining({ allMet: false }),
        },
      ],
    });
  });

  it('declines a candidate with the re-apply date the coordinator chose', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const date = reapplyDateAfter(new Date(), 12);

    const response = await decide(candidate.id, w.coordinator, { ...DECLINE, earliestReapplyOn: date, version: 3 });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'declined', availableActions: [], decision: { outcome: 'decline', earliestReapplyOn: date } });
    expect((await stored(candidate.id)).decisions).toEqual([expect.objectContaining({ outcome: 'decline', earliest_reapply_on: date })]);
  });

  it('admits a candidate that meets every milestone without an override', async () => {
    const w = await world({ nothingRequired: true });
    const candidate = await participate(w, 'candidate');

    const response = await decide(candidate.id, w.coordinator, { ...ADMIT, version: 3 });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'member',
      decision: { outcome: 'admit', overrideReason: null, earliestReapplyOn: null, appealDeadline: null, milestoneSnapshot: { allMet: true } },
    });
  });

  it('needs an override reason to admit a candidate with an unmet milestone (422, nothing stored), and stores it when given', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const before = await stored(candidate.id);
    const admit = { ...ADMIT, reasonCode: 'coordinator_judgement', reasonText: 'They ran the winter soup kitchen with us.', version: 3 };

    const refused = await decide(candidate.id, w.coordinator, admit);
    expectError(refused, 422, 'DECISION.OVERRIDE_REASON_REQUIRED');
    expect(refused.body.fields).toEqual({ overrideReason: 'required' });
    expect(await stored(candidate.id)).toEqual(before);

    const override = 'Two member communities vouched in person at the last meeting.';
    const admitted = await decide(candidate.id, w.coordinator, { ...admit, overrideReason: `  ${override} ` });
    expect(admitted.status).toBe(200);
    expect(admitted.body.decision).toMatchObject({ outcome: 'admit', overrideReason: override });
    const unmet = admitted.body.decision.milestoneSnapshot.milestones.filter((m: { enabled: boolean; met: boolean }) => m.enabled && !m.met);
    expect(unmet.map((m: { key: string }) => m.key)).toEqual(expect.arrayContaining(['monthsAsObserver', 'sponsors']));
    expect((await stored(candidate.id)).decisions).toEqual([expect.objectContaining({ override_reason: override })]);
  });

  it('declines an application, and admits a registered community straight from its application without an override', async () => {
    const w = await world();
    const application = await participate(w, 'applied');
    const declined = await decide(application.id, w.coordinator, { ...DECLINE, version: 1 });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      decision: { outcome: 'decline', fromStatus: 'applied', earliestReapplyOn: reapplyDateAfter(new Date(), 6) },
    });

    const registered = await world({ registered: true });
    const registeredApplication = await participate(registered, 'applied');
    const admitted = await decide(registeredApplication.id, registered.coordinator, {
      ...ADMIT,
      reasonCode: 'registered_community',
      version: 1,
    });
    expect(admitted.status).toBe(200);
    expect(admitted.body).toMatchObject({ status: 'member', decision: { fromStatus: 'applied', overrideReason: null, milestoneSnapshot: { allMet: false } } });
  });

  describe.each([
    ['admit', { ...ADMIT, overrideReason: 'Known to the whole club for years.' }],
    ['defer', DEFER],
    ['decline', DECLINE],
  ])('%s by anyone but the club’s coordinators', (_outcome, body) => {
    it('is 404 for another club’s coordinator, an official, the administrator; 403 for the community; 401 anonymous; nothing stored', async () => {
      const w = await world();
      const candidate = await participate(w, 'candidate');
      const other = await world();
      const official = await f.newUser({ role: 'official', region: w.club.regionCode });
      const before = await stored(candidate.id);

      for (const caller of [other.coordinator, other.representative, official, admin]) {
        expectError(await decide(candidate.id, caller, { ...body, version: 3 }), 404, 'NOT_FOUND');
      }
      expectError(await decide(candidate.id, w.representative, { ...body, version: 3 }), 403, 'FORBIDDEN');
      expectError(await decide(candidate.id, null, { ...body, version: 3 }), 401, 'UNAUTHENTICATED');
      expect(await stored(candidate.id)).toEqual(before);
    });
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const before = await stored(candidate.id);
    const send = (body: Record<string, unknown>) => decide(candidate.id, w.coordinator, { version: 3, ...body });

    expectValidationFailure(await send({ ...DEFER, status: 'member' }), 'status');
    expectValidationFailure(await send({ ...DEFER, outcome: 'promote' }), 'outcome');
    expectValidationFailure(await send({ ...DEFER, reasonCode: 'because' }), 'reasonCode');
    expectValidationFailure(await send({ outcome: 'defer', reasonCode: 'other' }), 'reasonText');
    expectValidationFailure(await send({ ...DEFER, reasonText: 'Too short' }), 'reasonText');
    expectValidationFailure(await send({ ...DEFER, reasonText: 'x'.repeat(2001) }), 'reasonText');
    expectValidationFailure(await send({ ...DEFER, earliestReapplyOn: '2030-02-30' }), 'earliestReapplyOn');
    expectValidationFailure(await send({ ...DEFER, earliestReapplyOn: '15.06.2030' }), 'earliestReapplyOn');
    expectValidationFailure(await send({ ...DEFER, earliestReapplyOn: '2030-06-15T00:00:00Z' }), 'earliestReapplyOn');
    expectValidationFailure(await send({ ...ADMIT, overrideReason: 'ok' }), 'overrideReason');
    expectValidationFailure(await decide(candidate.id, w.coordinator, DEFER), 'version');
    expectValidationFailure(await send({ ...DEFER, version: '3' }), 'version');
    expectValidationFailure(await t.api.post('/api/participations/nope/decisions').set(w.coordinator.auth).send({ ...DEFER, version: 3 }), 'id');

    // A reason code of another outcome.
    const foreign = await send({ ...DEFER, reasonCode: 'milestones_met' });
    expectError(foreign, 400, 'DECISION.INVALID_REASON_CODE');
    expect(foreign.body.fields).toEqual({ reasonCode: 'invalid' });
    expectError(await send({ ...ADMIT, reasonCode: 'conduct' }), 400, 'DECISION.INVALID_REASON_CODE');

    // Re-apply dates out of range, or on an admission.
    const yesterday = almatyDate(new Date(Date.now() - DAY));
    const tooFar = almatyDate(new Date(new Date(`${reapplyDateAfter(new Date(), 24)}T12:00:00+05:00`).getTime() + DAY));
    expectError(await send({ ...DEFER, earliestReapplyOn: yesterday }), 400, 'DECISION.INVALID_REAPPLY_DATE');
    expectError(await send({ ...DECLINE, earliestReapplyOn: tooFar }), 400, 'DECISION.INVALID_REAPPLY_DATE');
    expectError(
      await send({ ...ADMIT, overrideReason: 'Known to the whole club for years.', earliestReapplyOn: reapplyDateAfter(new Date(), 1) }),
      400,
      'DECISION.INVALID_REAPPLY_DATE',
    );

    expect(await stored(candidate.id)).toEqual(before);
  });

  it('accepts the boundaries of the re-apply range: today and exactly 24 months on', async () => {
    const w = await world();
    const first = await participate(w, 'candidate');
    const today = almatyDate(new Date());
    expect((await decide(first.id, w.coordinator, { ...DEFER, earliestReapplyOn: today, version: 3 })).body.decision.earliestReapplyOn).toBe(today);

    const w2 = await world();
    const second = await participate(w2, 'candidate');
    const latest = reapplyDateAfter(new Date(), 24);
    expect((await decide(second.id, w2.coordinator, { ...DECLINE, earliestReapplyOn: latest, version: 3 })).body.decision.earliestReapplyOn).toBe(latest);
  });

  it('refuses a stale version and a decision the state does not allow (409), storing nothing', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const observer = await f.newParticipation({ clubId: w.club.id, communityId: (await f.newCommunity()).id, status: 'observer' });
    const before = [await stored(candidate.id), await stored(observer.id)];

    expectError(await decide(candidate.id, w.coordinator, { ...DEFER, version: 2 }), 409, 'PARTICIPATION.STALE_VERSION');
    expectError(await decide(observer.id, w.coordinator, { ...DEFER, version: 2 }), 409, 'PARTICIPATION.INVALID_TRANSITION');
    expectError(await decide(observer.id, w.coordinator, { ...ADMIT, version: 2 }), 409, 'PARTICIPATION.INVALID_TRANSITION');
    expectError(await decide(randomUUID(), w.coordinator, { ...DEFER, version: 2 }), 404, 'NOT_FOUND');
    expect([await stored(candidate.id), await stored(observer.id)]).toEqual(before);
  });

  it('lets exactly one of six simultaneous decisions by two coordinators win: one 200, five 409, one record, a gapless history', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const bodies = [
      DEFER,
      DECLINE,
      { ...ADMIT, reasonCode: 'coordinator_judgement', overrideReason: 'Known to the whole club for years.' },
      DEFER,
      DECLINE,
      DEFER,
    ];

    const responses = await Promise.all(
      bodies.map((body, i) => decide(candidate.id, i % 2 ? w.coCoordinator : w.coordinator, { ...body, version: 3 })),
    );

    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const loser of responses.filter((r) => r.status !== 200)) expectError(loser, 409, 'PARTICIPATION.STALE_VERSION');
    const winner = responses.find((r) => r.status === 200);
    const after = await stored(candidate.id);
    expect(after.version).toBe(4);
    expect(after.status).toBe(winner?.body.status);
    expect(after.events.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(after.decisions).toHaveLength(1);
    expect(after.decisions[0]).toMatchObject({ event_sequence: 4, outcome: winner?.body.decision.outcome });
  });
});

describe('GET /api/participations/:id/decisions', () => {
  it('shows the records to the club’s coordinators and the community, with who may appeal until when', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const record = await decided(w, candidate, DEFER);

    const asCommunity = await decisionsOf(candidate.id, w.representative);
    expect(asCommunity.status).toBe(200);
    expect(asCommunity.body).toEqual([
      expect.objectContaining({
        id: record.id,
        outcome: 'defer',
        reasonCode: 'more_participation_needed',
        deciderName: w.coordinator.displayName,
        decidedAt: expect.any(String),
        appealDeadline: almatyDate(new Date(Date.now() + 30 * DAY)),
        canAppeal: true,
        appeal: null,
        milestoneSnapshot: expect.objectContaining({ milestones: expect.any(Array) }),
      }),
    ]);
    const asCoordinator = await decisionsOf(candidate.id, w.coCoordinator);
    expect(asCoordinator.body).toEqual([expect.objectContaining({ id: record.id, canAppeal: false })]);
  });

  it('is 404 for everyone else — another club’s coordinator, another community, an official, the administrator — and 401 anonymous', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    await decided(w, candidate, DEFER);
    const other = await world();
    const official = await f.newUser({ role: 'official', region: w.club.regionCode });

    for (const caller of [other.coordinator, other.representative, official, admin]) {
      expectError(await decisionsOf(candidate.id, caller), 404, 'NOT_FOUND');
    }
    expectError(await t.api.get(`/api/participations/${candidate.id}/decisions`), 401, 'UNAUTHENTICATED');
    expectError(await decisionsOf(randomUUID(), w.coordinator), 404, 'NOT_FOUND');
    expectValidationFailure(await t.api.get('/api/participations/x/decisions').set(w.coordinator.auth), 'id');
  });
});

describe('POST /api/participations/:id/nomination-request', () => {
  it('lets the community put itself forward once every milestone is met: a candidate, by the representative', async () => {
    const w = await world({ nothingRequired: true });
    const observer = await participate(w, 'observer');

    const response = await requestNomination(observer.id, w.representative, 2);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'candidate', version: 3 });
    expect((await stored(observer.id)).events.at(-1)).toMatchObject({
      sequence: 3,
      action: 'request_nomination',
      from_status: 'observer',
      to_status: 'candidate',
      actor_id: w.representative.id,
    });
  });

  it('refuses while a milestone is unmet (422), to the coordinator (403), to others (404), on a stale version (409)', async () => {
    const w = await world();
    const observer = await participate(w, 'observer');
    const before = await stored(observer.id);
    const other = await world();

    expectError(await requestNomination(observer.id, w.representative, 2), 422, 'PATHWAY.MILESTONES_UNMET');
    expectError(await requestNomination(observer.id, w.coordinator, 2), 403, 'FORBIDDEN');
    expectError(await requestNomination(observer.id, other.representative, 2), 404, 'NOT_FOUND');
    expectError(await requestNomination(observer.id, admin, 2), 404, 'NOT_FOUND');
    expectError(await requestNomination(observer.id, w.representative, 1), 409, 'PARTICIPATION.STALE_VERSION');
    expectValidationFailure(await t.api.post(`/api/participations/${observer.id}/nomination-request`).set(w.representative.auth).send({}), 'version');
    expectValidationFailure(
      await t.api.post(`/api/participations/${observer.id}/nomination-request`).set(w.representative.auth).send({ version: 2, reason: 'x' }),
      'reason',
    );
    expect(await stored(observer.id)).toEqual(before);
  });

  it('waits for the re-apply date of the latest deferral (422 PATHWAY.TOO_EARLY_TO_REAPPLY), then lets the community ask', async () => {
    const w = await world({ nothingRequired: true });
    const candidate = await participate(w, 'candidate');
    const record = await decided(w, candidate, { ...DEFER, earliestReapplyOn: reapplyDateAfter(new Date(), 1) });

    const early = await requestNomination(candidate.id, w.representative, 4);
    expectError(early, 422, 'PATHWAY.TOO_EARLY_TO_REAPPLY');
    expect(early.body.fields).toEqual({ earliestReapplyOn: record.earliestReapplyOn });
    expect((await stored(candidate.id)).status).toBe('observer');

    await t.db.query(`UPDATE participation_decisions SET earliest_reapply_on = current_date - 1 WHERE id = $1`, [record.id]);
    const onTime = await requestNomination(candidate.id, w.representative, 4);
    expect(onTime.status).toBe(200);
    expect(onTime.body.status).toBe('candidate');
  });

  it('lets exactly one of six simultaneous nomination requests through, with a gapless history', async () => {
    const w = await world({ nothingRequired: true });
    const observer = await participate(w, 'observer');

    const responses = await Promise.all(Array.from({ length: 6 }, () => requestNomination(observer.id, w.representative, 2)));

    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const loser of responses.filter((r) => r.status !== 200)) expectError(loser, 409, 'PARTICIPATION.STALE_VERSION');
    const after = await stored(observer.id);
    expect(after).toMatchObject({ status: 'candidate', version: 3 });
    expect(after.events.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3]);
  });
});

describe('a new application after a decline', () => {
  const apply = (w: World) =>
    t.api
      .post(`/api/clubs/${w.club.id}/applications`)
      .set(w.representative.auth)
      .send({ communityId: w.community.id, statement: 'We would like to try again, having changed our meeting place.' });

  it('waits for the re-apply date of the latest decline in that club (422), then is accepted', async () => {
    const w = await world();
    const application = await participate(w, 'applied');
    const record = await decided(w, application, DECLINE);

    const early = await apply(w);
    expectError(early, 422, 'PATHWAY.TOO_EARLY_TO_REAPPLY');
    expect(await countRows(t.db, `SELECT 1 FROM participations WHERE community_id = $1`, [w.community.id])).toBe(1);

    // Another club is not bound by this club's decline.
    const elsewhere = await f.newClub();
    const other = await t.api
      .post(`/api/clubs/${elsewhere.id}/applications`)
      .set(w.representative.auth)
      .send({ communityId: w.community.id, statement: 'We would like to join this club as observers.' });
    expect(other.status).toBe(201);

    await t.db.query(`UPDATE participation_decisions SET earliest_reapply_on = current_date - 1 WHERE id = $1`, [record.id]);
    const later = await apply(w);
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ status: 'applied', version: 1 });
  });
});

describe('appeals', () => {
  it('the community appeals a deferral once: the record shows it open, a second appeal is 409', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const record = await decided(w, candidate, DEFER);

    const response = await appeal(record.id, w.representative, `  ${APPEAL}  `);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: record.id,
      canAppeal: false,
      appeal: { status: 'open', text: APPEAL, appellantName: w.representative.displayName, resolution: null, resolvedAt: null },
    });
    expectError(await appeal(record.id, w.representative), 409, 'APPEAL.ALREADY_APPEALED');
    expect(await appealsOf(record.id)).toBe(1);
    const seen = await decisionsOf(candidate.id, w.coordinator);
    expect(seen.body[0].appeal).toMatchObject({ status: 'open', text: APPEAL });
  });

  it('of four appeals sent at once exactly one is recorded, the others get 409', async () => {
    const w = await world();
    const application = await participate(w, 'applied');
    const record = await decided(w, application, DECLINE);

    const responses = await Promise.all(Array.from({ length: 4 }, () => appeal(record.id, w.representative)));

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const loser of responses.filter((r) => r.status !== 201)) expectError(loser, 409, 'APPEAL.ALREADY_APPEALED');
    expect(await appealsOf(record.id)).toBe(1);
  });

  it('closes 30 days after the decision (409), and the record says so', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const record = await decided(w, candidate, DECLINE);
    await t.db.query(`UPDATE participation_decisions SET decided_at = now() - interval '31 days' WHERE id = $1`, [record.id]);

    expectError(await appeal(record.id, w.representative), 409, 'APPEAL.WINDOW_CLOSED');
    expect(await appealsOf(record.id)).toBe(0);
    expect((await decisionsOf(candidate.id, w.representative)).body[0]).toMatchObject({ canAppeal: false });

    // The last day of the window still counts.
    await t.db.query(`UPDATE participation_decisions SET decided_at = now() - interval '30 days' WHERE id = $1`, [record.id]);
    expect((await appeal(record.id, w.representative)).status).toBe(201);
  });

  it('refuses to appeal an admission (422) and a decision the participation has moved on from (409)', async () => {
    const w = await world({ nothingRequired: true });
    const candidate = await participate(w, 'candidate');
    const admission = await decided(w, candidate, ADMIT);
    expectError(await appeal(admission.id, w.representative), 422, 'APPEAL.NOT_APPEALABLE');

    const w2 = await world();
    const other = await participate(w2, 'candidate');
    const deferral = await decided(w2, other, DEFER);
    await t.api.post(`/api/participations/${other.id}/transitions`).set(w2.coordinator.auth).send({ action: 'nominate', version: 4 }).expect(200);
    expectError(await appeal(deferral.id, w2.representative), 409, 'APPEAL.DECISION_SUPERSEDED');
    expect(await appealsOf(admission.id)).toBe(0);
    expect(await appealsOf(deferral.id)).toBe(0);
  });

  it('is only for the decided community: 403 for its coordinators and the administrator (they read the decision), 404 for other communities; 400 for bad input', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const record = await decided(w, candidate, DEFER);
    const other = await world();

    for (const caller of [w.coordinator, admin]) expectError(await appeal(record.id, caller), 403, 'FORBIDDEN');
    expectError(await appeal(record.id, other.representative), 404, 'NOT_FOUND');
    expectError(await appeal(randomUUID(), w.representative), 404, 'NOT_FOUND');
    expectError(await t.api.post(`/api/decisions/${record.id}/appeal`).send({ text: APPEAL }), 401, 'UNAUTHENTICATED');
    expectValidationFailure(await appeal(record.id, w.representative, 'Unfair!'), 'text');
    expectValidationFailure(await appeal(record.id, w.representative, ' '.repeat(20)), 'text');
    expectValidationFailure(
      await t.api.post(`/api/decisions/${record.id}/appeal`).set(w.representative.auth).send({ text: APPEAL, status: 'overturned' }),
      'status',
    );
    expect(await appealsOf(record.id)).toBe(0);
  });
});

describe('the administrator decides appeals', () => {
  /** A deferred candidate whose community appealed; returns the appeal's id. */
  async function appealed(w: World, body: Record<string, unknown> = DEFER, status: 'candidate' | 'applied' = 'candidate') {
    const participation = await participate(w, status);
    const record = await decided(w, participation, body);
    const response = await appeal(record.id, w.representative);
    expect(response.status).toBe(201);
    return { participation, decisionId: record.id, appealId: response.body.appeal.id as string };
  }

  it('lists open appeals with the decision, the club and the community’s name — never its contacts — to administrators only', async () => {
    const w = await world();
    const { decisionId, appealId } = await appealed(w);
    const official = await f.newUser({ role: 'official', region: w.club.regionCode });

    const response = await t.api.get('/api/appeals').query({ status: 'open' }).set(admin.auth);

    expect(response.status).toBe(200);
    const item = response.body.find((a: { id: string }) => a.id === appealId);
    expect(item).toMatchObject({
      status: 'open',
      text: APPEAL,
      club: { id: w.club.id, name: w.club.name },
      community: { id: w.community.id, name: w.community.name, registrationStatus: 'not_registered' },
      decision: { id: decisionId, outcome: 'defer', reasonCode: 'more_participation_needed', milestoneSnapshot: expect.any(Object) },
    });
    expect(JSON.stringify(response.body)).not.toContain(w.community.contactEmail);
    expect(JSON.stringify(response.body)).not.toContain(w.community.contactPhone);

    const upheld = await t.api.get('/api/appeals').query({ status: 'upheld' }).set(admin.auth);
    expect(upheld.body.find((a: { id: string }) => a.id === appealId)).toBeUndefined();
    for (const caller of [w.coordinator, w.representative, official]) {
      expectError(await t.api.get('/api/appeals').set(caller.auth), 403, 'FORBIDDEN');
    }
    expectError(await t.api.get('/api/appeals'), 401, 'UNAUTHENTICATED');
    expectValidationFailure(await t.api.get('/api/appeals').query({ status: 'pending' }).set(admin.auth), 'status');
  });

  it('upholds: the decision stands, the ruling is recorded, a second ruling is 409', async () => {
    const w = await world();
    const { participation, appealId } = await appealed(w);
    const before = await stored(participation.id);

    const response = await resolve(appealId, admin, { outcome: 'upheld', text: RULING });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: appealId, status: 'upheld', resolution: RULING, resolvedByName: admin.displayName });
    expect(await stored(participation.id)).toEqual(before);
    expectError(await resolve(appealId, admin, { outcome: 'overturned', text: RULING }), 409, 'APPEAL.NOT_OPEN');
    const seen = await decisionsOf(participation.id, w.representative);
    expect(seen.body[0].appeal).toMatchObject({ status: 'upheld', resolution: RULING });
  });

  it('overturns a deferral: the candidate is back where it was, with an "overturn" event by the administrator', async () => {
    const w = await world();
    const { participation, appealId } = await appealed(w);
    const text = 'The attendance record was incomplete; the candidacy goes back to the coordinator.';

    const response = await resolve(appealId, admin, { outcome: 'overturned', text });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'overturned', resolution: text });
    const after = await stored(participation.id);
    expect(after).toMatchObject({ status: 'candidate', version: 5 });
    expect(after.events.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(after.events.at(-1)).toMatchObject({ action: 'overturn', from_status: 'observer', to_status: 'candidate', reason: text, actor_id: admin.id });
    const seen = await t.api.get(`/api/participations/${participation.id}`).set(w.representative.auth);
    expect(seen.body.events.at(-1)).toMatchObject({ action: 'overturn', actorName: admin.displayName, reason: text });
  });

  it('cannot overturn once the participation moved on, nor when the declined community already applied again (409, nothing changes)', async () => {
    const w = await world();
    const moved = await appealed(w);
    await t.api.post(`/api/participations/${moved.participation.id}/transitions`).set(w.coordinator.auth).send({ action: 'nominate', version: 4 }).expect(200);
    expectError(await resolve(moved.appealId, admin, { outcome: 'overturned', text: RULING }), 409, 'APPEAL.DECISION_SUPERSEDED');

    const w2 = await world();
    const declined = await appealed(w2, { ...DECLINE, earliestReapplyOn: almatyDate(new Date()) }, 'applied');
    await t.api
      .post(`/api/clubs/${w2.club.id}/applications`)
      .set(w2.representative.auth)
      .send({ communityId: w2.community.id, statement: 'We would like to try again with a new statement.' })
      .expect(201);
    const before = await stored(declined.participation.id);
    expectError(await resolve(declined.appealId, admin, { outcome: 'overturned', text: RULING }), 409, 'APPEAL.COMMUNITY_REAPPLIED');
    expect(await stored(declined.participation.id)).toEqual(before);
    const { rows } = await t.db.query(`SELECT status FROM decision_appeals WHERE id = $1`, [declined.appealId]);
    expect(rows).toEqual([{ status: 'open' }]);
    // It can still be upheld.
    expect((await resolve(declined.appealId, admin, { outcome: 'upheld', text: RULING })).status).toBe(200);
  });

  it('is for the administrator only (403), 404 for an unknown appeal, 400 for bad input', async () => {
    const w = await world();
    const { appealId } = await appealed(w);

    for (const caller of [w.coordinator, w.representative]) {
      expectError(await resolve(appealId, caller, { outcome: 'overturned', text: RULING }), 403, 'FORBIDDEN');
    }
    expectError(await resolve(randomUUID(), admin, { outcome: 'upheld', text: RULING }), 404, 'NOT_FOUND');
    expectValidationFailure(await resolve(appealId, admin, { outcome: 'granted', text: RULING }), 'outcome');
    expectValidationFailure(await resolve(appealId, admin, { outcome: 'upheld' }), 'text');
    expectValidationFailure(await resolve(appealId, admin, { outcome: 'upheld', text: RULING, notify: false }), 'notify');
    const { rows } = await t.db.query(`SELECT status FROM decision_appeals WHERE id = $1`, [appealId]);
    expect(rows).toEqual([{ status: 'open' }]);
  });
});

describe('who is told', () => {
  const notices = async (userId: string) => {
    const { rows } = await t.db.query(`SELECT kind, params FROM notifications WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
    return rows as Array<{ kind: string; params: Record<string, string | null> }>;
  };

  it('tells the community of a decision and of the ruling on its appeal, coordinators and administrators of the appeal, never the actor', async () => {
    const w = await world();
    const candidate = await participate(w, 'candidate');
    const record = await decided(w, candidate, DEFER);
    expect(await notices(w.representative.id)).toEqual([
      { kind: 'deferred', params: expect.objectContaining({ reasonCode: 'more_participation_needed', earliestReapplyOn: record.earliestReapplyOn }) },
    ]);
    expect(await notices(w.coordinator.id)).toEqual([]);

    const filed = await appeal(record.id, w.representative);
    expect(await notices(w.coCoordinator.id)).toEqual([expect.objectContaining({ kind: 'appeal_filed' })]);
    expect((await notices(admin.id)).filter((n) => n.params.participationId === candidate.id)).toEqual([
      expect.objectContaining({ kind: 'appeal_filed' }),
    ]);

    await resolve(filed.body.appeal.id, admin, { outcome: 'upheld', text: RULING }).expect(200);
    expect((await notices(w.representative.id)).map((n) => n.kind)).toEqual(['deferred', 'appeal_decided']);
    expect((await notices(w.representative.id))[1].params).toMatchObject({ outcome: 'upheld' });
  });

  it("tells the coordinators and the region's officials of a nomination request, naming a non-registered community only with its consent", async () => {
    const w = await world({ nothingRequired: true });
    const observer = await participate(w, 'observer');
    const official = await f.newUser({ role: 'official', region: w.club.regionCode });

    await requestNomination(observer.id, w.representative, 2).expect(200);

    expect(await notices(w.coordinator.id)).toEqual([
      { kind: 'nominated', params: expect.objectContaining({ communityName: w.community.name }) },
    ]);
    const [told] = await notices(official.id);
    expect(told.kind).toBe('nominated');
    expect(told.params).not.toHaveProperty('communityName');
    expect(await notices(w.representative.id)).toEqual([]);
  });
});
