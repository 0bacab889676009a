import { createFactories, Factories, sessionCookie, sessionTokenOf, TestClub, TestUser, unique } from './support/factories';
import { expectError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;
let administrator: TestUser;
let club: TestClub;
let coordinator: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  administrator = await f.newUser({ role: 'administrator' });
  club = await f.newClub();
  coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
});
afterAll(() => t?.close());

const PASSWORD = 'a long and unusual passphrase for the club';
const newEmail = () => `${unique('rep-')}@dastarkhan.test`;

/** A registered community's entry, as a coordinator types it from the state register. */
const entry = (overrides: Record<string, unknown> = {}) => ({
  name: `Church ${unique()}`,
  tradition: 'lutheran',
  registrationStatus: 'registered',
  registrationNumber: unique('KZ-'),
  registrationDate: '2012-05-04',
  registrationIssuingBody: 'Department of Justice of Almaty',
  ...overrides,
});

async function linkFor(email: string): Promise<string> {
  const { rows } = await t.db.query(`SELECT body FROM email_outbox WHERE to_address = $1 AND kind = 'account.invitation' ORDER BY created_at DESC, id DESC LIMIT 1`, [email]);
  const match = /\/accept-invitation#([\w-]+)/.exec(rows[0]?.body ?? '');
  if (!match) throw new Error(`no invitation emailed to ${email}`);
  return match[1];
}

async function acceptAndSignIn(email: string): Promise<Record<string, string>> {
  const token = await linkFor(email);
  await t.api.post('/api/invitations/acceptance').send({ token, displayName: 'Rep Resentative', password: PASSWORD }).expect(200);
  const response = await t.api.post('/api/auth/login').send({ email, password: PASSWORD });
  expect(response.status).toBe(200);
  return sessionCookie(sessionTokenOf(response) as string);
}

describe('a registered community created on its behalf', () => {
  it('starts pending with a claim in the verification queue, and its invited representative takes it over and applies', async () => {
    const representativeEmail = newEmail();
    const body = entry({ representativeEmail, contactEmail: 'Office@Church.kz' });
    const created = await t.api.post(`/api/clubs/${club.id}/communities`).set(coordinator.auth).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: body.name, registrationStatus: 'registration_pending', invitationSent: true });
    const id = created.body.id;

    // P7: it is a claim filed by its creator, which the administrator (or an official of the region) verifies.
    const queue = await t.api.get('/api/registration-claims').set(administrator.auth);
    expect(queue.body.find((claim: { communityId: string }) => claim.communityId === id)).toMatchObject({
      registrationNumber: body.registrationNumber,
      registrationDate: '2012-05-04',
      issuingBody: body.registrationIssuingBody,
      status: 'pending',
    });
    const [community] = (await t.db.query(`SELECT registration_status, registration_number, contact_email, city_id, created_via_club_id, created_by_id FROM communities WHERE id = $1`, [id])).rows;
    expect(community).toEqual({
      registration_status: 'registration_pending',
      registration_number: null,
      contact_email: 'office@church.kz',
      city_id: club.cityId,
      created_via_club_id: club.id,
      created_by_id: coordinator.id,
    });

    // The creation is on the record, its protected values masked.
    const audit = await t.api.get('/api/admin/audit-log').query({ recordId: id }).set(administrator.auth);
    expect(audit.body.items.map((row: { action: string }) => row.action)).toEqual(['community.created-on-behalf']);
    expect(JSON.stringify(audit.body)).not.toContain('office@church.kz');
    expect(JSON.stringify(audit.body)).not.toContain(body.name);

    // The club's coordinators keep it: it is listed on the club's people page with its pending invitation.
    const people = await t.api.get(`/api/clubs/${club.id}/people`).set(coordinator.auth);
    expect(people.body.communities).toContainEqual({ id, name: body.name, registrationStatus: 'registration_pending' });
    expect(people.body.invitations.find((i: { communityId: string }) => i.communityId === id)).toMatchObject({ email: representativeEmail, role: 'representative', status: 'pending' });

    const auth = await acceptAndSignIn(representativeEmail);
    const mine = await t.api.get('/api/communities/mine').set(auth);
    expect(mine.body.map((c: { id: string }) => c.id)).toEqual([id]);
    const applied = await t.api.post(`/api/clubs/${club.id}/applications`).set(auth).send({ communityId: id, statement: 'We would like to observe the club first.' });
    expect(applied.status).toBe(201);

    // Verified: it counts as registered from then on.
    const claim = queue.body.find((c: { communityId: string }) => c.communityId === id);
    await t.api.post(`/api/registration-claims/${claim.id}/decision`).set(administrator.auth).send({ outcome: 'verified' }).expect(200);
    expect((await t.db.query(`SELECT registration_status, registration_number FROM communities WHERE id = $1`, [id])).rows[0]).toEqual({
      registration_status: 'registered',
      registration_number: body.registrationNumber,
    });
  });

  it('lets the club invite several representatives of it, each taking the role', async () => {
    const created = await t.api.post(`/api/clubs/${club.id}/communities`).set(coordinator.auth).send(entry());
    const id = created.body.id;
    const [first, second] = [newEmail(), newEmail()];
    for (const email of [first, second]) {
      expect((await t.api.post(`/api/clubs/${club.id}/invitations`).set(coordinator.auth).send({ email, role: 'representative', communityId: id })).status).toBe(204);
    }
    for (const email of [first, second]) {
      const auth = await acceptAndSignIn(email);
      expect((await t.api.get(`/api/communities/${id}`).set(auth)).body.contactEmail).toBeNull();
      expect((await t.api.get('/api/communities/mine').set(auth)).body.map((c: { id: string }) => c.id)).toEqual([id]);
    }
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM role_assignments WHERE role = 'representative' AND community_id = $1`, [id]);
    expect(rows[0].n).toBe(2);
  });

  it('never creates a non-registered community on its behalf: it is only invited', async () => {
    for (const registrationStatus of ['not_registered', 'registration_pending']) {
      const response = await t.api.post(`/api/clubs/${club.id}/communities`).set(coordinator.auth).send(entry({ registrationStatus }));
      expectError(response, 422, 'COMMUNITY.ON_BEHALF_REGISTERED_ONLY');
      expect(response.body.fields).toEqual({ registrationStatus: 'must be registered' });
    }
    expectError(await t.api.post('/api/communities').set(administrator.auth).send(entry({ registrationStatus: 'not_registered' })), 422, 'COMMUNITY.ON_BEHALF_REGISTERED_ONLY');
    // A registered one needs at least its registration number (P7: the verifier reads the rest off the register).
    expectError(await t.api.post(`/api/clubs/${club.id}/communities`).set(coordinator.auth).send(entry({ registrationNumber: undefined })), 400, 'VALIDATION_FAILED');
  });

  it('takes only the registration number; the verifier enters the date and issuing body from the register', async () => {
    const body = entry({ registrationDate: undefined, registrationIssuingBody: undefined });
    const created = await t.api.post(`/api/clubs/${club.id}/communities`).set(coordinator.auth).send(body);
    expect(created.status).toBe(201);
    const queue = await t.api.get('/api/registration-claims').set(administrator.auth);
    const claim = queue.body.find((c: { communityId: string }) => c.communityId === created.body.id);
    expect(claim).toMatchObject({ registrationNumber: body.registrationNumber, registrationDate: null, issuingBody: null, status: 'pending' });

    const decide = (input: Record<string, unknown>) => t.api.post(`/api/registration-claims/${claim.id}/decision`).set(administrator.auth).send({ outcome: 'verified', ...input });
    const missing = await decide({});
    expectError(missing, 422, 'REGISTRATION.DETAILS_REQUIRED');
    expect(Object.keys(missing.body.fields).sort()).toEqual(['issuingBody', 'registrationDate']);
    expectError(await decide({ registrationDate: '2012-05-04' }), 422, 'REGISTRATION.DETAILS_REQUIRED');
    expect((await t.db.query(`SELECT registration_status FROM communities WHERE id = $1`, [created.body.id])).rows[0].registration_status).toBe('registration_pending');

    const verified = await decide({ registrationDate: '2012-05-04', issuingBody: 'Department of Justice of Almaty' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', registrationDate: '2012-05-04', issuingBody: 'Department of Justice of Almaty' });
    const [community] = (
      await t.db.query(`SELECT registration_status, registration_number, to_char(registration_date, 'YYYY-MM-DD') AS date, registration_issuing_body FROM communities WHERE id = $1`, [created.body.id])
    ).rows;
    expect(community).toEqual({ registration_status: 'registered', registration_number: body.registrationNumber, date: '2012-05-04', registration_issuing_body: 'Department of Justice of Almaty' });
  });

  it('does not let the verifier overwrite what a claim states, and a community\'s own claim still states its date and issuing body', async () => {
    const created = await t.api.post(`/api/clubs/${club.id}/communities`).set(coordinator.auth).send(entry());
    const [{ id: claimId }] = (await t.db.query(`SELECT id FROM registration_claims WHERE community_id = $1`, [created.body.id])).rows;
    const response = await t.api.post(`/api/registration-claims/${claimId}/decision`).set(administrator.auth).send({ outcome: 'verified', issuingBody: 'Someone else' });
    expectError(response, 422, 'REGISTRATION.DETAILS_REQUIRED');
    expect(response.body.fields).toEqual({ issuingBody: 'the claim states it already' });

    const own = await f.newCommunity();
    await expect(
      t.db.query(`INSERT INTO registration_claims (community_id, registered_name, registration_number, claimed_by_id) VALUES ($1, 'Own', $2, $3)`, [own.id, unique('O-'), administrator.id]),
    ).rejects.toThrow(/registration_claim_details/);
  });

  it('refuses a registration number already held or claimed, without naming the holder', async () => {
    const elsewhere = await f.newClub();
    const hidden = await f.newCommunity({ name: `Hidden ${unique()}` });
    const number = unique('Kz-');
    await t.db.query(
      `INSERT INTO registration_claims (community_id, registered_name, registration_number, registration_date, issuing_body, claimed_by_id) VALUES ($1, $2, $3, '2010-01-01', 'Justice', $4)`,
      [hidden.id, hidden.name, number, administrator.id],
    );
    await f.newParticipation({ clubId: elsewhere.id, communityId: hidden.id, status: 'observer' });
    const registered = await f.newCommunity({ registered: true });
    const [{ registration_number: held }] = (await t.db.query(`SELECT registration_number FROM communities WHERE id = $1`, [registered.id])).rows;

    // Spaces and case do not make a number new.
    for (const registrationNumber of [` ${number.toLowerCase()} `, held]) {
      const response = await t.api.post(`/api/clubs/${club.id}/communities`).set(coordinator.auth).send(entry({ registrationNumber }));
      expectError(response, 409, 'COMMUNITY.REGISTRATION_NUMBER_TAKEN');
      expect(JSON.stringify(response.body)).not.toContain(hidden.name);
      expect(JSON.stringify(response.body)).not.toContain(registered.name);
    }
  });

  it('the administrator creates one without a club; the club route takes a club the caller coordinates', async () => {
    const city = await f.newCity();
    const created = await t.api.post('/api/communities').set(administrator.auth).send(entry({ cityId: city.id }));
    expect(created.status).toBe(201);
    expect((await t.db.query(`SELECT city_id, created_via_club_id FROM communities WHERE id = $1`, [created.body.id])).rows[0]).toEqual({ city_id: city.id, created_via_club_id: null });
    expect((await t.api.post(`/api/clubs/${club.id}/communities`).set(administrator.auth).send(entry())).status).toBe(201);

    const otherCoordinator = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });
    const official = await f.newUser({ role: 'official', region: club.regionCode });
    const representative = await f.newUser({ role: 'representative', communityId: (await f.newCommunity({ registered: true })).id });
    for (const caller of [otherCoordinator, official, representative]) {
      expectError(await t.api.post(`/api/clubs/${club.id}/communities`).set(caller.auth).send(entry()), 403, 'FORBIDDEN');
    }
    expectError(await t.api.post('/api/communities').set(coordinator.auth).send(entry()), 403, 'FORBIDDEN');
  });

  it("does not let another club's coordinator invite for a community created through this club", async () => {
    const created = await t.api.post(`/api/clubs/${club.id}/communities`).set(coordinator.auth).send(entry());
    const other = await f.newClub();
    const otherCoordinator = await f.newUser({ role: 'coordinator', clubId: other.id });
    const response = await t.api.post(`/api/clubs/${other.id}/invitations`).set(otherCoordinator.auth).send({ email: newEmail(), role: 'representative', communityId: created.body.id });
    expectError(response, 422, 'PEOPLE.COMMUNITY_NOT_IN_CLUB');
    expect((await t.api.get(`/api/communities/${created.body.id}`).set(otherCoordinator.auth)).status).toBe(404);
    expect((await t.api.get(`/api/clubs/${other.id}/people`).set(otherCoordinator.auth)).body.communities).toEqual([]);
  });
});

describe("the club's community picker", () => {
  it("finds a community created through the club for that club's coordinators, and for no other club's", async () => {
    const body = entry({ name: `Picker Parish ${unique()}` });
    const created = await t.api.post(`/api/clubs/${club.id}/communities`).set(coordinator.auth).send(body);
    expect(created.status).toBe(201);
    const search = (caller: TestUser, clubId: string, participating?: boolean) =>
      t.api.get('/api/communities').query({ search: body.name, clubId, ...(participating ? { participating } : {}) }).set(caller.auth);
    const found = await search(coordinator, club.id);
    expect(found.status).toBe(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    // It takes part in nothing yet; and it is pending, so protected: another club's coordinator finds nothing anywhere.
    expect((await search(coordinator, club.id, true)).body.items).toEqual([]);
    const otherClub = await f.newClub();
    const otherCoordinator = await f.newUser({ role: 'coordinator', clubId: otherClub.id });
    expect((await search(otherCoordinator, otherClub.id)).body.items).toEqual([]);
    expect((await t.api.get('/api/communities').query({ search: body.name }).set(otherCoordinator.auth)).body.items).toEqual([]);
  });
});
