import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createFactories, Factories, TestClub, TestCommunity, TestUser } from './support/factories';
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

describe("a coordinator's To do", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const CLEANUP = {
    title: 'Spring clean-up of the Esentai riverbank',
    description: 'Volunteers of every community clean the riverbank together on a Saturday morning.',
    category: 'cleanup',
    startsOn: '2027-04-18',
    endsOn: '2027-04-18',
  };

  interface Member {
    community: TestCommunity;
    representative: TestUser;
  }
  async function member(club: TestClub, status: 'observer' | 'member' | 'applied' | 'candidate', registered = false): Promise<Member> {
    const community = await f.newCommunity({ registered });
    await f.newParticipation({ clubId: club.id, communityId: community.id, status });
    return { community, representative: await f.newUser({ role: 'representative', communityId: community.id }) };
  }
  const propose = (club: TestClub, lead: Member, title = CLEANUP.title) =>
    t.api.post(`/api/clubs/${club.id}/projects`).set(lead.representative.auth).send({ communityId: lead.community.id, ...CLEANUP, title });
  async function meeting(club: TestClub, coordinator: TestUser, startsAt: Date, title: string, published = false): Promise<string> {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, created_by_id, minutes_published_at)
       VALUES ($1, $2, $3, $4, 'in_person', 'club', 'scheduled', 'K7Q2', $5, CASE WHEN $6 THEN now() END) RETURNING id`,
      [club.id, title, startsAt, new Date(startsAt.getTime() + 2 * 60 * 60 * 1000), coordinator.id, published],
    );
    return rows[0].id;
  }
  const actionItem = (club: TestClub, meetingId: string, coordinator: TestUser, title: string, dueDate: string, status = 'open') =>
    t.db.query(
      `INSERT INTO action_items (club_id, meeting_id, title, owner_name, due_date, status, done_at, created_by_id)
       VALUES ($1, $2, $3, 'The coordinator', $4, $5, CASE WHEN $5 = 'done' THEN now() END, $6)`,
      [club.id, meetingId, title, dueDate, status, coordinator.id],
    );

  /** A club with one thing of every kind waiting, and things that do not wait (decided, published, done, not yet due). */
  async function busyClub() {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const lead = await member(club, 'observer');
    const partner = await member(club, 'member', true);
    const oldApplicant = await member(club, 'applied');
    await t.db.query(`UPDATE participations SET created_at = now() - interval '14 months' WHERE community_id = $1`, [oldApplicant.community.id]);
    const newApplicant = await member(club, 'applied');
    const candidate = await member(club, 'candidate');

    const proposed = await propose(club, lead, 'Coats for winter');
    expect(proposed.status).toBe(201);
    const active = await propose(club, lead);
    await t.api.post(`/api/projects/${active.body.id}/transitions`).set(coordinator.auth).send({ action: 'approve', version: active.body.version }).expect(200);
    await t.api.post(`/api/projects/${active.body.id}/participants`).set(partner.representative.auth).send({ communityId: partner.community.id }).expect(201);
    const entered = await t.api
      .post(`/api/projects/${active.body.id}/contributions`)
      .set(lead.representative.auth)
      .send({ communityId: lead.community.id, role: 'lead', volunteers: 12, hours: 36 });
    expect(entered.status).toBe(201);

    const held = await meeting(club, coordinator, new Date(Date.now() - 3 * DAY), 'Meeting without minutes');
    const published = await meeting(club, coordinator, new Date(Date.now() - 33 * DAY), 'Meeting with minutes', true);
    await meeting(club, coordinator, new Date(Date.now() + 3 * DAY), 'Next meeting');
    await actionItem(club, published, coordinator, 'Book the hall for the fair', '2020-01-15');
    await actionItem(club, published, coordinator, 'Print the leaflets', '2099-01-15');
    await actionItem(club, published, coordinator, 'Call the akimat', '2020-01-15', 'done');
    return { club, coordinator, lead, partner, oldApplicant, newApplicant, candidate, projectId: active.body.id as string, proposedId: proposed.body.id as string, held, published };
  }

  it('lists everything waiting in the coordinator’s clubs, named, overdue first, each with the record it is done on', async () => {
    const w = await busyClub();
    const other = await busyClub();

    const response = await t.api.get('/api/work-queue').set(w.coordinator.auth);

    expect(response.status).toBe(200);
    const items = response.body as Array<{ kind: string; targetId: string; club: { id: string }; community: { id: string; name: string } | null; title: string | null; overdue: boolean; dueOn: string | null }>;
    expect(items.every((item) => item.club.id === w.club.id)).toBe(true);
    const summary = items.map((item) => [item.kind, item.community?.name ?? null, item.title, item.overdue]);
    expect(summary).toEqual([
      ['application', w.oldApplicant.community.name, null, true],
      ['action_item', null, 'Book the hall for the fair', true],
      // Then the longest waiting: the meeting ended three days ago, the rest was made just now, in this order.
      ['minutes', null, 'Meeting without minutes', false],
      ['application', w.newApplicant.community.name, null, false],
      ['candidacy', w.candidate.community.name, null, false],
      ['project_proposed', w.lead.community.name, 'Coats for winter', false],
      ['join_request', w.partner.community.name, CLEANUP.title, false],
      ['contribution', w.lead.community.name, CLEANUP.title, false],
    ]);
    const target = (kind: string, name?: string) => items.find((item) => item.kind === kind && (!name || item.community?.name === name))?.targetId;
    expect(target('candidacy')).toBeDefined();
    expect(target('join_request')).toBe(w.projectId);
    expect(target('contribution')).toBe(w.projectId);
    expect(target('project_proposed')).toBe(w.proposedId);
    expect(target('minutes')).toBe(w.held);
    expect(target('action_item')).toBe(w.published);
    expect(items.find((item) => item.kind === 'action_item')?.dueOn).toBe('2020-01-15');
    expect(JSON.stringify(response.body)).not.toContain(other.club.id);

    const count = await t.api.get('/api/work-queue/count').set(w.coordinator.auth);
    expect(count.body).toEqual({ count: items.length, overdue: 2 });
  });

  it('asks the database the same few statements whatever the number of items (no N+1)', async () => {
    const w = await busyClub();
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const measure = async (path: string) => {
      statements.mockClear();
      expect((await t.api.get(path).set(w.coordinator.auth)).status).toBe(200);
      return statements.mock.calls.length;
    };
    try {
      const before = { list: await measure('/api/work-queue'), count: await measure('/api/work-queue/count') };
      for (let i = 0; i < 6; i += 1) {
        await member(w.club, 'applied');
        await propose(w.club, w.lead, `Project ${i}`);
      }
      expect({ list: await measure('/api/work-queue'), count: await measure('/api/work-queue/count') }).toEqual(before);
      expect(before.count).toBeLessThanOrEqual(before.list);
    } finally {
      statements.mockRestore();
    }
  });

  it('is for coordinators only: others get 403, anonymous callers 401; a coordinator without waiting work reads an empty list', async () => {
    const w = await busyClub();
    const admin = await f.newUser({ role: 'administrator' });
    const official = await f.newUser({ role: 'official', region: w.club.regionCode });
    for (const caller of [w.lead.representative, w.partner.representative, admin, official]) {
      for (const path of ['/api/work-queue', '/api/work-queue/count']) {
        expect((await t.api.get(path).set(caller.auth)).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      }
    }
    expect((await t.api.get('/api/work-queue')).status).toBe(401);
    expect((await t.api.get('/api/work-queue/count')).status).toBe(401);

    const idle = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });
    expect((await t.api.get('/api/work-queue').set(idle.auth)).body).toEqual([]);
    expect((await t.api.get('/api/work-queue/count').set(idle.auth)).body).toEqual({ count: 0, overdue: 0 });
  });
});
