import { createHash, randomUUID } from 'node:crypto';
import { createFactories, Factories, TestClub, TestCommunity, TestUser, unique } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;

interface Setting {
  club: TestClub;
  coordinator: TestUser;
  houseChurch: TestCommunity;
  houseChurchRep: TestUser;
  mosqueRep: TestUser;
  outsider: TestUser;
  publicMeeting: { id: string; version: number };
  clubMeeting: { id: string };
  atHouseChurch: { id: string };
}

let s: Setting;

/** Meetings ahead of now, so they are within the feed's window whatever day the suite runs. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  const club = await f.newClub();
  const [mosque, houseChurch, elsewhere] = await Promise.all([
    f.newCommunity({ registered: true, tradition: 'sunni_islam' }),
    f.newCommunity({ registered: false }),
    f.newCommunity({ registered: true }),
  ]);
  await Promise.all([
    f.newParticipation({ clubId: club.id, communityId: mosque.id, status: 'member' }),
    f.newParticipation({ clubId: club.id, communityId: houseChurch.id, status: 'observer' }),
    f.newParticipation({ clubId: (await f.newClub()).id, communityId: elsewhere.id, status: 'member' }),
  ]);
  const [coordinator, houseChurchRep, mosqueRep, outsider] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'representative', communityId: houseChurch.id }),
    f.newUser({ role: 'representative', communityId: mosque.id }),
    f.newUser({ role: 'representative', communityId: elsewhere.id }),
  ]);
  const topics = (await t.api.get('/api/topics')).body as Array<{ id: string; code: string }>;
  const youth = topics.find((topic) => topic.code === 'youth')!.id;
  const plan = async (date: string, overrides: Record<string, unknown>) => {
    const response = await t.api
      .post(`/api/clubs/${club.id}/meetings`)
      .set(coordinator.auth)
      .send({
        title: 'Meeting',
        startsAt: `${date}T18:00:00+05:00`,
        endsAt: `${date}T20:00:00+05:00`,
        format: 'in_person',
        venue: unique('Hall '),
        visibility: 'public',
        topicIds: [youth],
        agenda: [],
        ...overrides,
      });
    expect(response.status).toBe(201);
    return response.body[0];
  };
  const publicMeeting = await plan(day(10), { title: 'Open forum on youth', venue: 'City Library' });
  const clubMeeting = await plan(day(11), { title: 'Internal planning', visibility: 'club' });
  const atHouseChurch = await plan(day(12), { title: 'Visit to a house church', venue: undefined, venueCommunityId: houseChurch.id });
  s = { club, coordinator, houseChurch, houseChurchRep, mosqueRep, outsider, publicMeeting, clubMeeting, atHouseChurch };
});
afterAll(() => t?.close());

/** The VEVENT blocks of a feed, each as its unfolded lines. */
function events(ics: string): Array<Record<string, string>> {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  return [...unfolded.matchAll(/BEGIN:VEVENT\r?\n([\s\S]*?)END:VEVENT/g)].map(([, body]) =>
    Object.fromEntries(
      body
        .split(/\r?\n/)
        .filter(Boolean)
        .map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).split(';')[0], line.slice(colon + 1)];
        }),
    ),
  );
}

const feed = (token?: string, clubId = s.club.id) =>
  t.api.get(`/api/clubs/${clubId}/calendar.ics`).query(token ? { token } : {}).buffer(true).parse((res, done) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    // Errors are JSON like everywhere else; a feed is text.
    res.on('end', () => done(null, /json/.test(String(res.headers['content-type'])) ? JSON.parse(text) : text));
  });

const newToken = async (user: TestUser) => {
  const response = await t.api.post(`/api/clubs/${s.club.id}/calendar-token`).set(user.auth);
  expect(response.status).toBe(201);
  const url = new URL(response.body.url);
  expect(url.pathname).toBe(`/api/clubs/${s.club.id}/calendar.ics`);
  return url.searchParams.get('token')!;
};

describe('the public iCal feed (GET /api/clubs/:clubId/calendar.ics)', () => {
  it('serves the public meetings as text/calendar: UID, UTC times, title, venue and topics', async () => {
    const response = await feed();
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const forum = events(response.body).find((e) => e.UID === s.publicMeeting.id)!;
    expect(forum).toMatchObject({
      SUMMARY: 'Open forum on youth',
      DTSTART: `${day(10).replace(/-/g, '')}T130000Z`,
      DTEND: `${day(10).replace(/-/g, '')}T150000Z`,
      LOCATION: 'City Library',
      DESCRIPTION: 'Youth',
      STATUS: 'CONFIRMED',
    });
  });

  it('has no club-only meeting, and never the name of a non-registered community', async () => {
    const response = await feed();
    const uids = events(response.body).map((e) => e.UID);
    expect(uids).toContain(s.atHouseChurch.id);
    expect(uids).not.toContain(s.clubMeeting.id);
    expect(response.body).not.toContain('Internal planning');
    expect(response.body).not.toContain(s.houseChurch.name);
    expect(events(response.body).find((e) => e.UID === s.atHouseChurch.id)!.LOCATION).toBeUndefined();
  });

  it('shows a cancelled meeting with STATUS:CANCELLED', async () => {
    const cancelled = await t.api.post(`/api/meetings/${s.publicMeeting.id}/cancel`).set(s.coordinator.auth).send({ scope: 'occurrence', reason: 'Flooding', version: 1 });
    expect(cancelled.status).toBe(200);
    const forum = events((await feed()).body).find((e) => e.UID === s.publicMeeting.id)!;
    expect(forum).toMatchObject({ STATUS: 'CANCELLED', SEQUENCE: '2' });
  });

  it('is 404 for an unknown club and 400 for a malformed club id or token', async () => {
    expectError(await t.api.get(`/api/clubs/${randomUUID()}/calendar.ics`), 404, 'NOT_FOUND');
    expectValidationFailure(await t.api.get('/api/clubs/club-1/calendar.ics'), 'clubId');
    expectValidationFailure(await t.api.get(`/api/clubs/${s.club.id}/calendar.ics`).query({ token: 'short' }), 'token');
  });
});

describe('feed hygiene', () => {
  it('stamps each event with its last revision, strips control characters, and answers an unchanged feed with 304', async () => {
    await t.db.query(`UPDATE meetings SET title = $2, updated_at = '2026-06-01T10:00:00Z' WHERE id = $1`, [
      s.atHouseChurch.id,
      'Bell\u0007 and\u001b[31m escape\r\nsplit',
    ]);
    const response = await feed();
    const event = events(response.body).find((e) => e.UID === s.atHouseChurch.id)!;
    expect(event.SUMMARY).toBe('Bell and[31m escape split');
    expect(event.DTSTAMP).toBe('20260601T100000Z');
    expect(event['LAST-MODIFIED']).toBe('20260601T100000Z');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(response.body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);

    const etag = response.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.api.get(`/api/clubs/${s.club.id}/calendar.ics`).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
  });
});

describe('private feeds (POST/DELETE /api/clubs/:clubId/calendar-token)', () => {
  it('gives a participant a private feed with every meeting, the community venue named; only the hash is stored', async () => {
    const token = await newToken(s.mosqueRep);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hash = createHash('sha256').update(token).digest('hex');
    expect(await countRows(t.db, `SELECT 1 FROM calendar_tokens WHERE token_hash = $1 AND user_id = $2 AND club_id = $3`, [hash, s.mosqueRep.id, s.club.id])).toBe(1);
    expect(await countRows(t.db, `SELECT 1 FROM calendar_tokens WHERE token_hash = $1`, [token])).toBe(0);

    const response = await feed(token);
    expect(response.status).toBe(200);
    const byUid = Object.fromEntries(events(response.body).map((e) => [e.UID, e]));
    expect(byUid[s.clubMeeting.id]).toMatchObject({ SUMMARY: 'Internal planning' });
    expect(byUid[s.atHouseChurch.id]).toMatchObject({ LOCATION: s.houseChurch.name });
  });

  it('gives coordinators private feeds too, a new token each call, the old ones still valid', async () => {
    const first = await newToken(s.coordinator);
    const second = await newToken(s.coordinator);
    expect(first).not.toBe(second);
    expect((await feed(first)).status).toBe(200);
    expect((await feed(second)).status).toBe(200);
  });

  it('refuses outsiders (403) and anonymous callers (401), writing nothing', async () => {
    const before = await countRows(t.db, `SELECT 1 FROM calendar_tokens WHERE club_id = $1`, [s.club.id]);
    expectError(await t.api.post(`/api/clubs/${s.club.id}/calendar-token`).set(s.outsider.auth), 403, 'FORBIDDEN');
    expectError(await t.api.post(`/api/clubs/${s.club.id}/calendar-token`), 401, 'UNAUTHENTICATED');
    expectError(await t.api.post(`/api/clubs/${randomUUID()}/calendar-token`).set(s.coordinator.auth), 404, 'NOT_FOUND');
    expect(await countRows(t.db, `SELECT 1 FROM calendar_tokens WHERE club_id = $1`, [s.club.id])).toBe(before);
  });

  it('a revoked token is 404, and revoking leaves other users\u2019 tokens alone', async () => {
    const mine = await newToken(s.houseChurchRep);
    const theirs = await newToken(s.mosqueRep);
    const revoked = await t.api.delete(`/api/clubs/${s.club.id}/calendar-token`).set(s.houseChurchRep.auth);
    expect(revoked.status).toBe(204);

    expectError(await feed(mine), 404, 'NOT_FOUND');
    expect((await feed(theirs)).status).toBe(200);
    expectError(await t.api.delete(`/api/clubs/${s.club.id}/calendar-token`), 401, 'UNAUTHENTICATED');
  });

  it("an unknown token, or another club's token, is 404", async () => {
    const token = await newToken(s.mosqueRep);
    expectError(await feed('A'.repeat(43)), 404, 'NOT_FOUND');
    const other = await f.newClub();
    expectError(await feed(token, other.id), 404, 'NOT_FOUND');
  });

  it('stops working when its owner no longer takes part in the club', async () => {
    const community = await f.newCommunity({ registered: true });
    const participation = await f.newParticipation({ clubId: s.club.id, communityId: community.id, status: 'observer' });
    const rep = await f.newUser({ role: 'representative', communityId: community.id });
    const token = await newToken(rep);
    expect((await feed(token)).status).toBe(200);

    await t.db.query(`UPDATE participations SET status = 'withdrawn' WHERE id = $1`, [participation.id]);
    expectError(await feed(token), 404, 'NOT_FOUND');
  });
});
