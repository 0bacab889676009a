import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { MAX_ATTEMPTS, OutboxSender, retryDelaySeconds } from '../../apps/api/src/notifications/outbox-sender';
import { createFactories, Factories, TestClub, TestCommunity, TestUser } from './support/factories';
import { expectError, expectValidationFailure } from './support/expectations';
import { startSmtpServer } from './support/smtp-server';
import { countRows, startTestApp, TestApp } from './support/test-app';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
});
afterAll(() => t?.close());

const STATEMENT = 'We are a small house church and would like to join the club as observers.';

interface Setting {
  club: TestClub;
  coordinator: TestUser;
  otherCoordinator: TestUser;
  community: TestCommunity;
  representative: TestUser;
  regionalOfficial: TestUser;
  nationalOfficial: TestUser;
  foreignOfficial: TestUser;
}

/** A club with two coordinators, a community with its representative, and officials of three scopes. */
async function setting(community: { consent?: boolean; registered?: boolean } = {}): Promise<Setting> {
  const club = await f.newClub();
  const elsewhere = await f.newCity();
  const made = await f.newCommunity(community);
  const [coordinator, otherCoordinator, representative, regionalOfficial, nationalOfficial, foreignOfficial] = await Promise.all([
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'representative', communityId: made.id }),
    f.newUser({ role: 'official', region: club.regionCode }),
    f.newUser({ role: 'official', region: null }),
    f.newUser({ role: 'official', region: elsewhere.regionCode }),
  ]);
  return { club, coordinator, otherCoordinator, community: made, representative, regionalOfficial, nationalOfficial, foreignOfficial };
}

interface Stored {
  kind: string;
  params: Record<string, string | null>;
  link: string;
}

/** What a user was told about one participation, oldest first. */
async function toldAbout(user: TestUser, participationId: string): Promise<Stored[]> {
  const { rows } = await t.db.query(
    `SELECT kind, params, link FROM notifications WHERE user_id = $1 AND params->>'participationId' = $2 ORDER BY created_at`,
    [user.id, participationId],
  );
  return rows;
}

async function emailsTo(user: TestUser): Promise<Array<{ subject: string; body: string; status: string }>> {
  const { rows } = await t.db.query(`SELECT subject, body, status FROM email_outbox WHERE to_address = $1 ORDER BY created_at`, [user.email]);
  return rows;
}

const transition = (id: string, user: TestUser, body: Record<string, unknown>) =>
  t.api.post(`/api/participations/${id}/transitions`).set(user.auth).send(body);

describe('who is told about a pathway event', () => {
  it("tells the club's coordinators of an application, by name, in the app and by email — not the applicant", async () => {
    const s = await setting();
    const response = await t.api
      .post(`/api/clubs/${s.club.id}/applications`)
      .set(s.representative.auth)
      .send({ communityId: s.community.id, statement: STATEMENT });
    expect(response.status).toBe(201);
    const id = response.body.id;

    for (const coordinator of [s.coordinator, s.otherCoordinator]) {
      expect(await toldAbout(coordinator, id)).toEqual([
        {
          kind: 'application_received',
          params: { clubName: s.club.name, communityName: s.community.name, participationId: id },
          link: `/participations/${id}/progress`,
        },
      ]);
      const [email] = await emailsTo(coordinator);
      expect(email).toMatchObject({ subject: `${s.community.name} applied to ${s.club.name}.`, status: 'pending' });
      expect(email.body).toContain(`http://localhost:3000/participations/${id}/progress`);
    }
    expect(await toldAbout(s.representative, id)).toEqual([]);
    expect(await toldAbout(s.regionalOfficial, id)).toEqual([]);
  });

  it('tells the community it was accepted, and no coordinator (the one who accepted least of all)', async () => {
    const s = await setting();
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'applied' });
    expect((await transition(p.id, s.coordinator, { action: 'accept', version: p.version })).status).toBe(200);

    expect((await toldAbout(s.representative, p.id)).map((n) => n.kind)).toEqual(['application_accepted']);
    expect(await toldAbout(s.coordinator, p.id)).toEqual([]);
    expect(await toldAbout(s.otherCoordinator, p.id)).toEqual([]);
  });

  it("tells of a nomination the community, the other coordinator and the region's and national officials — never naming a non-consenting community to an official", async () => {
    const s = await setting();
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    const response = await transition(p.id, s.coordinator, { action: 'nominate', version: p.version, reason: `${s.community.name} did everything` });
    expect(response.status).toBe(200);

    expect(await toldAbout(s.representative, p.id)).toEqual([
      { kind: 'nominated', params: expect.objectContaining({ communityName: s.community.name }), link: `/participations/${p.id}/progress` },
    ]);
    expect((await toldAbout(s.otherCoordinator, p.id)).map((n) => n.params.communityName)).toEqual([s.community.name]);
    expect(await toldAbout(s.coordinator, p.id)).toEqual([]);
    for (const official of [s.regionalOfficial, s.nationalOfficial]) {
      expect(await toldAbout(official, p.id)).toEqual([
        { kind: 'nominated', params: { clubName: s.club.name, participationId: p.id, reason: null }, link: '/official/candidacies' },
      ]);
      const [email] = await emailsTo(official);
      expect(email.subject).toBe(`A community was nominated for membership of ${s.club.name}.`);
      expect(`${email.subject}\n${email.body}`).not.toContain(s.community.name);
    }
    expect(await toldAbout(s.foreignOfficial, p.id)).toEqual([]);
    expect(await emailsTo(s.foreignOfficial)).toEqual([]);
  });

  it('names the community to officials once it consented', async () => {
    const s = await setting({ consent: true });
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    expect((await transition(p.id, s.coordinator, { action: 'nominate', version: p.version })).status).toBe(200);

    const [told] = await toldAbout(s.regionalOfficial, p.id);
    expect(told.params.communityName).toBe(s.community.name);
    const [email] = await emailsTo(s.regionalOfficial);
    expect(email.subject).toBe(`${s.community.name} was nominated for membership of ${s.club.name}.`);
  });

  it('tells the community the reason of its own suspension, and of its reinstatement', async () => {
    const s = await setting();
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    expect((await transition(p.id, s.coordinator, { action: 'suspend', version: 2, reason: 'Missed three meetings in a row' })).status).toBe(200);
    expect((await transition(p.id, s.coordinator, { action: 'reinstate', version: 3, reason: 'Came back with a plan' })).status).toBe(200);

    expect((await toldAbout(s.representative, p.id)).map((n) => [n.kind, n.params.reason])).toEqual([
      ['suspended', 'Missed three meetings in a row'],
      ['reinstated', 'Came back with a plan'],
    ]);
    expect((await emailsTo(s.representative)).map((e) => e.body)).toEqual([
      expect.stringContaining('Reason: Missed three meetings in a row'),
      expect.stringContaining('Reason: Came back with a plan'),
    ]);
    expect(await toldAbout(s.regionalOfficial, p.id)).toEqual([]);
  });

  it('tells the coordinators when a community withdraws, with its reason', async () => {
    const s = await setting();
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    expect((await transition(p.id, s.representative, { action: 'withdraw', version: p.version, reason: 'We are moving away' })).status).toBe(200);

    for (const coordinator of [s.coordinator, s.otherCoordinator]) {
      expect((await toldAbout(coordinator, p.id)).map((n) => [n.kind, n.params.reason])).toEqual([['withdrawn', 'We are moving away']]);
    }
    expect(await toldAbout(s.representative, p.id)).toEqual([]);
  });

  it('tells the observer and the coordinators of a sponsorship, not the sponsor', async () => {
    const s = await setting();
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    const sponsorCommunity = await f.newCommunity({ registered: true });
    await f.newParticipation({ clubId: s.club.id, communityId: sponsorCommunity.id, status: 'member' });
    const sponsor = await f.newUser({ role: 'representative', communityId: sponsorCommunity.id });
    const response = await t.api
      .post(`/api/participations/${p.id}/sponsorships`)
      .set(sponsor.auth)
      .send({ communityId: sponsorCommunity.id, statement: 'We have served soup alongside them every month.' });
    expect(response.status).toBe(201);

    for (const user of [s.representative, s.coordinator, s.otherCoordinator]) {
      expect((await toldAbout(user, p.id)).map((n) => n.kind)).toEqual(['sponsored']);
    }
    expect(await toldAbout(sponsor, p.id)).toEqual([]);
  });

  it('tells a person with two roles once, in the capacity that knows the community', async () => {
    const s = await setting();
    await t.db.query(`INSERT INTO role_assignments (user_id, role, region) VALUES ($1, 'official', NULL)`, [s.otherCoordinator.id]);
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    expect((await transition(p.id, s.coordinator, { action: 'nominate', version: p.version })).status).toBe(200);

    expect(await toldAbout(s.otherCoordinator, p.id)).toEqual([
      { kind: 'nominated', params: expect.objectContaining({ communityName: s.community.name }), link: `/participations/${p.id}/progress` },
    ]);
    expect(await emailsTo(s.otherCoordinator)).toHaveLength(1);
  });

  it("writes the email in the recipient's language", async () => {
    const s = await setting();
    await t.db.query(`UPDATE users SET locale = 'kk' WHERE id = $1`, [s.representative.id]);
    await t.db.query(`UPDATE users SET locale = 'ru' WHERE id = $1`, [s.otherCoordinator.id]);
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    expect((await transition(p.id, s.coordinator, { action: 'nominate', version: p.version })).status).toBe(200);

    const [kazakh] = await emailsTo(s.representative);
    expect(kazakh.subject).toBe(`«${s.community.name}» қауымдастығы «${s.club.name}» клубына мүшелікке ұсынылды.`);
    const [russian] = await emailsTo(s.otherCoordinator);
    expect(russian.subject).toBe(`Община «${s.community.name}» выдвинута в члены клуба «${s.club.name}».`);
  });

  it('tells no one about a step that was refused (a stale version): nothing is written', async () => {
    const s = await setting();
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    const [first, second] = await Promise.all([
      transition(p.id, s.coordinator, { action: 'nominate', version: p.version }),
      transition(p.id, s.otherCoordinator, { action: 'suspend', version: p.version, reason: 'Someone else decided first' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);

    const told = await toldAbout(s.representative, p.id);
    expect(told.map((n) => n.kind)).toEqual([first.status === 200 ? 'nominated' : 'suspended']);
    expect(await emailsTo(s.representative)).toHaveLength(1);

    expectError(await transition(p.id, s.coordinator, { action: 'suspend', version: p.version, reason: 'Too late' }), 409, 'PARTICIPATION.STALE_VERSION');
    expect(await toldAbout(s.representative, p.id)).toHaveLength(1);
  });
});

describe('reading my notifications', () => {
  /** A representative with three notifications (accepted, suspended, reinstated), oldest first. */
  async function inbox() {
    const s = await setting();
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'applied' });
    for (const [version, body] of [
      [1, { action: 'accept' }],
      [2, { action: 'suspend', reason: 'Missed three meetings in a row' }],
      [3, { action: 'reinstate', reason: 'Came back with a plan' }],
    ] as const) {
      expect((await transition(p.id, s.coordinator, { ...body, version })).status).toBe(200);
    }
    return { ...s, participationId: p.id };
  }

  it('lists my own, newest first, a page at a time, and counts the unread ones', async () => {
    const s = await inbox();
    const all = await t.api.get('/api/notifications').set(s.representative.auth);
    expect(all.status).toBe(200);
    expect(all.body.items.map((n: { kind: string }) => n.kind)).toEqual(['reinstated', 'suspended', 'application_accepted']);
    expect(all.body.items[0]).toMatchObject({
      id: expect.any(String),
      params: { clubName: s.club.name, communityName: s.community.name, reason: 'Came back with a plan' },
      link: `/participations/${s.participationId}/progress`,
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(all.body.nextBefore).toBeNull();

    const first = await t.api.get('/api/notifications?limit=2').set(s.representative.auth);
    expect(first.body.items.map((n: { kind: string }) => n.kind)).toEqual(['reinstated', 'suspended']);
    const second = await t.api.get('/api/notifications').query({ limit: 2, before: first.body.nextBefore }).set(s.representative.auth);
    expect(second.body).toEqual({ items: [expect.objectContaining({ kind: 'application_accepted' })], nextBefore: null });

    expect((await t.api.get('/api/notifications/unread-count').set(s.representative.auth)).body).toEqual({ count: 3 });
    expect((await t.api.get('/api/notifications').set(s.coordinator.auth)).body.items).toEqual([]);
  });

  it('keeps apart notifications written in the same transaction when paging', async () => {
    const s = await setting();
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    await t.db.query(
      `INSERT INTO notifications (user_id, kind, params, link, created_at)
       SELECT $1, 'sponsored', jsonb_build_object('participationId', $2::text, 'n', g::text), NULL, '2026-01-01T00:00:00Z'
         FROM generate_series(1, 5) g`,
      [s.representative.id, p.id],
    );
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: { body: { items: Array<{ params: { n: string } }>; nextBefore: string | null } } = await t.api
        .get('/api/notifications')
        .query({ limit: 2, ...(before ? { before } : {}) })
        .set(s.representative.auth);
      seen.push(...page.body.items.map((n) => n.params.n));
      before = page.body.nextBefore;
    } while (before);
    expect(seen.sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('marks one read, then all; only unread ones when asked', async () => {
    const s = await inbox();
    const { body } = await t.api.get('/api/notifications').set(s.representative.auth);
    const newest = body.items[0].id;

    const read = await t.api.post(`/api/notifications/${newest}/read`).set(s.representative.auth);
    expect(read.status).toBe(204);
    expect((await t.api.post(`/api/notifications/${newest}/read`).set(s.representative.auth)).status).toBe(204);
    expect((await t.api.get('/api/notifications/unread-count').set(s.representative.auth)).body).toEqual({ count: 2 });
    const unread = await t.api.get('/api/notifications?unread=true').set(s.representative.auth);
    expect(unread.body.items.map((n: { kind: string }) => n.kind)).toEqual(['suspended', 'application_accepted']);

    expect((await t.api.post('/api/notifications/read-all').set(s.representative.auth)).status).toBe(204);
    expect((await t.api.get('/api/notifications/unread-count').set(s.representative.auth)).body).toEqual({ count: 0 });
    const after = await t.api.get('/api/notifications').set(s.representative.auth);
    expect(after.body.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
  });

  it("answers 404 for someone else's notification (and for one that does not exist), changing nothing", async () => {
    const s = await inbox();
    const { body } = await t.api.get('/api/notifications').set(s.representative.auth);
    expectError(await t.api.post(`/api/notifications/${body.items[0].id}/read`).set(s.coordinator.auth), 404, 'NOT_FOUND');
    expectError(await t.api.post(`/api/notifications/${randomUUID()}/read`).set(s.coordinator.auth), 404, 'NOT_FOUND');
    expect(await countRows(t.db, `SELECT 1 FROM notifications WHERE user_id = $1 AND read_at IS NOT NULL`, [s.representative.id])).toBe(0);
  });

  it('refuses bad input with 400', async () => {
    const user = await f.newUser();
    expectValidationFailure(await t.api.get('/api/notifications?color=red').set(user.auth), 'color');
    expectValidationFailure(await t.api.get('/api/notifications?limit=0').set(user.auth), 'limit');
    expectValidationFailure(await t.api.get('/api/notifications?limit=101').set(user.auth), 'limit');
    expectValidationFailure(await t.api.get('/api/notifications?limit=ten').set(user.auth), 'limit');
    expectValidationFailure(await t.api.get('/api/notifications?unread=maybe').set(user.auth), 'unread');
    expectValidationFailure(await t.api.get('/api/notifications?before=yesterday').set(user.auth), 'before');
    expectValidationFailure(await t.api.post('/api/notifications/not-a-uuid/read').set(user.auth), 'id');
  });

  it('needs a session', async () => {
    expectError(await t.api.get('/api/notifications'), 401, 'UNAUTHENTICATED');
    expectError(await t.api.get('/api/notifications/unread-count'), 401, 'UNAUTHENTICATED');
  });
});

describe('the email outbox for administrators', () => {
  it('shows what was emailed, with its sending state, filtered by status; about a protected community only its recipient and kind', async () => {
    const admin = await f.newUser({ role: 'administrator' });
    const s = await setting();
    await t.db.query(`UPDATE communities SET registration_status = 'registered', registration_number = 'R-1', registration_date = '2015-01-01' WHERE id = $1`, [
      s.community.id,
    ]);
    const p = await f.newParticipation({ clubId: s.club.id, communityId: s.community.id, status: 'observer' });
    expect((await transition(p.id, s.coordinator, { action: 'suspend', version: p.version, reason: 'Missed three meetings in a row' })).status).toBe(200);

    const response = await t.api.get('/api/admin/email-outbox?status=pending&limit=100').set(admin.auth);
    expect(response.status).toBe(200);
    const message = response.body.find((m: { to: string }) => m.to === s.representative.email);
    expect(message).toEqual({
      id: expect.any(String),
      to: s.representative.email,
      subject: `${s.community.name}: the participation in ${s.club.name} was suspended.`,
      body: expect.stringContaining('Reason: Missed three meetings in a row'),
      kind: 'suspended',
      withheld: false,
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: expect.any(String),
      nextAttemptAt: expect.any(String),
      sentAt: null,
    });
    expect((await t.api.get('/api/admin/email-outbox?status=sent').set(admin.auth)).body.some((m: { to: string }) => m.to === s.representative.email)).toBe(false);
  });

  it('is refused to everyone else with 403, and bad filters with 400', async () => {
    const s = await setting();
    for (const user of [s.coordinator, s.representative, s.nationalOfficial]) {
      expectError(await t.api.get('/api/admin/email-outbox').set(user.auth), 403, 'FORBIDDEN');
    }
    const admin = await f.newUser({ role: 'administrator' });
    expectValidationFailure(await t.api.get('/api/admin/email-outbox?status=lost').set(admin.auth), 'status');
    expectValidationFailure(await t.api.get('/api/admin/email-outbox?limit=500').set(admin.auth), 'limit');
  });
});

describe('sending the outbox through SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp?.close());

  /** A sender as each replica runs it, on the test app's database and the in-test SMTP server. */
  const replica = () => new OutboxSender(t.app.get(DataSource), loadConfig({}), createTransport(smtp.url));

  async function queue(count: number, prefix = 'reader'): Promise<string[]> {
    const addresses = Array.from({ length: count }, (_, i) => `${prefix}-${i}-${randomUUID()}@dastarkhan.test`);
    await t.db.query(
      `INSERT INTO email_outbox (to_address, subject, body) SELECT a, 'Grace Church applied to Almaty club.', 'Hello.' FROM unnest($1::text[]) a`,
      [addresses],
    );
    return addresses;
  }

  const outboxRow = async (address: string) =>
    (await t.db.query(`SELECT status, attempts, last_error, sent_at, extract(epoch FROM next_attempt_at - now())::int AS wait FROM email_outbox WHERE to_address = $1`, [address]))
      .rows[0];

  it('sends a pending email and marks it sent', async () => {
    const [address] = await queue(1);
    await replica().sendDue();

    const email = smtp.received.find((m) => m.to.includes(address));
    expect(email?.from).toBe('no-reply@dastarkhan.local');
    expect(email?.data).toContain('Subject: Grace Church applied to Almaty club.');
    expect(await outboxRow(address)).toMatchObject({ status: 'sent', attempts: 1, last_error: null, sent_at: expect.any(Date) });
  });

  it('never sends the same email twice when several replicas poll at once', async () => {
    const addresses = await queue(30, 'busy');
    const replicas = [replica(), replica(), replica()];
    while (await countRows(t.db, `SELECT 1 FROM email_outbox WHERE to_address = ANY($1) AND status = 'pending'`, [addresses])) {
      await Promise.all(replicas.map((r) => r.sendDue()));
    }
    const deliveries = smtp.received.flatMap((m) => m.to).filter((to) => addresses.includes(to));
    expect(deliveries.sort()).toEqual([...addresses].sort());
  });

  it('retries a refused email with growing delays and marks it failed after five attempts', async () => {
    const [address] = await queue(1, 'bounce');
    const sender = replica();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await t.db.query(`UPDATE email_outbox SET next_attempt_at = now() WHERE to_address = $1`, [address]);
      await sender.sendDue();
      const row = await outboxRow(address);
      expect(row).toMatchObject({ attempts: attempt, status: attempt < MAX_ATTEMPTS ? 'pending' : 'failed', last_error: expect.stringContaining('550') });
      expect(Math.abs(row.wait - retryDelaySeconds(attempt))).toBeLessThanOrEqual(5);
    }
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([60, 120, 240, 480]);

    await t.db.query(`UPDATE email_outbox SET next_attempt_at = now() WHERE to_address = $1`, [address]);
    await sender.sendDue();
    expect(await outboxRow(address)).toMatchObject({ attempts: MAX_ATTEMPTS, status: 'failed' });
    expect(smtp.received.some((m) => m.to.includes(address))).toBe(false);
  });

  it('a replica shutting down mid-batch finishes the email it is sending and hands the rest back at once', async () => {
    const addresses = await queue(4, 'draining');
    const delivered: string[] = [];
    // The shutdown signal arrives while the first email of the batch is on the wire.
    const transport = {
      sendMail: async (mail: { to: string }) => {
        delivered.push(mail.to);
        void sender.beforeApplicationShutdown();
      },
      close: () => undefined,
    } as unknown as ReturnType<typeof createTransport>;
    const sender = new OutboxSender(t.app.get(DataSource), loadConfig({}), transport);

    expect(await sender.sendDue()).toBe(1);
    expect(delivered).toHaveLength(1);
    for (const address of addresses) {
      const row = await outboxRow(address);
      if (delivered.includes(address)) expect(row).toMatchObject({ status: 'sent', attempts: 1 });
      // Due now (not after the five-minute lease) and the claim not counted as a try.
      else expect(row.status === 'pending' && row.attempts === 0 && row.wait <= 0).toBe(true);
    }
  });

  it('polls on its own when SMTP_URL is set, and stops when the app closes', async () => {
    const [address] = await queue(1, 'polled');
    const withSmtp = await startTestApp({ SMTP_URL: smtp.url });
    try {
      for (let waited = 0; (await outboxRow(address)).status !== 'sent'; waited += 100) {
        if (waited > 10_000) throw new Error('the outbox was not sent within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await withSmtp.close();
    }
    expect(smtp.received.filter((m) => m.to.includes(address))).toHaveLength(1);
  });
});
