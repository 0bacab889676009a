import { csvField } from '../../apps/api/src/reports/csv';
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

const names = (en: string) => ({ kk: en, ru: en, en });

describe('the audit log (the administrator)', () => {
  it('finds each change by club, record, action, actor and period, and exports the search as CSV (the export recorded)', async () => {
    const city = await f.newCity();
    const created = await t.api
      .post('/api/clubs')
      .set(administrator.auth)
      .send({ cityId: city.id, names: names('Audit Club'), descriptions: names(''), meetingPlace: '' })
      .expect(201);
    const clubId = created.body.id;
    await t.api.post(`/api/clubs/${clubId}/invitations`).set(administrator.auth).send({ email: 'audit-invitee@dastarkhan.test', role: 'coordinator' }).expect(204);
    await t.api.post(`/api/clubs/${clubId}/archive`).set(administrator.auth).send({ reason: 'Merged', version: 1 }).expect(204);

    const byClub = await t.api.get(`/api/admin/audit-log?clubId=${clubId}`).set(administrator.auth);
    expect(byClub.status).toBe(200);
    expect(byClub.body.items.map((e: { action: string }) => e.action)).toEqual(['club.archived', 'invitation.created', 'club.created']);
    expect(byClub.body.items[2]).toMatchObject({ actorId: administrator.id, actorName: administrator.displayName, actorRole: 'administrator', resource: 'club', recordId: clubId });
    expect(byClub.body.items[2].sessionId).toEqual(expect.any(String));
    // The invitee's address is a contact: not in the log.
    expect(JSON.stringify(byClub.body)).not.toContain('audit-invitee@');

    const archived = await t.api.get(`/api/admin/audit-log?action=club.archived&recordId=${clubId}`).set(administrator.auth);
    expect(archived.body.items).toHaveLength(1);
    const byActionPrefix = await t.api.get(`/api/admin/audit-log?action=club&clubId=${clubId}`).set(administrator.auth);
    expect(byActionPrefix.body.items).toHaveLength(2);
    const byActor = await t.api.get(`/api/admin/audit-log`).query({ actor: administrator.email, clubId }).set(administrator.auth);
    expect(byActor.body.items).toHaveLength(3);
    const future = await t.api.get(`/api/admin/audit-log`).query({ clubId, from: '2099-01-01T00:00:00Z' }).set(administrator.auth);
    expect(future.body.items).toEqual([]);
    const paged = await t.api.get(`/api/admin/audit-log?clubId=${clubId}&limit=2`).set(administrator.auth);
    expect(paged.body.items).toHaveLength(2);
    const rest = await t.api.get(`/api/admin/audit-log?clubId=${clubId}&limit=2&before=${paged.body.nextBefore}`).set(administrator.auth);
    expect(rest.body.items.map((e: { action: string }) => e.action)).toEqual(['club.created']);
    // An archived club takes no more invitations.
    expectError(await t.api.post(`/api/clubs/${clubId}/invitations`).set(administrator.auth).send({ email: 'late@dastarkhan.test', role: 'coordinator' }), 409, 'CLUB.ARCHIVED');

    const csv = await t.api.get(`/api/admin/audit-log/export.csv?clubId=${clubId}`).set(administrator.auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.startsWith('\uFEFFid,occurredAt,actor')).toBe(true);
    expect(csv.text.trim().split('\r\n')).toHaveLength(4);
    const { rows } = await t.db.query(`SELECT details FROM sensitive_events WHERE kind = 'export' AND resource = 'audit-log.csv' AND actor_id = $1`, [administrator.id]);
    expect(rows).toEqual([{ details: { filters: { clubId }, rows: 3 } }]);
  });

  it('exports a log longer than one page whole and newest first, recording the protected community it names on a later page', async () => {
    const club = await f.newClub();
    const hidden = await f.newCommunity();
    const representative = await f.newUser({ role: 'representative', communityId: hidden.id });
    // The representative's change is the oldest: the 5 001 newer ones put it beyond the export's first page of 5 000.
    await t.db.query(
      `INSERT INTO sensitive_events (kind, actor_id, actor_role, community_ids, resource, details, record_id, club_id)
       VALUES ('change', $1, 'representative', ARRAY[$2]::uuid[], 'community', '{"action": "community.updated"}', $2, $3)`,
      [representative.id, hidden.id, club.id],
    );
    await t.db.query(
      `INSERT INTO sensitive_events (kind, actor_id, actor_role, resource, details, record_id, club_id)
       SELECT 'change', $1, 'administrator', 'club', jsonb_build_object('action', 'club.updated', 'n', n), $2, $2 FROM generate_series(1, 5001) n`,
      [administrator.id, club.id],
    );

    const csv = await t.api.get(`/api/admin/audit-log/export.csv?clubId=${club.id}`).set(administrator.auth);
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(5002);
    const ids = lines.map((line) => Number(line.split(',')[0]));
    expect(ids.every((id, i) => i === 0 || id < ids[i - 1])).toBe(true);
    // The protected community's representative is named by the community, never by their own name.
    expect(lines[5001].split(',')[2]).toBe(hidden.name);
    expect(csv.text).not.toContain(representative.displayName);
    const reads = await t.db.query(`SELECT resource FROM sensitive_events WHERE kind = 'read' AND actor_id = $1 AND community_ids @> ARRAY[$2]::uuid[]`, [administrator.id, hidden.id]);
    expect(reads.rows).toEqual([{ resource: 'community.audit-log' }]);
    const exports = await t.db.query(`SELECT details FROM sensitive_events WHERE kind = 'export' AND actor_id = $1 AND details->'filters'->>'clubId' = $2`, [administrator.id, club.id]);
    expect(exports.rows).toEqual([{ details: { filters: { clubId: club.id }, rows: 5002 } }]);
  });

  it('refuses a bad filter and everyone but the administrator', async () => {
    expectValidationFailure(await t.api.get('/api/admin/audit-log?action=DROP TABLE').set(administrator.auth), 'action');
    const club = await f.newClub();
    const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id });
    const official = await f.newUser({ role: 'official', region: null });
    for (const caller of [coordinator, official]) {
      expectError(await t.api.get('/api/admin/audit-log').set(caller.auth), 403, 'FORBIDDEN');
      expectError(await t.api.get('/api/admin/audit-log/export.csv').set(caller.auth), 403, 'FORBIDDEN');
      expectError(await t.api.get('/api/admin/attention').set(caller.auth), 403, 'FORBIDDEN');
    }
  });
});

describe('one CSV field (csv_field, which writes the long exports)', () => {
  it('is the same in SQL as in the API (reports/csv.ts), for both separators', async () => {
    const sample = ['plain', '', 'a,b', 'a;b', 'say "hi"', 'two\nlines', 'cr\rhere', '=SUM(A1)', '+7 701', '-5', '-x', '@home', '\tTab', '\rstart', "it's", 'Қала, «Алматы»', '{"action": "x"}'];
    for (const separator of [',', ';']) {
      const { rows } = await t.db.query<{ field: string }>(`SELECT csv_field(v, $2) AS field FROM unnest($1::text[]) WITH ORDINALITY AS s(v, n) ORDER BY n`, [sample, separator]);
      expect(rows.map((r) => r.field)).toEqual(sample.map((value) => csvField(value, separator)));
    }
    const { rows } = await t.db.query(`SELECT csv_field(NULL, ',') AS field`);
    expect(rows).toEqual([{ field: '' }]);
  });
});

describe("the administrator's home", () => {
  it('lists active clubs without a coordinator and counts what waits', async () => {
    const orphan = await f.newClub();
    const run = await f.newClub();
    await f.newUser({ role: 'coordinator', clubId: run.id });
    const before = (await t.api.get('/api/admin/attention').set(administrator.auth)).body;
    expect(before.clubsWithoutCoordinator.map((c: { id: string }) => c.id)).toContain(orphan.id);
    expect(before.clubsWithoutCoordinator.map((c: { id: string }) => c.id)).not.toContain(run.id);

    await t.api.post(`/api/clubs/${orphan.id}/invitations`).set(administrator.auth).send({ email: 'attention@dastarkhan.test', role: 'coordinator' }).expect(204);
    await t.api.post(`/api/clubs/${orphan.id}/archive`).set(administrator.auth).send({ reason: 'Closed', version: 1 }).expect(204);
    const after = (await t.api.get('/api/admin/attention').set(administrator.auth)).body;
    expect(after.pendingInvitations).toBe(before.pendingInvitations + 1);
    // An archived club needs no coordinator.
    expect(after.clubsWithoutCoordinator.map((c: { id: string }) => c.id)).not.toContain(orphan.id);
    expect(after).toEqual(expect.objectContaining({ registrationClaimsWaiting: expect.any(Number), openAppeals: expect.any(Number), failedEmails: expect.any(Number) }));
  });
});
