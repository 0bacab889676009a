import { randomUUID } from 'node:crypto';
import { createFactories, Factories, TestUser, unique } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;
let admin: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  const club = await f.newClub();
  [admin, coordinator] = await Promise.all([f.newUser({ role: 'administrator' }), f.newUser({ role: 'coordinator', clubId: club.id })]);
});
afterAll(() => t?.close());

const name = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });
const topicCount = (code: string) => countRows(t.db, `SELECT 1 FROM topics WHERE code = $1`, [code]);

describe('topics', () => {
  it('lists the current topics to anyone, translated', async () => {
    const response = await t.api.get('/api/topics');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(
      expect.arrayContaining([
        { id: expect.any(String), code: 'domestic_violence', name: { kk: 'Тұрмыстық зорлық-зомбылық', ru: 'Бытовое насилие', en: 'Domestic violence' }, archived: false, version: expect.any(Number) },
      ]),
    );
    expect(response.body.every((topic: { archived: boolean }) => !topic.archived)).toBe(true);
  });

  it('an administrator adds a topic (names trimmed), and a taken code is refused with 409', async () => {
    const code = unique('road_safety_');
    const response = await t.api.post('/api/topics').set(admin.auth).send({ code, name: { ...name('Road safety'), en: '  Road safety  ' } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), code, name: name('Road safety'), archived: false, version: 1 });

    expectError(await t.api.post('/api/topics').set(admin.auth).send({ code, name: name('Again') }), 409, 'CONFLICT');
    expect(await topicCount(code)).toBe(1);
  });

  it.each([
    ['a code that is not snake_case', { code: 'Road-Safety', name: name('x') }, ['code']],
    ['a missing name', { code: 'road_safety_x' }, ['name']],
    ['a blank translation', { code: 'road_safety_y', name: { kk: 'x', ru: '  ', en: 'x' } }, ['name.ru']],
    ['an unknown field', { code: 'road_safety_z', name: name('x'), colour: 'red' }, ['colour']],
  ])('refuses %s with 400 and writes nothing', async (_case, body, fields) => {
    expectValidationFailure(await t.api.post('/api/topics').set(admin.auth).send(body), ...fields);
    expect(await topicCount((body as { code: string }).code)).toBe(0);
  });

  it('is managed by administrators only (403 for a coordinator, 401 anonymous), and nothing is written', async () => {
    const code = unique('forbidden_');
    expectError(await t.api.post('/api/topics').set(coordinator.auth).send({ code, name: name('x') }), 403, 'FORBIDDEN');
    expectError(await t.api.post('/api/topics').send({ code, name: name('x') }), 401, 'UNAUTHENTICATED');
    expect(await topicCount(code)).toBe(0);
    const { body: [topic] } = await t.api.get('/api/topics');
    expectError(await t.api.patch(`/api/topics/${topic.id}`).set(coordinator.auth).send({ archived: true, version: topic.version }), 403, 'FORBIDDEN');
    expect((await t.db.query(`SELECT archived FROM topics WHERE id = $1`, [topic.id])).rows[0].archived).toBe(false);
  });

  it('archives and renames a topic: archived topics leave the public list but administrators still see them', async () => {
    const created = await t.api.post('/api/topics').set(admin.auth).send({ code: unique('archivable_'), name: name('Archivable') });
    const id = created.body.id;

    const renamed = await t.api.patch(`/api/topics/${id}`).set(admin.auth).send({ name: name('Renamed'), version: 1 });
    expect(renamed.body).toMatchObject({ id, name: name('Renamed'), archived: false, version: 2 });
    const archived = await t.api.patch(`/api/topics/${id}`).set(admin.auth).send({ archived: true, version: 2 });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id, name: name('Renamed'), archived: true });

    expect((await t.api.get('/api/topics')).body.map((topic: { id: string }) => topic.id)).not.toContain(id);
    const all = await t.api.get('/api/topics').query({ includeArchived: 'true' }).set(admin.auth);
    expect(all.body).toContainEqual(expect.objectContaining({ id, archived: true }));
    expectError(await t.api.get('/api/topics').query({ includeArchived: 'true' }).set(coordinator.auth), 403, 'FORBIDDEN');
    expectError(await t.api.get('/api/topics').query({ includeArchived: 'true' }), 401, 'UNAUTHENTICATED');
  });

  it('validates updates and ids', async () => {
    const { body: [topic] } = await t.api.get('/api/topics');
    const version = topic.version;
    expectValidationFailure(await t.api.patch(`/api/topics/${topic.id}`).set(admin.auth).send({ archived: 'yes', version }), 'archived');
    expectValidationFailure(await t.api.patch(`/api/topics/${topic.id}`).set(admin.auth).send({ name: null, version }), 'name');
    expectValidationFailure(await t.api.patch(`/api/topics/${topic.id}`).set(admin.auth).send({ code: 'renamed', version }), 'code');
    expectValidationFailure(await t.api.patch(`/api/topics/${topic.id}`).set(admin.auth).send({ archived: false }), 'version');
    expectValidationFailure(await t.api.patch('/api/topics/not-a-uuid').set(admin.auth).send({ archived: true, version }), 'id');
    expectValidationFailure(await t.api.get('/api/topics').query({ includeArchived: 'maybe' }), 'includeArchived');
    expectError(await t.api.patch(`/api/topics/${randomUUID()}`).set(admin.auth).send({ archived: true, version }), 404, 'NOT_FOUND');
  });

  it('refuses a stale save (409 TOPIC.STALE_VERSION): of two administrators editing the same topic, the second is told, not overwritten', async () => {
    const created = await t.api.post('/api/topics').set(admin.auth).send({ code: unique('contested_'), name: name('Contested') });
    const first = await t.api.patch(`/api/topics/${created.body.id}`).set(admin.auth).send({ name: name('First'), version: 1 });
    expect(first.status).toBe(200);
    expectError(await t.api.patch(`/api/topics/${created.body.id}`).set(admin.auth).send({ name: name('Second'), version: 1 }), 409, 'TOPIC.STALE_VERSION');
    const { rows } = await t.db.query(`SELECT name->>'en' AS en, version FROM topics WHERE id = $1`, [created.body.id]);
    expect(rows).toEqual([{ en: 'First', version: 2 }]);
  });
});

describe('holidays', () => {
  const holidayCount = (code: string) => countRows(t.db, `SELECT 1 FROM holidays WHERE code = $1`, [code]);

  it('lists the seeded holidays of a year to anyone, national ones with tradition null', async () => {
    const response = await t.api.get('/api/holidays').query({ year: 2026 });
    expect(response.status).toBe(200);
    expect(response.body).toContainEqual({
      id: expect.any(String),
      version: expect.any(Number),
      code: 'oraza_ait',
      tradition: 'sunni_islam',
      date: '2026-03-20',
      days: 1,
      name: { en: 'Oraza Ait (Eid al-Fitr)', ru: 'Ораза айт', kk: 'Ораза айт' },
    });
    expect(response.body).toContainEqual(expect.objectContaining({ code: 'nauryz', tradition: null, date: '2026-03-21', days: 3 }));
    expect(response.body.every((h: { date: string }) => h.date.startsWith('2026'))).toBe(true);
    expect((await t.api.get('/api/holidays').query({ year: 2027 })).body).toContainEqual(expect.objectContaining({ code: 'oraza_ait', date: '2027-03-10' }));
  });

  it.each([['abc'], ['1999'], ['2026.5']])('refuses year=%s with 400', async (year) => {
    expectValidationFailure(await t.api.get('/api/holidays').query({ year }), 'year');
  });

  it('an administrator adds, corrects and deletes a holiday', async () => {
    const code = unique('day_of_gratitude_');
    const created = await t.api.post('/api/holidays').set(admin.auth).send({ code, date: '2027-03-01', name: name('Day of Gratitude') });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), code, tradition: null, date: '2027-03-01', days: 1, name: name('Day of Gratitude'), version: 1 });
    const id = created.body.id;

    const moved = await t.api.patch(`/api/holidays/${id}`).set(admin.auth).send({ date: '2027-03-02', days: 2, tradition: 'buddhism', version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id, code, tradition: 'buddhism', date: '2027-03-02', days: 2, version: 2 });
    // A save from a page read before the move is refused, not applied over it.
    expectError(await t.api.patch(`/api/holidays/${id}`).set(admin.auth).send({ days: 5, version: 1 }), 409, 'HOLIDAY.STALE_VERSION');
    const national = await t.api.patch(`/api/holidays/${id}`).set(admin.auth).send({ tradition: null, version: 2 });
    expect(national.body).toMatchObject({ tradition: null, date: '2027-03-02', days: 2 });

    const removed = await t.api.delete(`/api/holidays/${id}`).set(admin.auth);
    expect(removed.status).toBe(204);
    expect(await countRows(t.db, `SELECT 1 FROM holidays WHERE id = $1`, [id])).toBe(0);
    expectError(await t.api.delete(`/api/holidays/${id}`).set(admin.auth), 404, 'NOT_FOUND');
    expectError(await t.api.patch(`/api/holidays/${id}`).set(admin.auth).send({ days: 1, version: 3 }), 404, 'NOT_FOUND');
  });

  it('refuses the same holiday twice on a date for a tradition (409)', async () => {
    const code = unique('feast_');
    const body = { code, tradition: 'judaism', date: '2027-04-22', days: 8, name: name('Feast') };
    expect((await t.api.post('/api/holidays').set(admin.auth).send(body)).status).toBe(201);
    expectError(await t.api.post('/api/holidays').set(admin.auth).send(body), 409, 'CONFLICT');
    expect(await holidayCount(code)).toBe(1);
    const national = { ...body, code: unique('national_'), tradition: null };
    expect((await t.api.post('/api/holidays').set(admin.auth).send(national)).status).toBe(201);
    expectError(await t.api.post('/api/holidays').set(admin.auth).send(national), 409, 'CONFLICT');
    expect(await holidayCount(national.code)).toBe(1);
  });

  it('refuses to move a holiday onto the same national holiday (409) and keeps it as it was', async () => {
    const code = unique('national_');
    const national = { code, tradition: null, date: '2027-03-21', days: 3, name: name('Spring') };
    expect((await t.api.post('/api/holidays').set(admin.auth).send(national)).status).toBe(201);
    const other = await t.api.post('/api/holidays').set(admin.auth).send({ ...national, date: '2027-03-22' });

    expectError(await t.api.patch(`/api/holidays/${other.body.id}`).set(admin.auth).send({ date: '2027-03-21', version: 1 }), 409, 'CONFLICT');
    const { rows } = await t.db.query(`SELECT date::text AS date FROM holidays WHERE id = $1`, [other.body.id]);
    expect(rows).toEqual([{ date: '2027-03-22' }]);
  });

  it.each([
    ['an impossible date', { date: '2027-02-30' }, ['date']],
    ['a date with time', { date: '2027-02-01T00:00:00Z' }, ['date']],
    ['an unknown tradition', { tradition: 'pastafarian' }, ['tradition']],
    ['zero days', { days: 0 }, ['days']],
    ['a code with spaces', { code: 'new year' }, ['code']],
    ['a name missing a language', { name: { kk: 'x', en: 'x' } }, ['name.ru']],
  ])('refuses %s with 400 and writes nothing', async (_case, overrides, fields) => {
    const code = unique('invalid_');
    const response = await t.api.post('/api/holidays').set(admin.auth).send({ code, date: '2027-05-05', name: name('x'), ...overrides });
    expectValidationFailure(response, ...fields);
    expect(await holidayCount(code)).toBe(0);
  });

  it('is managed by administrators only', async () => {
    const code = unique('not_allowed_');
    expectError(await t.api.post('/api/holidays').set(coordinator.auth).send({ code, date: '2027-05-05', name: name('x') }), 403, 'FORBIDDEN');
    expectError(await t.api.post('/api/holidays').send({ code, date: '2027-05-05', name: name('x') }), 401, 'UNAUTHENTICATED');
    expect(await holidayCount(code)).toBe(0);
    const { body: [holiday] } = await t.api.get('/api/holidays').query({ year: 2026 });
    expectError(await t.api.patch(`/api/holidays/${holiday.id}`).set(coordinator.auth).send({ days: 5, version: holiday.version }), 403, 'FORBIDDEN');
    expectError(await t.api.delete(`/api/holidays/${holiday.id}`).set(coordinator.auth), 403, 'FORBIDDEN');
    expectValidationFailure(await t.api.delete('/api/holidays/42').set(admin.auth), 'id');
    expect(await countRows(t.db, `SELECT 1 FROM holidays WHERE id = $1 AND days = $2`, [holiday.id, holiday.days])).toBe(1);
  });
});
