import { randomUUID } from 'node:crypto';
import { createFactories, Factories, TestClub, TestCommunity, TestUser, unique } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;
let topicIds: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  const topics = await t.api.get('/api/topics');
  topicIds = Object.fromEntries(topics.body.map((topic: { code: string; id: string }) => [topic.code, topic.id]));
});
afterAll(() => t?.close());

interface Setting {
  club: TestClub;
  coordinator: TestUser;
  /** A registered Sunni Muslim community, member of the club. */
  mosque: TestCommunity;
  mosqueRep: TestUser;
  /** A non-registered community, observer in the club: its name must not reach the public. */
  houseChurch: TestCommunity;
  houseChurchRep: TestUser;
  /** A representative of a community in another club only. */
  outsider: TestUser;
  otherCoordinator: TestUser;
}

async function setting(): Promise<Setting> {
  const [club, otherClub] = await Promise.all([f.newClub(), f.newClub()]);
  const [mosque, houseChurch, elsewhere] = await Promise.all([
    f.newCommunity({ registered: true, tradition: 'sunni_islam' }),
    f.newCommunity({ registered: false, tradition: 'evangelical_protestant' }),
    f.newCommunity({ registered: true, tradition: 'catholic' }),
  ]);
  await Promise.all([
    f.newParticipation({ clubId: club.id, communityId: mosque.id, status: 'member' }),
    f.newParticipation({ clubId: club.id, communityId: houseChurch.id, status: 'observer' }),
    f.newParticipation({ clubId: otherClub.id, communityId: elsewhere.id, status: 'member' }),
  ]);
  const [coordinator, mosqueRep, houseChurchRep, outsider, otherCoordinator] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'representative', communityId: mosque.id }),
    f.newUser({ role: 'representative', communityId: houseChurch.id }),
    f.newUser({ role: 'representative', communityId: elsewhere.id }),
    f.newUser({ role: 'coordinator', clubId: otherClub.id }),
  ]);
  return { club, coordinator, mosque, mosqueRep, houseChurch, houseChurchRep, outsider, otherCoordinator };
}

/** A valid meeting body: 18:00–20:00 Almaty (UTC+5) on `date`, at a venue no other test uses. */
function meeting(date: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Youth and online radicalization',
    description: 'How our communities can help parents.',
    startsAt: `${date}T18:00:00+05:00`,
    endsAt: `${date}T20:00:00+05:00`,
    format: 'in_person',
    venue: unique('Hall '),
    visibility: 'club',
    topicIds: [topicIds.youth, topicIds.online_radicalization],
    agenda: [{ title: 'Welcome', presenter: 'Coordinator' }, { title: 'Discussion' }],
    ...overrides,
  };
}

const create = (clubId: string, user: TestUser | null, body: unknown) => {
  const request = t.api.post(`/api/clubs/${clubId}/meetings`).send(body as object);
  return user ? request.set(user.auth) : request;
};
const meetingsOf = (clubId: string) => countRows(t.db, `SELECT 1 FROM meetings WHERE club_id = $1`, [clubId]);
const stored = async (id: string) =>
  (await t.db.query(`SELECT title, starts_at, ends_at, status, cancel_reason, version, detached FROM meetings WHERE id = $1`, [id]))
    .rows[0];

describe('creating a meeting (POST /api/clubs/:clubId/meetings)', () => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting();
  });

  it('creates one meeting with topics, agenda and a check-in code only its coordinators see', async () => {
    const body = meeting('2027-02-09');
    const response = await create(s.club.id, s.coordinator, { ...body, title: '  Youth and online radicalization  ' });

    expect(response.status).toBe(201);
    expect(response.body).toHaveLength(1);
    const [created] = response.body;
    expect(created).toMatchObject({
      clubId: s.club.id,
      clubName: s.club.name,
      seriesId: null,
      detached: false,
      title: 'Youth and online radicalization',
      startsAt: '2027-02-09T13:00:00.000Z',
      endsAt: '2027-02-09T15:00:00.000Z',
      format: 'in_person',
      onlineLink: null,
      venue: body.venue,
      venueCommunity: null,
      visibility: 'club',
      status: 'scheduled',
      cancelReason: null,
      version: 1,
      viewerIsCoordinator: true,
      viewerCanRsvp: false,
    });
    expect(created.checkInCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(created.topics.map((topic: { code: string }) => topic.code).sort()).toEqual(['online_radicalization', 'youth']);
    expect(created.agenda).toEqual([
      { id: expect.any(String), position: 1, title: 'Welcome', presenter: 'Coordinator', presenterCommunity: null, presenterIsCommunity: false },
      { id: expect.any(String), position: 2, title: 'Discussion', presenter: '', presenterCommunity: null, presenterIsCommunity: false },
    ]);

    const seen = await t.api.get(`/api/meetings/${created.id}`).set(s.mosqueRep.auth);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: created.id, checkInCode: null, viewerIsCoordinator: false, viewerCanRsvp: true });
  });

  it('creates a monthly series ("first Tuesday") as one row per occurrence, at 18:00 Almaty each time', async () => {
    const response = await create(s.club.id, s.coordinator, {
      ...meeting('2027-01-01'),
      recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=6' },
    });

    expect(response.status).toBe(201);
    expect(response.body.map((m: { startsAt: string }) => m.startsAt)).toEqual([
      '2027-01-05T13:00:00.000Z',
      '2027-02-02T13:00:00.000Z',
      '2027-03-02T13:00:00.000Z',
      '2027-04-06T13:00:00.000Z',
      '2027-05-04T13:00:00.000Z',
      '2027-06-01T13:00:00.000Z',
    ]);
    const seriesId = response.body[0].seriesId;
    expect(seriesId).toEqual(expect.any(String));
    expect(new Set(response.body.map((m: { seriesId: string }) => m.seriesId))).toEqual(new Set([seriesId]));
    expect(await countRows(t.db, `SELECT 1 FROM meetings WHERE series_id = $1`, [seriesId])).toBe(6);
    expect(await countRows(t.db, `SELECT 1 FROM meeting_topics mt JOIN meetings m ON m.id = mt.meeting_id WHERE m.series_id = $1`, [seriesId])).toBe(12);
    const { rows: [series] } = await t.db.query(`SELECT rrule, duration_minutes FROM meeting_series WHERE id = $1`, [seriesId]);
    expect(series).toEqual({ rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=6', duration_minutes: 120 });
  });

  it.each([
    ['no title', { title: '   ' }, ['title']],
    ['an end before the start', { endsAt: '2027-03-09T17:00:00+05:00' }, ['endsAt']],
    ['a time without offset', { startsAt: '2027-03-09T18:00:00' }, ['startsAt']],
    ['an online meeting without link', { format: 'online', venue: undefined }, ['onlineLink']],
    ['a plain-http link', { format: 'hybrid', onlineLink: 'http://meet.example.org/x' }, ['onlineLink']],
    ['an unknown format and visibility', { format: 'party', visibility: 'secret' }, ['format', 'visibility']],
    ['a topic that is not a uuid', { topicIds: ['youth'] }, ['topicIds']],
    ['an agenda item without title', { agenda: [{ presenter: 'x' }] }, ['agenda.0.title']],
    ['an unknown field', { attendees: ['someone'] }, ['attendees']],
    ['an in-person meeting without a place', { venue: undefined }, ['venue']],
    ['a venue and a venue community at once', { venueCommunityId: randomUUID() }, ['venueCommunityId']],
    ['a venue community outside the club', { venue: undefined, venueCommunityId: randomUUID() }, ['venueCommunityId']],
    ['an unknown topic', { topicIds: [randomUUID()] }, ['topicIds']],
  ])('refuses %s with 400 and writes nothing', async (_case, overrides, fields) => {
    const response = await create(s.club.id, s.coordinator, meeting('2027-03-09', overrides));
    expectValidationFailure(response, ...fields);
    expect(await countRows(t.db, `SELECT 1 FROM meetings WHERE club_id = $1 AND starts_at::date = '2027-03-09'`, [s.club.id])).toBe(0);
  });

  it.each([
    ['an invalid rule', 'FREQ=SOMETIMES;COUNT=3'],
    ['a rule with DTSTART', 'DTSTART=20270101T000000Z;FREQ=WEEKLY;COUNT=3'],
    ['more than 60 occurrences', 'FREQ=WEEKLY;COUNT=61'],
    ['a rule that never ends', 'FREQ=WEEKLY'],
  ])('refuses %s with MEETING.INVALID_RECURRENCE and writes no series', async (_case, rrule) => {
    const before = await meetingsOf(s.club.id);
    const seriesBefore = await countRows(t.db, `SELECT 1 FROM meeting_series WHERE club_id = $1`, [s.club.id]);
    const response = await create(s.club.id, s.coordinator, { ...meeting('2028-01-04'), recurrence: { rrule } });
    expectError(response, 400, 'MEETING.INVALID_RECURRENCE');
    expect(response.body.fields).toHaveProperty(['recurrence.rrule']);
    expect(await meetingsOf(s.club.id)).toBe(before);
    expect(await countRows(t.db, `SELECT 1 FROM meeting_series WHERE club_id = $1`, [s.club.id])).toBe(seriesBefore);
  });

  it("lets only this club's coordinators schedule (403), needs a session (401), and 404s an unknown club", async () => {
    const before = await meetingsOf(s.club.id);
    for (const user of [s.mosqueRep, s.outsider, s.otherCoordinator]) {
      expectError(await create(s.club.id, user, meeting('2027-03-16')), 403, 'FORBIDDEN');
    }
    expectError(await create(s.club.id, null, meeting('2027-03-16')), 401, 'UNAUTHENTICATED');
    expectError(await create(randomUUID(), s.coordinator, meeting('2027-03-16')), 404, 'NOT_FOUND');
    expectValidationFailure(await create('not-a-uuid', s.coordinator, meeting('2027-03-16')), 'clubId');
    expect(await meetingsOf(s.club.id)).toBe(before);
  });

  it('refuses an archived topic for a new meeting', async () => {
    const { rows: [topic] } = await t.db.query(
      `INSERT INTO topics (code, name, archived) VALUES ($1, '{"kk":"x","ru":"x","en":"x"}', true) RETURNING id`,
      [unique('archived_')],
    );
    expectValidationFailure(await create(s.club.id, s.coordinator, meeting('2027-03-23', { topicIds: [topic.id] })), 'topicIds');
  });
});

describe('conflicts', () => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting();
  });

  it('refuses a double-booked club with 409 naming the meeting, and writes nothing', async () => {
    const first = await create(s.club.id, s.coordinator, meeting('2027-04-13'));
    expect(first.status).toBe(201);
    const before = await meetingsOf(s.club.id);

    const clash = await create(s.club.id, s.coordinator, meeting('2027-04-13', { startsAt: '2027-04-13T19:00:00+05:00', endsAt: '2027-04-13T21:00:00+05:00' }));

    expectError(clash, 409, 'MEETING.CONFLICT');
    expect(clash.body.fields).toMatchObject({ meetingId: first.body[0].id, kind: 'club' });
    expect(await meetingsOf(s.club.id)).toBe(before);
  });

  it('accepts a meeting that starts when the other ends', async () => {
    await create(s.club.id, s.coordinator, meeting('2027-04-20'));
    const next = await create(s.club.id, s.coordinator, meeting('2027-04-20', { startsAt: '2027-04-20T20:00:00+05:00', endsAt: '2027-04-20T21:00:00+05:00' }));
    expect(next.status).toBe(201);
  });

  it('refuses a whole series when one occurrence clashes (no series, no rows)', async () => {
    const taken = await create(s.club.id, s.coordinator, meeting('2027-05-18'));
    expect(taken.status).toBe(201);
    const before = await meetingsOf(s.club.id);
    const seriesBefore = await countRows(t.db, `SELECT 1 FROM meeting_series WHERE club_id = $1`, [s.club.id]);

    const series = await create(s.club.id, s.coordinator, { ...meeting('2027-05-04'), recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4' } });

    expectError(series, 409, 'MEETING.CONFLICT');
    expect(series.body.fields.meetingId).toBe(taken.body[0].id);
    expect(await meetingsOf(s.club.id)).toBe(before);
    expect(await countRows(t.db, `SELECT 1 FROM meeting_series WHERE club_id = $1`, [s.club.id])).toBe(seriesBefore);
  });

  it("refuses another club's meeting at the same venue (spelled differently), but not online or after cancellation", async () => {
    const venue = unique('Friendship House ');
    const first = await create(s.club.id, s.coordinator, meeting('2027-06-08', { venue, visibility: 'club' }));
    expect(first.status).toBe(201);
    const other = await setting();

    const clash = await create(other.club.id, other.coordinator, meeting('2027-06-08', { venue: `  ${venue.toUpperCase().replace(' ', '   ')} ` }));
    expectError(clash, 409, 'MEETING.CONFLICT');
    expect(clash.body.fields).toEqual({ kind: 'venue', startsAt: '2027-06-08T13:00:00.000Z', endsAt: '2027-06-08T15:00:00.000Z', count: '1' });

    const check = await t.api.post(`/api/clubs/${other.club.id}/meetings/check`).set(other.coordinator.auth).send(meeting('2027-06-08', { venue }));
    // Another club's club-only meeting is outside this coordinator's sight: only "that venue is busy then" (no id, no title).
    expect(check.body.conflicts).toEqual([
      { kind: 'venue', meetingId: null, title: '', startsAt: '2027-06-08T13:00:00.000Z', endsAt: '2027-06-08T15:00:00.000Z' },
    ]);

    const online = await create(other.club.id, other.coordinator, meeting('2027-06-08', { format: 'online', venue: undefined, onlineLink: 'https://meet.example.org/abc' }));
    expect(online.status).toBe(201);

    const cancelled = await t.api.post(`/api/meetings/${first.body[0].id}/cancel`).set(s.coordinator.auth).send({ scope: 'occurrence', reason: 'Hall closed', version: 1 });
    expect(cancelled.status).toBe(200);
    const other2 = await setting();
    expect((await create(other2.club.id, other2.coordinator, meeting('2027-06-08', { venue }))).status).toBe(201);
  });

  it('a meeting at a community venue clashes with another meeting there', async () => {
    const first = await create(s.club.id, s.coordinator, meeting('2027-06-15', { venue: undefined, venueCommunityId: s.mosque.id }));
    expect(first.status).toBe(201);
    const other = await setting();
    await f.newParticipation({ clubId: other.club.id, communityId: s.mosque.id, status: 'member' });
    const clash = await create(other.club.id, other.coordinator, meeting('2027-06-15', { venue: undefined, venueCommunityId: s.mosque.id }));
    expectError(clash, 409, 'MEETING.CONFLICT');
    expect(clash.body.fields.kind).toBe('venue');
  });
});

describe('checking a plan (POST /api/clubs/:clubId/meetings/check)', () => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting();
  });

  it('warns about Oraza Ait when a Sunni Muslim community is invited, and about Friday prayer, writing nothing', async () => {
    const before = await meetingsOf(s.club.id);
    const response = await t.api
      .post(`/api/clubs/${s.club.id}/meetings/check`)
      .set(s.coordinator.auth)
      .send(meeting('2026-03-20', { startsAt: '2026-03-20T13:00:00+05:00', endsAt: '2026-03-20T15:00:00+05:00' }));

    expect(response.status).toBe(200);
    expect(response.body.conflicts).toEqual([]);
    expect(response.body.warnings).toEqual([
      {
        kind: 'holiday',
        date: '2026-03-20',
        traditions: ['sunni_islam'],
        holiday: expect.objectContaining({ code: 'oraza_ait', tradition: 'sunni_islam', date: '2026-03-20', days: 1, name: expect.objectContaining({ en: 'Oraza Ait (Eid al-Fitr)' }) }),
      },
      {
        kind: 'observance',
        date: '2026-03-20',
        traditions: ['sunni_islam'],
        observance: expect.objectContaining({ code: 'friday_prayer', weekday: 5, startTime: '12:00', endTime: '14:30' }),
      },
    ]);
    expect(await meetingsOf(s.club.id)).toBe(before);
  });

  it('returns the warnings on creation too, without blocking it', async () => {
    const response = await create(s.club.id, s.coordinator, { ...meeting('2026-03-20'), acknowledgeWarnings: true });
    expect(response.status).toBe(201);
    expect(response.body[0].warnings).toEqual([expect.objectContaining({ kind: 'holiday', date: '2026-03-20', holiday: expect.objectContaining({ code: 'oraza_ait' }) })]);
  });

  it('gives no Oraza Ait warning to a club without a Sunni Muslim community, but the national Nauryz to everyone', async () => {
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const oraza = await t.api.post(`/api/clubs/${club.id}/meetings/check`).set(coordinator.auth).send(meeting('2026-03-20'));
    expect(oraza.body).toEqual({ conflicts: [], warnings: [] });
    const nauryz = await t.api.post(`/api/clubs/${club.id}/meetings/check`).set(coordinator.auth).send(meeting('2026-03-22'));
    expect(nauryz.body.warnings).toEqual([expect.objectContaining({ kind: 'holiday', holiday: expect.objectContaining({ code: 'nauryz', tradition: null }) })]);
  });

  it('lists the conflicts of every occurrence of a series', async () => {
    const taken = await create(s.club.id, s.coordinator, meeting('2027-07-13'));
    const response = await t.api
      .post(`/api/clubs/${s.club.id}/meetings/check`)
      .set(s.coordinator.auth)
      .send({ ...meeting('2027-07-06'), recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' } });
    expect(response.body.conflicts).toEqual([expect.objectContaining({ kind: 'club', meetingId: taken.body[0].id, title: 'Youth and online radicalization' })]);
  });

  it('is for coordinators of this club only and validates the body', async () => {
    const check = (user: TestUser, body: unknown) => t.api.post(`/api/clubs/${s.club.id}/meetings/check`).set(user.auth).send(body as object);
    expectError(await check(s.mosqueRep, meeting('2027-07-06')), 403, 'FORBIDDEN');
    expectError(await check(s.otherCoordinator, meeting('2027-07-06')), 403, 'FORBIDDEN');
    expectValidationFailure(await check(s.coordinator, { ...meeting('2027-07-06'), startsAt: 'tomorrow' }), 'startsAt');
    expectError(await check(s.coordinator, { ...meeting('2027-07-06'), recurrence: { rrule: 'FREQ=HOURLY;COUNT=2' } }), 400, 'MEETING.INVALID_RECURRENCE');
  });
});

describe('who sees which meetings', () => {
  let s: Setting;
  let publicMeeting: { id: string };
  let clubMeeting: { id: string };
  let atHouseChurch: { id: string };

  beforeAll(async () => {
    s = await setting();
    const made = await Promise.all([
      create(s.club.id, s.coordinator, meeting('2027-08-03', { visibility: 'public', title: 'Open forum' })),
      create(s.club.id, s.coordinator, meeting('2027-08-10', { visibility: 'club', title: 'Internal planning' })),
      create(s.club.id, s.coordinator, meeting('2027-08-17', { visibility: 'public', title: 'Visit', venue: undefined, venueCommunityId: s.houseChurch.id })),
    ]);
    [publicMeeting, clubMeeting, atHouseChurch] = made.map((response) => {
      expect(response.status).toBe(201);
      return response.body[0];
    });
  });

  const list = (user: TestUser | null, query: Record<string, string> = { from: '2027-08-01', to: '2027-08-31' }) => {
    const request = t.api.get(`/api/clubs/${s.club.id}/meetings`).query(query);
    return user ? request.set(user.auth) : request;
  };
  const titles = (response: { body: Array<{ title: string }> }) => response.body.map((m) => m.title);

  it('shows anonymous visitors and outsiders the public meetings only', async () => {
    for (const user of [null, s.outsider, s.otherCoordinator]) {
      const response = await list(user);
      expect(response.status).toBe(200);
      expect(titles(response)).toEqual(['Open forum', 'Visit']);
    }
  });

  it("shows the club's coordinators and participants every meeting", async () => {
    for (const user of [s.coordinator, s.mosqueRep, s.houseChurchRep]) {
      expect(titles(await list(user))).toEqual(['Open forum', 'Internal planning', 'Visit']);
    }
  });

  it("is 404 for a club-only meeting outside the club, exactly like a meeting that doesn't exist", async () => {
    expectError(await t.api.get(`/api/meetings/${clubMeeting.id}`), 404, 'NOT_FOUND');
    expectError(await t.api.get(`/api/meetings/${clubMeeting.id}`).set(s.outsider.auth), 404, 'NOT_FOUND');
    expectError(await t.api.get(`/api/meetings/${randomUUID()}`), 404, 'NOT_FOUND');
    expect((await t.api.get(`/api/meetings/${clubMeeting.id}`).set(s.houseChurchRep.auth)).status).toBe(200);
    const open = await t.api.get(`/api/meetings/${publicMeeting.id}`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ title: 'Open forum', checkInCode: null, viewerIsCoordinator: false, viewerCanRsvp: false, warnings: [] });
  });

  it("never shows the public a non-registered community's name as a venue, but shows it to the club", async () => {
    const anonymous = await t.api.get(`/api/meetings/${atHouseChurch.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ venue: null, venueCommunity: null });
    expect(JSON.stringify(anonymous.body)).not.toContain(s.houseChurch.name);
    expect(JSON.stringify((await list(null)).body)).not.toContain(s.houseChurch.name);
    expect(JSON.stringify((await list(s.outsider)).body)).not.toContain(s.houseChurch.name);

    const participant = await t.api.get(`/api/meetings/${atHouseChurch.id}`).set(s.mosqueRep.auth);
    expect(participant.body.venueCommunity).toEqual({
      id: s.houseChurch.id,
      name: s.houseChurch.name,
      tradition: 'evangelical_protestant',
      registrationStatus: 'not_registered',
    });
    expect((await list(s.mosqueRep)).body.find((m: { id: string }) => m.id === atHouseChurch.id).venue).toBe(s.houseChurch.name);
  });

  it('validates the window: from/to as dates, to after from, at most 13 months', async () => {
    expectValidationFailure(await list(null, { from: 'yesterday' }), 'from');
    expectValidationFailure(await list(null, { from: '2027-08-01', to: '2027-07-01' }), 'to');
    expectValidationFailure(await list(null, { from: '2027-01-01', to: '2028-03-01' }), 'to');
    expectValidationFailure(await list(null, { since: '2027-01-01' }), 'since');
    expect((await list(null, { from: '2027-01-01', to: '2028-01-31' })).status).toBe(200);
    expectError(await t.api.get(`/api/clubs/${randomUUID()}/meetings`), 404, 'NOT_FOUND');
  });

  it('defaults to a month back and six months ahead', async () => {
    const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const made = await create(s.club.id, s.coordinator, meeting(soon, { visibility: 'public', title: 'Next week' }));
    expect(made.status).toBe(201);
    expect(titles(await list(null, {}))).toContain('Next week');
    expect(titles(await list(null, {}))).not.toContain('Open forum');
  });
});

describe('editing and cancelling', () => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting();
  });

  const patch = (id: string, user: TestUser, body: Record<string, unknown>) => t.api.patch(`/api/meetings/${id}`).set(user.auth).send(body);
  const cancel = (id: string, user: TestUser, body: Record<string, unknown>) => t.api.post(`/api/meetings/${id}/cancel`).set(user.auth).send(body);

  async function weeklySeries(date: string, count = 4) {
    const response = await create(s.club.id, s.coordinator, { ...meeting(date), recurrence: { rrule: `FREQ=WEEKLY;COUNT=${count}` } });
    expect(response.status).toBe(201);
    return response.body as Array<{ id: string; startsAt: string; version: number; seriesId: string }>;
  }

  it('edits one occurrence: it is detached and alone changes', async () => {
    const series = await weeklySeries('2027-09-07');
    const response = await patch(series[1].id, s.coordinator, { scope: 'occurrence', version: 1, title: 'Special session' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual([expect.objectContaining({ id: series[1].id, title: 'Special session', detached: true, version: 2, seriesId: series[0].seriesId })]);
    expect(await stored(series[0].id)).toMatchObject({ title: 'Youth and online radicalization', version: 1, detached: false });
    expect(await stored(series[2].id)).toMatchObject({ title: 'Youth and online radicalization', version: 1 });
  });

  it('edits the series from one occurrence on: later non-detached occurrences shift by the same offset', async () => {
    const series = await weeklySeries('2027-10-05');
    expect((await patch(series[2].id, s.coordinator, { scope: 'occurrence', version: 1, title: 'Detached' })).status).toBe(200);

    const response = await patch(series[1].id, s.coordinator, {
      scope: 'series',
      version: 1,
      title: 'Moved to 19:00',
      startsAt: '2027-10-12T19:00:00+05:00',
      endsAt: '2027-10-12T20:30:00+05:00',
      topicIds: [topicIds.environment],
    });

    expect(response.status).toBe(200);
    expect(response.body.map((m: { id: string; startsAt: string; endsAt: string; title: string }) => [m.id, m.startsAt, m.endsAt, m.title])).toEqual([
      [series[1].id, '2027-10-12T14:00:00.000Z', '2027-10-12T15:30:00.000Z', 'Moved to 19:00'],
      [series[3].id, '2027-10-26T14:00:00.000Z', '2027-10-26T15:30:00.000Z', 'Moved to 19:00'],
    ]);
    expect(response.body[0].topics.map((topic: { code: string }) => topic.code)).toEqual(['environment']);
    expect(response.body[0].detached).toBe(false);
    // The earlier occurrence and the detached one are left alone.
    expect(await stored(series[0].id)).toMatchObject({ title: 'Youth and online radicalization', version: 1 });
    expect(await stored(series[2].id)).toMatchObject({ title: 'Detached', version: 2 });
    expect((await stored(series[2].id)).starts_at.toISOString()).toBe('2027-10-19T13:00:00.000Z');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const [m] = await weeklySeries('2027-11-02', 1);
    expect((await patch(m.id, s.coordinator, { scope: 'occurrence', version: 1, title: 'First edit' })).status).toBe(200);
    expectError(await patch(m.id, s.coordinator, { scope: 'occurrence', version: 1, title: 'Lost edit' }), 409, 'MEETING.STALE_VERSION');
    expectError(await cancel(m.id, s.coordinator, { scope: 'occurrence', version: 1, reason: 'x' }), 409, 'MEETING.STALE_VERSION');
    expect(await stored(m.id)).toMatchObject({ title: 'First edit', version: 2, status: 'scheduled' });
  });

  it('refuses an edit that would double-book the club', async () => {
    const [a] = await weeklySeries('2027-11-09', 1);
    const [b] = await weeklySeries('2027-11-10', 1);
    const moved = await patch(b.id, s.coordinator, { scope: 'occurrence', version: 1, startsAt: '2027-11-09T19:00:00+05:00', endsAt: '2027-11-09T21:00:00+05:00' });
    expectError(moved, 409, 'MEETING.CONFLICT');
    expect(moved.body.fields.meetingId).toBe(a.id);
    expect(await stored(b.id)).toMatchObject({ version: 1 });
    // Moving within its own slot does not conflict with itself.
    expect((await patch(a.id, s.coordinator, { scope: 'occurrence', version: 1, startsAt: '2027-11-09T18:30:00+05:00' })).status).toBe(200);
  });

  it('validates the edit: times, online link, no recurrence, no nulling the title', async () => {
    const [m] = await weeklySeries('2027-11-16', 1);
    expectValidationFailure(await patch(m.id, s.coordinator, { scope: 'occurrence', version: 1, endsAt: '2027-11-16T17:00:00+05:00' }), 'endsAt');
    expectValidationFailure(await patch(m.id, s.coordinator, { scope: 'occurrence', version: 1, format: 'online' }), 'onlineLink');
    expectValidationFailure(await patch(m.id, s.coordinator, { scope: 'occurrence', version: 1, recurrence: { rrule: 'FREQ=DAILY;COUNT=2' } }), 'recurrence');
    expectValidationFailure(await patch(m.id, s.coordinator, { scope: 'occurrence', version: 1, title: null }), 'title');
    expectValidationFailure(await patch(m.id, s.coordinator, { scope: 'sometimes', version: 0 }), 'scope', 'version');
    expect(await stored(m.id)).toMatchObject({ version: 1, title: 'Youth and online radicalization' });
    // Going online with a link clears the place.
    const online = await patch(m.id, s.coordinator, { scope: 'occurrence', version: 1, format: 'online', onlineLink: 'https://meet.example.org/z' });
    expect(online.status).toBe(200);
    expect(online.body[0]).toMatchObject({ format: 'online', venue: null, onlineLink: 'https://meet.example.org/z' });
  });

  it("is for this club's coordinators: 403 for a participant, 404 for outsiders of a club-only meeting", async () => {
    const [m] = await weeklySeries('2027-11-23', 1);
    expectError(await patch(m.id, s.mosqueRep, { scope: 'occurrence', version: 1, title: 'Hijack' }), 403, 'FORBIDDEN');
    expectError(await patch(m.id, s.otherCoordinator, { scope: 'occurrence', version: 1, title: 'Hijack' }), 404, 'NOT_FOUND');
    expectError(await cancel(m.id, s.outsider, { scope: 'occurrence', version: 1, reason: 'Hijack' }), 404, 'NOT_FOUND');
    expectError(await cancel(m.id, s.mosqueRep, { scope: 'occurrence', version: 1, reason: 'Hijack' }), 403, 'FORBIDDEN');
    expectError(await patch(randomUUID(), s.coordinator, { scope: 'occurrence', version: 1, title: 'x' }), 404, 'NOT_FOUND');
    expect(await stored(m.id)).toMatchObject({ version: 1, status: 'scheduled' });
  });

  it('cancels one occurrence with a reason; a second cancel is refused', async () => {
    const series = await weeklySeries('2027-12-07', 3);
    const response = await cancel(series[0].id, s.coordinator, { scope: 'occurrence', version: 1, reason: '  Snow storm  ' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([expect.objectContaining({ id: series[0].id, status: 'cancelled', cancelReason: 'Snow storm', version: 2 })]);
    expect(await stored(series[1].id)).toMatchObject({ status: 'scheduled' });
    expectError(await cancel(series[0].id, s.coordinator, { scope: 'occurrence', version: 2, reason: 'again' }), 409, 'MEETING.CANCELLED');
    expectError(await patch(series[0].id, s.coordinator, { scope: 'occurrence', version: 2, title: 'x' }), 409, 'MEETING.CANCELLED');
  });

  it('cancels the rest of a series from one occurrence on', async () => {
    const series = await weeklySeries('2028-01-04', 4);
    const response = await cancel(series[1].id, s.coordinator, { scope: 'series', version: 1, reason: 'The club pauses' });
    expect(response.status).toBe(200);
    expect(response.body.map((m: { id: string }) => m.id)).toEqual([series[1].id, series[2].id, series[3].id]);
    expect(await stored(series[0].id)).toMatchObject({ status: 'scheduled' });
    expect(await stored(series[3].id)).toMatchObject({ status: 'cancelled', cancel_reason: 'The club pauses' });
  });

  it('cancelling a series takes the scheduling lock: an edit racing it lands before and is cancelled with the rest, or is refused', async () => {
    for (const date of ['2028-03-07', '2028-05-02', '2028-06-06']) {
      const series = await weeklySeries(date, 4);
      const [cancelled, edited] = await Promise.all([
        cancel(series[1].id, s.coordinator, { scope: 'series', version: 1, reason: 'The club pauses' }),
        patch(series[2].id, s.coordinator, { scope: 'occurrence', version: 1, title: 'Special session' }),
      ]);
      expect(cancelled.status).toBe(200);
      expect([200, 409]).toContain(edited.status);
      if (edited.status === 409) expect(edited.body.code).toBe('MEETING.CANCELLED');
      // Whichever came first, no occurrence from the cancelled one on is left scheduled.
      for (const occurrence of series.slice(1)) expect(await stored(occurrence.id)).toMatchObject({ status: 'cancelled' });
      expect(await stored(series[0].id)).toMatchObject({ status: 'scheduled' });
    }
  });

  it('validates the cancellation body and writes nothing', async () => {
    const [m] = await weeklySeries('2028-02-01', 1);
    expectValidationFailure(await cancel(m.id, s.coordinator, { scope: 'occurrence', version: 1, reason: '   ' }), 'reason');
    expectValidationFailure(await cancel(m.id, s.coordinator, { scope: 'all', reason: 'x' }), 'scope', 'version');
    expectValidationFailure(await cancel('nope', s.coordinator, { scope: 'occurrence', version: 1, reason: 'x' }), 'id');
    expect(await stored(m.id)).toMatchObject({ status: 'scheduled', version: 1 });
  });
});
