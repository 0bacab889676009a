import { randomUUID } from 'node:crypto';
import { createFactories, Factories, TestUser } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;
let administrator: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  administrator = await f.newUser({ role: 'administrator' });
});
afterAll(() => t?.close());

const names = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });
const clubBody = (cityId: string, en: string) => ({
  cityId,
  names: names(en),
  descriptions: { kk: 'Сипаттама', ru: 'Описание', en: 'A public description' },
  meetingPlace: 'City library, hall 2',
});

const changesOf = async (recordId: string) =>
  (await t.db.query(`SELECT actor_id, resource, club_id, session_id, details FROM sensitive_events WHERE kind = 'change' AND record_id = $1 ORDER BY id`, [recordId])).rows;

describe('cities (the administrator)', () => {
  it('adds a city and renames it, each change on the audit log; a stale save or a taken address is refused', async () => {
    const slug = `taraz-${randomUUID().slice(0, 8)}`;
    const created = await t.api
      .post('/api/cities')
      .set(administrator.auth)
      .send({ slug, name: names('Taraz'), regionCode: 'zhambyl', region: names('Zhambyl Region') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug, name: names('Taraz'), regionCode: 'zhambyl', clubCount: 0, version: 1 });

    const renamed = await t.api
      .put(`/api/cities/${created.body.id}`)
      .set(administrator.auth)
      .send({ slug, name: names('Taraz city'), regionCode: 'zhambyl', region: names('Zhambyl Region'), version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: names('Taraz city'), version: 2 });

    const stale = await t.api
      .put(`/api/cities/${created.body.id}`)
      .set(administrator.auth)
      .send({ slug, name: names('Lost update'), regionCode: 'zhambyl', region: names('Zhambyl Region'), version: 1 });
    expectError(stale, 409, 'CITY.STALE_VERSION');
    const other = await f.newCity();
    const taken = await t.api.post('/api/cities').set(administrator.auth).send({ slug: other.slug, name: names('Twin'), regionCode: 'region-x', region: names('X') });
    expectError(taken, 409, 'CITY.SLUG_TAKEN');

    const log = await changesOf(created.body.id);
    expect(log.map((row) => row.details.action)).toEqual(['city.created', 'city.updated']);
    expect(log[1]).toMatchObject({ actor_id: administrator.id, resource: 'city', details: { changes: { name: { from: names('Taraz'), to: names('Taraz city') } } } });
    expect(log[1].session_id).toBeTruthy();
  });

  it('refuses bad input and writes nothing', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM cities`)).rows[0].n;
    expectValidationFailure(await t.api.post('/api/cities').set(administrator.auth).send({ slug: 'Not A Slug', name: names('X'), regionCode: 'region-x', region: names('X') }), 'slug');
    expectValidationFailure(await t.api.post('/api/cities').set(administrator.auth).send({ slug: 'ok-slug', name: { en: 'Only English' }, regionCode: 'region-x', region: names('X') }), 'name.kk');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM cities`)).rows[0].n).toBe(before);
  });

  it('is the administrator’s alone: a coordinator or an official is refused', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const official = await f.newUser({ role: 'official', region: null });
    for (const caller of [coordinator, official]) {
      expectError(await t.api.post('/api/cities').set(caller.auth).send({ slug: 'nope', name: names('Nope'), regionCode: 'region-x', region: names('X') }), 403, 'FORBIDDEN');
    }
    expectError(await t.api.post('/api/cities').send({}), 401, 'UNAUTHENTICATED');
  });
});

describe('clubs (the administrator)', () => {
  it('opens a club with its names, public description and meeting place in three languages, then edits it', async () => {
    const city = await f.newCity();
    const created = await t.api.post('/api/clubs').set(administrator.auth).send(clubBody(city.id, 'Taraz Multi-Faith Club'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Taraz Multi-Faith Club',
      names: names('Taraz Multi-Faith Club'),
      descriptions: { ru: 'Описание' },
      meetingPlace: 'City library, hall 2',
      archived: false,
      version: 1,
      cityId: city.id,
      city: { regionCode: city.regionCode },
    });
    // Anyone reads it on the public list.
    expect((await t.api.get(`/api/clubs?cityId=${city.id}`)).body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);

    const edited = await t.api
      .put(`/api/clubs/${created.body.id}`)
      .set(administrator.auth)
      .send({ ...clubBody(city.id, 'Taraz Interfaith Club'), meetingPlace: 'House of Friendship', version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Taraz Interfaith Club', meetingPlace: 'House of Friendship', version: 2 });
    expectError(await t.api.put(`/api/clubs/${created.body.id}`).set(administrator.auth).send({ ...clubBody(city.id, 'Stale'), version: 1 }), 409, 'CLUB.STALE_VERSION');
    expectError(await t.api.post('/api/clubs').set(administrator.auth).send(clubBody(randomUUID(), 'Nowhere')), 404, 'NOT_FOUND');

    const log = await changesOf(created.body.id);
    expect(log.map((row) => [row.details.action, row.club_id])).toEqual([
      ['club.created', created.body.id],
      ['club.updated', created.body.id],
    ]);
    expect(log[1].details.changes).toEqual({
      names: { from: names('Taraz Multi-Faith Club'), to: names('Taraz Interfaith Club') },
      meetingPlace: { from: 'City library, hall 2', to: 'House of Friendship' },
    });
  });

  it('archives a club: its history stays readable, every write on it is refused until it is restored', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const community = await f.newCommunity();
    const applicant = await f.newUser({ role: 'representative', communityId: community.id });
    const observer = await f.newCommunity();
    const participation = await f.newParticipation({ clubId: club.id, communityId: observer.id, status: 'applied' });

    expectError(await t.api.post(`/api/clubs/${club.id}/archive`).set(coordinator.auth).send({ reason: 'Closing', version: 1 }), 403, 'FORBIDDEN');
    const archived = await t.api.post(`/api/clubs/${club.id}/archive`).set(administrator.auth).send({ reason: 'The club merged with another', version: 1 });
    expect(archived.status).toBe(204);

    // Reads stay as they were.
    const page = await t.api.get(`/api/clubs/${club.id}`).set(coordinator.auth);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ archived: true, version: 2 });
    expect((await t.api.get(`/api/participations/${participation.id}`).set(coordinator.auth)).status).toBe(200);

    // Writes on the club and its records are refused, whoever asks.
    expectError(
      await t.api.post(`/api/participations/${participation.id}/transitions`).set(coordinator.auth).send({ action: 'accept', reason: 'Welcome', version: participation.version }),
      409,
      'CLUB.ARCHIVED',
    );
    expectError(await t.api.post(`/api/clubs/${club.id}/applications`).set(applicant.auth).send({ communityId: community.id, statement: 'We would like to observe the club.' }), 409, 'CLUB.ARCHIVED');
    expectError(await t.api.put(`/api/clubs/${club.id}`).set(administrator.auth).send({ ...clubBody(page.body.cityId, 'Edited'), version: 2 }), 409, 'CLUB.ARCHIVED');
    expect((await t.db.query(`SELECT status FROM participations WHERE id = $1`, [participation.id])).rows[0].status).toBe('applied');

    const restored = await t.api.post(`/api/clubs/${club.id}/restore`).set(administrator.auth).send({ version: 2 });
    expect(restored.status).toBe(204);
    const accepted = await t.api
      .post(`/api/participations/${participation.id}/transitions`)
      .set(coordinator.auth)
      .send({ action: 'accept', reason: 'Welcome', version: participation.version });
    expect(accepted.status).toBe(200);
    expect((await changesOf(club.id)).map((row) => row.details)).toEqual([
      { action: 'club.archived', reason: 'The club merged with another' },
      { action: 'club.restored' },
    ]);
  });

  it('is the administrator’s alone to open, edit and archive', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const official = await f.newUser({ role: 'official', region: null });
    const [{ city_id: cityId }] = (await t.db.query(`SELECT city_id FROM clubs WHERE id = $1`, [club.id])).rows;
    for (const caller of [coordinator, official]) {
      expectError(await t.api.post('/api/clubs').set(caller.auth).send(clubBody(cityId, 'Not mine')), 403, 'FORBIDDEN');
      expectError(await t.api.put(`/api/clubs/${club.id}`).set(caller.auth).send({ ...clubBody(cityId, 'Not mine'), version: 1 }), 403, 'FORBIDDEN');
    }
    expectError(await t.api.post(`/api/clubs/${randomUUID()}/archive`).set(administrator.auth).send({ reason: 'x', version: 1 }), 404, 'NOT_FOUND');
  });
});
