import { randomUUID } from 'node:crypto';
import { createFactories, Factories, TestCommunity, TestUser } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { startTestApp, TestApp, versionOf } from './support/test-app';

const communityVersion = (id: string) => versionOf(t.db, 'communities', id);

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
});
afterAll(() => t?.close());

/** The stored row, to check that a refused change left it exactly as it was. */
async function storedCommunity(id: string) {
  const { rows } = await t.db.query(`SELECT * FROM communities WHERE id = $1`, [id]);
  return rows[0];
}

async function representedCommunity(options: Parameters<Factories['newCommunity']>[0] = {}): Promise<{ community: TestCommunity; representative: TestUser }> {
  const community = await f.newCommunity(options);
  const representative = await f.newUser({ role: 'representative', communityId: community.id });
  return { community, representative };
}

describe('GET /api/communities/mine', () => {
  it('lists the communities the caller represents, with their contact details', async () => {
    const { community, representative } = await representedCommunity();
    await f.newCommunity();

    const response = await t.api.get('/api/communities/mine').set(representative.auth);

    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      expect.objectContaining({
        id: community.id,
        name: community.name,
        registrationStatus: 'not_registered',
        contactEmail: community.contactEmail,
        contactPhone: community.contactPhone,
        officialConsentAt: null,
      }),
    ]);
  });

  it('is empty for a user who represents no community', async () => {
    const coordinator = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });
    const response = await t.api.get('/api/communities/mine').set(coordinator.auth);
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
  });

  it('answers 401 to an anonymous caller', async () => {
    expectError(await t.api.get('/api/communities/mine'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/communities/:id', () => {
  it('shows a registered community to anyone, without its contact details', async () => {
    const community = await f.newCommunity({ registered: true });

    const response = await t.api.get(`/api/communities/${community.id}`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: community.id,
      name: community.name,
      registrationStatus: 'registered',
      registrationNumber: expect.any(String),
      registrationDate: '2015-03-01',
      contactEmail: null,
      contactPhone: null,
    });
  });

  it('shows the representative its own community with contact details', async () => {
    const { community, representative } = await representedCommunity();
    const response = await t.api.get(`/api/communities/${community.id}`).set(representative.auth);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: community.id, contactEmail: community.contactEmail, contactPhone: community.contactPhone });
  });

  it('answers 404 for an unknown community and 400 for an id that is not a UUID', async () => {
    expectError(await t.api.get(`/api/communities/${randomUUID()}`), 404, 'NOT_FOUND');
    expectValidationFailure(await t.api.get('/api/communities/42'), 'id');
  });
});

describe('PATCH /api/communities/:id', () => {
  it("updates the community's transparency profile for its representative", async () => {
    const { community, representative } = await representedCommunity();

    const response = await t.api
      .patch(`/api/communities/${community.id}`)
      .set(representative.auth)
      .send({ version: await communityVersion(community.id), leaders: 'Pastor Aidar Nurlanov', meetingPlace: 'A rented hall, Abay Ave 10', approximateSize: 60, contactPhone: '+7 702 000 1122' });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: community.id,
      name: community.name,
      leaders: 'Pastor Aidar Nurlanov',
      meetingPlace: 'A rented hall, Abay Ave 10',
      approximateSize: 60,
      contactPhone: '+7 702 000 1122',
      contactEmail: community.contactEmail,
    });
    expect(await storedCommunity(community.id)).toMatchObject({
      leaders: 'Pastor Aidar Nurlanov',
      meeting_place: 'A rented hall, Abay Ave 10',
      approximate_size: 60,
      contact_phone: '+7 702 000 1122',
      registration_status: 'not_registered',
    });
  });

  it('refuses a stale save (409 COMMUNITY.STALE_VERSION): a second representative does not overwrite the first unseen', async () => {
    const { community, representative } = await representedCommunity();
    const version = await communityVersion(community.id);
    const first = await t.api.patch(`/api/communities/${community.id}`).set(representative.auth).send({ version, leaders: 'Pastor Aidar' });
    expect(first.body).toMatchObject({ leaders: 'Pastor Aidar', version: version + 1 });
    expectError(await t.api.patch(`/api/communities/${community.id}`).set(representative.auth).send({ version, leaders: 'Someone else' }), 409, 'COMMUNITY.STALE_VERSION');
    expect(await storedCommunity(community.id)).toMatchObject({ leaders: 'Pastor Aidar' });
  });

  it('records a claim of state registration (not the fact: an official verifies it), and a status change back at once', async () => {
    const { community, representative } = await representedCommunity();

    const claimed = await t.api
      .patch(`/api/communities/${community.id}`)
      .set(representative.auth)
      .send({ version: await communityVersion(community.id), registrationStatus: 'registered', registrationNumber: 'AST-2025-17', registrationDate: '2025-06-30', registrationIssuingBody: 'Astana justice department' });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({
      registrationStatus: 'not_registered',
      registrationNumber: null,
      registrationClaim: { status: 'pending', registrationNumber: 'AST-2025-17', registrationDate: '2025-06-30', issuingBody: 'Astana justice department' },
    });
    expect(await storedCommunity(community.id)).toMatchObject({ registration_status: 'not_registered', registration_number: null });

    const pending = await t.api.patch(`/api/communities/${community.id}`).set(representative.auth).send({ version: await communityVersion(community.id), registrationStatus: 'registration_pending' });
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ registrationStatus: 'registration_pending', registrationNumber: null, registrationDate: null });
    expect(await storedCommunity(community.id)).toMatchObject({ registration_status: 'registration_pending', registration_number: null, registration_date: null });
  });

  it('refuses to mark a community registered without a registration number and date (400), changing nothing', async () => {
    const { community, representative } = await representedCommunity();
    const before = await storedCommunity(community.id);

    const response = await t.api.patch(`/api/communities/${community.id}`).set(representative.auth).send({ version: await communityVersion(community.id), registrationStatus: 'registered' });

    expectValidationFailure(response, 'registrationNumber', 'registrationDate');
    expect(await storedCommunity(community.id)).toEqual(before);

    const withoutDate = await t.api
      .patch(`/api/communities/${community.id}`)
      .set(representative.auth)
      .send({ version: await communityVersion(community.id), registrationStatus: 'registered', registrationNumber: 'AST-2025-18' });
    expectValidationFailure(withoutDate, 'registrationDate');
    expect(await storedCommunity(community.id)).toEqual(before);
  });

  it('rejects invalid values with 400 naming the fields, changing nothing', async () => {
    const { community, representative } = await representedCommunity();
    const before = await storedCommunity(community.id);

    const response = await t.api
      .patch(`/api/communities/${community.id}`)
      .set(representative.auth)
      .send({ version: await communityVersion(community.id), approximateSize: 0, contactEmail: 'not-an-email', contactPhone: 'call me', tradition: 'pastafarian', officialConsent: 'yes' });

    expectValidationFailure(response, 'approximateSize', 'contactEmail', 'contactPhone', 'tradition', 'officialConsent');
    expect(await storedCommunity(community.id)).toEqual(before);
  });

  it('refuses to blank out a required field such as the name (400), changing nothing', async () => {
    const { community, representative } = await representedCommunity();
    const before = await storedCommunity(community.id);

    const response = await t.api.patch(`/api/communities/${community.id}`).set(representative.auth).send({ version: await communityVersion(community.id), name: null });

    expectValidationFailure(response, 'name');
    expect(await storedCommunity(community.id)).toEqual(before);
  });

  it('rejects unknown fields with 400, changing nothing', async () => {
    const { community, representative } = await representedCommunity();
    const before = await storedCommunity(community.id);

    const response = await t.api
      .patch(`/api/communities/${community.id}`)
      .set(representative.auth)
      .send({ version: await communityVersion(community.id), description: 'changed', cityId: randomUUID() });

    expectValidationFailure(response, 'cityId');
    expect(await storedCommunity(community.id)).toEqual(before);
  });

  it("answers 404 to the representative of another community (it may not see it), 403 to a club's coordinator, changing nothing", async () => {
    const { community } = await representedCommunity();
    const club = await f.newClub();
    await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });
    const { representative: stranger } = await representedCommunity();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const before = await storedCommunity(community.id);

    expectError(await t.api.patch(`/api/communities/${community.id}`).set(stranger.auth).send({ version: await communityVersion(community.id), description: 'Taken over' }), 404, 'NOT_FOUND');
    expectError(await t.api.patch(`/api/communities/${community.id}`).set(coordinator.auth).send({ version: await communityVersion(community.id), description: 'Taken over' }), 403, 'FORBIDDEN');
    expect(await storedCommunity(community.id)).toEqual(before);
  });

  it('answers 401 to an anonymous caller, changing nothing', async () => {
    const community = await f.newCommunity();
    const before = await storedCommunity(community.id);
    expectError(await t.api.patch(`/api/communities/${community.id}`).send({ version: await communityVersion(community.id), description: 'x' }), 401, 'UNAUTHENTICATED');
    expect(await storedCommunity(community.id)).toEqual(before);
  });
});

describe('GET /api/communities/:id/participations', () => {
  it("lists the community's participations in every club for its representative, newest first", async () => {
    const { community, representative } = await representedCommunity();
    const first = await f.newParticipation({ clubId: (await f.newClub()).id, communityId: community.id, status: 'declined' });
    const second = await f.newParticipation({ clubId: (await f.newClub()).id, communityId: community.id, status: 'observer' });

    const response = await t.api.get(`/api/communities/${community.id}/participations`).set(representative.auth);

    expect(response.status).toBe(200);
    expect(response.body.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      [second.id, 'observer'],
      [first.id, 'declined'],
    ]);
    expect(response.body[0]).toMatchObject({ community: { id: community.id, name: community.name }, version: 2, clubName: expect.any(String) });
  });

  it('answers 404 to whoever may not see the community, 403 to its coordinators, 401 to anonymous callers, 400 to a malformed id', async () => {
    const { community } = await representedCommunity();
    const club = await f.newClub();
    await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' });
    const { representative: stranger } = await representedCommunity();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });

    expectError(await t.api.get(`/api/communities/${community.id}/participations`).set(stranger.auth), 404, 'NOT_FOUND');
    expectError(await t.api.get(`/api/communities/${community.id}/participations`).set(coordinator.auth), 403, 'FORBIDDEN');
    expectError(await t.api.get(`/api/communities/${community.id}/participations`), 401, 'UNAUTHENTICATED');
    expectValidationFailure(await t.api.get('/api/communities/mine-too/participations').set(stranger.auth), 'id');
  });
});
