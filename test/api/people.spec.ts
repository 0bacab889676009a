import { randomUUID } from 'node:crypto';
import { createFactories, Factories, sessionCookie, sessionTokenOf, TestUser, unique } from './support/factories';
import { expectError } from './support/expectations';
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

const PASSWORD = 'a long and unusual passphrase for the club';
const newEmail = () => `${unique('invitee-')}@dastarkhan.test`;

/** The secret of the latest invitation link emailed to the address (through the outbox). */
async function linkFor(email: string): Promise<string> {
  const { rows } = await t.db.query(`SELECT body FROM email_outbox WHERE to_address = $1 AND kind = 'account.invitation' ORDER BY created_at DESC, id DESC LIMIT 1`, [email]);
  const match = /\/accept-invitation#([\w-]+)/.exec(rows[0]?.body ?? '');
  if (!match) throw new Error(`no invitation emailed to ${email}`);
  return match[1];
}

const accept = (token: string, body: Record<string, unknown> = { displayName: 'Dana Invited', password: PASSWORD }) =>
  t.api.post('/api/invitations/acceptance').send({ token, ...body });

async function signIn(email: string, password = PASSWORD): Promise<Record<string, string>> {
  const response = await t.api.post('/api/auth/login').send({ email, password });
  expect(response.status).toBe(200);
  return sessionCookie(sessionTokenOf(response) as string);
}

const auditActions = async (recordId: string) =>
  (await t.db.query(`SELECT details->>'action' AS action FROM sensitive_events WHERE kind = 'change' AND record_id = $1 ORDER BY id`, [recordId])).rows.map((r) => r.action);

describe('invitations', () => {
  it('the administrator invites a coordinator, who follows the emailed link once, sets a password and coordinates the club', async () => {
    const club = await f.newClub();
    const email = newEmail();
    expect((await t.api.post('/api/invitations').set(administrator.auth).send({ email, role: 'coordinator', clubId: club.id })).status).toBe(204);
    const token = await linkFor(email);

    const preview = await t.api.post('/api/invitations/preview').send({ token });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email, role: 'coordinator', clubName: club.name, accountExists: false, secondFactorRequired: false });

    expectError(await accept(token, { displayName: 'Dana Invited', password: 'password123' }), 400, 'AUTH.WEAK_PASSWORD');
    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ email, secondFactorRequired: false });

    const auth = await signIn(email);
    expect((await t.api.get(`/api/clubs/${club.id}/participations`).set(auth)).status).toBe(200);
    // The link was single-use.
    expectError(await accept(token), 400, 'AUTH.INVALID_LINK');
    expectError(await t.api.post('/api/invitations/preview').send({ token }), 400, 'AUTH.INVALID_LINK');

    // The administrator's outbox view never shows the link (it would hand over the account).
    const outbox = await t.api.get('/api/admin/email-outbox').set(administrator.auth);
    expect(JSON.stringify(outbox.body)).not.toContain(token);
    const [{ id }] = (await t.db.query(`SELECT id FROM invitations WHERE email = $1`, [email])).rows;
    expect(await auditActions(id)).toEqual(['invitation.created', 'invitation.accepted']);
  });

  it('refuses an expired link, and a withdrawn one; a resent link replaces the old one', async () => {
    const club = await f.newClub();
    const email = newEmail();
    await t.api.post('/api/invitations').set(administrator.auth).send({ email, role: 'coordinator', clubId: club.id }).expect(204);
    const first = await linkFor(email);
    const [{ id }] = (await t.db.query(`SELECT id FROM invitations WHERE email = $1`, [email])).rows;

    expect((await t.api.post(`/api/invitations/${id}/resend`).set(administrator.auth)).status).toBe(204);
    const second = await linkFor(email);
    expect(second).not.toBe(first);
    expectError(await accept(first), 400, 'AUTH.INVALID_LINK');

    await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expectError(await accept(second), 400, 'AUTH.INVALID_LINK');
    const listed = await t.api.get('/api/invitations?status=expired').set(administrator.auth);
    expect(listed.body.map((i: { id: string }) => i.id)).toContain(id);

    await t.api.post(`/api/invitations/${id}/resend`).set(administrator.auth).expect(204);
    const third = await linkFor(email);
    expect((await t.api.post(`/api/invitations/${id}/revoke`).set(administrator.auth)).status).toBe(204);
    expectError(await accept(third), 400, 'AUTH.INVALID_LINK');
    expectError(await t.api.post(`/api/invitations/${id}/revoke`).set(administrator.auth), 409, 'PEOPLE.INVITATION_CLOSED');
    expect(await auditActions(id)).toEqual(['invitation.created', 'invitation.resent', 'invitation.resent', 'invitation.revoked']);
  });

  it('an official invited by the administrator is told to set up the second factor, and the session reaches only its account until then', async () => {
    const email = newEmail();
    await t.api.post('/api/invitations').set(administrator.auth).send({ email, role: 'official', region: 'almaty-city' }).expect(204);
    const accepted = await accept(await linkFor(email));
    expect(accepted.body).toEqual({ email, secondFactorRequired: true });
    const auth = await signIn(email);
    expectError(await t.api.get('/api/registration-claims').set(auth), 403, 'AUTH.SECOND_FACTOR_SETUP_REQUIRED');
  });

  it('an address with an account accepts with its current password and keeps it', async () => {
    const club = await f.newClub();
    const existing = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });
    await t.api.post('/api/invitations').set(administrator.auth).send({ email: existing.email, role: 'coordinator', clubId: club.id }).expect(204);
    const token = await linkFor(existing.email);
    expect((await t.api.post('/api/invitations/preview').send({ token })).body.accountExists).toBe(true);
    expectError(await accept(token, { password: 'not the password at all' }), 401, 'AUTH.INVALID_CREDENTIALS');
    expect((await accept(token, { password: 'correct horse battery staple' })).status).toBe(200);
    expect((await t.api.get(`/api/clubs/${club.id}/participations`).set(existing.auth)).status).toBe(200);
    expectError(await t.api.post('/api/invitations').set(administrator.auth).send({ email: existing.email, role: 'coordinator', clubId: club.id }), 409, 'PEOPLE.ALREADY_HOLDS_ROLE');
  });

  it('checks the scope fits the role', async () => {
    const club = await f.newClub();
    expectError(await t.api.post('/api/invitations').set(administrator.auth).send({ email: newEmail(), role: 'coordinator' }), 400, 'PEOPLE.INVALID_SCOPE');
    expectError(await t.api.post('/api/invitations').set(administrator.auth).send({ email: newEmail(), role: 'administrator', clubId: club.id }), 400, 'PEOPLE.INVALID_SCOPE');
    expectError(await t.api.post('/api/invitations').set(administrator.auth).send({ email: newEmail(), role: 'coordinator', clubId: randomUUID() }), 404, 'NOT_FOUND');
  });
});

describe("coordinators invite for their own clubs only; officials invite no one", () => {
  it('a coordinator invites a co-coordinator and a representative of a community of the club, not of another club', async () => {
    const club = await f.newClub();
    const other = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const inClub = await f.newCommunity({ registered: true });
    const elsewhere = await f.newCommunity({ registered: true });
    await f.newParticipation({ clubId: club.id, communityId: inClub.id, status: 'member' });
    await f.newParticipation({ clubId: other.id, communityId: elsewhere.id, status: 'member' });

    const coEmail = newEmail();
    expect((await t.api.post(`/api/clubs/${club.id}/invitations`).set(coordinator.auth).send({ email: coEmail, role: 'coordinator' })).status).toBe(204);
    const repEmail = newEmail();
    expect((await t.api.post(`/api/clubs/${club.id}/invitations`).set(coordinator.auth).send({ email: repEmail, role: 'representative', communityId: inClub.id })).status).toBe(204);
    expectError(
      await t.api.post(`/api/clubs/${club.id}/invitations`).set(coordinator.auth).send({ email: newEmail(), role: 'representative', communityId: elsewhere.id }),
      422,
      'PEOPLE.COMMUNITY_NOT_IN_CLUB',
    );
    expectError(await t.api.post(`/api/clubs/${other.id}/invitations`).set(coordinator.auth).send({ email: newEmail(), role: 'coordinator' }), 403, 'FORBIDDEN');
    expectError(await t.api.post('/api/invitations').set(coordinator.auth).send({ email: newEmail(), role: 'coordinator', clubId: club.id }), 403, 'FORBIDDEN');

    // The representative accepts and speaks for the community.
    expect((await accept(await linkFor(repEmail))).status).toBe(200);
    const rep = await signIn(repEmail);
    expect((await t.api.get(`/api/communities/${inClub.id}/participations`).set(rep)).status).toBe(200);
    // The community sees on its access log that its representatives changed, and by whom.
    const log = await t.api.get(`/api/communities/${inClub.id}/access-log`).set(rep);
    expect(log.body.items.filter((e: { kind: string }) => e.kind === 'change').map((e: { actorRole: string | null }) => e.actorRole)).toEqual(
      expect.arrayContaining(['coordinator']),
    );

    // The club's people page lists both invitations to its coordinators, not to another club's.
    const people = await t.api.get(`/api/clubs/${club.id}/people`).set(coordinator.auth);
    expect(people.status).toBe(200);
    expect(people.body.invitations.map((i: { email: string; status: string }) => [i.email, i.status]).sort()).toEqual(
      [[coEmail, 'pending'], [repEmail, 'accepted']].sort(),
    );
    const stranger = await f.newUser({ role: 'coordinator', clubId: other.id });
    expectError(await t.api.get(`/api/clubs/${club.id}/people`).set(stranger.auth), 404, 'NOT_FOUND');
    const [{ id }] = (await t.db.query(`SELECT id FROM invitations WHERE email = $1`, [coEmail])).rows;
    expectError(await t.api.post(`/api/invitations/${id}/revoke`).set(stranger.auth), 404, 'NOT_FOUND');
    expect((await t.api.post(`/api/invitations/${id}/revoke`).set(coordinator.auth)).status).toBe(204);
  });

  it('an official invites no one, anywhere', async () => {
    const club = await f.newClub();
    for (const official of [await f.newUser({ role: 'official', region: null }), await f.newUser({ role: 'official', region: 'almaty-city' })]) {
      expectError(await t.api.post('/api/invitations').set(official.auth).send({ email: newEmail(), role: 'official' }), 403, 'FORBIDDEN');
      expectError(await t.api.post(`/api/clubs/${club.id}/invitations`).set(official.auth).send({ email: newEmail(), role: 'coordinator' }), 403, 'FORBIDDEN');
    }
    expectError(await t.api.post('/api/invitations').send({ email: newEmail(), role: 'official' }), 401, 'UNAUTHENTICATED');
  });
});

describe('roles and people', () => {
  const grantOf = async (userId: string, clubId: string) =>
    (await t.db.query(`SELECT id FROM role_grants WHERE user_id = $1 AND club_id = $2`, [userId, clubId])).rows[0].id as string;

  it('the last coordinator of an active club cannot be removed without a successor; with one, the role ends at once and stays in the history', async () => {
    const club = await f.newClub();
    const first = await f.newUser({ role: 'coordinator', clubId: club.id });
    const grant = await grantOf(first.id, club.id);
    expectError(await t.api.post(`/api/roles/${grant}/end`).set(administrator.auth).send({ reason: 'Moved away' }), 409, 'CLUB.LAST_COORDINATOR');
    expectError(await t.api.post(`/api/users/${first.id}/deactivation`).set(administrator.auth).send({ reason: 'Left' }), 409, 'CLUB.LAST_COORDINATOR');

    const successor = await f.newUser();
    await t.api.post(`/api/users/${successor.id}/roles`).set(administrator.auth).send({ role: 'coordinator', clubId: club.id, reason: 'Elected by the club' }).expect(204);
    expect((await t.api.post(`/api/roles/${grant}/end`).set(administrator.auth).send({ reason: 'Moved away' })).status).toBe(204);

    expectError(await t.api.get(`/api/clubs/${club.id}/participations`).set(first.auth), 403, 'FORBIDDEN');
    const people = await t.api.get(`/api/clubs/${club.id}/people`).set(successor.auth);
    const former = people.body.coordinators.find((p: { id: string }) => p.id === first.id);
    expect(former.roles).toEqual([expect.objectContaining({ role: 'coordinator', inForce: false, endReason: 'Moved away', endsOn: expect.any(String) })]);
    expectError(await t.api.post(`/api/roles/${grant}/end`).set(administrator.auth).send({ reason: 'Again' }), 409, 'PEOPLE.ROLE_ENDED');
    expect(await auditActions(grant)).toEqual(['role.ended']);
  });

  it("a coordinator ends a co-coordinator's role in its own club, not in another", async () => {
    const club = await f.newClub();
    const a = await f.newUser({ role: 'coordinator', clubId: club.id });
    const b = await f.newUser({ role: 'coordinator', clubId: club.id });
    const stranger = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });
    const grant = await grantOf(b.id, club.id);
    expectError(await t.api.post(`/api/roles/${grant}/end`).set(stranger.auth).send({ reason: 'No' }), 404, 'NOT_FOUND');
    expect((await t.api.post(`/api/roles/${grant}/end`).set(a.auth).send({ reason: 'Stepped down' })).status).toBe(204);
    // Now a is the last one.
    expectError(await t.api.post(`/api/roles/${await grantOf(a.id, club.id)}/end`).set(a.auth).send({ reason: 'Me too' }), 409, 'CLUB.LAST_COORDINATOR');
  });

  it('a deactivated person is signed out at once and cannot sign in; reactivated, they can', async () => {
    const person = await f.newUser({ role: 'representative', communityId: (await f.newCommunity()).id });
    expect((await t.api.get('/api/auth/me').set(person.auth)).status).toBe(200);
    expect((await t.api.post(`/api/users/${person.id}/deactivation`).set(administrator.auth).send({ reason: 'Left the community' })).status).toBe(204);
    expectError(await t.api.get('/api/auth/me').set(person.auth), 401, 'UNAUTHENTICATED');
    expectError(await t.api.post('/api/auth/login').send({ email: person.email, password: 'correct horse battery staple' }), 401, 'AUTH.INVALID_CREDENTIALS');
    expectError(await t.api.post(`/api/users/${administrator.id}/deactivation`).set(administrator.auth).send({ reason: 'Me' }), 409, 'PEOPLE.SELF');

    await t.api.post(`/api/users/${person.id}/reactivation`).set(administrator.auth).send({ reason: 'Back' }).expect(204);
    expect((await t.api.post('/api/auth/login').send({ email: person.email, password: 'correct horse battery staple' })).status).toBe(200);
    expect(await auditActions(person.id)).toEqual(['person.deactivated', 'person.reactivated']);
  });

  it("lists people with their roles for the administrator only, without a protected community's representatives (P3)", async () => {
    const hidden = await f.newCommunity();
    const registered = await f.newCommunity({ registered: true });
    const hiddenRep = await f.newUser({ role: 'representative', communityId: hidden.id });
    const openRep = await f.newUser({ role: 'representative', communityId: registered.id });
    // Each found by its own address: the whole run's people outnumber one page of the list.
    const search = async (email: string) => {
      const list = await t.api.get('/api/users').query({ search: email }).set(administrator.auth);
      expect(list.status).toBe(200);
      return list.body as Array<{ id: string; roles: unknown[] }>;
    };
    expect((await search(hiddenRep.email)).map((p) => p.id)).not.toContain(hiddenRep.id);
    const found = await search(openRep.email);
    expect(found.map((p) => p.id)).toContain(openRep.id);
    expect(found.find((p) => p.id === openRep.id)?.roles).toEqual([
      expect.objectContaining({ role: 'representative', communityName: registered.name, inForce: true }),
    ]);
    const coordinator = await f.newUser({ role: 'coordinator', clubId: (await f.newClub()).id });
    expectError(await t.api.get('/api/users').set(coordinator.auth), 403, 'FORBIDDEN');
  });
});
