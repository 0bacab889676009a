import { randomUUID } from 'node:crypto';
import { createFactories, Factories, TestCity, TestClub, TestCommunity, TestUser } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;

interface Candidacy {
  community: TestCommunity;
  representative: TestUser;
  participationId: string;
}

/** One region with a club whose candidacies differ in what officials may see, a second region, and every role. */
interface World {
  city: TestCity;
  club: TestClub;
  otherClub: TestClub;
  coordinator: TestUser;
  otherCoordinator: TestUser;
  official: TestUser;
  otherRegionOfficial: TestUser;
  nationalOfficial: TestUser;
  /** Not registered, consented: officials in scope see it by name. */
  consented: Candidacy;
  /** Registered, no consent needed. */
  registered: Candidacy;
  /** Not registered, no consent: aggregate only. */
  hidden: Candidacy;
  /** Registration pending, no consent: aggregate only. */
  pending: Candidacy;
  /** A consenting community that is only an observer. */
  observer: Candidacy;
  /** A consenting candidacy in the other region. */
  elsewhere: Candidacy;
  otherRepresentative: TestUser;
}

const TEXT = 'The community has not yet answered questions about its youth camp.';

async function candidacy(
  club: TestClub,
  options: { registrationStatus: 'registered' | 'not_registered' | 'registration_pending'; consent?: boolean },
  status: 'candidate' | 'observer' = 'candidate',
): Promise<Candidacy> {
  const community = await f.newCommunity({ registrationStatus: options.registrationStatus, consent: options.consent });
  const representative = await f.newUser({ role: 'representative', communityId: community.id });
  const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status });
  return { community, representative, participationId: id };
}

async function newWorld(): Promise<World> {
  const city = await f.newCity();
  const club = await f.newClub({ city });
  const otherClub = await f.newClub();
  const [coordinator, otherCoordinator, official, otherRegionOfficial, nationalOfficial] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'coordinator', clubId: otherClub.id }),
    f.newUser({ role: 'official', region: city.regionCode }),
    f.newUser({ role: 'official', region: otherClub.regionCode }),
    f.newUser({ role: 'official', region: null }),
  ]);
  const other = await candidacy(otherClub, { registrationStatus: 'not_registered' }, 'observer');
  return {
    city,
    club,
    otherClub,
    coordinator,
    otherCoordinator,
    official,
    otherRegionOfficial,
    nationalOfficial,
    consented: await candidacy(club, { registrationStatus: 'not_registered', consent: true }),
    registered: await candidacy(club, { registrationStatus: 'registered' }),
    hidden: await candidacy(club, { registrationStatus: 'not_registered' }),
    pending: await candidacy(club, { registrationStatus: 'registration_pending' }),
    observer: await candidacy(club, { registrationStatus: 'not_registered', consent: true }, 'observer'),
    elsewhere: await candidacy(otherClub, { registrationStatus: 'not_registered', consent: true }),
    otherRepresentative: other.representative,
  };
}

let w: World;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  w = await newWorld();
});
afterAll(() => t?.close());

const candidacies = (user?: TestUser) => {
  const request = t.api.get('/api/official/candidacies');
  return user ? request.set(user.auth) : request;
};
const listReviews = (participationId: string, user?: TestUser) => {
  const request = t.api.get(`/api/participations/${participationId}/reviews`);
  return user ? request.set(user.auth) : request;
};
const postReview = (participationId: string, body: object, user?: TestUser) => {
  const request = t.api.post(`/api/participations/${participationId}/reviews`).send(body);
  return user ? request.set(user.auth) : request;
};
const respond = (reviewId: string, body: object, user?: TestUser) => {
  const request = t.api.post(`/api/reviews/${reviewId}/responses`).send(body);
  return user ? request.set(user.auth) : request;
};
const resolve = (reviewId: string, body: object, user?: TestUser) => {
  const request = t.api.post(`/api/reviews/${reviewId}/resolution`).send(body);
  return user ? request.set(user.auth) : request;
};
const reviewCount = (participationId: string) =>
  countRows(t.db, `SELECT 1 FROM participation_reviews WHERE participation_id = $1`, [participationId]);
const officialReads = (reader: TestUser, communityId: string, resource: string) =>
  countRows(t.db, `SELECT 1 FROM sensitive_events WHERE kind = 'read' AND actor_id = $1 AND $2 = ANY(community_ids)
        AND ($3::text IS NULL OR $3 = ANY(string_to_array(resource, ',')))`, [
    reader.id,
    communityId,
    resource,
  ]);
const noOpenConcern = async (c: Candidacy) => {
  const response = await t.api.get(`/api/participations/${c.participationId}/progress`).set(c.representative.auth);
  expect(response.status).toBe(200);
  return response.body.milestones.find((m: { key: string }) => m.key === 'noOpenConcern');
};

/** Fresh candidacies for tests that change reviews, so the shared world stays as described. */
async function freshConsented(): Promise<Candidacy> {
  return candidacy(w.club, { registrationStatus: 'not_registered', consent: true });
}

describe('GET /official/candidacies', () => {
  it("shows an official its region's candidacies by name only where registered or consented, the rest counted per club", async () => {
    const response = await candidacies(w.official);
    expect(response.status).toBe(200);
    const ids = response.body.named.map((c: { participationId: string }) => c.participationId);
    expect(ids).toEqual(expect.arrayContaining([w.consented.participationId, w.registered.participationId]));
    for (const absent of [w.hidden, w.pending, w.observer, w.elsewhere]) expect(ids).not.toContain(absent.participationId);

    const consented = response.body.named.find((c: { participationId: string }) => c.participationId === w.consented.participationId);
    expect(consented).toEqual({
      participationId: w.consented.participationId,
      community: { id: w.consented.community.id, name: w.consented.community.name, tradition: 'evangelical_protestant', registrationStatus: 'not_registered' },
      club: { id: w.club.id, name: w.club.name, cityName: expect.objectContaining({ en: `City ${w.city.slug}` }) },
      nominatedAt: expect.any(String),
      myLatestVerdict: null,
      openConcerns: 0,
    });

    expect(response.body.aggregate).toEqual([
      { club: { id: w.club.id, name: w.club.name, cityName: expect.objectContaining({ en: `City ${w.city.slug}` }) }, count: { value: null, fewerThan: 5 } },
    ]);
  });

  it('never names or identifies a community that did not consent, anywhere in the answer', async () => {
    for (const official of [w.official, w.nationalOfficial]) {
      const text = JSON.stringify((await candidacies(official)).body);
      for (const hidden of [w.hidden, w.pending]) {
        expect(text).not.toContain(hidden.community.name);
        expect(text).not.toContain(hidden.community.id);
        expect(text).not.toContain(hidden.participationId);
      }
    }
  });

  it('shows a national official every region, and an official of another region none of this one', async () => {
    const national = await candidacies(w.nationalOfficial);
    const nationalIds = national.body.named.map((c: { participationId: string }) => c.participationId);
    expect(nationalIds).toEqual(expect.arrayContaining([w.consented.participationId, w.registered.participationId, w.elsewhere.participationId]));
    expect(national.body.aggregate).toContainEqual(expect.objectContaining({ club: expect.objectContaining({ id: w.club.id }), count: { value: null, fewerThan: 5 } }));

    const other = await candidacies(w.otherRegionOfficial);
    const otherIds = other.body.named.map((c: { participationId: string }) => c.participationId);
    expect(otherIds).toContain(w.elsewhere.participationId);
    expect(otherIds).not.toContain(w.consented.participationId);
    expect(other.body.aggregate.map((a: { club: { id: string } }) => a.club.id)).not.toContain(w.club.id);
  });

  it('logs one read per request of each non-registered community shown, none for registered or counted ones', async () => {
    const before = await officialReads(w.official, w.consented.community.id, 'official.candidacies');
    await candidacies(w.official);
    expect(await officialReads(w.official, w.consented.community.id, 'official.candidacies')).toBe(before + 1);
    expect(await officialReads(w.official, w.registered.community.id, 'official.candidacies')).toBe(0);
    expect(await officialReads(w.official, w.hidden.community.id, 'official.candidacies')).toBe(0);
  });

  /** A region of its own: its official sees exactly these candidacies. */
  async function region(names: string[], hiddenNames: string[] = []) {
    const club = await f.newClub();
    const official = await f.newUser({ role: 'official', region: club.regionCode });
    const ids: string[] = [];
    for (const [index, name] of names.entries()) {
      const community = await f.newCommunity({ registrationStatus: 'not_registered', consent: true, name });
      // Nominated a day apart, in the order given.
      ids.push((await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'candidate', since: new Date(Date.UTC(2026, 0, 1 + index)) })).id);
    }
    for (const name of hiddenNames) {
      const community = await f.newCommunity({ registrationStatus: 'not_registered', name });
      await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'candidate' });
    }
    return { club, official, ids };
  }
  const page = (official: TestUser, query: Record<string, string | number>) => t.api.get('/api/official/candidacies').query(query).set(official.auth);

  it('pages by the nomination order with `limit` and `after`, and counts the hidden ones on the first page only', async () => {
    const r = await region(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'], ['Foxtrot']);
    const seen: string[][] = [];
    let after: string | null = null;
    do {
      const response: { status: number; body: { named: Array<{ participationId: string }>; aggregate: unknown[]; nextAfter: string | null } } =
        await page(r.official, { limit: 2, ...(after ? { after } : {}) });
      expect(response.status).toBe(200);
      expect(response.body.aggregate).toHaveLength(seen.length === 0 ? 1 : 0);
      seen.push(response.body.named.map((c) => c.participationId));
      after = response.body.nextAfter;
    } while (after);
    expect(seen).toEqual([r.ids.slice(0, 2), r.ids.slice(2, 4), r.ids.slice(4)]);
    // Without a limit, fifty at most: these five in one page.
    expect((await page(r.official, {})).body).toMatchObject({ nextAfter: null, named: r.ids.map((participationId) => expect.objectContaining({ participationId })) });
  });

  it('orders by the latest nomination: a candidacy deferred and nominated again moves behind the others, across pages', async () => {
    const r = await region(['Kilo', 'Lima', 'Mike']);
    const coordinator = await f.newUser({ role: 'coordinator', clubId: r.club.id });
    const [kilo, lima, mike] = r.ids;
    const version = async (id: string) => (await t.db.query(`SELECT version FROM participations WHERE id = $1`, [id])).rows[0].version as number;
    const ids = (body: { named: Array<{ participationId: string }> }) => body.named.map((c) => c.participationId);
    const latestNomination = async (id: string) =>
      ((await t.db.query(`SELECT max(created_at) AS at FROM participation_events WHERE participation_id = $1 AND to_status = 'candidate'`, [id])).rows[0]
        .at as Date).toISOString();

    await t.api.post(`/api/participations/${kilo}/decisions`).set(coordinator.auth)
      .send({ outcome: 'defer', reasonCode: 'more_participation_needed', reasonText: 'Please attend the spring meetings first.', version: await version(kilo) })
      .expect(200);
    expect(ids((await page(r.official, {})).body)).toEqual([lima, mike]);
    await t.api.post(`/api/participations/${kilo}/transitions`).set(coordinator.auth).send({ action: 'nominate', version: await version(kilo) }).expect(200);

    const first = await page(r.official, { limit: 2 });
    expect(ids(first.body)).toEqual([lima, mike]);
    const second = await page(r.official, { limit: 2, after: first.body.nextAfter });
    expect(second.body).toMatchObject({ nextAfter: null, aggregate: [] });
    expect(second.body.named).toEqual([expect.objectContaining({ participationId: kilo, nominatedAt: await latestNomination(kilo) })]);
    expect(second.body.named[0].nominatedAt > first.body.named[1].nominatedAt).toBe(true);

    // The history rewritten (as a correction would): the latest nomination follows it.
    await t.db.query(`UPDATE participation_events SET created_at = '2025-12-31T00:00:00Z' WHERE participation_id = $1 AND to_status = 'candidate'`, [kilo]);
    const rewritten = await page(r.official, {});
    expect(ids(rewritten.body)).toEqual([kilo, lima, mike]);
    expect(rewritten.body.named[0].nominatedAt).toBe('2025-12-31T00:00:00.000Z');
  });

  it('counts per club the candidacies it may not name, public ones without consent included, as consents and decisions change them', async () => {
    const r = await region(['Oscar'], ['Papa', 'Quebec', 'Romeo', 'Sierra', 'Tango']);
    const publicOne = await f.newCommunity({ registrationStatus: 'not_registered', isPublic: true });
    const pendingOne = await f.newCommunity({ registrationStatus: 'registration_pending' });
    await Promise.all([publicOne, pendingOne].map((c) => f.newParticipation({ clubId: r.club.id, communityId: c.id, status: 'candidate' })));
    const coordinator = await f.newUser({ role: 'coordinator', clubId: r.club.id });
    const representative = await f.newUser({ role: 'representative', communityId: publicOne.id });
    const hiddenCount = async () => {
      const { body } = await page(r.official, {});
      expect(body.aggregate.map((a: { club: { id: string } }) => a.club.id)).toEqual([r.club.id]);
      return { named: body.named.length, count: body.aggregate[0].count };
    };
    expect(await hiddenCount()).toEqual({ named: 1, count: { value: 7, fewerThan: null } });

    const profile = await t.api.get(`/api/communities/${publicOne.id}`).set(representative.auth);
    await t.api.patch(`/api/communities/${publicOne.id}`).set(representative.auth).send({ version: profile.body.version, officialConsent: true }).expect(200);
    expect(await hiddenCount()).toEqual({ named: 2, count: { value: 6, fewerThan: null } });

    // An official who also represents one of them, or coordinates the club, reads those by name and counts them no more.
    const romeo = (await t.db.query(`SELECT id FROM communities WHERE id IN (SELECT community_id FROM participations WHERE club_id = $1) AND name = 'Romeo'`, [r.club.id])).rows[0].id;
    const [representing, coordinating] = [await f.newUser({ role: 'official', region: r.club.regionCode }), await f.newUser({ role: 'official', region: r.club.regionCode })];
    await t.db.query(`INSERT INTO role_assignments (user_id, role, community_id) VALUES ($1, 'representative', $2)`, [representing.id, romeo]);
    await t.db.query(`INSERT INTO role_assignments (user_id, role, club_id) VALUES ($1, 'coordinator', $2)`, [coordinating.id, r.club.id]);
    const asRepresentative = (await page(representing, {})).body;
    expect(asRepresentative.named.map((c: { community: { name: string } }) => c.community.name)).toContain('Romeo');
    expect(asRepresentative.aggregate).toEqual([expect.objectContaining({ count: { value: 5, fewerThan: null } })]);
    expect((await page(coordinating, {})).body).toMatchObject({ named: expect.arrayContaining([expect.anything()]), aggregate: [] });
    expect((await page(coordinating, {})).body.named).toHaveLength(8);

    const hidden = (await t.db.query(`SELECT p.id, p.version FROM participations p JOIN communities c ON c.id = p.community_id
                                       WHERE p.club_id = $1 AND c.name IN ('Papa', 'Quebec') ORDER BY c.name`, [r.club.id])).rows;
    for (const { id, version } of hidden) {
      await t.api.post(`/api/participations/${id}/decisions`).set(coordinator.auth)
        .send({ outcome: 'decline', reasonCode: 'club_charter', reasonText: 'The club charter asks for a public meeting place.', version })
        .expect(200);
    }
    expect(await hiddenCount()).toEqual({ named: 2, count: { value: null, fewerThan: 5 } });

    // The counters the list reads agree with a count of the rows.
    const counters = await t.db.query(`SELECT status, official_class, n FROM club_official_counts WHERE club_id = $1 AND n > 0 ORDER BY 1, 2`, [r.club.id]);
    const recount = await t.db.query(
      `SELECT p.status, community_official_class(c.registration_status, c.official_consent_at) AS official_class, count(*)::int AS n
         FROM participations p JOIN communities c ON c.id = p.community_id WHERE p.club_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [r.club.id]);
    expect(counters.rows).toEqual(recount.rows);
    expect(counters.rows).toContainEqual({ status: 'candidate', official_class: 'hidden', n: 4 });
  });

  it('searches the names the official may see, in any case, never the hidden ones', async () => {
    const r = await region(['Grace Chapel', 'Light of Grace', 'Shalom 100%'], ['Grace Hidden']);
    const found = async (search: string) => (await page(r.official, { search })).body.named.map((c: { community: { name: string } }) => c.community.name);
    expect(await found('GRACE')).toEqual(['Grace Chapel', 'Light of Grace']);
    expect(await found('hidden')).toEqual([]);
    expect(await found('0%')).toEqual(['Shalom 100%']);
    expect(await found('_')).toEqual([]);
    expect((await page(r.official, { search: 'grace' })).body.aggregate).toEqual([]);
  });

  it('rejects a malformed page or search with 400', async () => {
    expectValidationFailure(await page(w.official, { limit: 0 }), 'limit');
    expectValidationFailure(await page(w.official, { limit: 101 }), 'limit');
    expectValidationFailure(await page(w.official, { after: 'yesterday' }), 'after');
    expectValidationFailure(await page(w.official, { search: '' }), 'search');
    expectValidationFailure(await page(w.official, { sort: 'name' }), 'sort');
  });

  it('refuses everyone who is not an official', async () => {
    for (const user of [w.coordinator, w.consented.representative]) expectError(await candidacies(user), 403, 'FORBIDDEN');
    expectError(await candidacies(), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /participations/{id}/reviews', () => {
  it("answers the club's coordinators, the community and officials who may see the candidacy; 404 to everyone else", async () => {
    const c = await freshConsented();
    const created = await postReview(c.participationId, { verdict: 'no_objection', text: TEXT }, w.official);
    expect(created.status).toBe(201);

    for (const user of [w.coordinator, c.representative, w.official, w.nationalOfficial]) {
      const response = await listReviews(c.participationId, user);
      expect(response.status).toBe(200);
      expect(response.body.reviews).toEqual([expect.objectContaining({ id: created.body.id, verdict: 'no_objection', officialName: w.official.displayName })]);
    }
    for (const user of [w.otherRegionOfficial, w.otherCoordinator, w.otherRepresentative]) {
      expectError(await listReviews(c.participationId, user), 404, 'NOT_FOUND');
    }
    expectError(await listReviews(c.participationId), 401, 'UNAUTHENTICATED');
  });

  it('says what the caller may do: an official may review a candidacy and resolve, the coordinator and community respond', async () => {
    expect((await listReviews(w.consented.participationId, w.official)).body).toMatchObject({ mayReview: true, mayResolve: true, mayRespond: false });
    expect((await listReviews(w.consented.participationId, w.coordinator)).body).toMatchObject({ mayReview: false, mayResolve: false, mayRespond: true });
    expect((await listReviews(w.consented.participationId, w.consented.representative)).body).toMatchObject({ mayReview: false, mayRespond: true });
    expect((await listReviews(w.observer.participationId, w.official)).body).toMatchObject({ status: 'observer', mayReview: false, mayResolve: true });
  });

  it('hides a candidacy without consent from every official, even national', async () => {
    for (const c of [w.hidden, w.pending]) {
      for (const official of [w.official, w.nationalOfficial]) expectError(await listReviews(c.participationId, official), 404, 'NOT_FOUND');
      expect((await listReviews(c.participationId, w.coordinator)).status).toBe(200);
      expect((await listReviews(c.participationId, c.representative)).status).toBe(200);
    }
  });

  it("logs an official's read of a non-registered community's reviews, not a coordinator's or a registered one's", async () => {
    await listReviews(w.consented.participationId, w.nationalOfficial);
    expect(await officialReads(w.nationalOfficial, w.consented.community.id, 'participation.reviews')).toBe(1);
    await listReviews(w.registered.participationId, w.nationalOfficial);
    expect(await officialReads(w.nationalOfficial, w.registered.community.id, 'participation.reviews')).toBe(0);
    await listReviews(w.consented.participationId, w.coordinator);
    expect(await countRows(t.db, `SELECT 1 FROM sensitive_events WHERE kind = 'read' AND actor_id = $1`, [w.coordinator.id])).toBe(0);
  });

  it('answers 400 to a malformed id and 404 to an unknown one', async () => {
    expectValidationFailure(await listReviews('not-a-uuid', w.official), 'id');
    expectError(await listReviews(randomUUID(), w.official), 404, 'NOT_FOUND');
  });
});

describe('POST /participations/{id}/reviews', () => {
  it('records an official verdict on a consenting candidacy and on a registered one', async () => {
    const c = await freshConsented();
    const response = await postReview(c.participationId, { verdict: 'concern', text: `  ${TEXT}  ` }, w.official);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      participationId: c.participationId,
      verdict: 'concern',
      text: TEXT,
      officialName: w.official.displayName,
      createdAt: expect.any(String),
      open: true,
      resolvedAt: null,
      resolvedByName: null,
      resolution: null,
      responses: [],
    });
    const registered = await candidacy(w.club, { registrationStatus: 'registered' });
    expect((await postReview(registered.participationId, { verdict: 'no_objection', text: TEXT }, w.nationalOfficial)).status).toBe(201);

    const listed = (await candidacies(w.official)).body.named.find((n: { participationId: string }) => n.participationId === c.participationId);
    expect(listed).toMatchObject({ myLatestVerdict: 'concern', openConcerns: 1 });
    const byNational = (await candidacies(w.nationalOfficial)).body.named.find((n: { participationId: string }) => n.participationId === c.participationId);
    expect(byNational).toMatchObject({ myLatestVerdict: null, openConcerns: 1 });
  });

  it('answers 404 to an official without consent or scope and stores nothing', async () => {
    for (const [c, official] of [
      [w.hidden, w.official],
      [w.pending, w.nationalOfficial],
      [w.consented, w.otherRegionOfficial],
    ] as const) {
      const before = await reviewCount(c.participationId);
      expectError(await postReview(c.participationId, { verdict: 'no_objection', text: TEXT }, official), 404, 'NOT_FOUND');
      expect(await reviewCount(c.participationId)).toBe(before);
    }
  });

  it('refuses the coordinator and the community (403), strangers (404) and anonymous callers (401)', async () => {
    const before = await reviewCount(w.consented.participationId);
    for (const user of [w.coordinator, w.consented.representative]) {
      expectError(await postReview(w.consented.participationId, { verdict: 'no_objection', text: TEXT }, user), 403, 'FORBIDDEN');
    }
    for (const user of [w.otherCoordinator, w.otherRepresentative]) {
      expectError(await postReview(w.consented.participationId, { verdict: 'no_objection', text: TEXT }, user), 404, 'NOT_FOUND');
    }
    expectError(await postReview(w.consented.participationId, { verdict: 'no_objection', text: TEXT }), 401, 'UNAUTHENTICATED');
    expect(await reviewCount(w.consented.participationId)).toBe(before);
  });

  it('reviews candidacies only', async () => {
    expectError(await postReview(w.observer.participationId, { verdict: 'concern', text: TEXT }, w.official), 409, 'REVIEW.NOT_A_CANDIDACY');
    expect(await reviewCount(w.observer.participationId)).toBe(0);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const c = await freshConsented();
    expectValidationFailure(await postReview(c.participationId, { verdict: 'concern', text: TEXT, severity: 'high' }, w.official), 'severity');
    expectValidationFailure(await postReview(c.participationId, { verdict: 'concern', text: '   too short   ' }, w.official), 'text');
    expectValidationFailure(await postReview(c.participationId, { verdict: 'concern', text: 'x'.repeat(2001) }, w.official), 'text');
    expectValidationFailure(await postReview(c.participationId, { verdict: 'objection', text: TEXT }, w.official), 'verdict');
    expectValidationFailure(await postReview(c.participationId, {}, w.official), 'verdict', 'text');
    expectValidationFailure(await postReview('not-a-uuid', { verdict: 'concern', text: TEXT }, w.official), 'id');
    expect(await reviewCount(c.participationId)).toBe(0);
  });
});

describe('a concern, its answers and its resolution', () => {
  it('blocks the "no open concern" milestone until an official resolves it, with answers from both parties in between', async () => {
    const c = await freshConsented();
    expect(await noOpenConcern(c)).toMatchObject({ met: true, figure: { current: 0 } });

    const concern = (await postReview(c.participationId, { verdict: 'concern', text: TEXT }, w.official)).body;
    const unmet = await noOpenConcern(c);
    expect(unmet).toMatchObject({ met: false, figure: { current: 1, required: 0 } });
    expect(unmet.evidence).toEqual([expect.objectContaining({ kind: 'concern', id: concern.id })]);

    const byCommunity = await respond(concern.id, { text: 'The camp is run by our parents; the programme is attached.' }, c.representative);
    expect(byCommunity.status).toBe(201);
    expect(byCommunity.body).toMatchObject({ authorRole: 'community', authorName: c.representative.displayName });
    const byCoordinator = await respond(concern.id, { text: 'I visited the camp in June and saw nothing wrong.' }, w.coordinator);
    expect(byCoordinator.body).toMatchObject({ authorRole: 'coordinator', authorName: w.coordinator.displayName });
    const { rows } = await t.db.query(`SELECT author_role, author_id FROM review_responses WHERE review_id = $1 ORDER BY created_at`, [concern.id]);
    expect(rows).toEqual([
      { author_role: 'community', author_id: c.representative.id },
      { author_role: 'coordinator', author_id: w.coordinator.id },
    ]);

    const resolved = await resolve(concern.id, { text: 'The programme answers the question; thank you.' }, w.nationalOfficial);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ open: false, resolvedByName: w.nationalOfficial.displayName, resolution: 'The programme answers the question; thank you.' });
    expect(resolved.body.responses.map((r: { authorRole: string }) => r.authorRole)).toEqual(['community', 'coordinator']);
    expect(await noOpenConcern(c)).toMatchObject({ met: true, figure: { current: 0 } });
  });

  it('tells the club and the community about a review and its resolution, and the official and the other party about an answer', async () => {
    const c = await freshConsented();
    const otherCoordinator = await f.newUser({ role: 'coordinator', clubId: w.club.id });
    const inbox = async (user: TestUser, kind: string) =>
      (await t.db.query(`SELECT params FROM notifications WHERE user_id = $1 AND kind = $2 AND params->>'participationId' = $3`, [
        user.id,
        kind,
        c.participationId,
      ])).rows;

    const concern = (await postReview(c.participationId, { verdict: 'concern', text: TEXT }, w.official)).body;
    for (const user of [w.coordinator, otherCoordinator, c.representative]) {
      expect(await inbox(user, 'review_recorded')).toEqual([{ params: expect.objectContaining({ verdict: 'concern' }) }]);
    }
    expect(await inbox(w.official, 'review_recorded')).toEqual([]);

    await respond(concern.id, { text: 'The camp is run by our parents.' }, c.representative);
    expect(await inbox(w.official, 'review_response')).toHaveLength(1);
    expect(await inbox(w.coordinator, 'review_response')).toHaveLength(1);
    expect(await inbox(c.representative, 'review_response')).toEqual([]);
    expect(await inbox(w.nationalOfficial, 'review_response')).toEqual([]); // not the official who wrote it

    await resolve(concern.id, { text: 'The programme answers the question.' }, w.nationalOfficial);
    for (const user of [w.coordinator, c.representative]) expect(await inbox(user, 'concern_resolved')).toHaveLength(1);
  });

  it("shows officials the community's name in place of the person who answered (a non-registered community's representatives stay private)", async () => {
    const c = await freshConsented();
    const concern = (await postReview(c.participationId, { verdict: 'concern', text: TEXT }, w.official)).body;
    await respond(concern.id, { text: 'Our answer, written by our elder.' }, c.representative);
    await respond(concern.id, { text: 'The coordinator adds some context.' }, w.coordinator);

    const [asOfficial] = (await listReviews(c.participationId, w.official)).body.reviews;
    expect(asOfficial.responses.map((r: { authorName: string | null }) => r.authorName)).toEqual([c.community.name, w.coordinator.displayName]);
    expect(JSON.stringify(asOfficial)).not.toContain(c.representative.displayName);
    const [asCoordinator] = (await listReviews(c.participationId, w.coordinator)).body.reviews;
    expect(asCoordinator.responses.map((r: { authorName: string | null }) => r.authorName)).toEqual([c.representative.displayName, w.coordinator.displayName]);
  });

  it('lets only the coordinator and the community answer, and only officials who may see the candidacy resolve', async () => {
    const c = await freshConsented();
    const concern = (await postReview(c.participationId, { verdict: 'concern', text: TEXT }, w.official)).body;
    const answer = { text: 'An answer of more than ten characters.' };
    expectError(await respond(concern.id, answer, w.official), 403, 'FORBIDDEN');
    for (const user of [w.otherCoordinator, w.otherRepresentative, w.otherRegionOfficial]) expectError(await respond(concern.id, answer, user), 404, 'NOT_FOUND');
    expectError(await respond(concern.id, answer), 401, 'UNAUTHENTICATED');
    expect(await countRows(t.db, `SELECT 1 FROM review_responses WHERE review_id = $1`, [concern.id])).toBe(0);

    const resolution = { text: 'Resolved after a conversation.' };
    for (const user of [w.coordinator, c.representative]) expectError(await resolve(concern.id, resolution, user), 403, 'FORBIDDEN');
    for (const user of [w.otherRegionOfficial, w.otherCoordinator, w.otherRepresentative]) expectError(await resolve(concern.id, resolution, user), 404, 'NOT_FOUND');
    expectError(await resolve(concern.id, resolution), 401, 'UNAUTHENTICATED');
    expect(await countRows(t.db, `SELECT 1 FROM participation_reviews WHERE id = $1 AND resolved_at IS NULL`, [concern.id])).toBe(1);
  });

  it('lets the official who raised a concern lift it after the community revoked its consent, and no other official', async () => {
    const c = await freshConsented();
    const concern = (await postReview(c.participationId, { verdict: 'concern', text: TEXT }, w.official)).body;
    await t.db.query(`UPDATE communities SET official_consent_at = NULL WHERE id = $1`, [c.community.id]);
    expectError(await listReviews(c.participationId, w.official), 404, 'NOT_FOUND');
    expectError(await resolve(concern.id, { text: 'Withdrawn after our conversation.' }, w.nationalOfficial), 404, 'NOT_FOUND');

    const lifted = await resolve(concern.id, { text: 'Withdrawn after our conversation.' }, w.official);

    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ open: false, resolvedByName: w.official.displayName });
    expect(await noOpenConcern(c)).toMatchObject({ met: true, figure: { current: 0 } });
  });

  it('resolves a concern once, and never a "no objection"', async () => {
    const c = await freshConsented();
    const concern = (await postReview(c.participationId, { verdict: 'concern', text: TEXT }, w.official)).body;
    const fine = (await postReview(c.participationId, { verdict: 'no_objection', text: TEXT }, w.official)).body;
    expect((await resolve(concern.id, { text: 'Answered in the meeting.' }, w.official)).status).toBe(200);
    expectError(await resolve(concern.id, { text: 'Answered in the meeting.' }, w.official), 409, 'REVIEW.ALREADY_RESOLVED');
    expectError(await resolve(fine.id, { text: 'Nothing to resolve here.' }, w.official), 409, 'REVIEW.ALREADY_RESOLVED');
  });

  it('refuses bad answers and resolutions with 400 and stores nothing', async () => {
    const c = await freshConsented();
    const concern = (await postReview(c.participationId, { verdict: 'concern', text: TEXT }, w.official)).body;
    expectValidationFailure(await respond(concern.id, { text: '  short  ' }, c.representative), 'text');
    expectValidationFailure(await respond(concern.id, { text: TEXT, authorRole: 'coordinator' }, c.representative), 'authorRole');
    expectValidationFailure(await respond('nope', { text: TEXT }, c.representative), 'id');
    expectValidationFailure(await resolve(concern.id, { text: 'ok' }, w.official), 'text');
    expectValidationFailure(await resolve(concern.id, { text: TEXT, resolvedAt: '2020-01-01' }, w.official), 'resolvedAt');
    expectValidationFailure(await resolve('nope', { text: TEXT }, w.official), 'id');
    expect(await countRows(t.db, `SELECT 1 FROM review_responses WHERE review_id = $1`, [concern.id])).toBe(0);
    expect(await countRows(t.db, `SELECT 1 FROM participation_reviews WHERE id = $1 AND resolved_at IS NULL`, [concern.id])).toBe(1);
    expectError(await respond(randomUUID(), { text: TEXT }, c.representative), 404, 'NOT_FOUND');
    expectError(await resolve(randomUUID(), { text: TEXT }, w.official), 404, 'NOT_FOUND');
  });

  it('of two officials resolving the same concern at once, exactly one succeeds and the other gets 409', async () => {
    const c = await freshConsented();
    const concern = (await postReview(c.participationId, { verdict: 'concern', text: TEXT }, w.official)).body;
    const responses = await Promise.all([
      resolve(concern.id, { text: 'Resolved by the regional office.' }, w.official),
      resolve(concern.id, { text: 'Resolved by the national office.' }, w.nationalOfficial),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.status === 409)?.body.code).toBe('REVIEW.ALREADY_RESOLVED');
    const { rows } = await t.db.query(`SELECT resolution, resolved_by_id FROM participation_reviews WHERE id = $1`, [concern.id]);
    const winner = responses.find((r) => r.status === 200)!;
    expect(rows[0].resolution).toBe(winner.body.resolution);
  });
});
