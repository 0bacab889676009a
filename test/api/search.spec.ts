import { searchKey } from '@dastarkhan/domain';
import { createFactories, Factories, TestUser, unique } from './support/factories';
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

/** A word no other test's rows hold (Latin letters and digits only: it folds to itself in every script). */
const tag = () => unique('w').replace(/[^a-z0-9]/g, '');

const searchCommunities = (user: TestUser | null, query: Record<string, string | number | boolean>) => {
  const request = t.api.get('/api/communities').query(query);
  return user ? request.set(user.auth) : request;
};
const namesFound = async (user: TestUser, query: Record<string, string | number | boolean>) => {
  const response = await searchCommunities(user, query);
  expect(response.status).toBe(200);
  return response.body.items.map((c: { name: string }) => c.name);
};

describe('the folding of names (search_key)', () => {
  it('is the same in SQL as in libs/domain', async () => {
    const sample = [
      'Алматы', 'АЛМАТЫ', 'Almaty', 'Қазақстан', 'Qazaqstan', 'Шымкент', 'Жамбыл', 'Өскемен', 'Ұлы дала', 'Үміт', 'Әулие-Ата',
      'Ғалым', 'Қоңыр', 'Һижра', 'Іле', 'Церковь Христа', 'Объединение «Ёлка»', 'Schüler Çiçek', 'İstanbul', 'Łódź 100%_x',
    ];
    const { rows } = await t.db.query<{ key: string }>(`SELECT search_key(v) AS key FROM unnest($1::text[]) WITH ORDINALITY AS s(v, n) ORDER BY n`, [sample]);
    expect(rows.map((r) => r.key)).toEqual(sample.map(searchKey));
  });
});

describe('searching communities (GET /api/communities)', () => {
  it('finds a name typed in Cyrillic or Latin, with the Kazakh letters, in any case', async () => {
    const word = tag();
    const community = await f.newCommunity({ registered: true, name: `Орталық мешіт Алматы ${word}` });
    const reader = await f.newUser();
    for (const search of [`almaty ${word}`, `АЛМАТЫ ${word}`, `Almaty ${word}`, `ortalyq ${word}`, `Ortalyk mesh ${word}`, `${word} мешіт`]) {
      expect({ search, found: await namesFound(reader, { search }) }).toEqual({ search, found: [community.name] });
    }
    expect(await namesFound(reader, { search: `astana ${word}` })).toEqual([]);
  });

  it("never matches a protected community's name for a reader who may not see it; its coordinator, fellow participants and the administrator find it", async () => {
    const word = tag();
    const club = await f.newClub();
    const otherClub = await f.newClub();
    const hidden = await f.newCommunity({ name: `Тихая община Берёзка ${word}` });
    const consenting = await f.newCommunity({ name: `Тихая община согласная ${word}`, consent: true });
    const open = await f.newCommunity({ name: `Тихая община открытая ${word}`, isPublic: true });
    const fellow = await f.newCommunity({ registered: true, name: `Fellow ${word}` });
    for (const community of [hidden, consenting, open, fellow]) await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });
    const outsiderCommunity = await f.newCommunity({ registered: true });
    await f.newParticipation({ clubId: otherClub.id, communityId: outsiderCommunity.id, status: 'member' });

    const readers = {
      coordinator: await f.newUser({ role: 'coordinator', clubId: club.id }),
      otherCoordinator: await f.newUser({ role: 'coordinator', clubId: otherClub.id }),
      fellowParticipant: await f.newUser({ role: 'representative', communityId: fellow.id }),
      outsider: await f.newUser({ role: 'representative', communityId: outsiderCommunity.id }),
      regionalOfficial: await f.newUser({ role: 'official', region: club.regionCode }),
      nationalOfficial: await f.newUser({ role: 'official', region: null }),
      signedIn: await f.newUser(),
      administrator,
    };
    const found = async (reader: TestUser) => (await namesFound(reader, { search: `tikhaia obshchina ${word}` })).sort();
    const everything = [hidden.name, consenting.name, open.name].sort();
    expect(await found(readers.coordinator)).toEqual(everything);
    expect(await found(readers.fellowParticipant)).toEqual(everything);
    expect(await found(readers.administrator)).toEqual(everything);
    expect(await found(readers.regionalOfficial)).toEqual([consenting.name, open.name].sort());
    expect(await found(readers.nationalOfficial)).toEqual([consenting.name, open.name].sort());
    for (const reader of [readers.otherCoordinator, readers.outsider, readers.signedIn]) expect(await found(reader)).toEqual([open.name]);
    // Searching the protected community's exact real name finds nothing where it is hidden.
    expect(await namesFound(readers.regionalOfficial, { search: hidden.name })).toEqual([]);
    expect(await namesFound(readers.outsider, { search: hidden.name })).toEqual([]);
    expect(await namesFound(readers.coordinator, { search: hidden.name })).toEqual([hidden.name]);

    // Shown to the administrator without any standing towards it: the read is on the record (P8).
    const { rows } = await t.db.query(
      `SELECT resource FROM sensitive_events WHERE kind = 'read' AND actor_id = $1 AND community_ids @> ARRAY[$2]::uuid[]`,
      [administrator.id, hidden.id],
    );
    expect(rows.map((r) => r.resource)).toContain('community.search');
  });

  it("narrows to a club's communities: applications only for its coordinators, presenters only among those taking part", async () => {
    const word = tag();
    const club = await f.newClub();
    const member = await f.newCommunity({ registered: true, name: `Member ${word}` });
    const applicant = await f.newCommunity({ registered: true, name: `Applicant ${word}` });
    const declined = await f.newCommunity({ registered: true, name: `Declined ${word}` });
    const elsewhere = await f.newCommunity({ registered: true, name: `Elsewhere ${word}` });
    await f.newParticipation({ clubId: club.id, communityId: member.id, status: 'member' });
    await f.newParticipation({ clubId: club.id, communityId: applicant.id, status: 'applied' });
    await f.newParticipation({ clubId: club.id, communityId: declined.id, status: 'declined' });
    await f.newParticipation({ clubId: (await f.newClub()).id, communityId: elsewhere.id, status: 'member' });
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const stranger = await f.newUser();

    expect(await namesFound(coordinator, { search: word, clubId: club.id })).toEqual([applicant.name, member.name]);
    expect(await namesFound(coordinator, { search: word, clubId: club.id, participating: true })).toEqual([member.name]);
    expect(await namesFound(stranger, { search: word, clubId: club.id })).toEqual([member.name]);
    expect(await namesFound(coordinator, { search: word })).toEqual([applicant.name, declined.name, elsewhere.name, member.name]);
  });

  it('pages by name with a cursor until the last page', async () => {
    const word = tag();
    const names = ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo'].map((n) => `${n} ${word}`);
    for (const name of names) await f.newCommunity({ registered: true, name });
    const reader = await f.newUser();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response = await searchCommunities(reader, { search: word, limit: 2, ...(after ? { after } : {}) });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.items.map((c: { name: string }) => c.name));
      after = response.body.nextAfter;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(
      (await t.db.query(`SELECT name FROM communities WHERE name = ANY($1) ORDER BY name, id`, [names])).rows.map((r) => r.name),
    );
  });

  it('refuses a search without a word of three letters, unknown parameters and a forged cursor; needs a session', async () => {
    const reader = await f.newUser();
    expectValidationFailure(await searchCommunities(reader, { search: 'ab' }), 'search');
    expectValidationFailure(await searchCommunities(reader, { search: ' a b c ' }), 'search');
    expectValidationFailure(await searchCommunities(reader, { search: 'x'.repeat(101) }), 'search');
    expectValidationFailure(await searchCommunities(reader, { search: 'almaty', sort: 'name' }), 'sort');
    expectValidationFailure(await searchCommunities(reader, { limit: 0 }), 'limit');
    expectValidationFailure(await searchCommunities(reader, { after: 'bm90LWEtY3Vyc29y' }), 'after');
    expectValidationFailure(await searchCommunities(reader, { clubId: 'not-a-uuid' }), 'clubId');
    expectError(await searchCommunities(null, { search: 'almaty' }), 401, 'UNAUTHENTICATED');
  });

  it('treats % and _ as letters, not as wildcards', async () => {
    const word = tag();
    await f.newCommunity({ registered: true, name: `Fund 100% ${word}` });
    const reader = await f.newUser();
    expect(await namesFound(reader, { search: `100% ${word}` })).toEqual([`Fund 100% ${word}`]);
    expect(await namesFound(reader, { search: `1_0 ${word}` })).toEqual([]);
  });
});

describe("the administrator's searches of people and the audit log", () => {
  it('finds a person by a name in another script or by part of the email address', async () => {
    const word = tag();
    const person = await f.newUser({ displayName: `Айгерим Жұмабаева ${word}` });
    const people = async (search: string) => {
      const response = await t.api.get('/api/users').query({ search }).set(administrator.auth);
      expect(response.status).toBe(200);
      return response.body.map((p: { id: string }) => p.id);
    };
    expect(await people(`aigerim ${word}`)).toEqual([person.id]);
    expect(await people(`ZHUMABAEVA ${word}`)).toEqual([person.id]);
    expect(await people(person.email.split('@')[0].toUpperCase())).toEqual([person.id]);
    expectValidationFailure(await t.api.get('/api/users').query({ search: 'ai' }).set(administrator.auth), 'search');
  });

  it("finds the changes of an actor named in Cyrillic when searched in Latin", async () => {
    const word = tag();
    const actor = await f.newUser({ role: 'administrator', displayName: `Ержан Сейітов ${word}` });
    const city = await f.newCity();
    const names = { kk: word, ru: word, en: word };
    const created = await t.api.post('/api/clubs').set(actor.auth).send({ cityId: city.id, names, descriptions: names, meetingPlace: '' }).expect(201);
    const audit = (actorSearch: string) => t.api.get('/api/admin/audit-log').query({ actor: actorSearch }).set(administrator.auth);
    for (const search of [`erzhan ${word}`, `Seiitov ${word}`, actor.email]) {
      const response = await audit(search);
      expect(response.status).toBe(200);
      expect(response.body.items.map((e: { recordId: string; actorId: string }) => [e.recordId, e.actorId])).toEqual([[created.body.id, actor.id]]);
    }
    expect((await audit(`astana ${word}`)).body.items).toEqual([]);
    expectValidationFailure(await audit('er'), 'actor');
  });
});
