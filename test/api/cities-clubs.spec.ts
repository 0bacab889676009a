import { randomUUID } from 'node:crypto';
import { createFactories, Factories } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
});
afterAll(() => t?.close());

describe('GET /api/cities', () => {
  it('lists every city to anyone, with its names in three languages, its region and its number of clubs', async () => {
    const city = await f.newCity();
    await f.newClub({ city });
    await f.newClub({ city });

    const response = await t.api.get('/api/cities');

    expect(response.status).toBe(200);
    expect(response.body).toContainEqual({
      id: city.id,
      slug: city.slug,
      name: { kk: `Қала ${city.slug}`, ru: `Город ${city.slug}`, en: `City ${city.slug}` },
      regionCode: city.regionCode,
      region: { kk: `Облыс ${city.regionCode}`, ru: `Область ${city.regionCode}`, en: `Region ${city.regionCode}` },
      clubCount: 2,
      version: 1,
    });
  });
});

describe('GET /api/cities/:cityId', () => {
  it('shows one city', async () => {
    const city = await f.newCity();
    const response = await t.api.get(`/api/cities/${city.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: city.id, slug: city.slug, clubCount: 0 });
  });

  it('answers 404 for an unknown city and 400 for an id that is not a UUID', async () => {
    expectError(await t.api.get(`/api/cities/${randomUUID()}`), 404, 'NOT_FOUND');
    expectValidationFailure(await t.api.get('/api/cities/almaty'), 'cityId');
  });
});

describe('GET /api/clubs', () => {
  it("lists a city's clubs with their member and observer counts", async () => {
    const city = await f.newCity();
    const club = await f.newClub({ city, name: 'Almaty Multi-Faith Club' });
    const other = await f.newClub();
    const member = await f.newCommunity({ registered: true });
    const observer = await f.newCommunity();
    const applicant = await f.newCommunity();
    await f.newParticipation({ clubId: club.id, communityId: member.id, status: 'member' });
    await f.newParticipation({ clubId: club.id, communityId: observer.id, status: 'observer' });
    await f.newParticipation({ clubId: club.id, communityId: applicant.id, status: 'applied' });

    const response = await t.api.get('/api/clubs').query({ cityId: city.id });

    expect(response.status).toBe(200);
    expect(response.body.nextAfter).toBeNull();
    expect(response.body.items).toEqual([
      {
        id: club.id,
        name: 'Almaty Multi-Faith Club',
        description: expect.any(String),
        // Clubs made before the names in three languages show their one name in each.
        names: { kk: 'Almaty Multi-Faith Club', ru: 'Almaty Multi-Faith Club', en: 'Almaty Multi-Faith Club' },
        descriptions: expect.objectContaining({ en: expect.any(String) }),
        meetingPlace: '',
        archived: false,
        version: 1,
        cityId: city.id,
        city: expect.objectContaining({ id: city.id, slug: city.slug, clubCount: 1 }),
        memberCount: { listed: 1, unlisted: { value: 0, fewerThan: null }, total: { value: 1, fewerThan: null } },
        // The observer is not registered: the public does not list it and learns only "fewer than 10".
        observerCount: { listed: 0, unlisted: { value: null, fewerThan: 10 }, total: { value: null, fewerThan: 10 } },
        pendingApplications: null,
        awaitingDecision: null,
      },
    ]);
    expect(response.body.items.map((c: { id: string }) => c.id)).not.toContain(other.id);
  });

  it('shows the work queue (pending applications, candidacies awaiting a decision) only to the coordinators of that club', async () => {
    const club = await f.newClub();
    await f.newParticipation({ clubId: club.id, communityId: (await f.newCommunity()).id, status: 'applied' });
    await f.newParticipation({ clubId: club.id, communityId: (await f.newCommunity()).id, status: 'applied' });
    await f.newParticipation({ clubId: club.id, communityId: (await f.newCommunity()).id, status: 'candidate' });
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const otherCoordinator = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });

    const queue = async (headers: Record<string, string>) => {
      const [summary] = (await t.api.get('/api/clubs').query({ cityId: club.cityId }).set(headers)).body.items;
      return { pending: summary.pendingApplications, awaiting: summary.awaitingDecision };
    };

    expect(await queue(coordinator.auth)).toEqual({ pending: 2, awaiting: 1 });
    expect(await queue(otherCoordinator.auth)).toEqual({ pending: null, awaiting: null });
    expect(await queue({})).toEqual({ pending: null, awaiting: null });
  });

  it('keeps the counts right when the coordinator accepts many applications at once and a community changes its consent meanwhile', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const communities = await Promise.all(Array.from({ length: 12 }, (_, i) => f.newCommunity({ registered: i % 3 === 0 })));
    const applications = [];
    for (const community of communities) applications.push(await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'applied' }));
    const consenting = communities[1];
    const representative = await f.newUser({ role: 'representative', communityId: consenting.id });

    // Counters move by increments in each transition's own transaction: eight accepts race each other and a consent change.
    const answers = await Promise.all([
      ...applications.slice(0, 8).map(({ id }) =>
        t.api.post(`/api/participations/${id}/transitions`).set(coordinator.auth).send({ action: 'accept', version: 1 })),
      t.api.patch(`/api/communities/${consenting.id}`).set(representative.auth).send({ version: 1, officialConsent: true }),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(9).fill(200));

    const [summary] = (await t.api.get('/api/clubs').query({ cityId: club.cityId }).set(coordinator.auth)).body.items;
    expect(summary.pendingApplications).toBe(4);
    expect(summary.observerCount.total).toEqual({ value: 8, fewerThan: null });
    const { rows } = await t.db.query(
      `SELECT status, privacy_class, n FROM club_participation_counts WHERE club_id = $1 AND n > 0
       EXCEPT SELECT p.status, community_privacy_class(c.registration_status, c.is_public, c.official_consent_at), count(*)::int
         FROM participations p JOIN communities c ON c.id = p.community_id WHERE p.club_id = $1 GROUP BY 1, 2`,
      [club.id],
    );
    expect(rows).toEqual([]);
  });

  it('lists only the clubs the caller coordinates with coordinatedByMe=true', async () => {
    const mine = await f.newClub();
    const alsoMine = await f.newClub();
    await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: mine.id });
    await t.db.query(`INSERT INTO role_assignments (user_id, role, club_id) VALUES ($1, 'coordinator', $2)`, [coordinator.id, alsoMine.id]);

    const response = await t.api.get('/api/clubs').query({ coordinatedByMe: 'true' }).set(coordinator.auth);

    expect(response.status).toBe(200);
    expect(response.body.items.map((c: { id: string }) => c.id).sort()).toEqual([mine.id, alsoMine.id].sort());
    const anonymous = await t.api.get('/api/clubs').query({ coordinatedByMe: 'true' });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ items: [], nextAfter: null });
  });

  it('rejects a malformed filter or an unknown query parameter with 400', async () => {
    expectValidationFailure(await t.api.get('/api/clubs').query({ cityId: 'almaty' }), 'cityId');
    expectValidationFailure(await t.api.get('/api/clubs').query({ coordinatedByMe: 'maybe' }), 'coordinatedByMe');
    expectValidationFailure(await t.api.get('/api/clubs').query({ sort: 'name' }), 'sort');
    expectValidationFailure(await t.api.get('/api/clubs').query({ limit: 201 }), 'limit');
    expectValidationFailure(await t.api.get('/api/clubs').query({ search: 'ab' }), 'search');
    expectValidationFailure(await t.api.get('/api/clubs').query({ after: 'bm90LWEtY3Vyc29y' }), 'after');
  });

  it('pages the clubs by name, every club once, and finds one by its name in another language or spelling', async () => {
    const city = await f.newCity();
    const clubs = [];
    for (const name of ['Gamma Club', 'Alpha Club', 'Delta Club', 'Beta Club', 'Epsilon Club']) clubs.push(await f.newClub({ city, name }));
    await t.db.query(`UPDATE clubs SET names = jsonb_build_object('kk', 'Шымкент дін клубы', 'ru', 'Шымкентский клуб', 'en', name) WHERE id = $1`, [clubs[0].id]);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { body: { items: Array<{ name: string }>; nextAfter: string | null } } = await t.api.get('/api/clubs').query({ cityId: city.id, limit: 2, ...(after ? { after } : {}) });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((club) => club.name));
      after = page.body.nextAfter;
    } while (after);
    expect(seen).toEqual(['Alpha Club', 'Beta Club', 'Delta Club', 'Epsilon Club', 'Gamma Club']);

    for (const search of ['шымкентский', 'Shymkentskii', 'ШЫМКЕНТ ДІН', 'gamma']) {
      const found = await t.api.get('/api/clubs').query({ cityId: city.id, search });
      expect([search, found.body.items.map((club: { id: string }) => club.id)]).toEqual([search, [clubs[0].id]]);
    }
  });
});

describe('GET /api/clubs/:clubId', () => {
  it('shows a club page with its city and its registered participants to anyone', async () => {
    const club = await f.newClub();
    const member = await f.newCommunity({ registered: true, tradition: 'sunni_islam' });
    const participation = await f.newParticipation({ clubId: club.id, communityId: member.id, status: 'member' });

    const response = await t.api.get(`/api/clubs/${club.id}`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: club.id,
      name: club.name,
      city: { id: club.cityId },
      memberCount: { listed: 1, unlisted: { value: 0, fewerThan: null }, total: { value: 1, fewerThan: null } },
      observerCount: { listed: 0, unlisted: { value: 0, fewerThan: null }, total: { value: 0, fewerThan: null } },
      pendingApplications: null,
      awaitingDecision: null,
      viewerIsCoordinator: false,
      viewerParticipations: [],
    });
    expect(response.body.participants).toEqual([
      {
        participationId: participation.id,
        status: 'member',
        community: { id: member.id, name: member.name, tradition: 'sunni_islam', registrationStatus: 'registered' },
      },
    ]);
  });

  it("tells a coordinator it coordinates the club and a representative its own community's participation", async () => {
    const club = await f.newClub();
    const community = await f.newCommunity();
    const participation = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const representative = await f.newUser({ role: 'representative', communityId: community.id });

    const asCoordinator = await t.api.get(`/api/clubs/${club.id}`).set(coordinator.auth);
    expect(asCoordinator.body).toMatchObject({ viewerIsCoordinator: true, pendingApplications: 0, viewerParticipations: [] });

    const asRepresentative = await t.api.get(`/api/clubs/${club.id}`).set(representative.auth);
    expect(asRepresentative.body.viewerIsCoordinator).toBe(false);
    expect(asRepresentative.body.viewerParticipations).toEqual([
      expect.objectContaining({ id: participation.id, status: 'observer', clubId: club.id, version: 2 }),
    ]);
  });

  it('answers 404 for an unknown club and 400 for an id that is not a UUID', async () => {
    expectError(await t.api.get(`/api/clubs/${randomUUID()}`), 404, 'NOT_FOUND');
    expectValidationFailure(await t.api.get('/api/clubs/not-a-uuid'), 'clubId');
  });
});
