import { randomUUID } from 'node:crypto';
import type { ParticipationStatus } from '@dastarkhan/domain';
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

interface Member {
  community: TestCommunity;
  representative: TestUser;
}

interface Setting {
  club: TestClub;
  coordinator: TestUser;
  /** A non-registered observer: it proposes and leads. */
  lead: Member;
}

async function member(club: TestClub, options: { registered?: boolean; isPublic?: boolean; status?: ParticipationStatus } = {}): Promise<Member> {
  const community = await f.newCommunity({ registered: options.registered ?? true, isPublic: options.isPublic });
  await f.newParticipation({ clubId: club.id, communityId: community.id, status: options.status ?? 'member' });
  const representative = await f.newUser({ role: 'representative', communityId: community.id, displayName: `Rep of ${community.name}` });
  return { community, representative };
}

async function setting(): Promise<Setting> {
  const club = await f.newClub();
  const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id, displayName: `Coordinator ${club.name}` });
  const lead = await member(club, { registered: false, status: 'observer' });
  return { club, coordinator, lead };
}

const CLEANUP = {
  title: 'Spring clean-up of the Esentai riverbank',
  description: 'Volunteers of every community clean the riverbank together on a Saturday morning.',
  category: 'cleanup',
  startsOn: '2026-04-18',
  endsOn: '2026-04-18',
};

const propose = (s: Setting, body: Record<string, unknown> = {}) =>
  t.api.post(`/api/clubs/${s.club.id}/projects`).set(s.lead.representative.auth).send({ communityId: s.lead.community.id, ...CLEANUP, ...body });

const transition = (id: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.post(`/api/projects/${id}/transitions`).set(user.auth).send(body);

/** A proposed project approved by the coordinator: id and version. */
async function activeProject(s: Setting, body: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const proposed = await propose(s, body);
  expect(proposed.status).toBe(201);
  const approved = await transition(proposed.body.id, s.coordinator, { action: 'approve', version: proposed.body.version });
  expect(approved.status).toBe(200);
  return { id: approved.body.id, version: approved.body.version };
}

async function joinConfirmed(s: Setting, projectId: string, partner: Member): Promise<void> {
  await t.api.post(`/api/projects/${projectId}/participants`).set(partner.representative.auth).send({ communityId: partner.community.id }).expect(201);
  await t.api
    .post(`/api/projects/${projectId}/participants/${partner.community.id}/decision`)
    .set(s.coordinator.auth)
    .send({ decision: 'confirm' })
    .expect(200);
}

const enter = (projectId: string, who: Member, figures: Record<string, unknown>) =>
  t.api.post(`/api/projects/${projectId}/contributions`).set(who.representative.auth).send({ communityId: who.community.id, ...figures });

const review = (projectId: string, contributionId: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.post(`/api/projects/${projectId}/contributions/${contributionId}/review`).set(user.auth).send(body);

const civicRecord = (communityId: string, user: TestUser) => t.api.get(`/api/communities/${communityId}/civic-record`).set(user.auth);

async function storedProject(id: string) {
  const { rows: [project] } = await t.db.query(`SELECT status, version, decision_reason, outcome_summary FROM projects WHERE id = $1`, [id]);
  const { rows: events } = await t.db.query(
    `SELECT sequence, action, from_status, to_status, reason, actor_id FROM project_events WHERE project_id = $1 ORDER BY sequence`,
    [id],
  );
  return { ...project, events };
}

const projectsOf = (clubId: string) => countRows(t.db, `SELECT 1 FROM projects WHERE club_id = $1`, [clubId]);

describe('a joint clean-up, end to end', () => {
  it('an observer proposes, the coordinator approves, two communities join and log contributions, the coordinator confirms and closes it with an outcome report', async () => {
    const s = await setting();
    const mosque = await member(s.club, { registered: true });
    const church = await member(s.club, { registered: true });

    // The observer proposes a clean-up; it leads it.
    const proposed = await propose(s, { title: `  ${CLEANUP.title}  ` });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      title: CLEANUP.title,
      category: 'cleanup',
      status: 'proposed',
      visibility: 'public',
      startsOn: '2026-04-18',
      endsOn: '2026-04-18',
      leadCommunity: { id: s.lead.community.id, registrationStatus: 'not_registered' },
      partnerCount: { listed: 1, unlisted: { value: 0, fewerThan: null }, total: { value: 1, fewerThan: null } },
      progress: { done: 0, total: 0, percent: 0 },
      version: 1,
      availableActions: ['cancel'],
      viewerCommunityIds: [s.lead.community.id],
    });
    const id: string = proposed.body.id;

    // Coordinators see the proposal; the public and other members do not.
    const listed = await t.api.get(`/api/clubs/${s.club.id}/projects`).query({ status: 'proposed' }).set(s.coordinator.auth);
    expect(listed.body.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await t.api.get(`/api/clubs/${s.club.id}/projects`).set(mosque.representative.auth)).body).toEqual([]);
    expectError(await t.api.get(`/api/projects/${id}`), 404, 'NOT_FOUND');
    expectError(await t.api.get(`/api/projects/${id}`).set(mosque.representative.auth), 404, 'NOT_FOUND');

    // The coordinator plans two milestones and approves.
    const opened = await t.api.get(`/api/projects/${id}`).set(s.coordinator.auth);
    expect(opened.body.availableActions).toEqual(['approve', 'decline']);
    const m1 = await t.api.post(`/api/projects/${id}/milestones`).set(s.coordinator.auth).send({ title: 'Permit from the akimat', dueOn: '2026-04-01' });
    const m2 = await t.api.post(`/api/projects/${id}/milestones`).set(s.coordinator.auth).send({ title: 'Bags and gloves bought' });
    expect(m1.status).toBe(201);
    expect(m2.body).toMatchObject({ title: 'Bags and gloves bought', dueOn: null, done: false, version: 1 });
    const approved = await transition(id, s.coordinator, { action: 'approve', version: 1 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'active', version: 2, progress: { done: 0, total: 2, percent: 0 } });

    // Two communities ask to join; the coordinator confirms them.
    const asked = await t.api.post(`/api/projects/${id}/participants`).set(mosque.representative.auth).send({ communityId: mosque.community.id });
    expect(asked.status).toBe(201);
    expect(asked.body.partners).toEqual(
      expect.arrayContaining([expect.objectContaining({ community: expect.objectContaining({ id: mosque.community.id }), role: 'partner', status: 'requested' })]),
    );
    expect(asked.body.viewerCanJoinAs).toEqual([]);
    await t.api.post(`/api/projects/${id}/participants/${mosque.community.id}/decision`).set(s.coordinator.auth).send({ decision: 'confirm' }).expect(200);
    await joinConfirmed(s, id, church);

    // The lead and the partners log what they brought; nothing counts yet.
    const leadEntry = await enter(id, s.lead, { role: 'lead', volunteers: 12, hours: 36, inKind: 'Gloves and 200 bin bags' });
    expect(leadEntry.status).toBe(201);
    expect(leadEntry.body).toMatchObject({ counted: null, latest: { revision: 1, status: 'pending', volunteers: 12, hours: 36 }, version: 1, viewerCanCorrect: true });
    const mosqueEntry = await enter(id, mosque, { role: 'partner', volunteers: 20, hours: 60 });
    const churchEntry = await enter(id, church, { role: 'partner', volunteers: 0, hours: 0, inKind: 'A truck to take the bags away' });
    expect([mosqueEntry.status, churchEntry.status]).toEqual([201, 201]);
    expect((await civicRecord(mosque.community.id, mosque.representative)).body).toMatchObject({ projectCount: 0, entries: [] });

    // The coordinator confirms all three and ticks the milestones off.
    for (const entry of [leadEntry, mosqueEntry, churchEntry]) {
      const confirmed = await review(id, entry.body.id, s.coordinator, { decision: 'confirm', version: 1 });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ counted: { revision: 1, status: 'confirmed', reviewedByName: s.coordinator.displayName }, version: 2 });
    }
    for (const m of [m1, m2]) {
      await t.api.patch(`/api/projects/${id}/milestones/${m.body.id}`).set(s.coordinator.auth).send({ done: true, version: 1 }).expect(200);
    }

    // …and closes it with an outcome report.
    const completed = await t.api.post(`/api/projects/${id}/complete`).set(s.coordinator.auth).send({
      version: 2,
      summary: '  The riverbank is clean: 32 volunteers from three communities worked side by side.  ',
      figures: [{ label: 'Bags of litter', value: 140 }, { label: 'Participants', value: 32 }],
      photoLinks: ['https://photos.example.org/cleanup-1.jpg'],
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      status: 'completed',
      version: 3,
      progress: { done: 2, total: 2, percent: 100 },
      totals: { volunteers: 32, hours: 96, contributions: 3 },
      partnerCount: { listed: 3, unlisted: { value: 0, fewerThan: null }, total: { value: 3, fewerThan: null } },
      outcome: {
        summary: 'The riverbank is clean: 32 volunteers from three communities worked side by side.',
        figures: [{ label: 'Bags of litter', value: 140 }, { label: 'Participants', value: 32 }],
        photoLinks: ['https://photos.example.org/cleanup-1.jpg'],
      },
      availableActions: [],
    });
    expect(completed.body.events.map((e: { action: string; actorName: string }) => [e.action, e.actorName])).toEqual([
      ['propose', s.lead.representative.displayName],
      ['approve', s.coordinator.displayName],
      ['complete', s.coordinator.displayName],
    ]);

    // The public page: the registered partners, never the non-registered lead that did not opt public.
    const publicPage = await t.api.get(`/api/projects/${id}`);
    expect(publicPage.status).toBe(200);
    expect(publicPage.body.leadCommunity).toBeNull();
    expect(publicPage.body.partners.map((p: { community: { id: string } }) => p.community.id).sort()).toEqual(
      [mosque.community.id, church.community.id].sort(),
    );
    expect(publicPage.body.undisclosed.partners).toEqual({ value: null, fewerThan: 10 });
    expect(publicPage.body.ledger.map((l: { community: { id: string } }) => l.community.id)).not.toContain(s.lead.community.id);
    expect(publicPage.body.ledger.every((l: { revisions: unknown[]; latest: unknown }) => l.revisions.length === 0 && l.latest === null)).toBe(true);
    // What the hidden lead did is not in the totals (subtracting the lines would give it away): only "fewer than 10" partners did more.
    expect(publicPage.body.totals).toEqual({ volunteers: 20, hours: 60, contributions: 2 });
    expect(publicPage.body.undisclosed).toEqual({
      partners: { value: null, fewerThan: 10 },
      volunteers: { value: null, fewerThan: 10 },
      hours: { value: null, fewerThan: 10 },
    });
    expect(publicPage.body.events).toEqual([]);
    expect(JSON.stringify(publicPage.body)).not.toContain(s.lead.community.name);
    const publicList = await t.api.get(`/api/clubs/${s.club.id}/projects`);
    expect(publicList.body).toEqual([expect.objectContaining({ id, status: 'completed', leadCommunity: null })]);
    expect(JSON.stringify(publicList.body)).not.toContain(s.lead.community.name);

    // The civic records: one project each, confirmed figures only.
    const record = await civicRecord(s.lead.community.id, s.lead.representative);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      communityId: s.lead.community.id,
      projectCount: 1,
      volunteers: 12,
      hours: 36,
      entries: [{ projectId: id, projectTitle: CLEANUP.title, role: 'lead', volunteers: 12, hours: 36, inKind: 'Gloves and 200 bin bags', projectStatus: 'completed', clubId: s.club.id }],
    });
    expect((await civicRecord(s.lead.community.id, s.coordinator)).body.projectCount).toBe(1);
  });
});

describe('proposing a project', () => {
  it('rejects invalid input with 400 naming the fields, writing nothing', async () => {
    const s = await setting();
    expectValidationFailure(await propose(s, { title: 'x', category: 'picnic', startsOn: '2026-02-30' }), 'title', 'category', 'startsOn');
    expectValidationFailure(await propose(s, { description: ' '.repeat(20) }), 'description');
    expectValidationFailure(await propose(s, { communityId: 'mine', visibility: 'secret' }), 'communityId', 'visibility');
    expectValidationFailure(await propose(s, { status: 'active' }), 'status');
    expectValidationFailure(
      await t.api.post('/api/clubs/not-a-club/projects').set(s.lead.representative.auth).send({ communityId: s.lead.community.id, ...CLEANUP }),
      'clubId',
    );
    expectError(await propose(s, { startsOn: '2026-04-18', endsOn: '2026-04-17' }), 400, 'PROJECT.INVALID_DATES');
    expect(await projectsOf(s.club.id)).toBe(0);
  });

  it('answers 403 to a caller who may not propose (a stranger, the coordinator, a community not yet accepted as observer)', async () => {
    const s = await setting();
    const stranger = await f.newUser({ role: 'representative', communityId: (await f.newCommunity()).id });
    const byStranger = await t.api.post(`/api/clubs/${s.club.id}/projects`).set(stranger.auth).send({ communityId: s.lead.community.id, ...CLEANUP });
    expectError(byStranger, 403, 'FORBIDDEN');
    const byCoordinator = await t.api.post(`/api/clubs/${s.club.id}/projects`).set(s.coordinator.auth).send({ communityId: s.lead.community.id, ...CLEANUP });
    expectError(byCoordinator, 403, 'FORBIDDEN');
    const applicant = await member(s.club, { status: 'applied' });
    const byApplicant = await t.api.post(`/api/clubs/${s.club.id}/projects`).set(applicant.representative.auth).send({ communityId: applicant.community.id, ...CLEANUP });
    expectError(byApplicant, 403, 'FORBIDDEN');
    expectError(await t.api.post(`/api/clubs/${s.club.id}/projects`).send({ communityId: s.lead.community.id, ...CLEANUP }), 401, 'UNAUTHENTICATED');
    expect(await projectsOf(s.club.id)).toBe(0);
  });
});

describe('deciding on a project', () => {
  it('declines a proposal with a reason kept in the history; a reason is required', async () => {
    const s = await setting();
    const { body: { id } } = await propose(s);
    expectError(await transition(id, s.coordinator, { action: 'decline', version: 1 }), 400, 'PROJECT.REASON_REQUIRED');
    const declined = await transition(id, s.coordinator, { action: 'decline', reason: 'The park is closed in April', version: 1 });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', decisionReason: 'The park is closed in April', availableActions: [] });
    const seen = await t.api.get(`/api/projects/${id}`).set(s.lead.representative.auth);
    expect(seen.body).toMatchObject({ status: 'declined', decisionReason: 'The park is closed in April' });
    expect(await storedProject(id)).toMatchObject({
      status: 'declined',
      version: 2,
      events: [{ sequence: 1, action: 'propose' }, { sequence: 2, action: 'decline', reason: 'The park is closed in April', actor_id: s.coordinator.id }],
    });
  });

  it('lets the proposer withdraw its proposal, and only a coordinator cancel an active project', async () => {
    const s = await setting();
    const { body: proposal } = await propose(s);
    const withdrawn = await transition(proposal.id, s.lead.representative, { action: 'cancel', reason: 'We cannot gather enough people', version: 1 });
    expect(withdrawn.body).toMatchObject({ status: 'cancelled' });

    const { id, version } = await activeProject(s);
    expectError(await transition(id, s.lead.representative, { action: 'cancel', reason: 'Changed our mind', version }), 403, 'PROJECT.ACTION_NOT_ALLOWED_FOR_ROLE');
    const cancelled = await transition(id, s.coordinator, { action: 'cancel', reason: 'Flooding', version });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', decisionReason: 'Flooding' });
    expectError(await transition(id, s.coordinator, { action: 'approve', version: version + 1 }), 409, 'PROJECT.INVALID_TRANSITION');
  });

  it('refuses a proposer approving its own project (403), other clubs’ coordinators (404), and bad input (400), changing nothing', async () => {
    const s = await setting();
    const { body: { id } } = await propose(s);
    const other = await setting();
    const before = await storedProject(id);
    expectError(await transition(id, s.lead.representative, { action: 'approve', version: 1 }), 403, 'PROJECT.ACTION_NOT_ALLOWED_FOR_ROLE');
    expectError(await transition(id, other.coordinator, { action: 'approve', version: 1 }), 404, 'NOT_FOUND');
    expectValidationFailure(await transition(id, s.coordinator, { action: 'complete', version: 1 }), 'action');
    expectValidationFailure(await transition(id, s.coordinator, { action: 'approve', version: '1' }), 'version');
    expectValidationFailure(await transition(id, s.coordinator, { action: 'approve', version: 1, status: 'active' }), 'status');
    expectValidationFailure(await t.api.post('/api/projects/nope/transitions').set(s.coordinator.auth).send({ action: 'approve', version: 1 }), 'id');
    expectError(await transition(randomUUID(), s.coordinator, { action: 'approve', version: 1 }), 404, 'NOT_FOUND');
    expectError(await transition(id, s.coordinator, { action: 'approve', version: 7 }), 409, 'PROJECT.STALE_VERSION');
    expect(await storedProject(id)).toEqual(before);
  });

  it('lets exactly one of five simultaneous approvals win: one 200, four 409, and a gapless history', async () => {
    const s = await setting();
    const { body: { id } } = await propose(s);
    const responses = await Promise.all(Array.from({ length: 5 }, () => transition(id, s.coordinator, { action: 'approve', version: 1 })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const loser of responses.filter((r) => r.status !== 200)) expectError(loser, 409, 'PROJECT.STALE_VERSION');
    const after = await storedProject(id);
    expect(after).toMatchObject({ status: 'active', version: 2 });
    expect(after.events.map((e: { sequence: number; action: string }) => [e.sequence, e.action])).toEqual([[1, 'propose'], [2, 'approve']]);
  });

  it('lets one of an approval and a withdrawal racing each other win', async () => {
    const s = await setting();
    const { body: { id } } = await propose(s);
    const responses = await Promise.all([
      transition(id, s.coordinator, { action: 'approve', version: 1 }),
      transition(id, s.lead.representative, { action: 'cancel', reason: 'Not this spring', version: 1 }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await storedProject(id)).events).toHaveLength(2);
  });
});

describe('completing a project', () => {
  it('refuses to complete while a contribution awaits review, and refuses a bad outcome report, changing nothing', async () => {
    const s = await setting();
    const { id, version } = await activeProject(s);
    await enter(id, s.lead, { role: 'lead', volunteers: 5, hours: 10 }).expect(201);
    const report = { version, summary: 'Everything went well and the park is clean.', figures: [], photoLinks: [] };

    expectError(await t.api.post(`/api/projects/${id}/complete`).set(s.coordinator.auth).send(report), 409, 'PROJECT.PENDING_CONTRIBUTIONS');
    expectValidationFailure(
      await t.api.post(`/api/projects/${id}/complete`).set(s.coordinator.auth).send({
        ...report,
        summary: '  ',
        figures: [{ label: '', value: -3 }],
        photoLinks: ['http://insecure.example.org/a.jpg', 'javascript:alert(1)'],
      }),
      'summary',
      'figures.0.label',
      'figures.0.value',
      'photoLinks',
    );
    expectError(await t.api.post(`/api/projects/${id}/complete`).set(s.lead.representative.auth).send(report), 403, 'FORBIDDEN');
    expect(await storedProject(id)).toMatchObject({ status: 'active', version, outcome_summary: null });
  });
});

describe('joining a project', () => {
  it('refuses a second request (409), a community not in the club (403), a stranger (404) and a decision by a non-coordinator (403)', async () => {
    const s = await setting();
    const { id } = await activeProject(s);
    const partner = await member(s.club);
    await t.api.post(`/api/projects/${id}/participants`).set(partner.representative.auth).send({ communityId: partner.community.id }).expect(201);
    expectError(
      await t.api.post(`/api/projects/${id}/participants`).set(partner.representative.auth).send({ communityId: partner.community.id }),
      409,
      'PROJECT.ALREADY_JOINED',
    );
    const suspended = await member(s.club, { status: 'suspended' });
    expectError(
      await t.api.post(`/api/projects/${id}/participants`).set(suspended.representative.auth).send({ communityId: suspended.community.id }),
      403,
      'FORBIDDEN',
    );
    const outsider = await member(await f.newClub());
    expectError(
      await t.api.post(`/api/projects/${id}/participants`).set(outsider.representative.auth).send({ communityId: outsider.community.id }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await t.api.post(`/api/projects/${id}/participants/${partner.community.id}/decision`).set(partner.representative.auth).send({ decision: 'confirm' }),
      403,
      'FORBIDDEN',
    );
    expectValidationFailure(
      await t.api.post(`/api/projects/${id}/participants/${partner.community.id}/decision`).set(s.coordinator.auth).send({ decision: 'maybe' }),
      'decision',
    );
    expect(await countRows(t.db, `SELECT 1 FROM project_partners WHERE project_id = $1`, [id])).toBe(2);
  });

  it('lets a community enter contributions only once confirmed', async () => {
    const s = await setting();
    const { id } = await activeProject(s);
    const partner = await member(s.club);
    await t.api.post(`/api/projects/${id}/participants`).set(partner.representative.auth).send({ communityId: partner.community.id }).expect(201);
    expectError(await enter(id, partner, { role: 'partner', volunteers: 3, hours: 3 }), 403, 'PROJECT.COMMUNITY_NOT_ELIGIBLE');
    expect(await countRows(t.db, `SELECT 1 FROM project_contributions WHERE project_id = $1`, [id])).toBe(0);
  });
});

describe('the contributions ledger', () => {
  it('rejects bad figures with 400 and the lead role for a partner with 422, writing nothing', async () => {
    const s = await setting();
    const { id } = await activeProject(s);
    const partner = await member(s.club);
    await joinConfirmed(s, id, partner);
    expectValidationFailure(await enter(id, partner, { role: 'helper', volunteers: -1, hours: 1.234 }), 'role', 'volunteers', 'hours');
    expectValidationFailure(await enter(id, partner, { role: 'partner', volunteers: '5', hours: 2, inKind: 'x'.repeat(2001) }), 'volunteers', 'inKind');
    expectError(await enter(id, partner, { role: 'partner', volunteers: 0, hours: 0, inKind: '   ' }), 400, 'CONTRIBUTION.EMPTY');
    expectError(await enter(id, partner, { role: 'lead', volunteers: 4, hours: 4 }), 422, 'CONTRIBUTION.LEAD_ROLE_RESERVED');
    expect(await countRows(t.db, `SELECT 1 FROM project_contributions WHERE project_id = $1`, [id])).toBe(0);
  });

  it('counts only confirmed figures: a pending or rejected entry does not count in the civic record', async () => {
    const s = await setting();
    const { id } = await activeProject(s);
    const { body: entry } = await enter(id, s.lead, { role: 'lead', volunteers: 8, hours: 16 });
    expect((await civicRecord(s.lead.community.id, s.lead.representative)).body).toMatchObject({ projectCount: 0, volunteers: 0, entries: [] });

    expectError(await review(id, entry.id, s.coordinator, { decision: 'reject', version: 1 }), 400, 'PROJECT.REASON_REQUIRED');
    const rejected = await review(id, entry.id, s.coordinator, { decision: 'reject', reason: 'We counted 4 volunteers', version: 1 });
    expect(rejected.body).toMatchObject({ counted: null, latest: { status: 'rejected', reviewReason: 'We counted 4 volunteers' }, viewerCanReview: false });
    expectError(await review(id, entry.id, s.coordinator, { decision: 'confirm', version: 2 }), 409, 'CONTRIBUTION.NOT_REVIEWABLE');
    expect((await civicRecord(s.lead.community.id, s.lead.representative)).body.projectCount).toBe(0);

    // The project page hides the unconfirmed line from members who are not its community or a coordinator.
    const other = await member(s.club);
    const page = await t.api.get(`/api/projects/${id}`).set(other.representative.auth);
    expect(page.body.ledger).toEqual([]);
    expect(page.body.totals).toEqual({ volunteers: 0, hours: 0, contributions: 0 });
  });

  it('keeps every revision of a corrected contribution; the confirmed one counts until the correction is confirmed', async () => {
    const s = await setting();
    const { id } = await activeProject(s);
    const { body: entry } = await enter(id, s.lead, { role: 'lead', volunteers: 10, hours: 20 });
    await review(id, entry.id, s.coordinator, { decision: 'confirm', version: 1 }).expect(200);
    const correct = (body: Record<string, unknown>, user = s.lead.representative) =>
      t.api.post(`/api/projects/${id}/contributions/${entry.id}/revisions`).set(user.auth).send(body);

    // A first correction, then a second before anyone reviewed the first.
    const first = await correct({ role: 'lead', volunteers: 15, hours: 30, version: 2 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 3, counted: { revision: 1, volunteers: 10 }, latest: { revision: 2, status: 'pending' } });
    expectError(await correct({ role: 'lead', volunteers: 14, hours: 28, version: 2 }), 409, 'PROJECT.STALE_VERSION');
    const second = await correct({ role: 'lead', volunteers: 14, hours: 28.5, inKind: 'Tea for everyone', version: 3 });
    expect(second.body.revisions.map((r: { revision: number; status: string }) => [r.revision, r.status])).toEqual([
      [3, 'pending'],
      [2, 'superseded'],
      [1, 'confirmed'],
    ]);
    expect((await civicRecord(s.lead.community.id, s.lead.representative)).body).toMatchObject({ volunteers: 10, hours: 20 });

    // The coordinator may not correct, the community may not confirm.
    expectError(await correct({ role: 'lead', volunteers: 99, hours: 99, version: 4 }, s.coordinator), 403, 'FORBIDDEN');
    expectError(await review(id, entry.id, s.lead.representative, { decision: 'confirm', version: 4 }), 403, 'FORBIDDEN');
    // Another community of the club sees the line on the project page, but may not confirm it.
    const neighbour = await member(s.club);
    expectError(await review(id, entry.id, neighbour.representative, { decision: 'confirm', version: 4 }), 403, 'FORBIDDEN');
    const outsider = await member(await f.newClub());
    expectError(await review(id, entry.id, outsider.representative, { decision: 'confirm', version: 4 }), 404, 'NOT_FOUND');

    const confirmed = await review(id, entry.id, s.coordinator, { decision: 'confirm', version: 4 });
    expect(confirmed.body).toMatchObject({ counted: { revision: 3, volunteers: 14, hours: 28.5, inKind: 'Tea for everyone' } });
    const record = await civicRecord(s.lead.community.id, s.lead.representative);
    expect(record.body).toMatchObject({ projectCount: 1, volunteers: 14, hours: 28.5, entries: [{ contributionId: entry.id, volunteers: 14 }] });
    const { rows } = await t.db.query(
      `SELECT revision, status, volunteers FROM project_contribution_revisions WHERE contribution_id = $1 ORDER BY revision`,
      [entry.id],
    );
    expect(rows).toEqual([
      { revision: 1, status: 'confirmed', volunteers: 10 },
      { revision: 2, status: 'superseded', volunteers: 15 },
      { revision: 3, status: 'confirmed', volunteers: 14 },
    ]);
  });

  it('lets one of five simultaneous reviews win', async () => {
    const s = await setting();
    const { id } = await activeProject(s);
    const { body: entry } = await enter(id, s.lead, { role: 'lead', volunteers: 3, hours: 6 });
    const responses = await Promise.all(Array.from({ length: 5 }, () => review(id, entry.id, s.coordinator, { decision: 'confirm', version: 1 })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await countRows(t.db, `SELECT 1 FROM project_contribution_revisions WHERE contribution_id = $1`, [entry.id])).toBe(1);
  });
});

describe('the civic record', () => {
  it('is visible to the community and its clubs’ coordinators only', async () => {
    const s = await setting();
    const other = await setting();
    const neighbour = await member(s.club);
    expect((await civicRecord(s.lead.community.id, s.coordinator)).status).toBe(200);
    expectError(await civicRecord(s.lead.community.id, other.coordinator), 404, 'NOT_FOUND');
    expectError(await civicRecord(s.lead.community.id, neighbour.representative), 404, 'NOT_FOUND');
    expectError(await t.api.get(`/api/communities/${s.lead.community.id}/civic-record`), 401, 'UNAUTHENTICATED');
    expectValidationFailure(await t.api.get(`/api/communities/${s.lead.community.id}/civic-record`).query({ clubId: 'x' }).set(s.coordinator.auth), 'clubId');
  });
});

describe('privacy on public project pages', () => {
  it('shows a non-registered partner that opted public, hides club-only projects, and keeps unfinished projects off the public page', async () => {
    const s = await setting();
    const open = await member(s.club, { registered: false, isPublic: true });
    const { id, version } = await activeProject(s);
    expectError(await t.api.get(`/api/projects/${id}`), 404, 'NOT_FOUND');
    await joinConfirmed(s, id, open);
    await t.api
      .post(`/api/projects/${id}/complete`)
      .set(s.coordinator.auth)
      .send({ version, summary: 'A warm visit to each other’s places of worship.', figures: [], photoLinks: [] })
      .expect(200);
    const page = await t.api.get(`/api/projects/${id}`);
    expect(page.body.partners.map((p: { community: { id: string } }) => p.community.id)).toEqual([open.community.id]);
    expect(page.body.undisclosed.partners).toEqual({ value: null, fewerThan: 10 });

    // A member of the club met the non-registered lead in person: it sees it.
    const neighbour = await member(s.club);
    const inside = await t.api.get(`/api/projects/${id}`).set(neighbour.representative.auth);
    expect(inside.body.leadCommunity).toMatchObject({ id: s.lead.community.id });
    expect(inside.body.undisclosed.partners).toEqual({ value: 0, fewerThan: null });

    const clubOnly = await activeProject(s, { visibility: 'club' });
    await t.api
      .post(`/api/projects/${clubOnly.id}/complete`)
      .set(s.coordinator.auth)
      .send({ version: clubOnly.version, summary: 'Done together, within the club.', figures: [], photoLinks: [] })
      .expect(200);
    expectError(await t.api.get(`/api/projects/${clubOnly.id}`), 404, 'NOT_FOUND');
    expect((await t.api.get(`/api/projects/${clubOnly.id}`).set(neighbour.representative.auth)).status).toBe(200);
    expect((await t.api.get(`/api/clubs/${s.club.id}/projects`)).body.map((p: { id: string }) => p.id)).toEqual([id]);
  });
});

describe('milestones', () => {
  it('are planned by coordinators only, validated, and drive the progress bar', async () => {
    const s = await setting();
    const { id } = await activeProject(s);
    expectError(await t.api.post(`/api/projects/${id}/milestones`).set(s.lead.representative.auth).send({ title: 'Gloves' }), 403, 'FORBIDDEN');
    expectValidationFailure(await t.api.post(`/api/projects/${id}/milestones`).set(s.coordinator.auth).send({ title: ' ', dueOn: 'tomorrow' }), 'title', 'dueOn');
    const overdue = await t.api.post(`/api/projects/${id}/milestones`).set(s.coordinator.auth).send({ title: 'Permit', dueOn: '2020-01-01' });
    expect(overdue.body).toMatchObject({ overdue: true, done: false });
    const done = await t.api.patch(`/api/projects/${id}/milestones/${overdue.body.id}`).set(s.coordinator.auth).send({ done: true, version: 1 });
    expect(done.body).toMatchObject({ done: true, overdue: false, doneAt: expect.any(String), version: 2 });
    expectError(
      await t.api.patch(`/api/projects/${id}/milestones/${overdue.body.id}`).set(s.coordinator.auth).send({ done: false, version: 1 }),
      409,
      'PROJECT.STALE_VERSION',
    );
    await t.api.post(`/api/projects/${id}/milestones`).set(s.coordinator.auth).send({ title: 'Truck booked' }).expect(201);
    const page = await t.api.get(`/api/projects/${id}`).set(s.coordinator.auth);
    expect(page.body.progress).toEqual({ done: 1, total: 2, percent: 50 });
    await t.api.delete(`/api/projects/${id}/milestones/${overdue.body.id}`).set(s.coordinator.auth).expect(204);
    expect((await t.api.get(`/api/projects/${id}`).set(s.coordinator.auth)).body.progress).toEqual({ done: 0, total: 1, percent: 0 });
  });
});
