import { createFactories, Factories, TestClub, TestCommunity, TestUser } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp, versionOf } from './support/test-app';

const communityVersion = (id: string) => versionOf(t.db, 'communities', id);

/**
 * The leaks and holes a review of the pathway found (docs/domain.md, chapter 4): each case failed
 * before the access module and the naming rule existed.
 */
let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
});
afterAll(() => t?.close());

interface Party {
  community: TestCommunity;
  representative: TestUser;
}

/** A community of the club with its representative, whose personal name is distinctive. */
async function party(
  club: TestClub,
  status: 'applied' | 'observer' | 'candidate' | 'member' | 'declined' | 'withdrawn',
  options: { registered?: boolean; isPublic?: boolean; consent?: boolean; name?: string } = {},
): Promise<Party> {
  const community = await f.newCommunity({ registered: options.registered ?? false, isPublic: options.isPublic, consent: options.consent, name: options.name });
  await f.newParticipation({ clubId: club.id, communityId: community.id, status });
  const representative = await f.newUser({ role: 'representative', communityId: community.id, displayName: `Pastor ${community.name}` });
  return { community, representative };
}

/** The read events a reader left, newest first. */
const readsBy = async (reader: TestUser) =>
  (await t.db.query(`SELECT community_ids, resource FROM sensitive_events WHERE kind = 'read' AND actor_id = $1 ORDER BY id DESC`, [reader.id])).rows as Array<{
    community_ids: string[];
    resource: string;
  }>;

describe('1. representatives are named only to their community and its coordinators', () => {
  it("prints the community, not its representative, on a project page to other partners and to the public", async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const lead = await party(club, 'observer', { isPublic: true, name: `Grace Fellowship ${Date.now()}` });
    const partner = await party(club, 'member', { registered: true });
    const proposed = await t.api.post(`/api/clubs/${club.id}/projects`).set(lead.representative.auth).send({
      communityId: lead.community.id,
      title: 'River bank clean-up',
      description: 'We clean the bank of the river together with our neighbours.',
      category: 'cleanup',
      startsOn: '2026-04-01',
      visibility: 'public',
    });
    expect(proposed.status).toBe(201);
    const { id } = proposed.body;
    await t.api.post(`/api/projects/${id}/transitions`).set(coordinator.auth).send({ action: 'approve', version: 1 }).expect(200);
    await t.api.post(`/api/projects/${id}/participants`).set(partner.representative.auth).send({ communityId: partner.community.id }).expect(201);
    await t.api.post(`/api/projects/${id}/participants/${partner.community.id}/decision`).set(coordinator.auth).send({ decision: 'confirm' }).expect(200);
    const line = await t.api
      .post(`/api/projects/${id}/contributions`)
      .set(lead.representative.auth)
      .send({ communityId: lead.community.id, role: 'lead', volunteers: 5, hours: 10 });
    await t.api.post(`/api/projects/${id}/contributions/${line.body.id}/review`).set(coordinator.auth).send({ decision: 'confirm', version: 1 }).expect(200);
    // Completed and public: the public sees it too.
    await t.api
      .post(`/api/projects/${id}/complete`)
      .set(coordinator.auth)
      .send({ version: 2, summary: 'Two kilometres of river bank cleaned.', figures: [], photoLinks: [] })
      .expect(200);

    const person = lead.representative.displayName;
    for (const reader of [partner.representative, null]) {
      const page = reader ? await t.api.get(`/api/projects/${id}`).set(reader.auth) : await t.api.get(`/api/projects/${id}`);
      expect(page.status).toBe(200);
      expect(JSON.stringify(page.body)).not.toContain(person);
      const leadLine = page.body.ledger.find((l: { community: { id: string } }) => l.community.id === lead.community.id);
      expect(leadLine.counted.enteredByName).toBe(lead.community.name);
    }
    const partnerView = await t.api.get(`/api/projects/${id}`).set(partner.representative.auth);
    expect(partnerView.body.events.find((e: { action: string }) => e.action === 'propose').actorName).toBe(lead.community.name);
    // The community itself and the club's coordinator know the person.
    for (const reader of [lead.representative, coordinator]) {
      const page = await t.api.get(`/api/projects/${id}`).set(reader.auth);
      expect(page.body.events.find((e: { action: string }) => e.action === 'propose').actorName).toBe(person);
    }
  });

  it('names a proposing non-registered community to a community that only asked to join by its name, never by its representative', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const lead = await party(club, 'observer');
    const joiner = await party(club, 'observer');
    const { body } = await t.api.post(`/api/clubs/${club.id}/projects`).set(lead.representative.auth).send({
      communityId: lead.community.id,
      title: 'Visits to places of worship',
      description: 'Each community opens its doors to the others once.',
      category: 'visit',
      startsOn: '2026-05-01',
    });
    await t.api.post(`/api/projects/${body.id}/transitions`).set(coordinator.auth).send({ action: 'approve', version: 1 }).expect(200);
    await t.api.post(`/api/projects/${body.id}/participants`).set(joiner.representative.auth).send({ communityId: joiner.community.id }).expect(201);

    const page = await t.api.get(`/api/projects/${body.id}`).set(joiner.representative.auth);
    expect(page.body.events.map((e: { actorName: string }) => e.actorName)).toContain(lead.community.name);
    expect(JSON.stringify(page.body)).not.toContain(lead.representative.displayName);
  });
});

describe('2. a meeting agenda names no community against the rules', () => {
  it('refuses free text that names a community of the club, and prints a presenting community by the naming rule', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const grace = await party(club, 'observer', { name: `Grace Evangelical Fellowship ${Date.now()}` });
    const mosque = await party(club, 'member', { registered: true });
    const official = await f.newUser({ role: 'official', region: club.regionCode });
    const meeting = (agenda: unknown[]) => ({
      title: 'Domestic violence: what our communities can do',
      startsAt: '2027-03-18T18:00:00+05:00',
      endsAt: '2027-03-18T20:00:00+05:00',
      format: 'in_person',
      venue: `Friendship House ${Date.now()}`,
      visibility: 'public',
      topicIds: [],
      agenda,
    });
    const before = await countRows(t.db, `SELECT 1 FROM meetings WHERE club_id = $1`, [club.id]);
    const named = await t.api
      .post(`/api/clubs/${club.id}/meetings`)
      .set(coordinator.auth)
      .send(meeting([{ title: 'Our experience', presenter: `Pastor of ${grace.community.name.toUpperCase()}` }]));
    expectError(named, 400, 'TEXT.NAMES_COMMUNITY');
    expect(named.body.fields).toHaveProperty(['agenda.0.presenter']);
    expect(await countRows(t.db, `SELECT 1 FROM meetings WHERE club_id = $1`, [club.id])).toBe(before);
    // The same for a venue and an action item's owner typed as free text.
    expectError(
      await t.api.post(`/api/clubs/${club.id}/meetings`).set(coordinator.auth).send({ ...meeting([]), venue: `Hall of ${grace.community.name}` }),
      400,
      'TEXT.NAMES_COMMUNITY',
    );
    const stranger = await f.newCommunity();
    expectValidationFailure(
      await t.api.post(`/api/clubs/${club.id}/meetings`).set(coordinator.auth).send(meeting([{ title: 'x', presenterCommunityId: stranger.id }])),
      'agenda.0.presenterCommunityId',
    );

    const created = await t.api
      .post(`/api/clubs/${club.id}/meetings`)
      .set(coordinator.auth)
      .send(meeting([{ title: 'Our experience', presenterCommunityId: grace.community.id }, { title: 'Discussion', presenter: 'A social worker' }]));
    expect(created.status).toBe(201);
    const id = created.body[0].id;

    for (const reader of [null, official]) {
      const seen = reader ? await t.api.get(`/api/meetings/${id}`).set(reader.auth) : await t.api.get(`/api/meetings/${id}`);
      expect(seen.body.agenda[0]).toMatchObject({ presenter: '', presenterCommunity: null, presenterIsCommunity: true });
      expect(JSON.stringify(seen.body)).not.toContain(grace.community.name);
    }
    const fellow = await t.api.get(`/api/meetings/${id}`).set(mosque.representative.auth);
    expect(fellow.body.agenda[0].presenterCommunity).toMatchObject({ id: grace.community.id, name: grace.community.name });
    expect(fellow.body.agenda[1]).toMatchObject({ presenter: 'A social worker', presenterCommunity: null, presenterIsCommunity: false });
  });
});

describe('3. figures do not re-identify a hidden community', () => {
  it('shows the public "fewer than 10" observers where the club page lists none, not "1"', async () => {
    const club = await f.newClub();
    await party(club, 'observer');
    const page = await t.api.get(`/api/clubs/${club.id}`);
    expect(page.body.participants).toEqual([]);
    expect(page.body.observerCount).toEqual({ listed: 0, unlisted: { value: null, fewerThan: 10 }, total: { value: null, fewerThan: 10 } });
    const card = (await t.api.get('/api/clubs').query({ cityId: club.cityId })).body.items[0];
    expect(card.observerCount.total).toEqual({ value: null, fewerThan: 10 });
    // Officials' threshold is 5; the club's coordinator sees its own club unsuppressed.
    const official = await f.newUser({ role: 'official', region: club.regionCode });
    expect((await t.api.get(`/api/clubs/${club.id}`).set(official.auth)).body.observerCount.total).toEqual({ value: null, fewerThan: 5 });
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    expect((await t.api.get(`/api/clubs/${club.id}`).set(coordinator.auth)).body.observerCount.total).toEqual({ value: 1, fewerThan: null });
  });
});

describe('3b. a project’s totals do not give away a hidden partner by subtraction', () => {
  it('sums only the lines the public sees, and says of the hidden partner only "fewer than 10" — whatever the order of the lines', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const lead = await party(club, 'member', { registered: true });
    const hidden = await party(club, 'observer');
    const { body } = await t.api.post(`/api/clubs/${club.id}/projects`).set(lead.representative.auth).send({
      communityId: lead.community.id,
      title: 'Park clean-up',
      description: 'Two communities clean the park by the river together.',
      category: 'cleanup',
      startsOn: '2026-04-01',
    });
    const id = body.id as string;
    await t.api.post(`/api/projects/${id}/transitions`).set(coordinator.auth).send({ action: 'approve', version: 1 }).expect(200);
    await t.api.post(`/api/projects/${id}/participants`).set(hidden.representative.auth).send({ communityId: hidden.community.id }).expect(201);
    await t.api.post(`/api/projects/${id}/participants/${hidden.community.id}/decision`).set(coordinator.auth).send({ decision: 'confirm' }).expect(200);
    // The visible lead's line first, the hidden partner's second.
    for (const [who, role, volunteers] of [[lead, 'lead', 4], [hidden, 'partner', 7]] as const) {
      const line = await t.api.post(`/api/projects/${id}/contributions`).set(who.representative.auth).send({ communityId: who.community.id, role, volunteers, hours: volunteers * 2 });
      await t.api.post(`/api/projects/${id}/contributions/${line.body.id}/review`).set(coordinator.auth).send({ decision: 'confirm', version: 1 }).expect(200);
    }
    await t.api.post(`/api/projects/${id}/complete`).set(coordinator.auth).send({ version: 2, summary: 'The park is clean.', figures: [], photoLinks: [] }).expect(200);

    const page = await t.api.get(`/api/projects/${id}`);
    expect(page.body.totals).toEqual({ volunteers: 4, hours: 8, contributions: 1 });
    expect(page.body.undisclosed).toEqual({
      partners: { value: null, fewerThan: 10 },
      volunteers: { value: null, fewerThan: 10 },
      hours: { value: null, fewerThan: 10 },
    });
    expect((await t.api.get(`/api/projects/${id}`).set(coordinator.auth)).body.totals).toEqual({ volunteers: 11, hours: 22, contributions: 2 });
  });
});

describe('4. cross-club probing', () => {
  it("says only that a venue is busy when the clash is another club's club-only meeting", async () => {
    const [a, b] = await Promise.all([f.newClub(), f.newClub()]);
    const host = await f.newCommunity({ registered: true });
    await Promise.all([
      f.newParticipation({ clubId: a.id, communityId: host.id, status: 'member' }),
      f.newParticipation({ clubId: b.id, communityId: host.id, status: 'member' }),
    ]);
    const [coordinatorA, coordinatorB] = await Promise.all([
      f.newUser({ role: 'coordinator', clubId: a.id }),
      f.newUser({ role: 'coordinator', clubId: b.id }),
    ]);
    const body = (title: string) => ({
      title,
      startsAt: '2027-09-09T18:00:00+05:00',
      endsAt: '2027-09-09T20:00:00+05:00',
      format: 'in_person',
      venueCommunityId: host.id,
      visibility: 'club',
      topicIds: [],
      agenda: [],
    });
    expect((await t.api.post(`/api/clubs/${a.id}/meetings`).set(coordinatorA.auth).send(body('Secret talks about the new mosque'))).status).toBe(201);
    const check = await t.api.post(`/api/clubs/${b.id}/meetings/check`).set(coordinatorB.auth).send(body('Our meeting'));
    expect(check.body.conflicts).toEqual([{ kind: 'venue', meetingId: null, title: '', startsAt: '2027-09-09T13:00:00.000Z', endsAt: '2027-09-09T15:00:00.000Z' }]);
    expect(JSON.stringify(check.body)).not.toContain('Secret talks');
  });
});

describe('5. registration is claimed until an official verifies it', () => {
  async function claimant() {
    const club = await f.newClub();
    const p = await party(club, 'observer');
    const claim = await t.api.patch(`/api/communities/${p.community.id}`).set(p.representative.auth).send({ version: await communityVersion(p.community.id), 
      registrationStatus: 'registered',
      registrationNumber: 'ALM-2026-0042',
      registrationDate: '2026-02-01',
      registrationIssuingBody: 'Department of Justice of Almaty',
    });
    expect(claim.status).toBe(200);
    return { club, ...p, claimId: claim.body.registrationClaim.id as string };
  }

  it('keeps the community unregistered for every rule until verified: officials still need consent', async () => {
    const c = await claimant();
    const official = await f.newUser({ role: 'official', region: c.club.regionCode });
    expect((await t.api.get(`/api/communities/${c.community.id}`).set(official.auth)).status).toBe(404);
    expect((await t.api.get(`/api/communities/${c.community.id}`)).status).toBe(404);

    const queue = await t.api.get('/api/registration-claims').set(official.auth);
    expect(queue.body.map((q: { id: string }) => q.id)).toContain(c.claimId);
    const verified = await t.api.post(`/api/registration-claims/${c.claimId}/decision`).set(official.auth).send({ outcome: 'verified' });
    expect(verified.status).toBe(200);
    expect((await t.api.get(`/api/communities/${c.community.id}`)).body).toMatchObject({
      registrationStatus: 'registered',
      registrationNumber: 'ALM-2026-0042',
      registrationIssuingBody: 'Department of Justice of Almaty',
    });
    const kinds = (await t.db.query(`SELECT kind FROM sensitive_events WHERE $1 = ANY(community_ids) ORDER BY id`, [c.community.id])).rows.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['registration.claimed', 'registration.verified']));
  });

  it('lets only officials of its region and the administrator decide, rejection needs a reason, and one of two decisions wins', async () => {
    const c = await claimant();
    const [elsewhere, coordinator, admin] = await Promise.all([
      f.newUser({ role: 'official', region: `other-${Date.now()}` }),
      f.newUser({ role: 'coordinator', clubId: c.club.id }),
      f.newUser({ role: 'administrator' }),
    ]);
    expectError(await t.api.post(`/api/registration-claims/${c.claimId}/decision`).set(elsewhere.auth).send({ outcome: 'verified' }), 404, 'NOT_FOUND');
    expectError(await t.api.get('/api/registration-claims').set(coordinator.auth), 403, 'FORBIDDEN');
    expect((await t.api.get('/api/registration-claims').set(elsewhere.auth)).body.map((q: { id: string }) => q.id)).not.toContain(c.claimId);
    expectValidationFailure(await t.api.post(`/api/registration-claims/${c.claimId}/decision`).set(admin.auth).send({ outcome: 'rejected' }), 'reason');

    const reason = 'No such entry in the state register for this number.';
    const results = await Promise.all(
      [0, 1, 2].map(() => t.api.post(`/api/registration-claims/${c.claimId}/decision`).set(admin.auth).send({ outcome: 'rejected', reason })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const mine = await t.api.get(`/api/communities/${c.community.id}`).set(c.representative.auth);
    expect(mine.body).toMatchObject({ registrationStatus: 'not_registered', registrationClaim: { status: 'rejected', rejectionReason: reason } });
  });

  it('refuses a second claim while one waits', async () => {
    const c = await claimant();
    const again = await t.api.patch(`/api/communities/${c.community.id}`).set(c.representative.auth).send({ version: await communityVersion(c.community.id), 
      registrationStatus: 'registered',
      registrationNumber: 'ALM-2026-0043',
      registrationDate: '2026-02-02',
      registrationIssuingBody: 'Department of Justice of Almaty',
    });
    expectError(again, 409, 'REGISTRATION.CLAIM_PENDING');
  });
});

describe('6. officials read a consenting candidate’s record, read-only, each read recorded', () => {
  it('opens progress, history and decisions to the region’s official with consent; 404 without; one read event per request', async () => {
    const club = await f.newClub();
    const candidate = await party(club, 'candidate', { consent: true });
    const withheld = await party(club, 'candidate');
    const official = await f.newUser({ role: 'official', region: club.regionCode });
    const [consenting] = (await t.db.query(`SELECT id FROM participations WHERE community_id = $1`, [candidate.community.id])).rows;
    const [hidden] = (await t.db.query(`SELECT id FROM participations WHERE community_id = $1`, [withheld.community.id])).rows;

    for (const path of ['', '/progress', '/decisions', '/reviews']) {
      const before = (await readsBy(official)).length;
      const response = await t.api.get(`/api/participations/${consenting.id}${path}`).set(official.auth);
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain(candidate.representative.displayName);
      const reads = await readsBy(official);
      expect(reads.length).toBe(before + 1);
      expect(reads[0].community_ids).toEqual([candidate.community.id]);
      expectError(await t.api.get(`/api/participations/${hidden.id}${path}`).set(official.auth), 404, 'NOT_FOUND');
    }
    const detail = await t.api.get(`/api/participations/${consenting.id}`).set(official.auth);
    expect(detail.body.availableActions).toEqual([]);
    expectError(
      await t.api.post(`/api/participations/${consenting.id}/transitions`).set(official.auth).send({ action: 'nominate', version: 3 }),
      403,
      'FORBIDDEN',
    );
  });

  it('records one row per request naming every protected community read, however many', async () => {
    const club = await f.newClub();
    await Promise.all([party(club, 'observer', { consent: true }), party(club, 'observer', { consent: true }), party(club, 'member', { registered: true })]);
    const official = await f.newUser({ role: 'official', region: club.regionCode });
    await t.api.get(`/api/clubs/${club.id}`).set(official.auth).expect(200);
    const reads = await readsBy(official);
    expect(reads).toHaveLength(1);
    expect(reads[0].community_ids).toHaveLength(2);
  });
});

describe('7. consent history', () => {
  it('keeps every grant and revocation with who, when and scope', async () => {
    const club = await f.newClub();
    const p = await party(club, 'observer');
    for (const officialConsent of [true, false, true]) {
      await t.api.patch(`/api/communities/${p.community.id}`).set(p.representative.auth).send({ version: await communityVersion(p.community.id), officialConsent }).expect(200);
    }
    const { rows } = await t.db.query(
      `SELECT kind, actor_id, details, occurred_at FROM sensitive_events WHERE $1 = ANY(community_ids) AND kind LIKE 'consent.%' ORDER BY id`,
      [p.community.id],
    );
    expect(rows.map((r) => r.kind)).toEqual(['consent.granted', 'consent.revoked', 'consent.granted']);
    expect(rows.every((r) => r.actor_id === p.representative.id && r.details.scope === 'officials' && r.occurred_at instanceof Date)).toBe(true);
    // The community sees its history in its access log.
    const log = await t.api.get(`/api/communities/${p.community.id}/access-log`).set(p.representative.auth);
    expect(log.body.items.map((i: { kind: string }) => i.kind)).toEqual(['consent.granted', 'consent.revoked', 'consent.granted']);
    expect(log.body.items[0]).toMatchObject({ actorName: p.representative.displayName, actorRole: 'representative' });
    // The record refuses to be rewritten.
    await expect(t.db.query(`UPDATE sensitive_events SET kind = 'read' WHERE $1 = ANY(community_ids)`, [p.community.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM sensitive_events WHERE $1 = ANY(community_ids)`, [p.community.id])).rejects.toThrow(/append-only/);
  });
});

describe('8. the administrator sees what the work needs, and its reads are recorded', () => {
  it('withholds the outbox body about a protected community and records reading its profile', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const p = await party(club, 'observer');
    const admin = await f.newUser({ role: 'administrator' });
    const [participation] = (await t.db.query(`SELECT id, version FROM participations WHERE community_id = $1`, [p.community.id])).rows;
    await t.api
      .post(`/api/participations/${participation.id}/transitions`)
      .set(coordinator.auth)
      .send({ action: 'suspend', reason: 'Missed three meetings in a row', version: participation.version })
      .expect(200);

    const outbox = await t.api.get('/api/admin/email-outbox?limit=100').set(admin.auth);
    const message = outbox.body.find((m: { to: string }) => m.to === p.representative.email);
    expect(message).toMatchObject({ kind: 'suspended', withheld: true, subject: null, body: null });
    expect(JSON.stringify(outbox.body)).not.toContain(p.community.name);

    await t.api.get(`/api/communities/${p.community.id}`).set(admin.auth).expect(200);
    const [read] = await readsBy(admin);
    expect(read).toEqual({ community_ids: [p.community.id], resource: expect.stringContaining('community.profile') });
    const log = await t.api.get(`/api/communities/${p.community.id}/access-log`).set(p.representative.auth);
    expect(log.body.items[0]).toMatchObject({ kind: 'read', actorRole: 'administrator', actorName: admin.displayName });
  });
});

describe('9. erasure', () => {
  it('erases a declined community on request: contacts, statements, notification texts, emails and its people; aggregate history stays', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const p = await party(club, 'applied');
    const [participation] = (await t.db.query(`SELECT id FROM participations WHERE community_id = $1`, [p.community.id])).rows;
    const declined = await t.api.post(`/api/participations/${participation.id}/decisions`).set(coordinator.auth).send({
      outcome: 'decline',
      reasonCode: 'club_charter',
      reasonText: 'The club charter asks for a year of activity in the city first.',
      earliestReapplyOn: '2027-06-01',
      version: 1,
    });
    expect(declined.status).toBe(200);

    const erased = await t.api.post(`/api/communities/${p.community.id}/erasure`).set(p.representative.auth);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ name: p.community.name, contactEmail: null, leaders: '', erasedAt: expect.any(String) });

    const statement = (await t.db.query(`SELECT statement, status FROM participations WHERE id = $1`, [participation.id])).rows[0];
    expect(statement).toEqual({ statement: '', status: 'declined' });
    const leftovers = await t.db.query(
      `SELECT (SELECT count(*) FROM email_outbox WHERE body LIKE '%' || $1 || '%' OR to_address = $2)::int AS emails,
              (SELECT count(*) FROM notifications WHERE params::text LIKE '%' || $1 || '%')::int AS notifications,
              (SELECT count(*) FROM users WHERE display_name = $3 OR email = $2)::int AS people`,
      [p.community.name, p.representative.email, p.representative.displayName],
    );
    expect(leftovers.rows[0]).toEqual({ emails: 0, notifications: 0, people: 0 });
    expect(await countRows(t.db, `SELECT 1 FROM participation_events WHERE participation_id = $1`, [participation.id])).toBe(2);
    expect(await countRows(t.db, `SELECT 1 FROM sensitive_events WHERE kind = 'erasure' AND $1 = ANY(community_ids)`, [p.community.id])).toBe(1);
  });

  it('is refused while the community still takes part in a club, and for anyone but its representatives', async () => {
    const club = await f.newClub();
    const p = await party(club, 'observer');
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    expectError(await t.api.post(`/api/communities/${p.community.id}/erasure`).set(p.representative.auth), 409, 'COMMUNITY.HAS_LIVE_PARTICIPATIONS');
    expectError(await t.api.post(`/api/communities/${p.community.id}/erasure`).set(coordinator.auth), 403, 'FORBIDDEN');
    const { rows } = await t.db.query(`SELECT contact_email FROM communities WHERE id = $1`, [p.community.id]);
    expect(rows[0].contact_email).toBe(p.community.contactEmail);
  });
});
