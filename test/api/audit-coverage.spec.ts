import { createFactories, Factories, TestUser, unique } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Every write of the secretariat's tables, the clubs' policies and a community's own record is on
 * the audit log (issue 12, item 6): each is made through the API and then found in
 * `GET /api/admin/audit-log` with its actor, record, action and old → new values, protected ones masked.
 */

let t: TestApp;
let f: Factories;
let administrator: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  administrator = await f.newUser({ role: 'administrator' });
});
afterAll(() => t?.close());

const MASKED = '[masked]';
const names = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });
const code = (prefix: string) => unique(prefix).toLowerCase().replace(/[^a-z0-9_]/g, '');

interface AuditEntry {
  action: string;
  actorId: string | null;
  actorRole: string | null;
  sessionId: string | null;
  resource: string;
  recordId: string;
  clubId: string | null;
  communityIds: string[];
  details: { changes?: Record<string, { from: unknown; to: unknown }> } & Record<string, unknown>;
}

/** The audit log's entries for one record, oldest first. */
async function logOf(recordId: string): Promise<AuditEntry[]> {
  const response = await t.api.get('/api/admin/audit-log').query({ recordId }).set(administrator.auth);
  expect(response.status).toBe(200);
  return response.body.items.reverse();
}

/** The stored row itself, to prove what is (not) written. */
async function rawDetails(recordId: string): Promise<string> {
  const { rows } = await t.db.query(`SELECT details::text AS details FROM sensitive_events WHERE kind = 'change' AND record_id = $1`, [recordId]);
  return rows.map((row: { details: string }) => row.details).join('\n');
}

const byAdministrator = { actorId: expect.any(String), actorRole: 'administrator', sessionId: expect.any(String) };

describe("the secretariat's tables", () => {
  it('records a topic created, renamed and archived with its old and new values', async () => {
    const created = await t.api.post('/api/topics').set(administrator.auth).send({ code: code('audited_'), name: names('Water') });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await t.api.patch(`/api/topics/${id}`).set(administrator.auth).send({ name: names('Clean water'), version: 1 }).expect(200);
    await t.api.patch(`/api/topics/${id}`).set(administrator.auth).send({ archived: true, version: 2 }).expect(200);

    const log = await logOf(id);
    expect(log.map((e) => e.action)).toEqual(['topic.created', 'topic.updated', 'topic.archived']);
    expect(log[0]).toMatchObject({ ...byAdministrator, actorId: administrator.id, resource: 'topic', recordId: id });
    expect(log[0].details.changes).toEqual({
      code: { from: null, to: created.body.code },
      name: { from: null, to: names('Water') },
      archived: { from: null, to: false },
    });
    expect(log[1].details.changes).toEqual({ name: { from: names('Water'), to: names('Clean water') } });
    expect(log[2].details.changes).toEqual({ archived: { from: false, to: true } });
  });

  it('records a public holiday and a weekly observance created, edited and deleted', async () => {
    const holiday = await t.api.post('/api/holidays').set(administrator.auth).send({ code: code('audited_'), date: '2028-03-01', name: names('Gratitude') });
    expect(holiday.status).toBe(201);
    await t.api.patch(`/api/holidays/${holiday.body.id}`).set(administrator.auth).send({ days: 2, version: 1 }).expect(200);
    await t.api.delete(`/api/holidays/${holiday.body.id}`).set(administrator.auth).expect(204);
    const holidayLog = await logOf(holiday.body.id);
    expect(holidayLog.map((e) => e.action)).toEqual(['holiday.created', 'holiday.updated', 'holiday.deleted']);
    expect(holidayLog.every((e) => e.actorId === administrator.id && e.resource === 'holiday')).toBe(true);
    expect(holidayLog[1].details.changes).toEqual({ days: { from: 1, to: 2 } });
    expect(holidayLog[2].details.changes).toMatchObject({ date: { from: '2028-03-01', to: null }, days: { from: 2, to: null } });

    const window = { tradition: 'buddhism', weekday: 3, startTime: '07:00', endWeekday: 3, endTime: '08:00', name: names('Morning service') };
    const observance = await t.api.post('/api/weekly-observances').set(administrator.auth).send({ code: code('audited_'), ...window });
    expect(observance.status).toBe(201);
    await t.api.patch(`/api/weekly-observances/${observance.body.id}`).set(administrator.auth).send({ endTime: '09:00', version: 1 }).expect(200);
    await t.api.delete(`/api/weekly-observances/${observance.body.id}`).set(administrator.auth).expect(204);
    const observanceLog = await logOf(observance.body.id);
    expect(observanceLog.map((e) => e.action)).toEqual(['observance.created', 'observance.updated', 'observance.deleted']);
    expect(observanceLog[0]).toMatchObject({ ...byAdministrator, resource: 'weekly-observance' });
    expect(observanceLog[1].details.changes).toEqual({ endTime: { from: '08:00', to: '09:00' } });
  });
});

describe("a club's pathway policy", () => {
  it("records each new version against the values that applied before (the national ones for the club's first override)", async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const { body: current } = await t.api.get(`/api/clubs/${club.id}/pathway-policy`).set(coordinator.auth);
    const { id: _id, scope: _scope, clubId: _clubId, version: _version, createdAt: _createdAt, createdByName: _by, ...national } = current.inForce;
    const saved = await t.api.put(`/api/clubs/${club.id}/pathway-policy`).set(coordinator.auth).send({ ...national, minSponsors: national.minSponsors + 1 });
    expect(saved.status).toBe(200);
    const [entry] = await logOf(saved.body.override.id);
    expect(entry).toMatchObject({ action: 'policy.club-set', actorId: coordinator.id, actorRole: 'coordinator', resource: 'pathway-policy', clubId: club.id });
    expect(entry.details).toEqual({ action: 'policy.club-set', version: 1, changes: { minSponsors: { from: national.minSponsors, to: national.minSponsors + 1 } } });
    // The club's search finds it too.
    const byClub = await t.api.get('/api/admin/audit-log').query({ clubId: club.id, action: 'policy' }).set(administrator.auth);
    expect(byClub.body.items.map((e: AuditEntry) => e.recordId)).toEqual([saved.body.override.id]);
  });
});

describe("a community's own record", () => {
  const profileOf = async (id: string, representative: TestUser) => (await t.api.get(`/api/communities/${id}`).set(representative.auth)).body;

  it('masks leaders, meeting place and contacts of a profile edit when written; consent is its own entry; the community sees both in its access log', async () => {
    const community = await f.newCommunity({ registrationStatus: 'not_registered' });
    const representative = await f.newUser({ role: 'representative', communityId: community.id });
    const before = await profileOf(community.id, representative);
    const leaders = `Pastor ${unique()}`;
    const contactEmail = `${unique('new-contact-')}@community.test`;
    const edited = await t.api
      .patch(`/api/communities/${community.id}`)
      .set(representative.auth)
      .send({ version: before.version, leaders, contactEmail, meetingPlace: 'A flat on Abai street', description: 'We cook together', officialConsent: true });
    expect(edited.status).toBe(200);

    const log = await logOf(community.id);
    expect(log.map((e) => e.action)).toEqual(['consent.granted', 'community.updated']);
    expect(log[0]).toMatchObject({ actorId: representative.id, actorRole: 'representative', communityIds: [community.id], resource: 'community' });
    expect(log[0].details.changes).toEqual({ officialConsent: { from: false, to: true } });
    expect(log[1].sessionId).toEqual(expect.any(String));
    // The administrator reads a protected community's representative by the community's name (P3), never the person's.
    expect(log.map((e) => (e as AuditEntry & { actorName: string | null }).actorName)).toEqual([community.name, community.name]);
    const search = await t.api.get('/api/admin/audit-log').query({ communityId: community.id }).set(administrator.auth);
    expect(JSON.stringify(search.body)).not.toContain(representative.displayName);
    // Nor does a search by the person's name or address find their changes: the match alone would tie them to the community.
    for (const actor of [representative.displayName, representative.email]) {
      const byActor = await t.api.get('/api/admin/audit-log').query({ actor }).set(administrator.auth);
      expect(byActor.status).toBe(200);
      expect(byActor.body.items.filter((e: AuditEntry) => e.actorId === representative.id)).toEqual([]);
    }
    expect(log[1].details.changes).toEqual({
      leaders: { from: MASKED, to: MASKED },
      meetingPlace: { from: MASKED, to: MASKED },
      contactEmail: { from: MASKED, to: MASKED },
      description: { from: before.description, to: 'We cook together' },
    });
    // Not merely hidden from the reader: never stored.
    const stored = await rawDetails(community.id);
    for (const value of [leaders, contactEmail, 'Abai street', 'Imam Test', community.contactEmail]) expect(stored).not.toContain(value);

    // The community sees the edit in its access log; the consent once, in its own words.
    const accessLog = await t.api.get(`/api/communities/${community.id}/access-log`).set(representative.auth);
    expect(accessLog.status).toBe(200);
    const entries: Array<{ kind: string; action: string | null; actorRole: string; resource: string }> = accessLog.body.items;
    expect(entries.filter((e) => e.kind !== 'read').map((e) => [e.kind, e.action])).toEqual([
      ['change', 'community.updated'],
      ['consent.granted', null],
    ]);
    // The administrator's searches that named it are reads of its record, on the record too.
    expect(entries.filter((e) => e.kind === 'read').map((e) => [e.actorRole, e.resource])).toContainEqual(['administrator', 'community.audit-log']);
  });

  it('records a community that signs up as created, its leaders and contacts masked', async () => {
    const name = `New Life House Church ${unique()}`;
    const signup = await t.api
      .post('/api/auth/signup')
      .set({ 'X-Forwarded-For': '198.51.100.12' })
      .send({
        email: `${unique('signup-')}@community.test`,
        password: 'steppe kettle violin morning',
        displayName: 'Pastor Aidar',
        locale: 'ru',
        community: { name, tradition: 'evangelical_protestant', registrationStatus: 'not_registered', leaders: 'Pastor Aidar Nurlanov', contactEmail: 'newlife@community.test', contactPhone: '+7 701 555 0101' },
      });
    expect(signup.status).toBe(202);
    const { rows } = await t.db.query(`SELECT id FROM communities WHERE name = $1`, [name]);
    const [entry] = await logOf(rows[0].id);
    expect(entry).toMatchObject({ action: 'community.created', actorRole: 'representative', resource: 'community', communityIds: [rows[0].id] });
    expect(entry.details.changes).toMatchObject({
      name: { from: null, to: name },
      leaders: { from: null, to: MASKED },
      contactEmail: { from: null, to: MASKED },
      contactPhone: { from: null, to: MASKED },
    });
    const stored = await rawDetails(rows[0].id);
    for (const value of ['Nurlanov', 'newlife@', '555 0101']) expect(stored).not.toContain(value);
  });

  it('records a registration claim and its verification, and an erasure with the erased fields masked', async () => {
    const community = await f.newCommunity({ registrationStatus: 'not_registered' });
    const representative = await f.newUser({ role: 'representative', communityId: community.id });
    const before = await profileOf(community.id, representative);
    const registrationNumber = unique('REG-');
    const claimed = await t.api
      .patch(`/api/communities/${community.id}`)
      .set(representative.auth)
      .send({ version: before.version, registrationStatus: 'registered', registrationNumber, registrationDate: '2019-05-04', registrationIssuingBody: 'Ministry of Justice' });
    expect(claimed.status).toBe(200);
    const claimId = claimed.body.registrationClaim.id;
    await t.api.post(`/api/registration-claims/${claimId}/decision`).set(administrator.auth).send({ outcome: 'verified' }).expect(200);

    const claimLog = await logOf(claimId);
    expect(claimLog.map((e) => e.action)).toEqual(['registration.claimed', 'registration.verified']);
    expect(claimLog[0]).toMatchObject({ actorId: representative.id, resource: 'registration-claim', communityIds: [community.id] });
    expect(claimLog[0].details.changes).toMatchObject({ status: { from: null, to: 'pending' }, registrationNumber: { from: null, to: registrationNumber } });
    expect(claimLog[1]).toMatchObject({ ...byAdministrator, actorId: administrator.id });
    expect(claimLog[1].details.changes).toEqual({ status: { from: 'pending', to: 'verified' } });
    // A search by community finds every change of its record.
    const byCommunity = await t.api.get('/api/admin/audit-log').query({ communityId: community.id }).set(administrator.auth);
    expect(byCommunity.body.items.map((e: AuditEntry) => e.action)).toEqual(['registration.verified', 'registration.claimed']);

    const erased = await t.api.post(`/api/communities/${community.id}/erasure`).set(representative.auth);
    expect(erased.status).toBe(200);
    const [erasure] = (await logOf(community.id)).filter((e) => e.action === 'community.erased');
    expect(erasure).toMatchObject({ actorId: representative.id, actorRole: 'representative', communityIds: [community.id] });
    expect(erasure.details).toEqual({
      action: 'community.erased',
      accounts: 1,
      changes: {
        leaders: { from: MASKED, to: '' },
        meetingPlace: { from: MASKED, to: '' },
        contactEmail: { from: MASKED, to: null },
        contactPhone: { from: MASKED, to: null },
      },
    });
    expect(await rawDetails(community.id)).not.toContain(community.contactEmail);
  });
});

describe("a club's meetings", () => {
  it('records a meeting created, edited and cancelled, its minutes and its action items, with venues, presenters, minutes and owners masked', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const [topic] = (await t.api.get('/api/topics')).body;
    const venue = unique('Flat 12, Abai street ');
    const created = await t.api
      .post(`/api/clubs/${club.id}/meetings`)
      .set(coordinator.auth)
      .send({
        title: 'Water for the new districts',
        description: '',
        startsAt: '2029-04-10T18:00:00+05:00',
        endsAt: '2029-04-10T20:00:00+05:00',
        format: 'in_person',
        venue,
        visibility: 'club',
        topicIds: [topic.id],
        agenda: [{ title: 'Welcome', presenter: 'Aigerim Seitkali' }],
      });
    expect(created.status).toBe(201);
    const [meeting] = created.body;
    await t.api.patch(`/api/meetings/${meeting.id}`).set(coordinator.auth).send({ scope: 'occurrence', version: meeting.version, title: 'Clean water' }).expect(200);
    await t.api.post(`/api/meetings/${meeting.id}/cancel`).set(coordinator.auth).send({ scope: 'occurrence', version: meeting.version + 1, reason: 'The hall is closed' }).expect(200);

    const log = await logOf(meeting.id);
    expect(log.map((e) => e.action)).toEqual(['meeting.created', 'meeting.updated', 'meeting.cancelled']);
    expect(log[0]).toMatchObject({ actorId: coordinator.id, actorRole: 'coordinator', resource: 'meeting', clubId: club.id });
    expect(log[0].details.changes).toMatchObject({
      title: { from: null, to: 'Water for the new districts' },
      startsAt: { from: null, to: '2029-04-10T13:00:00.000Z' },
      venue: { from: null, to: MASKED },
      topicIds: { from: null, to: [topic.id] },
      agenda: { from: null, to: ['Welcome'] },
      agendaPresenters: { from: null, to: MASKED },
    });
    expect(log[1].details.changes).toEqual({ title: { from: 'Water for the new districts', to: 'Clean water' } });
    expect(log[2].details.changes).toEqual({ status: { from: 'scheduled', to: 'cancelled' }, cancelReason: { from: null, to: 'The hall is closed' } });
    const stored = await rawDetails(meeting.id);
    for (const value of [venue, 'Aigerim']) expect(stored).not.toContain(value);

    // Minutes and action items of a meeting that took place.
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, created_by_id)
       VALUES ($1, 'Past meeting', now() - interval '3 hours', now() - interval '1 hour', 'in_person', 'club', 'scheduled', 'K7Q2', $2) RETURNING id`,
      [club.id, coordinator.id],
    );
    const past = rows[0].id;
    const minutes = { minutes: 'Marat Bekov offered his yard.', decisions: ['Meet again in May'] };
    await t.api.put(`/api/meetings/${past}/minutes`).set(coordinator.auth).send({ ...minutes, publish: false, version: 0 }).expect(200);
    await t.api.put(`/api/meetings/${past}/minutes`).set(coordinator.auth).send({ ...minutes, publish: true, version: 1 }).expect(200);
    const minutesLog = await logOf(past);
    expect(minutesLog.map((e) => e.action)).toEqual(['minutes.updated', 'minutes.published']);
    expect(minutesLog[0]).toMatchObject({ resource: 'meeting-minutes', clubId: club.id, actorId: coordinator.id });
    expect(minutesLog[0].details.changes).toEqual({ minutes: { from: '', to: MASKED }, decisions: { from: [], to: MASKED } });
    expect(minutesLog[1].details.changes).toEqual({ published: { from: false, to: true } });
    expect(await rawDetails(past)).not.toContain('Marat');

    const item = await t.api.post(`/api/meetings/${past}/action-items`).set(coordinator.auth).send({ title: 'Book the yard', ownerName: 'Marat Bekov', dueDate: '2029-05-01' });
    expect(item.status).toBe(201);
    await t.api.patch(`/api/action-items/${item.body.id}`).set(coordinator.auth).send({ status: 'done', version: item.body.version }).expect(200);
    const itemLog = await logOf(item.body.id);
    expect(itemLog.map((e) => e.action)).toEqual(['action-item.created', 'action-item.updated']);
    expect(itemLog[0].details.changes).toMatchObject({ title: { from: null, to: 'Book the yard' }, ownerName: { from: null, to: MASKED } });
    expect(itemLog[1].details.changes).toEqual({ status: { from: 'open', to: 'done' } });
    expect(await rawDetails(item.body.id)).not.toContain('Marat');
  });
});

describe("a club's projects", () => {
  it('records a project edited and its milestones added, ticked off and removed', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const lead = await f.newCommunity({ registered: true });
    await f.newParticipation({ clubId: club.id, communityId: lead.id, status: 'member' });
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO projects (club_id, title, description, category, lead_community_id, proposed_by_id, starts_on, status, visibility,
                             outcome_figures, outcome_photo_links)
       VALUES ($1, 'Coats', 'Coats for the shelter', 'charity', $2, $3, '2029-01-01', 'active', 'club', '[]', '[]') RETURNING id`,
      [club.id, lead.id, coordinator.id],
    );
    const id = rows[0].id;
    await t.api.patch(`/api/projects/${id}`).set(coordinator.auth).send({ title: 'Winter coats', version: 1 }).expect(200);
    const milestone = await t.api.post(`/api/projects/${id}/milestones`).set(coordinator.auth).send({ title: 'Coats collected', dueOn: '2029-02-01' });
    expect(milestone.status).toBe(201);
    await t.api.patch(`/api/projects/${id}/milestones/${milestone.body.id}`).set(coordinator.auth).send({ done: true, version: 1 }).expect(200);
    await t.api.delete(`/api/projects/${id}/milestones/${milestone.body.id}`).set(coordinator.auth).expect(204);

    const [edit] = await logOf(id);
    expect(edit).toMatchObject({ action: 'project.updated', actorId: coordinator.id, resource: 'project', clubId: club.id });
    expect(edit.details.changes).toEqual({ title: { from: 'Coats', to: 'Winter coats' } });
    const milestoneLog = await logOf(milestone.body.id);
    expect(milestoneLog.map((e) => e.action)).toEqual(['milestone.created', 'milestone.updated', 'milestone.deleted']);
    expect(milestoneLog[0]).toMatchObject({ resource: 'project-milestone', clubId: club.id, details: { projectId: id } });
    expect(milestoneLog[1].details.changes).toEqual({ done: { from: false, to: true } });
    expect(milestoneLog[2].details.changes).toEqual({ title: { from: 'Coats collected', to: null }, dueOn: { from: '2029-02-01', to: null }, done: { from: true, to: null } });
  });
});
