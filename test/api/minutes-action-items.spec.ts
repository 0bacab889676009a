import { randomUUID } from 'node:crypto';
import { createFactories, Factories, TestClub, TestCommunity, TestUser } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
});
afterAll(() => t?.close());

const MINUTE = 60_000;
const DAY = 24 * 60;
const fromNow = (minutes: number) => new Date(Date.now() + minutes * MINUTE);
/** A calendar date (YYYY-MM-DD) `days` from today in Asia/Almaty (UTC+5). */
const almatyDate = (days: number) => new Date(Date.now() + 5 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

interface Club {
  club: TestClub;
  coordinator: TestUser;
  member: TestCommunity;
  memberRep: TestUser;
  observer: TestCommunity;
  observerRep: TestUser;
  /** A representative of a community that only applied: not a participant. */
  outsider: TestUser;
  otherCoordinator: TestUser;
}

async function newClubWithPeople(): Promise<Club> {
  const club = await f.newClub();
  const [member, observer, applicant, otherClub] = await Promise.all([
    f.newCommunity({ registered: true }),
    f.newCommunity({ registered: false }),
    f.newCommunity({ registered: false }),
    f.newClub(),
  ]);
  await Promise.all([
    f.newParticipation({ clubId: club.id, communityId: member.id, status: 'member' }),
    f.newParticipation({ clubId: club.id, communityId: observer.id, status: 'observer' }),
    f.newParticipation({ clubId: club.id, communityId: applicant.id, status: 'applied' }),
  ]);
  const [coordinator, memberRep, observerRep, outsider, otherCoordinator] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'representative', communityId: member.id }),
    f.newUser({ role: 'representative', communityId: observer.id }),
    f.newUser({ role: 'representative', communityId: applicant.id }),
    f.newUser({ role: 'coordinator', clubId: otherClub.id }),
  ]);
  return { club, coordinator, member, memberRep, observer, observerRep, outsider, otherCoordinator };
}

async function newMeeting(
  c: Club,
  options: { startsAt?: Date; status?: 'scheduled' | 'cancelled'; visibility?: 'public' | 'club'; title?: string } = {},
): Promise<string> {
  const startsAt = options.startsAt ?? fromNow(-60);
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, created_by_id)
     VALUES ($1, $2, $3, $4, 'in_person', $5, $6, 'K7Q2', $7) RETURNING id`,
    [c.club.id, options.title ?? `Meeting ${randomUUID().slice(0, 8)}`, startsAt, new Date(startsAt.getTime() + 120 * MINUTE),
      options.visibility ?? 'club', options.status ?? 'scheduled', c.coordinator.id],
  );
  return rows[0].id;
}

/** The version of the minutes as stored (what a page that just loaded them would send back). */
const minutesVersion = async (meetingId: string): Promise<number> =>
  (await t.db.query(`SELECT minutes_version AS version FROM meetings WHERE id = $1`, [meetingId])).rows[0]?.version ?? 0;
const saveMinutes = async (meetingId: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.put(`/api/meetings/${meetingId}/minutes`).set(user.auth).send({ version: await minutesVersion(meetingId), ...body });
const getMinutes = (meetingId: string, user: TestUser) => t.api.get(`/api/meetings/${meetingId}/minutes`).set(user.auth);
const createItem = (meetingId: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.post(`/api/meetings/${meetingId}/action-items`).set(user.auth).send(body);
const itemVersion = async (id: string): Promise<number> =>
  (await t.db.query(`SELECT version FROM action_items WHERE id = $1`, [id])).rows[0]?.version ?? 1;
const patchItem = async (id: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.patch(`/api/action-items/${id}`).set(user.auth).send({ version: await itemVersion(id), ...body });
const meetingItems = (meetingId: string, user: TestUser) => t.api.get(`/api/meetings/${meetingId}/action-items`).set(user.auth);

const storedMinutes = async (meetingId: string) => {
  const { rows: [meeting] } = await t.db.query(`SELECT minutes, minutes_published_at FROM meetings WHERE id = $1`, [meetingId]);
  const { rows: decisions } = await t.db.query(`SELECT position, text FROM meeting_decisions WHERE meeting_id = $1 ORDER BY position`, [meetingId]);
  return { ...meeting, decisions };
};
const itemsOf = (meetingId: string) => countRows(t.db, `SELECT 1 FROM action_items WHERE meeting_id = $1`, [meetingId]);

describe('minutes and decisions', () => {
  it('a coordinator drafts, participants see nothing until published, then the minutes and decisions in order', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);

    const draft = await saveMinutes(meeting, c.coordinator, {
      minutes: '  We discussed the spring clean-up.  ',
      decisions: ['Clean the river bank on 12 April', 'Invite the akimat'],
      publish: false,
    });
    expect(draft.status).toBe(200);
    expect(draft.body).toEqual({
      minutes: 'We discussed the spring clean-up.',
      decisions: [
        { id: expect.any(String), position: 1, text: 'Clean the river bank on 12 April' },
        { id: expect.any(String), position: 2, text: 'Invite the akimat' },
      ],
      publishedAt: null,
      version: 1,
    });
    expect((await getMinutes(meeting, c.observerRep)).body).toEqual({ minutes: '', decisions: [], publishedAt: null, version: 1 });
    expect((await getMinutes(meeting, c.coordinator)).body.minutes).toBe('We discussed the spring clean-up.');

    const published = await saveMinutes(meeting, c.coordinator, {
      minutes: 'We discussed the spring clean-up and youth sports.',
      decisions: ['Clean the river bank on 19 April'],
      publish: true,
    });
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).toEqual(expect.any(String));
    const seen = await getMinutes(meeting, c.observerRep);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      minutes: 'We discussed the spring clean-up and youth sports.',
      decisions: [{ position: 1, text: 'Clean the river bank on 19 April' }],
      publishedAt: published.body.publishedAt,
    });
    // The decisions were replaced, not appended.
    expect((await storedMinutes(meeting)).decisions).toEqual([{ position: 1, text: 'Clean the river bank on 19 April' }]);

    // Publishing again keeps the first publication date; unpublishing takes it back to a draft.
    const again = await saveMinutes(meeting, c.coordinator, { minutes: 'Typo fixed.', decisions: [], publish: true });
    expect(again.body.publishedAt).toBe(published.body.publishedAt);
    expect((await saveMinutes(meeting, c.coordinator, { minutes: 'Typo fixed.', decisions: [], publish: false })).status).toBe(200);
    expect((await getMinutes(meeting, c.memberRep)).body).toEqual({ minutes: '', decisions: [], publishedAt: null, version: 4 });
  });

  it('refuses a stale save (409 MINUTES.STALE_VERSION): two coordinators editing at once do not overwrite each other', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    const save = (minutes: string, version: number) =>
      t.api.put(`/api/meetings/${meeting}/minutes`).set(c.coordinator.auth).send({ minutes, decisions: [], publish: false, version });
    expect((await save('First draft', 0)).status).toBe(200);
    // A second tab still holding version 0 is told, and the first draft stays.
    expectError(await save('Other draft', 0), 409, 'MINUTES.STALE_VERSION');
    expect((await storedMinutes(meeting)).minutes).toBe('First draft');
    expect((await save('Second draft', 1)).body).toMatchObject({ minutes: 'Second draft', version: 2 });
  });

  it.each([
    ['decisions that are not a list', { minutes: 'x', decisions: 'one', publish: true }, 'decisions'],
    ['a blank decision', { minutes: 'x', decisions: ['ok', '   '], publish: true }, 'decisions'],
    ['a missing publish flag', { minutes: 'x', decisions: [] }, 'publish'],
    ['minutes that are not text', { minutes: 42, decisions: [], publish: false }, 'minutes'],
    ['minutes that are too long', { minutes: 'x'.repeat(50_001), decisions: [], publish: false }, 'minutes'],
    ['too many decisions', { minutes: 'x', decisions: Array.from({ length: 101 }, (_, i) => `d${i}`), publish: false }, 'decisions'],
  ])('refuses %s (400), changing nothing', async (_title, body, field) => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    expect((await saveMinutes(meeting, c.coordinator, { minutes: 'Before', decisions: ['Kept'], publish: false })).status).toBe(200);
    expectValidationFailure(await saveMinutes(meeting, c.coordinator, body), field);
    expect(await storedMinutes(meeting)).toEqual({ minutes: 'Before', minutes_published_at: null, decisions: [{ position: 1, text: 'Kept' }] });
  });

  it('refuses minutes for a cancelled meeting and publishing before a meeting took place (409)', async () => {
    const c = await newClubWithPeople();
    const cancelled = await newMeeting(c, { status: 'cancelled' });
    const future = await newMeeting(c, { startsAt: fromNow(7 * DAY) });
    expectError(await saveMinutes(cancelled, c.coordinator, { minutes: 'x', decisions: ['y'], publish: false }), 409, 'MEETING.CANCELLED');
    expectError(await saveMinutes(future, c.coordinator, { minutes: 'x', decisions: ['y'], publish: true }), 409, 'MEETING.NOT_STARTED');
    expect(await storedMinutes(cancelled)).toEqual({ minutes: '', minutes_published_at: null, decisions: [] });
    expect(await storedMinutes(future)).toEqual({ minutes: '', minutes_published_at: null, decisions: [] });
    // A draft may be prepared ahead.
    expect((await saveMinutes(future, c.coordinator, { minutes: 'Agenda notes', decisions: [], publish: false })).status).toBe(200);
  });

  it("lets only the club's coordinators write, and only its coordinators and participants read (published minutes are not public)", async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { visibility: 'public' });
    const clubOnly = await newMeeting(c);
    const body = { minutes: 'x', decisions: [], publish: true };
    expectError(await saveMinutes(meeting, c.memberRep, body), 403, 'FORBIDDEN');
    expectError(await saveMinutes(meeting, c.otherCoordinator, body), 403, 'FORBIDDEN');
    expectError(await saveMinutes(clubOnly, c.otherCoordinator, body), 404, 'NOT_FOUND');
    expect(await storedMinutes(meeting)).toMatchObject({ minutes: '', minutes_published_at: null });

    expect((await saveMinutes(meeting, c.coordinator, { minutes: 'Published secret-ish minutes', decisions: [], publish: true })).status).toBe(200);
    for (const user of [c.outsider, c.otherCoordinator]) {
      const response = await getMinutes(meeting, user);
      expectError(response, 404, 'NOT_FOUND');
      expect(JSON.stringify(response.body)).not.toContain('secret-ish');
    }
    expect((await t.api.get(`/api/meetings/${meeting}/minutes`)).status).toBe(401);
    expectError(await getMinutes(randomUUID(), c.coordinator), 404, 'NOT_FOUND');
  });
});

describe('action items', () => {
  it('a coordinator records items owned by a community or a person; the meeting lists them', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { title: 'March meeting' });

    const byCommunity = await createItem(meeting, c.coordinator, { title: '  Book the hall  ', ownerCommunityId: c.observer.id, dueDate: almatyDate(10) });
    expect(byCommunity.status).toBe(201);
    expect(byCommunity.body).toEqual({
      id: expect.any(String),
      meetingId: meeting,
      meetingTitle: 'March meeting',
      meetingStartsAt: expect.any(String),
      title: 'Book the hall',
      ownerCommunity: { id: c.observer.id, name: c.observer.name, tradition: expect.any(String), registrationStatus: 'not_registered' },
      ownerIsCommunity: true,
      ownerName: null,
      dueDate: almatyDate(10),
      status: 'open',
      doneAt: null,
      overdue: false,
      version: 1,
    });
    const byPerson = await createItem(meeting, c.coordinator, { title: 'Ask the akimat for permits', ownerName: 'Mr. Akhmetov', dueDate: almatyDate(-1) });
    expect(byPerson.status).toBe(201);
    expect(byPerson.body).toMatchObject({ ownerCommunity: null, ownerIsCommunity: false, ownerName: 'Mr. Akhmetov', overdue: true });

    const listed = await meetingItems(meeting, c.memberRep);
    expect(listed.status).toBe(200);
    expect(listed.body.created.map((i: { id: string }) => i.id)).toEqual([byPerson.body.id, byCommunity.body.id]);
    expect(listed.body.carriedOver).toEqual([]);
    const { rows } = await t.db.query(`SELECT created_by_id, club_id FROM action_items WHERE meeting_id = $1`, [meeting]);
    expect(rows).toEqual([{ created_by_id: c.coordinator.id, club_id: c.club.id }, { created_by_id: c.coordinator.id, club_id: c.club.id }]);
  });

  it('open items of an earlier meeting show as carriedOver on the next meeting until marked done', async () => {
    const c = await newClubWithPeople();
    const january = await newMeeting(c, { startsAt: fromNow(-60 * DAY), title: 'January' });
    const february = await newMeeting(c, { startsAt: fromNow(-30 * DAY), title: 'February' });
    const march = await newMeeting(c, { startsAt: fromNow(2 * DAY), title: 'March' });
    const clean = (await createItem(january, c.coordinator, { title: 'River clean-up', ownerCommunityId: c.member.id, dueDate: almatyDate(20) })).body;
    const flyer = (await createItem(january, c.coordinator, { title: 'Print flyers', ownerName: 'Aigerim', dueDate: almatyDate(5) })).body;
    const later = (await createItem(february, c.coordinator, { title: 'Thank the volunteers', ownerCommunityId: c.observer.id, dueDate: almatyDate(3) })).body;

    const onFebruary = await meetingItems(february, c.observerRep);
    expect(onFebruary.body.created.map((i: { id: string }) => i.id)).toEqual([later.id]);
    expect(onFebruary.body.carriedOver.map((i: { id: string; meetingTitle: string }) => [i.id, i.meetingTitle])).toEqual([
      [flyer.id, 'January'],
      [clean.id, 'January'],
    ]);
    const onMarch = await meetingItems(march, c.coordinator);
    expect(onMarch.body.created).toEqual([]);
    expect(onMarch.body.carriedOver.map((i: { id: string }) => i.id)).toEqual([later.id, flyer.id, clean.id]);
    // Items never carry back to an earlier meeting.
    expect((await meetingItems(january, c.coordinator)).body.carriedOver).toEqual([]);

    // The owner community's representative marks its item done: it stops carrying over.
    const done = await patchItem(clean.id, c.memberRep, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', doneAt: expect.any(String), overdue: false });
    expect((await meetingItems(march, c.coordinator)).body.carriedOver.map((i: { id: string }) => i.id)).toEqual([later.id, flyer.id]);
    // Still listed where it was decided.
    expect((await meetingItems(january, c.coordinator)).body.created.map((i: { id: string }) => i.id)).toContain(clean.id);

    // Reopened, it carries over again.
    const reopened = await patchItem(clean.id, c.coordinator, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', doneAt: null });
    expect((await meetingItems(march, c.coordinator)).body.carriedOver.map((i: { id: string }) => i.id)).toContain(clean.id);
  });

  it.each([
    ['both owners', { ownerCommunityId: 'community', ownerName: 'Aigerim' }, 'ownerName'],
    ['no owner', {}, 'ownerCommunityId'],
    ['an impossible date', { ownerName: 'Aigerim', dueDate: '2026-13-01' }, 'dueDate'],
    ['a date with a time', { ownerName: 'Aigerim', dueDate: '2026-05-01T10:00:00Z' }, 'dueDate'],
    ['a blank title', { ownerName: 'Aigerim', title: '   ' }, 'title'],
    ['a blank owner name', { ownerName: '  ' }, 'ownerName'],
    ['an owner community id that is not a uuid', { ownerCommunityId: 'x' }, 'ownerCommunityId'],
  ])('refuses %s (400), writing nothing', async (_title, overrides, field) => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    const body: Record<string, unknown> = { title: 'Book the hall', dueDate: almatyDate(7), ...overrides };
    if (body.ownerCommunityId === 'community') body.ownerCommunityId = c.member.id;
    expectValidationFailure(await createItem(meeting, c.coordinator, body), field);
    expect(await itemsOf(meeting)).toBe(0);
  });

  it('refuses an owner community that does not take part in the club (400), writing nothing', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    const stranger = await f.newCommunity({ registered: true });
    expectValidationFailure(await createItem(meeting, c.coordinator, { title: 'x', ownerCommunityId: stranger.id, dueDate: almatyDate(3) }), 'ownerCommunityId');
    expect(await itemsOf(meeting)).toBe(0);
  });

  it("lets only the club's coordinators create items, and not on a cancelled meeting", async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    const cancelled = await newMeeting(c, { status: 'cancelled' });
    const body = { title: 'Book the hall', ownerName: 'Aigerim', dueDate: almatyDate(7) };
    expectError(await createItem(meeting, c.memberRep, body), 403, 'FORBIDDEN');
    expectError(await createItem(meeting, c.otherCoordinator, body), 404, 'NOT_FOUND');
    expectError(await createItem(meeting, c.outsider, body), 404, 'NOT_FOUND');
    expectError(await createItem(cancelled, c.coordinator, body), 409, 'MEETING.CANCELLED');
    expect(await itemsOf(meeting)).toBe(0);
    expect(await itemsOf(cancelled)).toBe(0);
  });

  it('refuses a stale save (409 ACTION_ITEM.STALE_VERSION): a status change from an old page does not undo an edit', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    const item = (await createItem(meeting, c.coordinator, { title: 'Book the hall', ownerCommunityId: c.member.id, dueDate: almatyDate(7) })).body;
    const edit = (user: TestUser, body: Record<string, unknown>) => t.api.patch(`/api/action-items/${item.id}`).set(user.auth).send(body);
    expect((await edit(c.coordinator, { title: 'Book the big hall', version: 1 })).body).toMatchObject({ title: 'Book the big hall', version: 2 });
    expectError(await edit(c.memberRep, { status: 'done', version: 1 }), 409, 'ACTION_ITEM.STALE_VERSION');
    expect((await t.db.query(`SELECT title, status FROM action_items WHERE id = $1`, [item.id])).rows).toEqual([{ title: 'Book the big hall', status: 'open' }]);
  });

  it("lets a coordinator edit everything, the owner's representative the status only, and nobody else anything", async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    const item = (await createItem(meeting, c.coordinator, { title: 'Book the hall', ownerCommunityId: c.member.id, dueDate: almatyDate(7) })).body;

    expectError(await patchItem(item.id, c.memberRep, { title: 'Renamed by the owner' }), 403, 'FORBIDDEN');
    expectError(await patchItem(item.id, c.memberRep, { status: 'done', dueDate: almatyDate(30) }), 403, 'FORBIDDEN');
    expectError(await patchItem(item.id, c.observerRep, { status: 'done' }), 403, 'FORBIDDEN');
    expectError(await patchItem(item.id, c.outsider, { status: 'done' }), 404, 'NOT_FOUND');
    expectError(await patchItem(item.id, c.otherCoordinator, { status: 'done' }), 404, 'NOT_FOUND');
    expectError(await patchItem(randomUUID(), c.coordinator, { status: 'done' }), 404, 'NOT_FOUND');
    expectValidationFailure(await patchItem(item.id, c.coordinator, { status: 'closed' }), 'status');
    expectValidationFailure(await patchItem(item.id, c.coordinator, { ownerCommunityId: c.observer.id, ownerName: 'Both' }), 'ownerName');
    expectValidationFailure(await patchItem(item.id, c.coordinator, { dueDate: 'tomorrow' }), 'dueDate');
    const { rows: [unchanged] } = await t.db.query(`SELECT title, status, owner_community_id, owner_name FROM action_items WHERE id = $1`, [item.id]);
    expect(unchanged).toEqual({ title: 'Book the hall', status: 'open', owner_community_id: c.member.id, owner_name: null });

    const edited = await patchItem(item.id, c.coordinator, { title: 'Book the big hall', ownerName: 'Aigerim', dueDate: almatyDate(14) });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Book the big hall', ownerCommunity: null, ownerName: 'Aigerim', dueDate: almatyDate(14), status: 'open' });
    const back = await patchItem(item.id, c.coordinator, { ownerCommunityId: c.observer.id });
    expect(back.body).toMatchObject({ ownerCommunity: { id: c.observer.id }, ownerName: null });
  });

  it('lists the club’s items by status for its coordinators and participants only', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    const open = (await createItem(meeting, c.coordinator, { title: 'Open one', ownerName: 'A', dueDate: almatyDate(3) })).body;
    const done = (await createItem(meeting, c.coordinator, { title: 'Done one', ownerName: 'B', dueDate: almatyDate(2) })).body;
    expect((await patchItem(done.id, c.coordinator, { status: 'done' })).status).toBe(200);

    const all = await t.api.get(`/api/clubs/${c.club.id}/action-items`).set(c.observerRep.auth);
    expect(all.status).toBe(200);
    expect(all.body.map((i: { id: string }) => i.id)).toEqual([done.id, open.id]);
    const onlyOpen = await t.api.get(`/api/clubs/${c.club.id}/action-items`).query({ status: 'open' }).set(c.coordinator.auth);
    expect(onlyOpen.body.map((i: { id: string }) => i.id)).toEqual([open.id]);
    expectValidationFailure(await t.api.get(`/api/clubs/${c.club.id}/action-items`).query({ status: 'all' }).set(c.coordinator.auth), 'status');
    for (const user of [c.outsider, c.otherCoordinator]) {
      expectError(await t.api.get(`/api/clubs/${c.club.id}/action-items`).set(user.auth), 404, 'NOT_FOUND');
      expectError(await meetingItems(meeting, user), 404, 'NOT_FOUND');
    }
    expect((await t.api.get(`/api/clubs/${c.club.id}/action-items`)).status).toBe(401);
  });

  it('does not name to participants a non-registered owner community that has left the club', async () => {
    const c = await newClubWithPeople();
    const leaver = await f.newCommunity({ registered: false });
    const participation = await f.newParticipation({ clubId: c.club.id, communityId: leaver.id, status: 'observer' });
    const meeting = await newMeeting(c);
    const item = (await createItem(meeting, c.coordinator, { title: 'Host the next meeting', ownerCommunityId: leaver.id, dueDate: almatyDate(7) })).body;
    await t.db.query(`UPDATE participations SET status = 'withdrawn' WHERE id = $1`, [participation.id]);

    const forMember = await meetingItems(meeting, c.memberRep);
    expect(forMember.body.created).toEqual([expect.objectContaining({ id: item.id, ownerCommunity: null })]);
    expect(JSON.stringify(forMember.body)).not.toContain(leaver.name);
    const forCoordinator = await meetingItems(meeting, c.coordinator);
    expect(forCoordinator.body.created).toEqual([expect.objectContaining({ id: item.id, ownerCommunity: expect.objectContaining({ name: leaver.name }) })]);
  });
});
