import { randomBytes } from 'node:crypto';
import { generateSecret, generateSync } from 'otplib';
import type { Response } from 'supertest';
import { requiresSecondFactor, type ParticipationStatus, type RegistrationStatus, type Role, type Tradition } from '@dastarkhan/domain';
import { hashPassword } from '../../../apps/api/src/auth/passwords';
import { SecretBox } from '../../../apps/api/src/auth/secrets';
import type { TestApp } from './test-app';

/** Every factory-made user signs in with this password (hashed once per test file). */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestCity {
  id: string;
  slug: string;
  regionCode: string;
}

export interface TestClub {
  id: string;
  name: string;
  cityId: string;
  regionCode: string;
}

export interface TestCommunity {
  id: string;
  name: string;
  registrationStatus: RegistrationStatus;
  contactEmail: string;
  contactPhone: string;
}

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  /** A real session token: the session cookie `POST /api/auth/login` set. */
  token: string;
  /** The session cookie as a header for supertest's `.set()`. */
  auth: { Cookie: string };
  /** The TOTP secret of an administrator or official (enrolled by the factory, as their roles require). */
  totpSecret?: string;
}

export interface TestParticipation {
  id: string;
  status: ParticipationStatus;
  /** Equals the number of events, as after the same steps through the API. */
  version: number;
}

export interface NewUserOptions {
  /** Omit for an account without any role. */
  role?: Role;
  clubId?: string;
  communityId?: string;
  /** An official's region code; null (default) = national. */
  region?: string | null;
  displayName?: string;
}

export interface NewCommunityOptions {
  registered?: boolean;
  registrationStatus?: RegistrationStatus;
  isPublic?: boolean;
  /** Consent for officials to see the record (sets official_consent_at). */
  consent?: boolean;
  name?: string;
  tradition?: Tradition;
}

/** Unique per call and per run, so test files never see each other's rows. */
export function unique(prefix = ''): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/**
 * The steps (and the status each leads to) that bring a participation to `status`, as the API
 * would have recorded them: the factory writes the same history a real pathway leaves behind.
 */
function pathTo(status: ParticipationStatus, registered: boolean): Array<{ action: string; to: ParticipationStatus; reason?: string }> {
  const apply = { action: 'apply', to: 'applied' as const };
  const accept = { action: 'accept', to: 'observer' as const };
  switch (status) {
    case 'applied':
      return [apply];
    case 'observer':
      return [apply, accept];
    case 'candidate':
      return [apply, accept, { action: 'nominate', to: 'candidate' }];
    case 'member':
      return registered
        ? [apply, { action: 'admit', to: 'member' }]
        : [apply, accept, { action: 'nominate', to: 'candidate' }, { action: 'admit', to: 'member' }];
    case 'declined':
      return [apply, { action: 'decline', to: 'declined', reason: 'Declined by the test factory' }];
    case 'suspended':
      return [apply, accept, { action: 'suspend', to: 'suspended', reason: 'Suspended by the test factory' }];
    case 'withdrawn':
      return [apply, { action: 'withdraw', to: 'withdrawn' }];
  }
}

/** The session token a sign-in answer set as the cookie (undefined when it set none). */
export function sessionTokenOf(response: Response): string | undefined {
  const cookie = [response.headers['set-cookie'] ?? []].flat().find((c: string) => c.startsWith(`${SESSION_COOKIE}=`));
  const value = cookie?.split(';')[0].slice(SESSION_COOKIE.length + 1);
  return value || undefined;
}

export const SESSION_COOKIE = 'dastarkhan_session';

/** Time steps already used per TOTP secret: the API accepts each once, so a second sign-in takes the next one. */
const usedSteps = new Map<string, number>();

/** A code the API accepts now for this secret (the next 30-second step when the current one was used; waits if need be). */
export async function totpCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, (usedSteps.get(secret) ?? -1) + 1);
  // One step ahead is within the API's tolerance; further, wait.
  if (step > now + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 50));
  usedSteps.set(secret, step);
  return generateSync({ secret, epoch: step * 30 });
}

/** Small factories that write straight to the database (and sign in through the API). */
export function createFactories({ api, db, config }: TestApp) {
  let passwordHash: Promise<string> | undefined;
  let historyActor: Promise<string> | undefined;
  const box = new SecretBox(config.JWT_SECRET);
  const secrets = new Map<string, string>();

  const insertUser = async (email: string, displayName: string): Promise<string> => {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name, locale) VALUES ($1, $2, $3, 'en') RETURNING id`,
      [email, await passwordHash, displayName],
    );
    return rows[0].id;
  };

  async function newCity(): Promise<TestCity> {
    const slug = unique('city-');
    const regionCode = unique('region-');
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO cities (slug, name, region_code, region) VALUES ($1, $2, $3, $4) RETURNING id`,
      [
        slug,
        { kk: `Қала ${slug}`, ru: `Город ${slug}`, en: `City ${slug}` },
        regionCode,
        { kk: `Облыс ${regionCode}`, ru: `Область ${regionCode}`, en: `Region ${regionCode}` },
      ],
    );
    return { id: rows[0].id, slug, regionCode };
  }

  async function newClub(options: { city?: TestCity; name?: string } = {}): Promise<TestClub> {
    const city = options.city ?? (await newCity());
    const name = options.name ?? `Club ${unique()}`;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO clubs (name, description, city_id) VALUES ($1, $2, $3) RETURNING id`,
      [name, `Communities of ${city.slug} meet monthly.`, city.id],
    );
    return { id: rows[0].id, name, cityId: city.id, regionCode: city.regionCode };
  }

  async function newCommunity(options: NewCommunityOptions = {}): Promise<TestCommunity> {
    const registrationStatus = options.registrationStatus ?? (options.registered ? 'registered' : 'not_registered');
    const registered = registrationStatus === 'registered';
    const name = options.name ?? `Community ${unique()}`;
    const contactEmail = `${unique('contact-')}@community.test`;
    const contactPhone = `+7 701 ${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO communities (name, tradition, registration_status, registration_number, registration_date,
                                description, leaders, meeting_place, approximate_size, activities,
                                contact_email, contact_phone, is_public, official_consent_at)
       VALUES ($1, $2, $3, $4, $5, 'A community made by the tests', 'Imam Test', 'Test street 1', 40,
               'Weekly prayer', $6, $7, $8, $9) RETURNING id`,
      [
        name,
        options.tradition ?? 'evangelical_protestant',
        registrationStatus,
        registered ? unique('REG-') : null,
        registered ? '2015-03-01' : null,
        contactEmail,
        contactPhone,
        options.isPublic ?? false,
        options.consent ? new Date() : null,
      ],
    );
    return { id: rows[0].id, name, registrationStatus, contactEmail, contactPhone };
  }

  /** Signs in through the API, exactly as a browser would (with the second step for an enrolled user); returns the session token. */
  async function login(email: string, password = TEST_PASSWORD): Promise<string> {
    let response = await api.post('/api/auth/login').send({ email, password });
    const secret = secrets.get(email);
    if (response.status === 202 && secret) {
      response = await api.post('/api/auth/login/second-factor').send({ challenge: response.body.challenge, code: await totpCode(secret) });
    }
    const token = sessionTokenOf(response);
    if (response.status !== 200 || !token) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return token;
  }

  /** Enrols a TOTP second factor for the user, as an administrator or official must have; returns the secret. */
  async function enrolSecondFactor(userId: string, email: string): Promise<string> {
    const secret = generateSecret();
    await db.query(`UPDATE users SET totp_secret = $2, totp_enabled_at = now() WHERE id = $1`, [userId, box.seal(secret)]);
    secrets.set(email, secret);
    return secret;
  }

  async function newUser(options: NewUserOptions = {}): Promise<TestUser> {
    const email = `${unique(options.role ?? 'user')}@dastarkhan.test`;
    const displayName = options.displayName ?? `${options.role ?? 'User'} ${unique()}`;
    const id = await insertUser(email, displayName);
    if (options.role) {
      await db.query(
        `INSERT INTO role_assignments (user_id, role, club_id, community_id, region) VALUES ($1, $2, $3, $4, $5)`,
        [id, options.role, options.clubId ?? null, options.communityId ?? null, options.region ?? null],
      );
    }
    const viewerRoles = options.role ? [{ role: options.role, clubId: null, communityId: null, region: null }] : [];
    const totpSecret = requiresSecondFactor({ userId: id, roles: viewerRoles, participations: [] }) ? await enrolSecondFactor(id, email) : undefined;
    const token = await login(email);
    return { id, email, displayName, token, auth: sessionCookie(token), totpSecret };
  }

  /** A participation with the event history its status implies (actor: a factory account). */
  async function newParticipation(options: {
    clubId: string;
    communityId: string;
    status: ParticipationStatus;
    statement?: string;
    /** When its history began (default: now); its steps follow a minute apart. */
    since?: Date;
  }): Promise<TestParticipation> {
    historyActor ??= insertUser(`${unique('history-')}@dastarkhan.test`, 'Test Secretariat');
    const actorId = await historyActor;
    const { rows: [community] } = await db.query<{ registration_status: RegistrationStatus }>(
      `SELECT registration_status FROM communities WHERE id = $1`,
      [options.communityId],
    );
    const steps = pathTo(options.status, community.registration_status === 'registered');
    const suspendedFrom = options.status === 'suspended' ? 'observer' : null;
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO participations (community_id, club_id, status, suspended_from, statement, version)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [options.communityId, options.clubId, options.status, suspendedFrom,
          options.statement ?? 'We would like to take part in the club as observers.', steps.length],
      );
      const id = rows[0].id;
      let from: ParticipationStatus | null = null;
      for (const [index, step] of steps.entries()) {
        await client.query(
          `INSERT INTO participation_events (participation_id, sequence, action, from_status, to_status, reason, actor_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::timestamptz + make_interval(mins => $2), now()))`,
          [id, index + 1, step.action, from, step.to, step.reason ?? null, actorId, options.since ?? null],
        );
        from = step.to;
      }
      await client.query('COMMIT');
      return { id, status: options.status, version: steps.length };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  return { newCity, newClub, newCommunity, newUser, newParticipation, login, enrolSecondFactor };
}

export type Factories = ReturnType<typeof createFactories>;

/** The session cookie header for a token. */
export const sessionCookie = (token: string) => ({ Cookie: `${SESSION_COOKIE}=${token}` });
