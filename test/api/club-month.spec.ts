import { createFactories, Factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** What a coordinator, a community or an official tripped on in a club's month (issue "A club's month without a stumble"). */
let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
});
afterAll(() => t?.close());

describe('a candidacy nominated before any policy version existed', () => {
  it('is judged by the first version that applied, never 404', async () => {
    const club = await f.newClub();
    const community = await f.newCommunity();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const candidacy = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'candidate' });
    await t.db.query(`UPDATE participation_events SET created_at = '2001-01-01' WHERE participation_id = $1`, [candidacy.id]);

    const progress = await t.api.get(`/api/participations/${candidacy.id}/progress`).set(coordinator.auth);
    expect(progress.status).toBe(200);
    const [first] = (await t.db.query(`SELECT id FROM pathway_policies WHERE club_id IS NULL ORDER BY version LIMIT 1`)).rows;
    expect(progress.body.policy.id).toBe(first.id);
  });
});

describe('a decision record that cannot contradict itself', () => {
  it('offers only the reasons true of the candidacy, refuses the others, and shows the admission date after admitting', async () => {
    const club = await f.newClub();
    const community = await f.newCommunity();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const candidacy = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'candidate' });

    const progress = await t.api.get(`/api/participations/${candidacy.id}/progress`).set(coordinator.auth);
    expect(progress.body.allMet).toBe(false);
    expect(progress.body.decisionReasonCodes.admit).toEqual(['coordinator_judgement']);
    expect(progress.body.decisionReasonCodes.defer).toContain('milestones_unmet');

    const admit = (reasonCode: string) =>
      t.api.post(`/api/participations/${candidacy.id}/decisions`).set(coordinator.auth).send({
        outcome: 'admit',
        reasonCode,
        reasonText: 'A steady partner of the club for two years.',
        overrideReason: 'It co-founded the club’s food bank.',
        version: candidacy.version,
      });
    for (const untrue of ['milestones_met', 'registered_community']) {
      expect((await admit(untrue)).body).toMatchObject({ statusCode: 400, code: 'DECISION.INVALID_REASON_CODE' });
    }
    const admitted = await admit('coordinator_judgement');
    expect(admitted.status).toBe(200);

    const member = await t.api.get(`/api/participations/${candidacy.id}/progress`).set(coordinator.auth);
    const admittedAt = admitted.body.decision.decidedAt.slice(0, 16);
    expect(member.body).toMatchObject({ status: 'member', nextSteps: [] });
    expect(member.body.memberSince.slice(0, 16)).toBe(admittedAt);
  });
});

describe('decided appeals stay in the administrator’s list', () => {
  it('with their ruling, filtered by status; all of them without a filter', async () => {
    const admin = await f.newUser({ role: 'administrator' });
    const club = await f.newClub();
    const community = await f.newCommunity();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const representative = await f.newUser({ role: 'representative', communityId: community.id });
    const candidacy = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'candidate' });
    const deferred = await t.api.post(`/api/participations/${candidacy.id}/decisions`).set(coordinator.auth).send({
      outcome: 'defer',
      reasonCode: 'more_participation_needed',
      reasonText: 'Please attend the spring meetings first.',
      version: candidacy.version,
    });
    const appealed = await t.api
      .post(`/api/decisions/${deferred.body.decision.id}/appeal`)
      .set(representative.auth)
      .send({ text: 'We attended every meeting we were invited to.' });
    const appealId = appealed.body.appeal.id as string;
    const ruling = 'Having read the record, the decision stands as taken.';
    expect((await t.api.post(`/api/appeals/${appealId}/resolution`).set(admin.auth).send({ outcome: 'upheld', text: ruling })).status).toBe(200);

    const ids = (body: Array<{ id: string }>) => body.map((a) => a.id);
    const upheld = await t.api.get('/api/appeals').query({ status: 'upheld' }).set(admin.auth);
    expect(upheld.body.find((a: { id: string }) => a.id === appealId)).toMatchObject({
      status: 'upheld',
      resolution: ruling,
      resolvedByName: admin.displayName,
      decision: { id: deferred.body.decision.id, appeal: { status: 'upheld', resolution: ruling } },
    });
    expect(ids((await t.api.get('/api/appeals').query({ status: 'open' }).set(admin.auth)).body)).not.toContain(appealId);
    expect(ids((await t.api.get('/api/appeals').query({ status: 'overturned' }).set(admin.auth)).body)).not.toContain(appealId);
    expect(ids((await t.api.get('/api/appeals').set(admin.auth)).body)).toContain(appealId);
    const bad = await t.api.get('/api/appeals').query({ status: 'decided' }).set(admin.auth);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });
});
