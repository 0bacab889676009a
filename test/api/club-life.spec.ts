import { randomUUID } from 'node:crypto';
import { ClubRemindersService } from '../../apps/api/src/meetings/club-reminders.service';
import { createFactories, Factories, TestClub, TestCommunity, TestUser, unique } from './support/factories';
import { expectValidationFailure } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 11: notifications for the rest of the club's life (6), the recurrence's end date and
 * skipped dates (9), weekly observances, the national holidays and the re-check of upcoming
 * meetings when those tables change (10).
 */
let t: TestApp;
let f: Factories;
let admin: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  admin = await f.newUser({ role: 'administrator' });
});
afterAll(() => t?.close());

interface Member {
  community: TestCommunity;
  rep: TestUser;
}

interface Club {
  club: TestClub;
  coordinator: TestUser;
  /** A registered Jewish community, member. */
  synagogue: Member;
  /** A non-registered, protected observer. */
  house: Member;
  /** A registered Orthodox member. */
  parish: Member;
}

async function member(club: TestClub, tradition: string, registered: boolean, status: 'member' | 'observer'): Promise<Member> {
  const community = await f.newCommunity({ registered, tradition: tradition as never });
  await f.newParticipation({ clubId: club.id, communityId: community.id, status });
  const rep = await f.newUser({ role: 'representative', communityId: community.id });
  return { community, rep };
}

async function newClub(): Promise<Club> {
  const club = await f.newClub();
  const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
  return {
    club,
    coordinator,
    synagogue: await member(club, 'judaism', true, 'member'),
    house: await member(club, 'evangelical_protestant', false, 'observer'),
    parish: await member(club, 'russian_orthodox', true, 'member'),
  };
}

/** A meeting body at 'HH:MM' Almaty time on `date`, two hours long, at a venue no other test uses. */
const meeting = (date: string, time = '18:00', overrides: Record<string, unknown> = {}) => ({
  title: unique('Club meeting '),
  startsAt: `${date}T${time}:00+05:00`,
  endsAt: new Date(Date.parse(`${date}T${time}:00+05:00`) + 2 * 3_600_000).toISOString(),
  format: 'in_person',
  venue: unique('Hall '),
  visibility: 'club',
  topicIds: [],
  agenda: [],
  ...overrides,
});

const schedule = (c: Club, body: unknown) => t.api.post(`/api/clubs/${c.club.id}/meetings`).set(c.coordinator.auth).send(body as object);

/** The user's notifications of `kind`, newest first. */
async function notices(user: TestUser, kind: string): Promise<Array<{ params: Record<string, string>; link: string }>> {
  const { rows } = await t.db.query(`SELECT params, link FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at DESC`, [user.id, kind]);
  return rows;
}

describe('weekly observances (item 10)', () => {
  it('are seeded per tradition and warn for every tradition present: Friday 19:00 with a Jewish member gets Shabbat', async () => {
    const list = await t.api.get('/api/weekly-observances');
    expect(list.status).toBe(200);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'friday_prayer', tradition: 'sunni_islam', weekday: 5, startTime: '12:00', endTime: '14:30' }),
        expect.objectContaining({ code: 'shabbat', tradition: 'judaism', weekday: 5, endWeekday: 6 }),
        expect.objectContaining({ code: 'sunday_liturgy', tradition: 'russian_orthodox', weekday: 7 }),
      ]),
    );

    const c = await newClub();
    // 2027-01-15 is a Friday.
    const check = await t.api.post(`/api/clubs/${c.club.id}/meetings/check`).set(c.coordinator.auth).send(meeting('2027-01-15', '19:00'));
    expect(check.status).toBe(200);
    expect(check.body.warnings).toEqual([
      expect.objectContaining({ kind: 'observance', date: '2027-01-15', traditions: ['judaism'], observance: expect.objectContaining({ code: 'shabbat' }) }),
    ]);
    // Sunday morning: the Orthodox member's liturgy and the Evangelical observer's worship.
    const sunday = await t.api.post(`/api/clubs/${c.club.id}/meetings/check`).set(c.coordinator.auth).send(meeting('2027-01-17', '10:00'));
    expect(sunday.body.warnings.map((w: { observance?: { code: string } }) => w.observance?.code)).toEqual(['sunday_liturgy', 'sunday_worship']);
  });

  it('are kept by administrators only; bad input and stale versions change nothing', async () => {
    const c = await newClub();
    const body = {
      code: unique('vigil_').toLowerCase().replace(/[^a-z0-9_]/g, ''),
      tradition: 'buddhism',
      weekday: 3,
      startTime: '07:00',
      endWeekday: 3,
      endTime: '08:00',
      name: { kk: 'Таңғы ғибадат', ru: 'Утренняя служба', en: 'Morning service' },
    };
    expect((await t.api.post('/api/weekly-observances').send(body)).status).toBe(401);
    expect((await t.api.post('/api/weekly-observances').set(c.coordinator.auth).send(body)).status).toBe(403);
    expectValidationFailure(await t.api.post('/api/weekly-observances').set(admin.auth).send({ ...body, startTime: '25:00' }), 'startTime');
    expectValidationFailure(await t.api.post('/api/weekly-observances').set(admin.auth).send({ ...body, endTime: '06:00' }), 'endTime');
    expectValidationFailure(await t.api.post('/api/weekly-observances').set(admin.auth).send({ ...body, extra: 1 }), 'extra');

    const created = await t.api.post('/api/weekly-observances').set(admin.auth).send(body);
    expect(created.status).toBe(201);
    expect((await t.api.post('/api/weekly-observances').set(admin.auth).send(body)).status).toBe(409);
    const changed = await t.api.patch(`/api/weekly-observances/${created.body.id}`).set(admin.auth).send({ version: created.body.version, endTime: '09:00' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ endTime: '09:00', version: created.body.version + 1 });
    const stale = await t.api.patch(`/api/weekly-observances/${created.body.id}`).set(admin.auth).send({ version: created.body.version, endTime: '10:00' });
    expect(stale.status).toBe(409);
    expect((await t.api.delete(`/api/weekly-observances/${created.body.id}`).set(c.coordinator.auth)).status).toBe(403);
    expect((await t.api.delete(`/api/weekly-observances/${created.body.id}`).set(admin.auth)).status).toBe(204);
    expect((await t.api.delete(`/api/weekly-observances/${created.body.id}`).set(admin.auth)).status).toBe(404);
  });
});

describe("Kazakhstan's public holidays (item 10)", () => {
  it('are seeded as national holidays, Kurban Ait per year like the other movable dates', async () => {
    const list = await t.api.get('/api/holidays?year=2027');
    const national = list.body.filter((h: { tradition: string | null }) => h.tradition === null).map((h: { code: string; date: string }) => `${h.code} ${h.date}`);
    expect(national).toEqual(
      expect.arrayContaining([
        'new_year 2027-01-01',
        'orthodox_christmas 2027-01-07',
        'womens_day 2027-03-08',
        'nauryz 2027-03-21',
        'unity_day 2027-05-01',
        'defenders_day 2027-05-07',
        'victory_day 2027-05-09',
        'kurban_ait 2027-05-16',
        'capital_day 2027-07-06',
        'constitution_day 2027-08-30',
        'republic_day 2027-10-25',
        'independence_day 2027-12-16',
      ]),
    );
    expect(list.body.find((h: { code: string }) => h.code === 'new_year').days).toBe(2);
  });
});

describe('a change of the holiday or observance tables re-checks upcoming meetings (item 10)', () => {
  it('tells the coordinator once per club when an existing occurrence now falls on a new holiday', async () => {
    const c = await newClub();
    // A weekly series on Wednesdays; 2027-09-15 is its third date.
    const series = await schedule(c, meeting('2027-09-01', '18:00', { recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4' } }));
    expect(series.status).toBe(201);
    expect(series.body[2].warnings).toEqual([]);

    const holiday = await t.api
      .post('/api/holidays')
      .set(admin.auth)
      .send({ code: unique('zq_feast_').toLowerCase().replace(/[^a-z0-9_]/g, ''), tradition: 'judaism', date: '2027-09-15', name: { kk: 'Мереке', ru: 'Праздник', en: 'Feast' } });
    expect(holiday.status).toBe(201);

    const told = await notices(c.coordinator, 'meeting_warnings_changed');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ params: { clubName: c.club.name, count: '1', title: series.body[2].title }, link: `/meetings/${series.body[2].id}` });
    expect(await notices(c.synagogue.rep, 'meeting_warnings_changed')).toEqual([]);
    const page = await t.api.get(`/api/meetings/${series.body[2].id}`).set(c.coordinator.auth);
    expect(page.body.warnings).toEqual([expect.objectContaining({ kind: 'holiday', date: '2027-09-15' })]);

    // Renaming it changes no warning: no new notice.
    await t.api.patch(`/api/holidays/${holiday.body.id}`).set(admin.auth).send({ version: holiday.body.version, name: { kk: 'М', ru: 'П', en: 'F' } });
    expect(await notices(c.coordinator, 'meeting_warnings_changed')).toHaveLength(1);
  });

  it('tells the coordinator when a new weekly observance concerns an upcoming meeting, and not another club without that tradition', async () => {
    const [c, other] = [await newClub(), await f.newClub()];
    const otherCoordinator = await f.newUser({ role: 'coordinator', clubId: other.id });
    const [created] = (await schedule(c, meeting('2027-10-06', '18:00'))).body; // a Wednesday
    await t.api.post(`/api/clubs/${other.id}/meetings`).set(otherCoordinator.auth).send(meeting('2027-10-06', '18:00')).expect(201);

    const observance = await t.api.post('/api/weekly-observances').set(admin.auth).send({
      code: unique('study_').toLowerCase().replace(/[^a-z0-9_]/g, ''),
      tradition: 'judaism',
      weekday: 3,
      startTime: '17:00',
      endWeekday: 3,
      endTime: '21:00',
      name: { kk: 'Оқу', ru: 'Изучение Торы', en: 'Torah study' },
    });
    expect(observance.status).toBe(201);
    const [told] = await notices(c.coordinator, 'meeting_warnings_changed');
    expect(told).toMatchObject({ params: { count: '1', startsAt: created.startsAt }, link: `/meetings/${created.id}` });
    expect(await notices(otherCoordinator, 'meeting_warnings_changed')).toEqual([]);
    await t.api.delete(`/api/weekly-observances/${observance.body.id}`).set(admin.auth).expect(204);
  });
});

describe('recurrence (item 9)', () => {
  it('ends on a date and skips single dates, which are kept with the series', async () => {
    const c = await newClub();
    const created = await schedule(
      c,
      meeting('2027-02-02', '18:00', { recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270302', skipDates: ['2027-02-23'] } }),
    );
    expect(created.status).toBe(201);
    expect(created.body.map((m: { startsAt: string }) => m.startsAt.slice(0, 10))).toEqual(['2027-02-02', '2027-02-09', '2027-02-16', '2027-03-02']);
    const { rows } = await t.db.query(`SELECT skip_dates::text[] AS "skipDates" FROM meeting_series WHERE id = $1`, [created.body[0].seriesId]);
    expect(rows[0].skipDates).toEqual(['2027-02-23']);

    const notInSeries = await schedule(c, meeting('2027-04-06', '18:00', { recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3', skipDates: ['2027-04-07'] } }));
    expect(notInSeries.status).toBe(400);
    expect(notInSeries.body).toMatchObject({ code: 'MEETING.INVALID_RECURRENCE', fields: { 'recurrence.skipDates': '2027-04-07 is not a date of the series' } });
    expectValidationFailure(await schedule(c, meeting('2027-04-06', '18:00', { recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3', skipDates: ['6 April'] } })), 'recurrence.skipDates');
  });
});

describe('notifications of the club life (item 6)', () => {
  it('project proposed → coordinators; approved → the lead community, named by the naming rule', async () => {
    const c = await newClub();
    const proposed = await t.api.post(`/api/clubs/${c.club.id}/projects`).set(c.house.rep.auth).send({
      communityId: c.house.community.id,
      title: 'Coat drive',
      description: 'Warm coats for the winter, collected by every community.',
      category: 'charity',
      startsOn: '2027-01-10',
    });
    expect(proposed.status).toBe(201);
    const [toCoordinator] = await notices(c.coordinator, 'project_proposed');
    expect(toCoordinator).toMatchObject({ params: { title: 'Coat drive', communityName: c.house.community.name }, link: `/projects/${proposed.body.id}` });
    expect(await notices(c.house.rep, 'project_proposed')).toEqual([]); // the actor

    await t.api.post(`/api/projects/${proposed.body.id}/transitions`).set(c.coordinator.auth).send({ action: 'approve', version: proposed.body.version });
    const [toLead] = await notices(c.house.rep, 'project_approved');
    expect(toLead.params).toMatchObject({ title: 'Coat drive', communityName: c.house.community.name });
    expect(await notices(c.parish.rep, 'project_approved')).toEqual([]);
  });

  it('a join request and its answer, a contribution to confirm and its confirmation each reach the one who acts next', async () => {
    const c = await newClub();
    const proposed = await t.api.post(`/api/clubs/${c.club.id}/projects`).set(c.synagogue.rep.auth).send({
      communityId: c.synagogue.community.id,
      title: 'Riverbank clean-up',
      description: 'Volunteers of every community clean the riverbank together.',
      category: 'cleanup',
      startsOn: '2027-04-10',
    });
    const id = proposed.body.id;
    await t.api.post(`/api/projects/${id}/transitions`).set(c.coordinator.auth).send({ action: 'approve', version: proposed.body.version }).expect(200);

    await t.api.post(`/api/projects/${id}/participants`).set(c.house.rep.auth).send({ communityId: c.house.community.id }).expect(201);
    expect((await notices(c.coordinator, 'project_join_requested'))[0]).toMatchObject({ params: { communityName: c.house.community.name }, link: `/projects/${id}` });
    await t.api.post(`/api/projects/${id}/participants/${c.house.community.id}/decision`).set(c.coordinator.auth).send({ decision: 'confirm' }).expect(200);
    expect(await notices(c.house.rep, 'project_join_accepted')).toHaveLength(1);
    expect(await notices(c.synagogue.rep, 'project_join_accepted')).toEqual([]);

    const entry = await t.api.post(`/api/projects/${id}/contributions`).set(c.house.rep.auth).send({ communityId: c.house.community.id, role: 'partner', volunteers: 5, hours: 10 });
    expect(entry.status).toBe(201);
    expect((await notices(c.coordinator, 'contribution_entered'))[0].params).toMatchObject({ title: 'Riverbank clean-up', communityName: c.house.community.name });
    await t.api.post(`/api/projects/${id}/contributions/${entry.body.id}/review`).set(c.coordinator.auth).send({ decision: 'confirm', version: entry.body.version }).expect(200);
    expect(await notices(c.house.rep, 'contribution_confirmed')).toHaveLength(1);
  });

  it('a moved meeting is told to those who answered, an agenda edit is not; published minutes reach every invited community once', async () => {
    const c = await newClub();
    const [created] = (await schedule(c, meeting('2027-03-10'))).body;
    await t.api.put(`/api/meetings/${created.id}/rsvp`).set(c.synagogue.rep.auth).send({ communityId: c.synagogue.community.id, answer: 'yes', attendees: 2 }).expect(200);
    const edited = await t.api.patch(`/api/meetings/${created.id}`).set(c.coordinator.auth).send({ scope: 'occurrence', version: created.version, agenda: [{ title: 'Welcome' }] });
    expect(edited.status).toBe(200);
    expect(await notices(c.synagogue.rep, 'meeting_changed')).toEqual([]);
    const moved = await t.api
      .patch(`/api/meetings/${created.id}`)
      .set(c.coordinator.auth)
      .send({ scope: 'occurrence', version: edited.body[0].version, startsAt: '2027-03-11T18:00:00+05:00', endsAt: '2027-03-11T20:00:00+05:00' });
    expect(moved.status).toBe(200);
    expect((await notices(c.synagogue.rep, 'meeting_changed'))[0].params).toMatchObject({ startsAt: '2027-03-11T13:00:00.000Z' });
    expect(await notices(c.house.rep, 'meeting_changed')).toEqual([]);

    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, created_by_id)
       VALUES ($1, 'Past meeting', now() - interval '3 hours', now() - interval '1 hour', 'in_person', 'club', 'scheduled', 'K7Q2', $2) RETURNING id`,
      [c.club.id, c.coordinator.id],
    );
    const publish = (version: number) =>
      t.api.put(`/api/meetings/${rows[0].id}/minutes`).set(c.coordinator.auth).send({ minutes: 'We agreed.', decisions: [], publish: true, version });
    await publish(0).expect(200);
    await publish(1).expect(200);
    for (const member of [c.synagogue, c.house, c.parish]) expect(await notices(member.rep, 'minutes_published')).toHaveLength(1);
    expect(await notices(c.coordinator, 'minutes_published')).toEqual([]);
  });

  it('a cancelled meeting is told to the communities that answered; the email about a protected one is withheld', async () => {
    const c = await newClub();
    const [created] = (await schedule(c, meeting('2027-03-03'))).body;
    expect((await t.api.put(`/api/meetings/${created.id}/rsvp`).set(c.house.rep.auth).send({ communityId: c.house.community.id, answer: 'no', attendees: 0 })).status).toBe(200);
    const cancelled = await t.api.post(`/api/meetings/${created.id}/cancel`).set(c.coordinator.auth).send({ scope: 'occurrence', reason: 'The hall is closed', version: created.version });
    expect(cancelled.status).toBe(200);
    const [told] = await notices(c.house.rep, 'meeting_cancelled');
    expect(told).toMatchObject({ params: { title: created.title, reason: 'The hall is closed' }, link: `/meetings/${created.id}` });
    expect(await notices(c.parish.rep, 'meeting_cancelled')).toEqual([]); // never answered

    const outbox = await t.api.get('/api/admin/email-outbox').set(admin.auth);
    const email = outbox.body.find((m: { to: string; kind: string }) => m.to === c.house.rep.email && m.kind === 'meeting_cancelled');
    expect(email).toMatchObject({ withheld: true, subject: null, body: null });
  });

  it('the day-before reminder goes once, to invited communities that did not answer or said yes, whatever the replicas', async () => {
    const c = await newClub();
    const [created] = (await schedule(c, meeting('2027-05-12', '18:00'))).body;
    await t.api.put(`/api/meetings/${created.id}/rsvp`).set(c.synagogue.rep.auth).send({ communityId: c.synagogue.community.id, answer: 'yes', attendees: 2 });
    await t.api.put(`/api/meetings/${created.id}/rsvp`).set(c.parish.rep.auth).send({ communityId: c.parish.community.id, answer: 'no', attendees: 0 });
    const sweeper = t.app.get(ClubRemindersService);

    // Two days before: nothing is due.
    await sweeper.sweep(new Date(Date.parse(created.startsAt) - 48 * 3_600_000));
    expect(await notices(c.house.rep, 'meeting_reminder')).toEqual([]);

    // The evening before, two replicas sweep at once: each community hears once.
    const evening = new Date(Date.parse(created.startsAt) - 20 * 3_600_000);
    await Promise.all([sweeper.sweep(evening), sweeper.sweep(evening)]);
    await sweeper.sweep(new Date(evening.getTime() + 3_600_000));
    expect(await notices(c.house.rep, 'meeting_reminder')).toHaveLength(1);
    expect(await notices(c.synagogue.rep, 'meeting_reminder')).toHaveLength(1);
    expect(await notices(c.parish.rep, 'meeting_reminder')).toEqual([]);
    expect((await notices(c.house.rep, 'meeting_reminder'))[0].params).toMatchObject({ title: created.title, startsAt: created.startsAt });
  });

  it('an action item: its owner hears of the assignment, and it and the coordinators once of it being overdue', async () => {
    const c = await newClub();
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, created_by_id)
       VALUES ($1, $2, '2027-01-05T13:00:00Z', '2027-01-05T15:00:00Z', 'in_person', 'club', 'scheduled', 'K7Q2', $3) RETURNING id`,
      [c.club.id, `Meeting ${randomUUID().slice(0, 8)}`, c.coordinator.id],
    );
    const item = await t.api
      .post(`/api/meetings/${rows[0].id}/action-items`)
      .set(c.coordinator.auth)
      .send({ title: 'Book the hall', ownerCommunityId: c.parish.community.id, dueDate: '2027-01-20' });
    expect(item.status).toBe(201);
    expect((await notices(c.parish.rep, 'action_item_assigned'))[0].params).toMatchObject({ title: 'Book the hall', date: '2027-01-20' });

    const sweeper = t.app.get(ClubRemindersService);
    await sweeper.sweep(new Date('2027-01-20T12:00:00+05:00')); // due today: not overdue yet
    expect(await notices(c.parish.rep, 'action_item_overdue')).toEqual([]);
    await sweeper.sweep(new Date('2027-01-21T09:00:00+05:00'));
    await sweeper.sweep(new Date('2027-01-22T09:00:00+05:00'));
    expect(await notices(c.parish.rep, 'action_item_overdue')).toHaveLength(1);
    expect(await notices(c.coordinator, 'action_item_overdue')).toHaveLength(1);
    expect(await notices(c.house.rep, 'action_item_overdue')).toEqual([]);
  });
});
