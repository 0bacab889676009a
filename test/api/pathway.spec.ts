import { randomUUID } from 'node:crypto';
import { createFactories, Factories, TestClub, TestCommunity, TestUser } from './support/factories';
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
const DEFAULTS = {
  minMonthsAsObserver: 6,
  minMeetingsAttended: 6,
  minAttendanceRate: 75,
  minJointProjects: 2,
  transparencyFields: ['leaders', 'meetingPlace', 'approximateSize', 'activities'],
  minSponsors: 2,
  noOpenConcern: true,
};
const SPONSOR_STATEMENT = 'We have served soup alongside them every month and vouch for them.';

interface Club {
  club: TestClub;
  coordinator: TestUser;
}

interface Party {
  community: TestCommunity;
  representative: TestUser;
  participationId: string;
}

async function newClub(): Promise<Club> {
  const club = await f.newClub();
  const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
  return { club, coordinator };
}

/** A community with its representative, taking part in the club with this status. */
async function party(c: Club, status: 'observer' | 'candidate' | 'member' | 'applied', registered = false): Promise<Party> {
  const community = await f.newCommunity({ registered });
  const representative = await f.newUser({ role: 'representative', communityId: community.id });
  const { id } = await f.newParticipation({ clubId: c.club.id, communityId: community.id, status });
  return { community, representative, participationId: id };
}

/** Moves the step that made the participation an observer `days` into the past. */
async function observerSince(participationId: string, daysAgo: number): Promise<Date> {
  const at = new Date(Date.now() - daysAgo * DAY);
  await t.db.query(`UPDATE participation_events SET created_at = $2 WHERE participation_id = $1 AND to_status = 'observer'`, [
    participationId,
    at,
  ]);
  return at;
}

async function meeting(c: Club, daysAgo: number, options: { status?: 'scheduled' | 'cancelled'; title?: string } = {}): Promise<string> {
  const startsAt = new Date(Date.now() - daysAgo * DAY);
  const { rows } = await t.db.query(
    `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, cancel_reason, created_by_id)
     VALUES ($1, $2, $3, $4, 'in_person', 'club', $5, 'K7Q2', $6, $7) RETURNING id`,
    [
      c.club.id,
      options.title ?? `Meeting ${randomUUID().slice(0, 8)}`,
      startsAt,
      new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
      options.status ?? 'scheduled',
      options.status === 'cancelled' ? 'Snow' : null,
      c.coordinator.id,
    ],
  );
  return rows[0].id;
}

async function attendance(c: Club, meetingId: string, communityId: string, status: 'present' | 'absent' | 'excused') {
  await t.db.query(
    `INSERT INTO attendance (meeting_id, community_id, status, role, method, recorded_by_id)
     VALUES ($1, $2, $3, 'observer', 'coordinator', $4)`,
    [meetingId, communityId, status, c.coordinator.id],
  );
}

/** A project of the club and one contribution line of the community, its only revision in `status`. */
async function contribution(c: Club, p: Party, status: 'pending' | 'confirmed', projectId?: string): Promise<string> {
  let id = projectId;
  if (!id) {
    const { rows } = await t.db.query(
      `INSERT INTO projects (club_id, title, description, category, lead_community_id, proposed_by_id, starts_on, status,
                             outcome_figures, outcome_photo_links)
       VALUES ($1, $2, 'Clean the riverbank', 'cleanup', $3, $4, '2025-01-01', 'active', '{}'::jsonb, '[]'::jsonb) RETURNING id`,
      [c.club.id, `Project ${randomUUID().slice(0, 8)}`, p.community.id, p.representative.id],
    );
    id = rows[0].id as string;
  }
  const { rows: [line] } = await t.db.query(
    `INSERT INTO project_contributions (project_id, community_id) VALUES ($1, $2) RETURNING id`,
    [id, p.community.id],
  );
  await t.db.query(
    `INSERT INTO project_contribution_revisions (contribution_id, revision, role, volunteers, hours, status, entered_by_id,
                                                 reviewed_by_id, reviewed_at)
     VALUES ($1, 1, 'lead', 5, 10, $2, $3, $4, $5)`,
    [line.id, status, p.representative.id, status === 'confirmed' ? c.coordinator.id : null, status === 'confirmed' ? new Date() : null],
  );
  return id;
}

const progress = (participationId: string, user: TestUser) => t.api.get(`/api/participations/${participationId}/progress`).set(user.auth);
const milestoneOf = (body: { milestones: Array<{ key: string }> }, key: string) => body.milestones.find((m) => m.key === key);

describe('progress on the pathway', () => {
  it('shows the community and its coordinator the figures and evidence from real attendance and confirmed contributions', async () => {
    const c = await newClub();
    const observer = await party(c, 'observer');
    const since = await observerSince(observer.participationId, 200);

    const before = await meeting(c, 210); // before it became observer: not counted
    await attendance(c, before, observer.community.id, 'present');
    const attended = [await meeting(c, 150, { title: 'Spring dastarkhan' }), await meeting(c, 120), await meeting(c, 90)];
    for (const id of attended) await attendance(c, id, observer.community.id, 'present');
    await attendance(c, await meeting(c, 60), observer.community.id, 'excused'); // out of the rate
    await attendance(c, await meeting(c, 30), observer.community.id, 'absent');
    await attendance(c, await meeting(c, 20, { status: 'cancelled' }), observer.community.id, 'present'); // cancelled: not counted
    await meeting(c, -5); // not started yet

    const confirmedProject = await contribution(c, observer, 'confirmed');
    await contribution(c, observer, 'confirmed', confirmedProject); // the same project counts once
    await contribution(c, observer, 'pending'); // unconfirmed: not counted
    const elsewhere = await newClub();
    await contribution(elsewhere, observer, 'confirmed'); // another club's project: not this pathway

    for (const viewer of [observer.representative, c.coordinator]) {
      const response = await progress(observer.participationId, viewer);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        participationId: observer.participationId,
        status: 'observer',
        observerSince: since.toISOString(),
        policy: { scope: 'national', clubId: null, minMeetingsAttended: 6, minAttendanceRate: 75 },
        allMet: false,
      });
      const body = response.body;
      expect(milestoneOf(body, 'monthsAsObserver')).toMatchObject({ enabled: true, met: true, figure: { current: 6, required: 6 } });
      expect(milestoneOf(body, 'meetingsAttended')).toMatchObject({
        met: false,
        figure: { current: 3, required: 6, attended: 3, counted: 4, rate: 75 },
      });
      expect(milestoneOf(body, 'meetingsAttended')).toHaveProperty('evidence', [
        expect.objectContaining({ kind: 'meeting', id: attended[0], title: 'Spring dastarkhan', detail: 'present' }),
        expect.objectContaining({ id: attended[1] }),
        expect.objectContaining({ id: attended[2] }),
      ]);
      expect(milestoneOf(body, 'attendanceRate')).toMatchObject({ met: true, figure: { rate: 75 } });
      expect(milestoneOf(body, 'jointProjects')).toMatchObject({ met: false, figure: { current: 1, required: 2 } });
      expect(milestoneOf(body, 'jointProjects')).toHaveProperty('evidence', [expect.objectContaining({ kind: 'project', id: confirmedProject })]);
      expect(milestoneOf(body, 'transparency')).toMatchObject({ met: true, figure: { missing: [] } });
      expect(milestoneOf(body, 'noOpenConcern')).toMatchObject({ met: true, figure: { current: 0 } });
      expect(body.nextSteps).toEqual([
        { key: 'attendMeetings', count: 3, fields: null, until: null },
        { key: 'joinProjects', count: 1, fields: null, until: null },
        { key: 'findSponsors', count: 2, fields: null, until: null },
      ]);
    }
  });

  it('tells a community that is still only applying how long it will take, with nothing counted yet', async () => {
    const c = await newClub();
    const applicant = await party(c, 'applied');
    const response = await progress(applicant.participationId, applicant.representative);
    expect(response.status).toBe(200);
    expect(response.body.observerSince).toBeNull();
    expect(response.body.nextSteps[0]).toEqual({ key: 'waitMonths', count: 6, fields: null, until: null });
  });

  it('is 404 for everyone else — other coordinators, the club’s other communities, administrators — and for unknown ids', async () => {
    const c = await newClub();
    const observer = await party(c, 'observer');
    const member = await party(c, 'member', true);
    const other = await newClub();
    for (const viewer of [other.coordinator, member.representative, admin]) {
      expectError(await progress(observer.participationId, viewer), 404, 'NOT_FOUND');
    }
    expectError(await progress(randomUUID(), c.coordinator), 404, 'NOT_FOUND');
    expectValidationFailure(await progress('not-a-uuid', c.coordinator), 'id');
    expect((await t.api.get(`/api/participations/${observer.participationId}/progress`)).status).toBe(401);
  });
});

describe('pathway policy versions', () => {
  const putClub = (clubId: string, user: TestUser, body: Record<string, unknown>) =>
    t.api.put(`/api/clubs/${clubId}/pathway-policy`).set(user.auth).send(body);
  const clubVersions = (clubId: string) => countRows(t.db, `SELECT 1 FROM pathway_policies WHERE club_id = $1`, [clubId]);

  it('a coordinator overrides the club policy with new versions; progress follows it, a candidacy keeps the version it was nominated under', async () => {
    const c = await newClub();
    const observer = await party(c, 'observer');
    const candidate = await party(c, 'candidate');

    const initial = await t.api.get(`/api/clubs/${c.club.id}/pathway-policy`).set(c.coordinator.auth);
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ override: null, inForce: { scope: 'national', ...DEFAULTS } });

    const first = await putClub(c.club.id, c.coordinator, { ...DEFAULTS, minSponsors: 1 });
    expect(first.status).toBe(200);
    expect(first.body.override).toMatchObject({ scope: 'club', clubId: c.club.id, version: 1, minSponsors: 1, createdByName: c.coordinator.displayName });
    const second = await putClub(c.club.id, c.coordinator, { ...DEFAULTS, minSponsors: null, transparencyFields: ['leaders'], noOpenConcern: false });
    expect(second.body.override).toMatchObject({ version: 2, minSponsors: null, transparencyFields: ['leaders'], noOpenConcern: false });
    expect(second.body.inForce).toEqual(second.body.override);

    // Versions are kept, never edited.
    const { rows } = await t.db.query(`SELECT version, min_sponsors FROM pathway_policies WHERE club_id = $1 ORDER BY version`, [c.club.id]);
    expect(rows).toEqual([
      { version: 1, min_sponsors: 1 },
      { version: 2, min_sponsors: null },
    ]);

    const observerProgress = await progress(observer.participationId, c.coordinator);
    expect(observerProgress.body.policy).toMatchObject({ scope: 'club', version: 2 });
    expect(milestoneOf(observerProgress.body, 'sponsors')).toMatchObject({ enabled: false, met: true });

    // Nominated before the override: judged by the national version of that moment.
    const candidateProgress = await progress(candidate.participationId, c.coordinator);
    expect(candidateProgress.body.policy).toMatchObject({ scope: 'national', minSponsors: 2 });
    expect(milestoneOf(candidateProgress.body, 'sponsors')).toMatchObject({ enabled: true });

    // The policy is public: a participant, another club's coordinator and the public read it; only its coordinators change it.
    const read = await t.api.get(`/api/clubs/${c.club.id}/pathway-policy`).set(observer.representative.auth);
    expect(read.body.inForce).toMatchObject({ version: 2 });
    expect((await t.api.get(`/api/clubs/${c.club.id}/pathway-policy`)).body.inForce).toMatchObject({ version: 2 });
    expectError(await putClub(c.club.id, observer.representative, DEFAULTS), 403, 'FORBIDDEN');
    const outsider = await newClub();
    expectError(await putClub(c.club.id, outsider.coordinator, DEFAULTS), 403, 'FORBIDDEN');
    expectError(await putClub(randomUUID(), c.coordinator, DEFAULTS), 404, 'NOT_FOUND');
    expect(await clubVersions(c.club.id)).toBe(2);
  });

  it('numbers concurrent changes 1, 2, 3 … without a clash or a gap', async () => {
    const c = await newClub();
    const responses = await Promise.all(
      [1, 2, 3, 4].map((n) => putClub(c.club.id, c.coordinator, { ...DEFAULTS, minSponsors: n })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(responses.map((r) => r.body.override.version).sort()).toEqual([1, 2, 3, 4]);
    const { rows } = await t.db.query(`SELECT version FROM pathway_policies WHERE club_id = $1 ORDER BY version`, [c.club.id]);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4]);
  });

  it('refuses bad policies with 400 and writes nothing', async () => {
    const c = await newClub();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...DEFAULTS, minAttendanceRate: 101 }, 'minAttendanceRate'],
      [{ ...DEFAULTS, minMonthsAsObserver: -1 }, 'minMonthsAsObserver'],
      [{ ...DEFAULTS, minMeetingsAttended: 2.5 }, 'minMeetingsAttended'],
      [{ ...DEFAULTS, minJointProjects: '2' }, 'minJointProjects'],
      [{ ...DEFAULTS, transparencyFields: ['leaders', 'contactEmail'] }, 'transparencyFields'],
      [{ ...DEFAULTS, transparencyFields: ['leaders', 'leaders'] }, 'transparencyFields'],
      [{ ...DEFAULTS, noOpenConcern: 'yes' }, 'noOpenConcern'],
      [(({ minSponsors: _omitted, ...rest }) => rest)(DEFAULTS), 'minSponsors'],
      [{ ...DEFAULTS, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      expectValidationFailure(await putClub(c.club.id, c.coordinator, body), field);
      expectValidationFailure(await t.api.put('/api/pathway-policy').set(admin.auth).send(body), field);
    }
    expectValidationFailure(await putClub('nope', c.coordinator, DEFAULTS), 'clubId');
    expect(await clubVersions(c.club.id)).toBe(0);
    expect(await countRows(t.db, `SELECT 1 FROM pathway_policies WHERE created_by_id = $1`, [admin.id])).toBe(0);
  });

  it('only an administrator sets the national default, as a new version everyone reads', async () => {
    const c = await newClub();
    const current = await t.api.get('/api/pathway-policy').set(c.coordinator.auth);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ scope: 'national', clubId: null, ...DEFAULTS });

    expectError(await t.api.put('/api/pathway-policy').set(c.coordinator.auth).send({ ...DEFAULTS, minSponsors: 0 }), 403, 'FORBIDDEN');

    const changed = await t.api.put('/api/pathway-policy').set(admin.auth).send({ ...DEFAULTS, minSponsors: 3 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ scope: 'national', version: current.body.version + 1, minSponsors: 3, createdByName: admin.displayName });
    expect((await t.api.get('/api/pathway-policy').set(c.coordinator.auth)).body).toMatchObject({ version: current.body.version + 1, minSponsors: 3 });

    // Back to the defaults (again a new version), for the other tests.
    const restored = await t.api.put('/api/pathway-policy').set(admin.auth).send(DEFAULTS);
    expect(restored.body.version).toBe(current.body.version + 2);
  });
});

describe('sponsorship', () => {
  const sponsor = (participationId: string, user: TestUser, body: Record<string, unknown>) =>
    t.api.post(`/api/participations/${participationId}/sponsorships`).set(user.auth).send(body);
  const sponsorshipsOf = (participationId: string) => countRows(t.db, `SELECT 1 FROM sponsorships WHERE participation_id = $1`, [participationId]);

  it('a member community vouches for an observer of its club once, can withdraw, and the progress counts it', async () => {
    const c = await newClub();
    const observer = await party(c, 'observer');
    const member = await party(c, 'member', true);

    const created = await sponsor(observer.participationId, member.representative, { communityId: member.community.id, statement: `  ${SPONSOR_STATEMENT} ` });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      participationId: observer.participationId,
      sponsorCommunity: { id: member.community.id, name: member.community.name },
      statement: SPONSOR_STATEMENT,
      createdByName: member.representative.displayName,
    });
    const progressBody = (await progress(observer.participationId, observer.representative)).body;
    expect(milestoneOf(progressBody, 'sponsors')).toMatchObject({
      met: false,
      figure: { current: 1, required: 2 },
      evidence: [expect.objectContaining({ kind: 'sponsorship', id: created.body.id, title: member.community.name })],
    });

    expectError(await sponsor(observer.participationId, member.representative, { communityId: member.community.id, statement: SPONSOR_STATEMENT }), 409, 'PATHWAY.ALREADY_SPONSORED');

    // Only the sponsor's representative withdraws it: the observer and its coordinator see it (403), the administrator does not (404).
    for (const other of [observer.representative, c.coordinator]) {
      expectError(await t.api.delete(`/api/sponsorships/${created.body.id}`).set(other.auth), 403, 'FORBIDDEN');
    }
    expectError(await t.api.delete(`/api/sponsorships/${created.body.id}`).set(admin.auth), 404, 'NOT_FOUND');
    expect((await t.api.delete(`/api/sponsorships/${created.body.id}`).set(member.representative.auth)).status).toBe(204);
    expectError(await t.api.delete(`/api/sponsorships/${created.body.id}`).set(member.representative.auth), 404, 'NOT_FOUND');
    expect(milestoneOf((await progress(observer.participationId, c.coordinator)).body, 'sponsors')).toMatchObject({ figure: { current: 0 } });
    const { rows } = await t.db.query(`SELECT withdrawn_at, withdrawn_by_id FROM sponsorships WHERE id = $1`, [created.body.id]);
    expect(rows[0]).toEqual({ withdrawn_at: expect.any(Date), withdrawn_by_id: member.representative.id });

    // After withdrawing, it may sponsor again.
    expect((await sponsor(observer.participationId, member.representative, { communityId: member.community.id, statement: SPONSOR_STATEMENT })).status).toBe(201);
    expect(await sponsorshipsOf(observer.participationId)).toBe(2);
  });

  it('of two identical sponsorships sent at once, exactly one is recorded', async () => {
    const c = await newClub();
    const observer = await party(c, 'observer');
    const member = await party(c, 'member', true);
    const responses = await Promise.all(
      [1, 2].map(() => sponsor(observer.participationId, member.representative, { communityId: member.community.id, statement: SPONSOR_STATEMENT })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await sponsorshipsOf(observer.participationId)).toBe(1);
  });

  it('refuses sponsors that are not members of the club and participations that are not observers, revealing nothing hidden', async () => {
    const c = await newClub();
    const observer = await party(c, 'observer');
    const fellowObserver = await party(c, 'observer');
    const candidate = await party(c, 'candidate');
    const applicant = await party(c, 'applied');
    const member = await party(c, 'member', true);
    const elsewhere = await newClub();
    const memberElsewhere = await party(elsewhere, 'member', true);
    const body = (p: Party) => ({ communityId: p.community.id, statement: SPONSOR_STATEMENT });

    expectError(await sponsor(observer.participationId, fellowObserver.representative, body(fellowObserver)), 422, 'PATHWAY.SPONSOR_NOT_MEMBER');
    expectError(await sponsor(observer.participationId, observer.representative, body(observer)), 422, 'PATHWAY.SPONSOR_NOT_MEMBER');
    expectError(await sponsor(candidate.participationId, member.representative, body(member)), 422, 'PATHWAY.NOT_OBSERVER');
    // An applicant is not visible to the club's communities; another club's member sees nobody here.
    expectError(await sponsor(applicant.participationId, member.representative, body(member)), 404, 'NOT_FOUND');
    expectError(await sponsor(observer.participationId, memberElsewhere.representative, body(memberElsewhere)), 404, 'NOT_FOUND');
    // Speaking for a community one sees but does not represent.
    expectError(await sponsor(observer.participationId, fellowObserver.representative, body(member)), 403, 'FORBIDDEN');
    expectError(await sponsor(randomUUID(), member.representative, body(member)), 404, 'NOT_FOUND');

    for (const p of [observer, candidate, applicant]) expect(await sponsorshipsOf(p.participationId)).toBe(0);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const c = await newClub();
    const observer = await party(c, 'observer');
    const member = await party(c, 'member', true);
    expectValidationFailure(await sponsor(observer.participationId, member.representative, { communityId: member.community.id, statement: '   short   ' }), 'statement');
    expectValidationFailure(await sponsor(observer.participationId, member.representative, { communityId: 'x', statement: SPONSOR_STATEMENT }), 'communityId');
    expectValidationFailure(await sponsor(observer.participationId, member.representative, { communityId: member.community.id, statement: 'x'.repeat(1001) }), 'statement');
    expectValidationFailure(await sponsor(observer.participationId, member.representative, { communityId: member.community.id, statement: SPONSOR_STATEMENT, withdrawnAt: null }), 'withdrawnAt');
    expectValidationFailure(await sponsor('bad', member.representative, { communityId: member.community.id, statement: SPONSOR_STATEMENT }), 'id');
    expectValidationFailure(await t.api.delete('/api/sponsorships/bad').set(member.representative.auth), 'id');
    expect(await sponsorshipsOf(observer.participationId)).toBe(0);
  });
  it('lists the sponsorships a community gave to its own representatives only, withdrawn ones dated', async () => {
    const c = await newClub();
    const [first, second] = [await party(c, 'observer'), await party(c, 'observer')];
    const member = await party(c, 'member', true);
    const kept = await sponsor(first.participationId, member.representative, { communityId: member.community.id, statement: SPONSOR_STATEMENT });
    const dropped = await sponsor(second.participationId, member.representative, { communityId: member.community.id, statement: SPONSOR_STATEMENT });
    await t.api.delete(`/api/sponsorships/${dropped.body.id}`).set(member.representative.auth);

    const given = await t.api.get(`/api/communities/${member.community.id}/sponsorships`).set(member.representative.auth);
    expect(given.status).toBe(200);
    expect(given.body).toHaveLength(2);
    expect(given.body.find((s: { id: string }) => s.id === kept.body.id)).toMatchObject({
      participationId: first.participationId,
      clubId: c.club.id,
      clubName: c.club.name,
      observer: { id: first.community.id, name: first.community.name },
      observerStatus: 'observer',
      sponsorCommunityId: member.community.id,
      statement: SPONSOR_STATEMENT,
      withdrawnAt: null,
    });
    expect(given.body.find((s: { id: string }) => s.id === dropped.body.id).withdrawnAt).toEqual(expect.any(String));

    // They see the sponsoring community, but its sponsorships are its own records.
    for (const other of [first.representative, c.coordinator]) {
      expectError(await t.api.get(`/api/communities/${member.community.id}/sponsorships`).set(other.auth), 403, 'FORBIDDEN');
    }
    expect((await t.api.get(`/api/communities/${member.community.id}/sponsorships`)).status).toBe(401);
    expectValidationFailure(await t.api.get('/api/communities/bad/sponsorships').set(member.representative.auth), 'id');
  });
});
