import { createFactories, Factories, TestClub, TestCommunity, TestUser } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
});
afterAll(() => t?.close());

interface Setting {
  club: TestClub;
  coordinator: TestUser;
  community: TestCommunity;
  representative: TestUser;
  participationId: string;
}

/** A non-registered observer with a full profile, its representative and its club's coordinator. */
async function observer(): Promise<Setting> {
  const club = await f.newClub();
  const community = await f.newCommunity();
  await t.db.query(`UPDATE communities SET leaders = 'Pastor Ivan Petrov', meeting_place = '12 Abay Ave, flat 4' WHERE id = $1`, [community.id]);
  const [coordinator, representative] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'representative', communityId: community.id }),
  ]);
  const { id } = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'observer' });
  return { club, coordinator, community, representative, participationId: id };
}

const withdraw = (s: Setting, body: Record<string, unknown> = {}) =>
  t.api.post(`/api/participations/${s.participationId}/transitions`).set(s.representative.auth).send({ action: 'withdraw', version: 2, ...body });

async function storedCommunity(id: string) {
  const { rows: [row] } = await t.db.query(
    `SELECT name, tradition, contact_email, contact_phone, leaders, meeting_place, contact_erased_at FROM communities WHERE id = $1`,
    [id],
  );
  return row;
}

async function storedParticipation(id: string) {
  const { rows: [row] } = await t.db.query(`SELECT status, version FROM participations WHERE id = $1`, [id]);
  return row;
}

describe('withdrawal and erasure of contact details', () => {
  it('withdraws with a reason and keeps the contact details unless the community asks otherwise', async () => {
    const s = await observer();
    const response = await withdraw(s, { reason: 'Our pastor moved to Astana' });

    expect(response.status).toBe(200);
    expect(response.body.events.at(-1)).toMatchObject({ action: 'withdraw', reason: 'Our pastor moved to Astana' });
    expect(await storedCommunity(s.community.id)).toMatchObject({
      contact_email: s.community.contactEmail,
      contact_phone: s.community.contactPhone,
      leaders: 'Pastor Ivan Petrov',
      contact_erased_at: null,
    });
  });

  it('erases contact details and leaders’ names on request, keeping the name and the history', async () => {
    const s = await observer();
    const response = await withdraw(s, { eraseContactDetails: true });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'withdrawn', community: { name: s.community.name } });
    expect(response.body.events.map((e: { action: string }) => e.action)).toEqual(['apply', 'accept', 'withdraw']);
    expect(await storedCommunity(s.community.id)).toMatchObject({
      name: s.community.name,
      contact_email: null,
      contact_phone: null,
      leaders: '',
      meeting_place: '',
      contact_erased_at: expect.any(Date),
    });
    // Its representative's account went with it (docs/domain.md, P11): signed out, name and email gone.
    expect((await t.api.get('/api/auth/me').set(s.representative.auth)).status).toBe(401);
    const { rows: [person] } = await t.db.query(`SELECT display_name, email, erased_at FROM users WHERE id = $1`, [s.representative.id]);
    expect(person).toMatchObject({ display_name: '—', erased_at: expect.any(Date) });
    expect(person.email).not.toContain(s.representative.email.split('@')[0]);
    // The coordinator of the club it applied to still sees the community, without anything erased.
    const profile = await t.api.get(`/api/communities/${s.community.id}`).set(s.coordinator.auth);
    expect(profile.body).toMatchObject({ name: s.community.name, contactEmail: null, contactPhone: null, leaders: '', erasedAt: expect.any(String) });
  });

  it('refuses to erase while the community still takes part in another club, and changes nothing', async () => {
    const s = await observer();
    const otherClub = await f.newClub();
    await f.newParticipation({ clubId: otherClub.id, communityId: s.community.id, status: 'member' });
    const before = await storedCommunity(s.community.id);

    expectError(await withdraw(s, { eraseContactDetails: true }), 409, 'COMMUNITY.HAS_LIVE_PARTICIPATIONS');
    expect(await storedParticipation(s.participationId)).toEqual({ status: 'observer', version: 2 });
    expect(await storedCommunity(s.community.id)).toEqual(before);
  });

  it('accepts erasure only with a withdrawal (400 otherwise), and only a boolean', async () => {
    const s = await observer();
    const suspend = await t.api
      .post(`/api/participations/${s.participationId}/transitions`)
      .set(s.coordinator.auth)
      .send({ action: 'suspend', reason: 'Missed every meeting since spring', eraseContactDetails: true, version: 2 });
    expectValidationFailure(suspend, 'eraseContactDetails');
    expectValidationFailure(await withdraw(s, { eraseContactDetails: 'yes' }), 'eraseContactDetails');
    expect(await storedParticipation(s.participationId)).toEqual({ status: 'observer', version: 2 });
    expect((await storedCommunity(s.community.id)).contact_erased_at).toBeNull();
  });

  it('does not let a coordinator erase a community’s details by withdrawing it', async () => {
    const s = await observer();
    const response = await t.api
      .post(`/api/participations/${s.participationId}/transitions`)
      .set(s.coordinator.auth)
      .send({ action: 'withdraw', eraseContactDetails: true, version: 2 });
    expectError(response, 403, 'FORBIDDEN');
    expect((await storedCommunity(s.community.id)).contact_email).toBe(s.community.contactEmail);
  });
});
