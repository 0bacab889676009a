import { createFactories, Factories, TestClub, TestCommunity, TestUser } from './support/factories';
import { expectError } from './support/expectations';
import { countRows, startTestApp, TestApp, versionOf } from './support/test-app';

const communityVersion = (id: string) => versionOf(t.db, 'communities', id);

/**
 * docs/domain.md, chapter 4: a list of non-registered communities can hurt the people in
 * it. One club scene, read by every kind of caller.
 */
let t: TestApp;
let f: Factories;

interface Scene {
  club: TestClub;
  otherClub: TestClub;
  /** Non-registered observer of `club`, no consent, not public. */
  hidden: TestCommunity;
  /** Non-registered observer of `club` that consented to officials seeing its record. */
  consenting: TestCommunity;
  /** Non-registered observer of `club` that chose to be public. */
  publicOne: TestCommunity;
  /** Registered member of `club`. */
  registered: TestCommunity;
  /** Non-registered community whose application to `club` is pending. */
  applicant: TestCommunity;
  hiddenRep: TestUser;
  participantRep: TestUser;
  applicantRep: TestUser;
  otherClubRep: TestUser;
  coordinator: TestUser;
  otherCoordinator: TestUser;
  official: TestUser;
  otherRegionOfficial: TestUser;
  nationalOfficial: TestUser;
  administrator: TestUser;
}

let s: Scene;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  const [club, otherClub] = await Promise.all([f.newClub(), f.newClub()]);
  const [hidden, consenting, publicOne, registered, applicant, elsewhere] = await Promise.all([
    f.newCommunity({ name: `Hidden House Church ${Date.now()}` }),
    f.newCommunity({ name: `Consenting Fellowship ${Date.now()}`, consent: true }),
    f.newCommunity({ name: `Public Krishna Society ${Date.now()}`, isPublic: true, tradition: 'hare_krishna' }),
    f.newCommunity({ name: `Registered Central Mosque ${Date.now()}`, registered: true, tradition: 'sunni_islam' }),
    f.newCommunity({ name: `Pending Witnesses ${Date.now()}`, tradition: 'jehovahs_witnesses' }),
    f.newCommunity({ name: `Elsewhere Baptists ${Date.now()}` }),
  ]);
  await Promise.all([
    f.newParticipation({ clubId: club.id, communityId: hidden.id, status: 'observer' }),
    f.newParticipation({ clubId: club.id, communityId: consenting.id, status: 'observer' }),
    f.newParticipation({ clubId: club.id, communityId: publicOne.id, status: 'observer' }),
    f.newParticipation({ clubId: club.id, communityId: registered.id, status: 'member' }),
    f.newParticipation({ clubId: club.id, communityId: applicant.id, status: 'applied' }),
    f.newParticipation({ clubId: otherClub.id, communityId: elsewhere.id, status: 'observer' }),
  ]);
  const users = await Promise.all([
    f.newUser({ role: 'representative', communityId: hidden.id }),
    f.newUser({ role: 'representative', communityId: registered.id }),
    f.newUser({ role: 'representative', communityId: applicant.id }),
    f.newUser({ role: 'representative', communityId: elsewhere.id }),
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'coordinator', clubId: otherClub.id }),
    f.newUser({ role: 'official', region: club.regionCode }),
    f.newUser({ role: 'official', region: otherClub.regionCode }),
    f.newUser({ role: 'official', region: null }),
    f.newUser({ role: 'administrator' }),
  ]);
  const [hiddenRep, participantRep, applicantRep, otherClubRep, coordinator, otherCoordinator, official, otherRegionOfficial, nationalOfficial, administrator] = users;
  s = {
    club, otherClub, hidden, consenting, publicOne, registered, applicant,
    hiddenRep, participantRep, applicantRep, otherClubRep, coordinator, otherCoordinator,
    official, otherRegionOfficial, nationalOfficial, administrator,
  };
});
afterAll(() => t?.close());

const officialReads = (readerId: string, communityId: string, resource?: string) =>
  countRows(
    t.db,
    `SELECT 1 FROM sensitive_events WHERE kind = 'read' AND actor_id = $1 AND $2 = ANY(community_ids)
        AND ($3::text IS NULL OR $3 = ANY(string_to_array(resource, ',')))`,
    [readerId, communityId, resource ?? null],
  );

/** The names on the club page as `caller` sees it; also returns the raw body to search for leaks. */
async function clubPage(caller?: TestUser): Promise<{ names: string[]; raw: string }> {
  const request = t.api.get(`/api/clubs/${s.club.id}`);
  const response = caller ? await request.set(caller.auth) : await request;
  expect(response.status).toBe(200);
  return {
    names: response.body.participants.map((p: { community: { name: string } }) => p.community.name).sort(),
    raw: JSON.stringify(response.body),
  };
}

const sorted = (...communities: TestCommunity[]) => communities.map((c) => c.name).sort();

describe("a club's public page", () => {
  it('never shows an anonymous visitor a non-registered community, unless it chose to be public', async () => {
    const { names, raw } = await clubPage();
    expect(names).toEqual(sorted(s.registered, s.publicOne));
    for (const secret of [s.hidden, s.consenting, s.applicant]) {
      expect(raw).not.toContain(secret.name);
      expect(raw).not.toContain(secret.id);
    }
  });

  it('shows the participants of the club the non-registered observers they meet, but not pending applications', async () => {
    const { names, raw } = await clubPage(s.participantRep);
    expect(names).toEqual(sorted(s.registered, s.publicOne, s.hidden, s.consenting));
    expect(raw).not.toContain(s.applicant.name);
  });

  it('shows an applicant its own pending application, but not yet the non-registered observers', async () => {
    const { names } = await clubPage(s.applicantRep);
    expect(names).toEqual(sorted(s.registered, s.publicOne, s.applicant));
  });

  it("shows the club's coordinators everyone, pending applications included", async () => {
    const { names } = await clubPage(s.coordinator);
    expect(names).toEqual(sorted(s.registered, s.publicOne, s.hidden, s.consenting, s.applicant));
  });

  it("does not show another club's coordinator or participant the non-registered communities", async () => {
    expect((await clubPage(s.otherCoordinator)).names).toEqual(sorted(s.registered, s.publicOne));
    expect((await clubPage(s.otherClubRep)).names).toEqual(sorted(s.registered, s.publicOne));
  });

  it("shows an official of the club's region only the non-registered communities that consented, and logs each read", async () => {
    const before = await officialReads(s.official.id, s.consenting.id, 'club.participants');

    expect((await clubPage(s.official)).names).toEqual(sorted(s.registered, s.publicOne, s.consenting));

    expect(await officialReads(s.official.id, s.consenting.id, 'club.participants')).toBe(before + 1);
    expect(await officialReads(s.official.id, s.hidden.id)).toBe(0);
  });

  it('shows an official of another region only the public non-registered community, and logs that read alone', async () => {
    expect((await clubPage(s.otherRegionOfficial)).names).toEqual(sorted(s.registered, s.publicOne));
    expect(await countRows(t.db, `SELECT 1 FROM sensitive_events WHERE kind = 'read' AND actor_id = $1`, [s.otherRegionOfficial.id])).toBe(1);
    expect(await officialReads(s.otherRegionOfficial.id, s.publicOne.id, 'club.participants')).toBe(1);
  });
});

describe("a non-registered community's record (GET /api/communities/:id)", () => {
  const get = (community: TestCommunity, caller?: TestUser) => {
    const request = t.api.get(`/api/communities/${community.id}`);
    return caller ? request.set(caller.auth) : request;
  };

  it('is 404 for an anonymous visitor, exactly as for a community that does not exist', async () => {
    const response = await get(s.hidden);
    expectError(response, 404, 'NOT_FOUND');
    expect(JSON.stringify(response.body)).not.toContain(s.hidden.name);
  });

  it("is 404 for a participant of another club, an applicant who has not met it yet, and another club's coordinator", async () => {
    for (const caller of [s.otherClubRep, s.applicantRep, s.otherCoordinator]) {
      expectError(await get(s.hidden, caller), 404, 'NOT_FOUND');
    }
  });

  it("is 404 for an official of the club's region when the community has not consented, and nothing is logged", async () => {
    expectError(await get(s.hidden, s.official), 404, 'NOT_FOUND');
    expectError(await get(s.hidden, s.nationalOfficial), 404, 'NOT_FOUND');
    expect(await officialReads(s.official.id, s.hidden.id)).toBe(0);
  });

  it("with consent, is shown to an official of the club's region without contact details, and the read is logged", async () => {
    const before = await officialReads(s.official.id, s.consenting.id, 'community.profile');

    const response = await get(s.consenting, s.official);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: s.consenting.id, name: s.consenting.name, contactEmail: null, contactPhone: null });
    expect(response.body.officialConsentAt).toEqual(expect.any(String));
    expect(JSON.stringify(response.body)).not.toContain(s.consenting.contactEmail);
    expect(await officialReads(s.official.id, s.consenting.id, 'community.profile')).toBe(before + 1);
  });

  it('with consent, is shown to a national official (and logged), but not to an official of another region', async () => {
    const response = await get(s.consenting, s.nationalOfficial);
    expect(response.status).toBe(200);
    expect(response.body.contactEmail).toBeNull();
    expect(await officialReads(s.nationalOfficial.id, s.consenting.id, 'community.profile')).toBe(1);

    expectError(await get(s.consenting, s.otherRegionOfficial), 404, 'NOT_FOUND');
    expect(await officialReads(s.otherRegionOfficial.id, s.consenting.id)).toBe(0);
  });

  it('consent to officials does not make a community public', async () => {
    expectError(await get(s.consenting), 404, 'NOT_FOUND');
  });

  it('is shown to the participants of its club by name, without contact details', async () => {
    const response = await get(s.hidden, s.participantRep);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: s.hidden.name, contactEmail: null, contactPhone: null });
  });

  it('shows contact details only to the community itself and the coordinators of clubs it applied to', async () => {
    for (const caller of [s.hiddenRep, s.coordinator]) {
      const response = await get(s.hidden, caller);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ contactEmail: s.hidden.contactEmail, contactPhone: s.hidden.contactPhone });
    }
    // A pending application is enough for the club's coordinators to reach the applicant.
    const applicant = await get(s.applicant, s.coordinator);
    expect(applicant.status).toBe(200);
    expect(applicant.body).toMatchObject({ contactEmail: s.applicant.contactEmail, contactPhone: s.applicant.contactPhone });

    for (const caller of [s.participantRep, s.administrator]) {
      const response = await get(s.hidden, caller);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ contactEmail: null, contactPhone: null });
    }
  });

  it('shows a community that chose to be public to everyone, still without contact details', async () => {
    const response = await get(s.publicOne);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: s.publicOne.name, contactEmail: null, contactPhone: null });
  });

  it('logs an official reading a non-registered community even when it chose to be public', async () => {
    const response = await get(s.publicOne, s.official);
    expect(response.status).toBe(200);
    expect(response.body.contactEmail).toBeNull();
    expect(await officialReads(s.official.id, s.publicOne.id, 'community.profile')).toBe(1);
  });

  it("keeps a registered community's contact details from everyone but itself and its clubs' coordinators", async () => {
    for (const caller of [undefined, s.otherCoordinator, s.hiddenRep, s.otherClubRep, s.official]) {
      const response = await get(s.registered, caller);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ contactEmail: null, contactPhone: null });
    }
    expect((await get(s.registered, s.coordinator)).body.contactEmail).toBe(s.registered.contactEmail);
    expect((await get(s.registered, s.participantRep)).body.contactEmail).toBe(s.registered.contactEmail);
    // Reading a registered community is not a sensitive read.
    expect(await officialReads(s.official.id, s.registered.id)).toBe(0);
  });
});

describe('consent for officials (PATCH /api/communities/:id { officialConsent })', () => {
  it('is given with a date, shows the record to officials of its clubs\' regions, and revoking it hides the record again', async () => {
    const community = await f.newCommunity();
    await f.newParticipation({ clubId: s.club.id, communityId: community.id, status: 'observer' });
    const representative = await f.newUser({ role: 'representative', communityId: community.id });
    const readOfficially = () => t.api.get(`/api/communities/${community.id}`).set(s.official.auth);
    expectError(await readOfficially(), 404, 'NOT_FOUND');

    const given = await t.api.patch(`/api/communities/${community.id}`).set(representative.auth).send({ version: await communityVersion(community.id), officialConsent: true });
    expect(given.status).toBe(200);
    const consentedAt: string = given.body.officialConsentAt;
    expect(new Date(consentedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await readOfficially()).status).toBe(200);
    expect(await officialReads(s.official.id, community.id, 'community.profile')).toBe(1);

    // Confirming consent again keeps the date it was first given.
    const confirmed = await t.api.patch(`/api/communities/${community.id}`).set(representative.auth).send({ version: await communityVersion(community.id), officialConsent: true });
    expect(confirmed.body.officialConsentAt).toBe(consentedAt);

    const revoked = await t.api.patch(`/api/communities/${community.id}`).set(representative.auth).send({ version: await communityVersion(community.id), officialConsent: false });
    expect(revoked.status).toBe(200);
    expect(revoked.body.officialConsentAt).toBeNull();
    const { rows } = await t.db.query(`SELECT official_consent_at FROM communities WHERE id = $1`, [community.id]);
    expect(rows[0].official_consent_at).toBeNull();

    expectError(await readOfficially(), 404, 'NOT_FOUND');
    expect((await clubPage(s.official)).names).not.toContain(community.name);
    expect(await officialReads(s.official.id, community.id)).toBe(1);
  });

  it("cannot be given by anyone but the community's representatives", async () => {
    const community = await f.newCommunity();
    await f.newParticipation({ clubId: s.club.id, communityId: community.id, status: 'observer' });

    // Its coordinator and a fellow participant see it, so they are refused (403); the official may not even see it (404).
    for (const caller of [s.coordinator, s.participantRep]) {
      const response = await t.api.patch(`/api/communities/${community.id}`).set(caller.auth).send({ version: await communityVersion(community.id), officialConsent: true });
      expectError(response, 403, 'FORBIDDEN');
    }
    expectError(await t.api.patch(`/api/communities/${community.id}`).set(s.official.auth).send({ version: await communityVersion(community.id), officialConsent: true }), 404, 'NOT_FOUND');
    const { rows } = await t.db.query(`SELECT official_consent_at FROM communities WHERE id = $1`, [community.id]);
    expect(rows[0].official_consent_at).toBeNull();
  });
});
