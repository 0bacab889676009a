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
const fromNow = (minutes: number) => new Date(Date.now() + minutes * MINUTE);
/** Participations older than any meeting of the tests: the roster of each meeting's day includes them. */
const LONG_AGO = new Date(Date.now() - 400 * 24 * 60 * MINUTE);

interface Club {
  club: TestClub;
  coordinator: TestUser;
  /** A registered member community and its representative. */
  member: TestCommunity;
  memberRep: TestUser;
  /** A non-registered observer community and its representative. */
  observer: TestCommunity;
  observerRep: TestUser;
  /** A community with a pending application only: neither participant nor invited. */
  applicant: TestCommunity;
  applicantRep: TestUser;
  /** The coordinator of another club. */
  otherCoordinator: TestUser;
}

async function newClubWithPeople(): Promise<Club> {
  const club = await f.newClub();
  const [member, observer, applicant, otherClub] = await Promise.all([
    f.newCommunity({ registered: true, name: `Member ${club.name}` }),
    f.newCommunity({ registered: false, name: `Observer ${club.name}` }),
    f.newCommunity({ registered: false, name: `Applicant ${club.name}` }),
    f.newClub(),
  ]);
  await Promise.all([
    f.newParticipation({ clubId: club.id, communityId: member.id, status: 'member', since: LONG_AGO }),
    f.newParticipation({ clubId: club.id, communityId: observer.id, status: 'observer', since: LONG_AGO }),
    f.newParticipation({ clubId: club.id, communityId: applicant.id, status: 'applied', since: LONG_AGO }),
  ]);
  const [coordinator, memberRep, observerRep, applicantRep, otherCoordinator] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'representative', communityId: member.id }),
    f.newUser({ role: 'representative', communityId: observer.id }),
    f.newUser({ role: 'representative', communityId: applicant.id }),
    f.newUser({ role: 'coordinator', clubId: otherClub.id }),
  ]);
  return { club, coordinator, member, memberRep, observer, observerRep, applicant, applicantRep, otherCoordinator };
}

interface MeetingOptions {
  startsAt?: Date;
  endsAt?: Date;
  status?: 'scheduled' | 'cancelled';
  visibility?: 'public' | 'club';
  code?: string;
}

/** A meeting written straight to the table (scheduling is another module's job). */
async function newMeeting(c: Club, options: MeetingOptions = {}): Promise<string> {
  const startsAt = options.startsAt ?? fromNow(-30);
  const endsAt = options.endsAt ?? new Date(startsAt.getTime() + 120 * MINUTE);
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, created_by_id)
     VALUES ($1, $2, $3, $4, 'in_person', $5, $6, $7, $8) RETURNING id`,
    [c.club.id, `Meeting ${randomUUID().slice(0, 8)}`, startsAt, endsAt, options.visibility ?? 'club',
      options.status ?? 'scheduled', options.code ?? 'K7Q2', c.coordinator.id],
  );
  return rows[0].id;
}

const rsvpsOf = (meetingId: string) => countRows(t.db, `SELECT 1 FROM rsvps WHERE meeting_id = $1`, [meetingId]);
const attendanceOf = (meetingId: string) => countRows(t.db, `SELECT 1 FROM attendance WHERE meeting_id = $1`, [meetingId]);
const eventsOf = (meetingId: string) => countRows(t.db, `SELECT 1 FROM attendance_events WHERE meeting_id = $1`, [meetingId]);

const rsvp = (meetingId: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.put(`/api/meetings/${meetingId}/rsvp`).set(user.auth).send(body);
const record = (meetingId: string, communityId: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.put(`/api/meetings/${meetingId}/attendance/${communityId}`).set(user.auth).send(body);
const checkIn = (meetingId: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.post(`/api/meetings/${meetingId}/check-in`).set(user.auth).send(body);

describe('PUT /api/meetings/:id/rsvp', () => {
  it('lets an invited community answer, and replaces the answer when it answers again', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { startsAt: fromNow(3 * 24 * 60) });

    const first = await rsvp(meeting, c.observerRep, { communityId: c.observer.id, answer: 'yes', attendees: 3 });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      communityId: c.observer.id,
      communityName: c.observer.name,
      answer: 'yes',
      attendees: 3,
      updatedAt: expect.any(String),
    });

    const second = await rsvp(meeting, c.observerRep, { communityId: c.observer.id, answer: 'maybe', attendees: 1 });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ answer: 'maybe', attendees: 1 });
    const { rows } = await t.db.query(`SELECT community_id, answer, attendees, responded_by_id FROM rsvps WHERE meeting_id = $1`, [meeting]);
    expect(rows).toEqual([{ community_id: c.observer.id, answer: 'maybe', attendees: 1, responded_by_id: c.observerRep.id }]);
  });

  it.each([
    ['an unknown answer', { answer: 'perhaps', attendees: 1 }, 'answer'],
    ['more than 500 attendees', { answer: 'yes', attendees: 501 }, 'attendees'],
    ['negative attendees', { answer: 'yes', attendees: -1 }, 'attendees'],
    ['fractional attendees', { answer: 'yes', attendees: 1.5 }, 'attendees'],
    ['no community', { communityId: undefined, answer: 'yes', attendees: 1 }, 'communityId'],
    ['an unknown field', { answer: 'yes', attendees: 1, note: 'hi' }, 'note'],
  ])('refuses %s (400), writing nothing', async (_title, body, field) => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { startsAt: fromNow(60 * 24) });
    const response = await rsvp(meeting, c.memberRep, { communityId: c.member.id, ...body });
    expectValidationFailure(response, field);
    expect(await rsvpsOf(meeting)).toBe(0);
  });

  it('refuses a cancelled or a past meeting (409 MEETING.CLOSED)', async () => {
    const c = await newClubWithPeople();
    const cancelled = await newMeeting(c, { startsAt: fromNow(60 * 24), status: 'cancelled' });
    const past = await newMeeting(c, { startsAt: fromNow(-60 * 24) });
    for (const meeting of [cancelled, past]) {
      expectError(await rsvp(meeting, c.memberRep, { communityId: c.member.id, answer: 'yes', attendees: 2 }), 409, 'MEETING.CLOSED');
      expect(await rsvpsOf(meeting)).toBe(0);
    }
  });

  it('refuses anyone but the representative of an invited community', async () => {
    const c = await newClubWithPeople();
    const clubOnly = await newMeeting(c, { startsAt: fromNow(60 * 24) });
    const publicMeeting = await newMeeting(c, { startsAt: fromNow(60 * 24), visibility: 'public' });
    const body = { communityId: c.member.id, answer: 'yes', attendees: 2 };

    // A participant answering for another community, a coordinator: the meeting is visible, the role is wrong.
    expectError(await rsvp(clubOnly, c.observerRep, body), 403, 'FORBIDDEN');
    expectError(await rsvp(clubOnly, c.coordinator, body), 403, 'FORBIDDEN');
    // An applicant is not invited: a club-only meeting does not exist for it, a public one refuses.
    expectError(await rsvp(clubOnly, c.applicantRep, { ...body, communityId: c.applicant.id }), 404, 'NOT_FOUND');
    expectError(await rsvp(publicMeeting, c.applicantRep, { ...body, communityId: c.applicant.id }), 403, 'FORBIDDEN');
    expectError(await rsvp(clubOnly, c.otherCoordinator, body), 404, 'NOT_FOUND');
    expect((await t.api.put(`/api/meetings/${clubOnly}/rsvp`).send(body)).status).toBe(401);
    expectError(await rsvp(randomUUID(), c.memberRep, body), 404, 'NOT_FOUND');
    expect(await rsvpsOf(clubOnly)).toBe(0);
    expect(await rsvpsOf(publicMeeting)).toBe(0);
  });

  it('refuses a suspended community (a participant, no longer invited)', async () => {
    const c = await newClubWithPeople();
    const suspended = await f.newCommunity({ registered: true });
    await f.newParticipation({ clubId: c.club.id, communityId: suspended.id, status: 'suspended', since: LONG_AGO });
    const rep = await f.newUser({ role: 'representative', communityId: suspended.id });
    const meeting = await newMeeting(c, { startsAt: fromNow(60 * 24) });
    expectError(await rsvp(meeting, rep, { communityId: suspended.id, answer: 'yes', attendees: 1 }), 403, 'FORBIDDEN');
    expect((await t.api.get(`/api/meetings/${meeting}/rsvps`).set(rep.auth)).status).toBe(200);
  });
});

describe('GET /api/meetings/:id/rsvps', () => {
  it('shows coordinators every answer, the tally and the invited communities; a representative its own answer and the tally', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { startsAt: fromNow(60 * 24) });
    await rsvp(meeting, c.memberRep, { communityId: c.member.id, answer: 'yes', attendees: 4 }).expect(200);
    await rsvp(meeting, c.observerRep, { communityId: c.observer.id, answer: 'no', attendees: 0 }).expect(200);

    const forCoordinator = await t.api.get(`/api/meetings/${meeting}/rsvps`).set(c.coordinator.auth);
    expect(forCoordinator.status).toBe(200);
    expect(forCoordinator.body.counts).toEqual({ yes: 1, no: 1, maybe: 0, noAnswer: 0, expectedPeople: 4 });
    expect(forCoordinator.body.responses.map((r: { communityId: string }) => r.communityId).sort()).toEqual(
      [c.member.id, c.observer.id].sort(),
    );
    expect(forCoordinator.body.invited.map((x: { id: string }) => x.id).sort()).toEqual([c.member.id, c.observer.id].sort());
    expect(forCoordinator.body.invited.map((x: { id: string }) => x.id)).not.toContain(c.applicant.id);

    const forMember = await t.api.get(`/api/meetings/${meeting}/rsvps`).set(c.memberRep.auth);
    expect(forMember.status).toBe(200);
    expect(forMember.body).toEqual({
      counts: { yes: 1, no: 1, maybe: 0, noAnswer: 0, expectedPeople: 4 },
      responses: [expect.objectContaining({ communityId: c.member.id, answer: 'yes', attendees: 4 })],
      invited: [],
    });
  });

  it('counts invited communities that have not answered', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { startsAt: fromNow(60 * 24) });
    await rsvp(meeting, c.memberRep, { communityId: c.member.id, answer: 'maybe', attendees: 2 }).expect(200);
    const response = await t.api.get(`/api/meetings/${meeting}/rsvps`).set(c.coordinator.auth);
    expect(response.body.counts).toEqual({ yes: 0, no: 0, maybe: 1, noAnswer: 1, expectedPeople: 0 });
  });

  it('is not found for anyone outside the club, even on a public meeting', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { startsAt: fromNow(60 * 24), visibility: 'public' });
    await rsvp(meeting, c.observerRep, { communityId: c.observer.id, answer: 'yes', attendees: 2 }).expect(200);
    for (const user of [c.applicantRep, c.otherCoordinator]) {
      const response = await t.api.get(`/api/meetings/${meeting}/rsvps`).set(user.auth);
      expectError(response, 404, 'NOT_FOUND');
      expect(JSON.stringify(response.body)).not.toContain(c.observer.name);
    }
    expect((await t.api.get(`/api/meetings/${meeting}/rsvps`)).status).toBe(401);
  });
});

describe('attendance against the roster of the meeting’s day', () => {
  it('does not let a community accepted today be marked present at last month’s meeting, and says why on the list', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { startsAt: fromNow(-30 * 24 * 60) });
    const newcomer = await f.newCommunity({ registered: true });
    await f.newParticipation({ clubId: c.club.id, communityId: newcomer.id, status: 'observer' });

    const list = await t.api.get(`/api/meetings/${meeting}/attendance`).set(c.coordinator.auth);
    expect(list.body.map((row: { communityId: string }) => row.communityId)).not.toContain(newcomer.id);
    expectError(await record(meeting, newcomer.id, c.coordinator, { status: 'present' }), 422, 'ATTENDANCE.NOT_ON_ROSTER');
    expect(await attendanceOf(meeting)).toBe(0);
  });

  it('shows a future meeting’s rows as not recordable yet, with the reason', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { startsAt: fromNow(3 * 24 * 60) });
    const list = await t.api.get(`/api/meetings/${meeting}/attendance`).set(c.coordinator.auth);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body.every((row: { recordable: boolean; whyNot: string }) => !row.recordable && row.whyNot === 'MEETING.NOT_STARTED')).toBe(true);
  });
});

describe('attendance', () => {
  it('lists the invited communities unrecorded, records and corrects attendance, and keeps every change', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);

    const before = await t.api.get(`/api/meetings/${meeting}/attendance`).set(c.coordinator.auth);
    expect(before.status).toBe(200);
    expect(before.body).toHaveLength(2);
    expect(before.body).toEqual(
      expect.arrayContaining([
        {
          communityId: c.member.id,
          community: { id: c.member.id, name: c.member.name, tradition: expect.any(String), registrationStatus: 'registered' },
          status: null,
          role: 'member',
          method: null,
          version: 0,
          updatedAt: null,
          recordable: true,
          whyNot: null,
        },
        expect.objectContaining({ communityId: c.observer.id, status: null, role: 'observer', version: 0 }),
      ]),
    );

    const present = await record(meeting, c.observer.id, c.coordinator, { status: 'present' });
    expect(present.status).toBe(200);
    expect(present.body).toMatchObject({ communityId: c.observer.id, status: 'present', role: 'observer', method: 'coordinator', version: 1 });

    const corrected = await record(meeting, c.observer.id, c.coordinator, { status: 'excused', version: 1 });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'excused', version: 2 });
    await record(meeting, c.member.id, c.coordinator, { status: 'absent', version: 0 }).expect(200);

    const history = await t.api.get(`/api/meetings/${meeting}/attendance/history`).set(c.coordinator.auth);
    expect(history.status).toBe(200);
    expect(history.body.map((e: Record<string, unknown>) => [e.communityName, e.fromStatus, e.toStatus, e.role, e.method, e.actorName])).toEqual([
      [c.observer.name, null, 'present', 'observer', 'coordinator', c.coordinator.displayName],
      [c.observer.name, 'present', 'excused', 'observer', 'coordinator', c.coordinator.displayName],
      [c.member.name, null, 'absent', 'member', 'coordinator', c.coordinator.displayName],
    ]);
    const { rows } = await t.db.query(
      `SELECT community_id, status, role, method, version, recorded_by_id FROM attendance WHERE meeting_id = $1 ORDER BY version`,
      [meeting],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { community_id: c.observer.id, status: 'excused', role: 'observer', method: 'coordinator', version: 2, recorded_by_id: c.coordinator.id },
        { community_id: c.member.id, status: 'absent', role: 'member', method: 'coordinator', version: 1, recorded_by_id: c.coordinator.id },
      ]),
    );
    expect(await eventsOf(meeting)).toBe(3);

    // The participants see the list too.
    const forObserver = await t.api.get(`/api/meetings/${meeting}/attendance`).set(c.observerRep.auth);
    expect(forObserver.status).toBe(200);
    expect(forObserver.body.map((a: { communityId: string; status: string }) => [a.communityId, a.status]).sort()).toEqual(
      [[c.member.id, 'absent'], [c.observer.id, 'excused']].sort(),
    );
  });

  it('writes no event when the status does not change', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    await record(meeting, c.member.id, c.coordinator, { status: 'present' }).expect(200);
    const same = await record(meeting, c.member.id, c.coordinator, { status: 'present', version: 1 });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ status: 'present', version: 1 });
    expect(await eventsOf(meeting)).toBe(1);
  });

  it('refuses a stale version (409), writing nothing', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    await record(meeting, c.member.id, c.coordinator, { status: 'present' }).expect(200);
    await record(meeting, c.member.id, c.coordinator, { status: 'absent', version: 1 }).expect(200);

    expectError(await record(meeting, c.member.id, c.coordinator, { status: 'excused', version: 1 }), 409, 'ATTENDANCE.STALE_VERSION');
    expectError(await record(meeting, c.member.id, c.coordinator, { status: 'excused' }), 409, 'ATTENDANCE.STALE_VERSION');
    expectError(await record(meeting, c.observer.id, c.coordinator, { status: 'excused', version: 3 }), 409, 'ATTENDANCE.STALE_VERSION');
    const { rows } = await t.db.query(`SELECT status, version FROM attendance WHERE meeting_id = $1`, [meeting]);
    expect(rows).toEqual([{ status: 'absent', version: 2 }]);
    expect(await eventsOf(meeting)).toBe(2);
  });

  it('of 5 parallel updates with the same version, exactly one wins', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    // First recording (version 0), then a correction (version 1) raced five times. The correction
    // only uses statuses other than the recorded one: repeating the current status is a no-op, not a change.
    const first = ['present', 'absent', 'excused', 'present', 'absent'] as const;
    const others = (recorded: string) => (['present', 'absent', 'excused'] as const).filter((s) => s !== recorded);
    let recorded = '';
    for (const version of [0, 1]) {
      const statuses = version === 0 ? first : [...others(recorded), ...others(recorded), others(recorded)[0]];
      const responses = await Promise.all(statuses.map((status) => record(meeting, c.observer.id, c.coordinator, { status, version })));
      recorded = responses.find((r) => r.status === 200)?.body.status;
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      for (const loser of responses.filter((r) => r.status !== 200)) expectError(loser, 409, 'ATTENDANCE.STALE_VERSION');
    }
    const { rows } = await t.db.query(`SELECT version FROM attendance WHERE meeting_id = $1`, [meeting]);
    expect(rows).toEqual([{ version: 2 }]);
    expect(await eventsOf(meeting)).toBeLessThanOrEqual(2);
    expect(await eventsOf(meeting)).toBeGreaterThanOrEqual(1);
  });

  it('refuses a future meeting more than an hour ahead (409 MEETING.NOT_STARTED) and a cancelled one (409 MEETING.CANCELLED)', async () => {
    const c = await newClubWithPeople();
    const future = await newMeeting(c, { startsAt: fromNow(2 * 24 * 60) });
    const cancelled = await newMeeting(c, { status: 'cancelled' });
    const soon = await newMeeting(c, { startsAt: fromNow(45) });

    expectError(await record(future, c.member.id, c.coordinator, { status: 'present' }), 409, 'MEETING.NOT_STARTED');
    expectError(await record(cancelled, c.member.id, c.coordinator, { status: 'present' }), 409, 'MEETING.CANCELLED');
    expect(await attendanceOf(future)).toBe(0);
    expect(await attendanceOf(cancelled)).toBe(0);
    expect(await eventsOf(future)).toBe(0);
    // Within the hour before the start, attendance opens.
    await record(soon, c.member.id, c.coordinator, { status: 'present' }).expect(200);
  });

  it.each([
    ['an unknown status', { status: 'late' }, 'status'],
    ['a negative version', { status: 'present', version: -1 }, 'version'],
    ['a text version', { status: 'present', version: 'one' }, 'version'],
    ['an unknown field', { status: 'present', role: 'member' }, 'role'],
  ])('refuses %s (400), writing nothing', async (_title, body, field) => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    expectValidationFailure(await record(meeting, c.member.id, c.coordinator, body), field);
    expect(await attendanceOf(meeting)).toBe(0);
    expect(await eventsOf(meeting)).toBe(0);
  });

  it('refuses a community id that is not a uuid (400), a community outside the club (404), and one not on the roster of the day (422)', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    expectValidationFailure(await record(meeting, 'not-a-uuid', c.coordinator, { status: 'present' }), 'communityId');
    const stranger = await f.newCommunity({ registered: true });
    expectError(await record(meeting, stranger.id, c.coordinator, { status: 'present' }), 404, 'NOT_FOUND');
    expectError(await record(meeting, c.applicant.id, c.coordinator, { status: 'present' }), 422, 'ATTENDANCE.NOT_ON_ROSTER');
    expect(await attendanceOf(meeting)).toBe(0);
  });

  it('records a suspended community as observer and a member as member (the role at recording)', async () => {
    const c = await newClubWithPeople();
    const suspended = await f.newCommunity({ registered: true });
    await f.newParticipation({ clubId: c.club.id, communityId: suspended.id, status: 'suspended', since: LONG_AGO });
    const meeting = await newMeeting(c);
    expect((await record(meeting, suspended.id, c.coordinator, { status: 'present' })).body).toMatchObject({ role: 'observer' });
    expect((await record(meeting, c.member.id, c.coordinator, { status: 'present' })).body).toMatchObject({ role: 'member' });
    // Recorded, it is listed although it is not invited.
    const list = await t.api.get(`/api/meetings/${meeting}/attendance`).set(c.coordinator.auth);
    expect(list.body.map((a: { communityId: string }) => a.communityId)).toContain(suspended.id);
  });

  it("lets only the club's coordinators record attendance and read the history", async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    const publicMeeting = await newMeeting(c, { visibility: 'public' });
    expectError(await record(meeting, c.member.id, c.memberRep, { status: 'present' }), 403, 'FORBIDDEN');
    expectError(await record(meeting, c.member.id, c.otherCoordinator, { status: 'present' }), 404, 'NOT_FOUND');
    expectError(await record(publicMeeting, c.member.id, c.otherCoordinator, { status: 'present' }), 403, 'FORBIDDEN');
    expect((await t.api.put(`/api/meetings/${meeting}/attendance/${c.member.id}`).send({ status: 'present' })).status).toBe(401);
    expect(await attendanceOf(meeting)).toBe(0);
    expect(await attendanceOf(publicMeeting)).toBe(0);

    expectError(await t.api.get(`/api/meetings/${meeting}/attendance/history`).set(c.observerRep.auth), 403, 'FORBIDDEN');
    expectError(await t.api.get(`/api/meetings/${meeting}/attendance/history`).set(c.otherCoordinator.auth), 404, 'NOT_FOUND');
  });

  it('shows attendance to nobody outside the club, even on a public meeting', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { visibility: 'public' });
    await record(meeting, c.observer.id, c.coordinator, { status: 'present' }).expect(200);
    for (const user of [c.applicantRep, c.otherCoordinator]) {
      const response = await t.api.get(`/api/meetings/${meeting}/attendance`).set(user.auth);
      expectError(response, 404, 'NOT_FOUND');
      expect(JSON.stringify(response.body)).not.toContain(c.observer.name);
    }
    expect((await t.api.get(`/api/meetings/${meeting}/attendance`)).status).toBe(401);
  });

  it('hides from participants a non-registered community that has left the club; its coordinators still see the record', async () => {
    const c = await newClubWithPeople();
    const leaver = await f.newCommunity({ registered: false });
    const participation = await f.newParticipation({ clubId: c.club.id, communityId: leaver.id, status: 'observer', since: LONG_AGO });
    const meeting = await newMeeting(c);
    await record(meeting, leaver.id, c.coordinator, { status: 'present' }).expect(200);
    await t.db.query(`UPDATE participations SET status = 'withdrawn' WHERE id = $1`, [participation.id]);

    const forMember = await t.api.get(`/api/meetings/${meeting}/attendance`).set(c.memberRep.auth);
    expect(forMember.status).toBe(200);
    expect(JSON.stringify(forMember.body)).not.toContain(leaver.name);
    expect(forMember.body.map((a: { communityId: string }) => a.communityId)).not.toContain(leaver.id);

    const forCoordinator = await t.api.get(`/api/meetings/${meeting}/attendance`).set(c.coordinator.auth);
    expect(forCoordinator.body).toEqual(expect.arrayContaining([expect.objectContaining({ communityId: leaver.id, status: 'present', role: 'observer' })]));
    // A correction keeps the role it was recorded with.
    expect((await record(meeting, leaver.id, c.coordinator, { status: 'excused', version: 1 })).body).toMatchObject({ role: 'observer', version: 2 });
  });
});

describe('POST /api/meetings/:id/check-in', () => {
  it("checks an invited community in with the meeting's code, recorded as a check-in in the history", async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { code: 'K7Q2' });
    const response = await checkIn(meeting, c.observerRep, { communityId: c.observer.id, code: ' k7q2 ' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ communityId: c.observer.id, status: 'present', role: 'observer', method: 'check_in', version: 1 });

    // Checking in twice changes nothing.
    await checkIn(meeting, c.observerRep, { communityId: c.observer.id, code: 'K7Q2' }).expect(200);
    const history = await t.api.get(`/api/meetings/${meeting}/attendance/history`).set(c.coordinator.auth);
    expect(history.body).toEqual([expect.objectContaining({ communityId: c.observer.id, fromStatus: null, toStatus: 'present', method: 'check_in', actorName: c.observerRep.displayName })]);
  });

  it('refuses a wrong code (400 MEETING.WRONG_CODE) and throttles after repeated wrong codes (429), even with the right one', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c, { code: 'K7Q2' });
    for (let i = 0; i < 5; i++) {
      expectError(await checkIn(meeting, c.memberRep, { communityId: c.member.id, code: `WRONG${i}` }), 400, 'MEETING.WRONG_CODE');
    }
    expectError(await checkIn(meeting, c.memberRep, { communityId: c.member.id, code: 'K7Q2' }), 429, 'MEETING.TOO_MANY_ATTEMPTS');
    expect(await attendanceOf(meeting)).toBe(0);
    // The throttle is per person: another community checks in, and so does another representative
    // of the same community — a guesser cannot keep a community out of its meeting.
    await checkIn(meeting, c.observerRep, { communityId: c.observer.id, code: 'K7Q2' }).expect(200);
    const colleague = await f.newUser({ role: 'representative', communityId: c.member.id });
    await checkIn(meeting, colleague, { communityId: c.member.id, code: 'K7Q2' }).expect(200);
    const { rows } = await t.db.query(`SELECT kind, actor_id, resource FROM sensitive_events WHERE kind = 'throttled' AND actor_id = $1`, [c.memberRep.id]);
    expect(rows).toEqual([{ kind: 'throttled', actor_id: c.memberRep.id, resource: 'meeting.check-in' }]);
  });

  it('opens an hour before the start and closes three hours after the end', async () => {
    const c = await newClubWithPeople();
    const early = await newMeeting(c, { startsAt: fromNow(90) });
    const over = await newMeeting(c, { startsAt: fromNow(-8 * 60), endsAt: fromNow(-4 * 60) });
    const lateButOpen = await newMeeting(c, { startsAt: fromNow(-6 * 60), endsAt: fromNow(-2 * 60) });
    const cancelled = await newMeeting(c, { status: 'cancelled' });
    const body = { communityId: c.member.id, code: 'K7Q2' };
    expectError(await checkIn(early, c.memberRep, body), 409, 'MEETING.NOT_STARTED');
    expectError(await checkIn(over, c.memberRep, body), 409, 'MEETING.CLOSED');
    expectError(await checkIn(cancelled, c.memberRep, body), 409, 'MEETING.CANCELLED');
    for (const meeting of [early, over, cancelled]) expect(await attendanceOf(meeting)).toBe(0);
    await checkIn(lateButOpen, c.memberRep, body).expect(200);
  });

  it('refuses anyone but the representative of an invited community, and bad input', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    expectError(await checkIn(meeting, c.memberRep, { communityId: c.observer.id, code: 'K7Q2' }), 403, 'FORBIDDEN');
    expectError(await checkIn(meeting, c.coordinator, { communityId: c.member.id, code: 'K7Q2' }), 403, 'FORBIDDEN');
    expectError(await checkIn(meeting, c.applicantRep, { communityId: c.applicant.id, code: 'K7Q2' }), 404, 'NOT_FOUND');
    expectValidationFailure(await checkIn(meeting, c.memberRep, { communityId: c.member.id, code: '   ' }), 'code');
    expectValidationFailure(await checkIn(meeting, c.memberRep, { code: 'K7Q2' }), 'communityId');
    expect(await attendanceOf(meeting)).toBe(0);
  });

  it('turns a recorded absence into presence, with the change in the history', async () => {
    const c = await newClubWithPeople();
    const meeting = await newMeeting(c);
    await record(meeting, c.member.id, c.coordinator, { status: 'absent' }).expect(200);
    const response = await checkIn(meeting, c.memberRep, { communityId: c.member.id, code: 'K7Q2' });
    expect(response.body).toMatchObject({ status: 'present', method: 'check_in', version: 2 });
    const { rows } = await t.db.query(
      `SELECT from_status, to_status, method, actor_id FROM attendance_events WHERE meeting_id = $1 ORDER BY created_at`,
      [meeting],
    );
    expect(rows).toEqual([
      { from_status: null, to_status: 'absent', method: 'coordinator', actor_id: c.coordinator.id },
      { from_status: 'absent', to_status: 'present', method: 'check_in', actor_id: c.memberRep.id },
    ]);
  });
});
