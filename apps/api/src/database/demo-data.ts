import { DataSource, EntityManager } from 'typeorm';
import {
  expandRecurrence,
  localDate,
  ParticipationAction,
  ParticipationStatus,
  RegistrationStatus,
  Tradition,
  transitionParticipation,
} from '@dastarkhan/domain';
import { hashPassword } from '../auth/passwords';

/** Every demo account uses this password (README lists the logins). */
export const DEMO_PASSWORD = 'dastarkhan-demo';

const CITIES = [
  { slug: 'almaty', name: ['Almaty', 'Алматы', 'Алматы'], region: ['almaty-city', 'Almaty city', 'г. Алматы', 'Алматы қаласы'] },
  { slug: 'astana', name: ['Astana', 'Астана', 'Астана'], region: ['astana-city', 'Astana city', 'г. Астана', 'Астана қаласы'] },
  { slug: 'shymkent', name: ['Shymkent', 'Шымкент', 'Шымкент'], region: ['shymkent-city', 'Shymkent city', 'г. Шымкент', 'Шымкент қаласы'] },
  { slug: 'aktobe', name: ['Aktobe', 'Актобе', 'Ақтөбе'], region: ['aktobe-region', 'Aktobe Region', 'Актюбинская область', 'Ақтөбе облысы'] },
  { slug: 'atyrau', name: ['Atyrau', 'Атырау', 'Атырау'], region: ['atyrau-region', 'Atyrau Region', 'Атырауская область', 'Атырау облысы'] },
  { slug: 'aktau', name: ['Aktau', 'Актау', 'Ақтау'], region: ['mangystau-region', 'Mangystau Region', 'Мангистауская область', 'Маңғыстау облысы'] },
  { slug: 'ust-kamenogorsk', name: ['Ust-Kamenogorsk', 'Усть-Каменогорск', 'Өскемен'], region: ['east-kazakhstan-region', 'East Kazakhstan Region', 'Восточно-Казахстанская область', 'Шығыс Қазақстан облысы'] },
] as const;

interface DemoCommunity {
  key: string;
  name: string;
  tradition: Tradition;
  registration: RegistrationStatus;
  city: string;
  /** Its representative's name: demo people have Kazakh and Russian names, read the same on kk, ru and en pages. */
  person: string;
  /** The demo login of its representative; others get a generated one. */
  login?: string;
  /** Where it takes part: club (city slug) and the pathway it went through. */
  pathway?: { club: string; actions: ParticipationAction[]; reason?: string };
}

const COMMUNITIES: DemoCommunity[] = [
  { key: 'central-mosque', name: 'Central Mosque of Almaty', person: 'Ержан Тулегенов', tradition: 'sunni_islam', registration: 'registered', city: 'almaty', login: 'mosque@dastarkhan.kz', pathway: { club: 'almaty', actions: ['admit'] } },
  { key: 'ascension-cathedral', name: 'Holy Ascension Cathedral Parish', person: 'Николай Петров', tradition: 'russian_orthodox', registration: 'registered', city: 'almaty', pathway: { club: 'almaty', actions: ['admit'] } },
  { key: 'holy-trinity', name: 'Catholic Parish of the Holy Trinity', person: 'Анна Ковальская', tradition: 'catholic', registration: 'registered', city: 'almaty', pathway: { club: 'almaty', actions: ['admit'] } },
  { key: 'almaty-jewish', name: 'Jewish Community of Almaty', person: 'Давид Коган', tradition: 'judaism', registration: 'registered', city: 'almaty', pathway: { club: 'almaty', actions: ['admit'] } },
  { key: 'almaty-buddhist', name: 'Almaty Buddhist Centre', person: 'Алексей Цой', tradition: 'buddhism', registration: 'registered', city: 'almaty', pathway: { club: 'almaty', actions: ['admit'] } },
  { key: 'grace-fellowship', name: 'Grace Evangelical Fellowship', person: 'Андрей Ким', tradition: 'evangelical_protestant', registration: 'not_registered', city: 'almaty', login: 'grace@dastarkhan.kz', pathway: { club: 'almaty', actions: ['accept'] } },
  { key: 'almaty-bahai', name: "Bahá'í Community of Almaty", person: 'Лейла Ахмедова', tradition: 'bahai', registration: 'registration_pending', city: 'almaty', pathway: { club: 'almaty', actions: [] } },
  { key: 'new-life', name: 'New Life House Church', person: 'Ольга Волкова', tradition: 'evangelical_protestant', registration: 'not_registered', city: 'almaty', login: 'rep@dastarkhan.kz' },
  { key: 'almaty-krishna', name: 'Krishna Consciousness Society Almaty', person: 'Дмитрий Орлов', tradition: 'hare_krishna', registration: 'not_registered', city: 'almaty', pathway: { club: 'almaty', actions: ['decline'], reason: 'The statement of intent did not describe the community’s activities; please apply again with them.' } },
  { key: 'astana-lutheran', name: 'St. Nicholas Lutheran Congregation', person: 'Ирина Шмидт', tradition: 'lutheran', registration: 'registered', city: 'astana', pathway: { club: 'astana', actions: ['admit'] } },
  { key: 'astana-mosque', name: 'Nur Mosque Community of Astana', person: 'Нурлан Жумабаев', tradition: 'sunni_islam', registration: 'registered', city: 'astana', pathway: { club: 'astana', actions: ['admit'] } },
  { key: 'shymkent-orthodox', name: 'St. Nicholas Orthodox Parish of Shymkent', person: 'Сергей Иванов', tradition: 'russian_orthodox', registration: 'registered', city: 'shymkent', pathway: { club: 'shymkent', actions: ['admit'] } },
  { key: 'shymkent-witnesses', name: "Jehovah's Witnesses Congregation of Shymkent", person: 'Виктор Ли', tradition: 'jehovahs_witnesses', registration: 'not_registered', city: 'shymkent', pathway: { club: 'shymkent', actions: ['accept', 'suspend'], reason: 'Suspended at the community’s request while it changes leadership.' } },
  { key: 'aktobe-catholic', name: 'Catholic Community of Aktobe', person: 'Елена Новак', tradition: 'catholic', registration: 'registered', city: 'aktobe', pathway: { club: 'aktobe', actions: ['admit'] } },
  { key: 'atyrau-evangelical', name: 'Word of Life Church of Atyrau', person: 'Асель Утегенова', tradition: 'evangelical_protestant', registration: 'not_registered', city: 'atyrau', pathway: { club: 'atyrau', actions: ['accept', 'nominate'] } },
  { key: 'aktau-baptist', name: 'Baptist Community of Aktau', person: 'Руслан Ибраев', tradition: 'evangelical_protestant', registration: 'not_registered', city: 'aktau', pathway: { club: 'aktau', actions: ['accept', 'withdraw'] } },
  { key: 'oskemen-buddhist', name: 'Ust-Kamenogorsk Buddhist Group', person: 'Татьяна Пак', tradition: 'buddhism', registration: 'registration_pending', city: 'ust-kamenogorsk', pathway: { club: 'ust-kamenogorsk', actions: ['accept'] } },
];

const MONTH_MS = 30 * 24 * 3600 * 1000;

/** Loads the demo data into an empty database; returns false (and does nothing) when cities exist. */
export async function loadDemoData(dataSource: DataSource): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    // Serialises concurrent first starts of several replicas.
    await manager.query(`LOCK TABLE cities IN EXCLUSIVE MODE`);
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM cities`);
    if (count > 0) return false;

    const user = async (email: string, displayName: string, locale = 'ru'): Promise<string> =>
      (await manager.query(`INSERT INTO users (email, password_hash, display_name, locale) VALUES ($1, $2, $3, $4) RETURNING id`, [email, passwordHash, displayName, locale]))[0].id;
    const grant = (userId: string, role: string, scope: { clubId?: string; communityId?: string; region?: string | null }) =>
      manager.query(`INSERT INTO role_assignments (user_id, role, club_id, community_id, region) VALUES ($1, $2, $3, $4, $5)`, [userId, role, scope.clubId ?? null, scope.communityId ?? null, scope.region ?? null]);

    const cityIds: Record<string, string> = {};
    const clubIds: Record<string, string> = {};
    for (const city of CITIES) {
      const [code, ...region] = city.region;
      const [{ id }] = await manager.query(
        `INSERT INTO cities (slug, name, region_code, region) VALUES ($1, $2, $3, $4) RETURNING id`,
        [city.slug, localized(city.name), code, localized(region)],
      );
      cityIds[city.slug] = id;
      clubIds[city.slug] = (await manager.query(
        `INSERT INTO clubs (name, description, city_id) VALUES ($1, $2, $3) RETURNING id`,
        [`${city.name[0]} Multi-Faith Club`, `Religious communities and the city's officials meet monthly in ${city.name[0]} to work on the city's social problems together.`, id],
      ))[0].id;
    }

    const admin = await user('admin@dastarkhan.kz', 'Айгуль Жаксылыкова', 'en');
    await grant(admin, 'administrator', {});
    const coordinator = await user('coordinator@dastarkhan.kz', 'Алия Нурлановна Сейтова');
    await grant(coordinator, 'coordinator', { clubId: clubIds.almaty });
    const regionalCoordinator = await user('coordinator.regions@dastarkhan.kz', 'Серик Бекович Абдрахманов');
    for (const slug of Object.keys(clubIds).filter((slug) => slug !== 'almaty')) {
      await grant(regionalCoordinator, 'coordinator', { clubId: clubIds[slug] });
    }
    await grant(await user('official@dastarkhan.kz', 'Данияр Оспанов'), 'official', { region: 'almaty-city' });
    await grant(await user('official.national@dastarkhan.kz', 'Гульнара Касымова', 'kk'), 'official', { region: null });

    const communityIds: Record<string, string> = {};
    for (const [index, community] of COMMUNITIES.entries()) {
      const registered = community.registration === 'registered';
      const [{ id: communityId }] = await manager.query(
        `INSERT INTO communities (name, tradition, registration_status, registration_number, registration_date, description,
                                  leaders, meeting_place, approximate_size, activities, contact_email, city_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [community.name, community.tradition, community.registration, registered ? `RK-${1000 + index}` : null,
          registered ? '2012-03-15' : null, `${community.name}: a community of the ${community.city} area.`,
          registered ? 'Named in the registration file' : '', registered ? 'Own building' : '', 40 + index * 15,
          'Weekly worship, charity meals', `${community.key}@example.kz`, cityIds[community.city]],
      );
      communityIds[community.key] = communityId;
      const representative = await user(community.login ?? `${community.key}@demo.dastarkhan.kz`, community.person);
      await grant(representative, 'representative', { communityId });
      if (community.pathway) {
        const club = community.pathway.club;
        const decider = club === 'almaty' ? coordinator : regionalCoordinator;
        await seedPathway(manager, { communityId, clubId: clubIds[club], registration: community.registration, representative, decider, ...community.pathway, monthsAgo: 14 - (index % 6) });
      }
    }
    await seedAlmatyMeetings(manager, clubIds.almaty, coordinator, communityIds);
    await seedAlmatyProject(manager, clubIds.almaty, coordinator, communityIds);
    await seedPathwayStories(manager, communityIds);
    // The registered demo communities came from the state register with the secretariat's data (docs/domain.md, P7).
    await manager.query(
      `INSERT INTO sensitive_events (kind, community_ids, resource, details)
       SELECT 'registration.verified', ARRAY[id], 'community.registration', '{"source":"demo-data"}'::jsonb
         FROM communities WHERE registration_status = 'registered'`,
    );
    // The national policy was there before the first step the demo history dates back to, as it would be in production.
    await manager.query(
      `UPDATE pathway_policies SET created_at = (SELECT min(created_at) - interval '1 day' FROM participation_events)
        WHERE club_id IS NULL AND version = 1`,
    );
    return true;
  });
}

/**
 * The Almaty club's calendar: last month's meeting (attendance, published minutes, an open action
 * item that carries over) and a monthly series on the third Thursday, 18:00–20:00, from next month.
 */
async function seedAlmatyMeetings(manager: EntityManager, clubId: string, coordinator: string, communities: Record<string, string>) {
  const topic = async (code: string): Promise<string> => (await manager.query(`SELECT id FROM topics WHERE code = $1`, [code]))[0].id;
  const insertMeeting = async (title: string, startsAt: Date, endsAt: Date, seriesId: string | null, code: string) =>
    (await manager.query(
      `INSERT INTO meetings (club_id, series_id, title, description, starts_at, ends_at, format, venue, visibility, check_in_code, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'in_person', $7, 'public', $8, $9) RETURNING id`,
      [clubId, seriesId, title, 'Monthly meeting of the club: reports on joint projects, then the topic of the month.', startsAt, endsAt, 'City Hall, conference room 2', code, coordinator],
    ))[0].id as string;

  const lastMonth = new Date(Date.now() - 30 * 24 * 3600 * 1000);
  const past = await insertMeeting('Youth and online radicalization', new Date(`${localDate(lastMonth)}T13:00:00Z`), new Date(`${localDate(lastMonth)}T15:00:00Z`), null, 'K7M2QX');
  await manager.query(`INSERT INTO meeting_topics (meeting_id, topic_id) VALUES ($1, $2), ($1, $3)`, [past, await topic('youth'), await topic('online_radicalization')]);
  await manager.query(
    `INSERT INTO agenda_items (meeting_id, position, title, presenter) VALUES ($1, 1, 'What our young people see online', 'Central Mosque of Almaty'), ($1, 2, 'A joint youth evening', 'Grace Evangelical Fellowship')`,
    [past],
  );
  const recordAttendance = async (meetingId: string, rows: Array<[string, string, string]>) => {
    for (const [key, status, role] of rows) {
      await manager.query(
        `INSERT INTO attendance (meeting_id, community_id, status, role, method, recorded_by_id) VALUES ($1, $2, $3, $4, 'coordinator', $5)`,
        [meetingId, communities[key], status, role, coordinator],
      );
      await manager.query(
        `INSERT INTO attendance_events (meeting_id, community_id, from_status, to_status, role, method, actor_id) VALUES ($1, $2, NULL, $3, $4, 'coordinator', $5)`,
        [meetingId, communities[key], status, role, coordinator],
      );
    }
  };
  await recordAttendance(past, [
    ['central-mosque', 'present', 'member'], ['ascension-cathedral', 'present', 'member'], ['holy-trinity', 'excused', 'member'],
    ['almaty-jewish', 'present', 'member'], ['almaty-buddhist', 'absent', 'member'], ['grace-fellowship', 'present', 'observer'],
  ]);
  // The five monthly meetings before it: Grace Fellowship (observer for seven months) missed one, so
  // its progress page reads "5 of 6 meetings, 83 %" — one meeting short of the default policy.
  for (let monthsAgo = 2; monthsAgo <= 6; monthsAgo++) {
    const day = localDate(new Date(Date.now() - monthsAgo * 30 * 24 * 3600 * 1000));
    const earlier = await insertMeeting('Monthly club meeting', new Date(`${day}T13:00:00Z`), new Date(`${day}T15:00:00Z`), null, `E${monthsAgo}R7LQ`);
    await recordAttendance(earlier, [
      ['central-mosque', 'present', 'member'], ['ascension-cathedral', 'present', 'member'], ['almaty-jewish', 'present', 'member'],
      ['grace-fellowship', monthsAgo === 4 ? 'absent' : 'present', 'observer'],
    ]);
  }
  await manager.query(
    `UPDATE meetings SET minutes = $2, minutes_published_at = ends_at WHERE id = $1`,
    [past, 'Five communities reported what their young people meet online. The club agreed to hold a joint youth evening.'],
  );
  await manager.query(`INSERT INTO meeting_decisions (meeting_id, position, text) VALUES ($1, 1, 'Hold a joint youth evening before the summer.')`, [past]);
  await manager.query(
    `INSERT INTO action_items (club_id, meeting_id, title, owner_community_id, due_date, created_by_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [clubId, past, 'Find a hall for the youth evening', communities['grace-fellowship'], localDate(new Date(Date.now() + 20 * 24 * 3600 * 1000)), coordinator],
  );

  const nextMonth = new Date();
  nextMonth.setUTCDate(1);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  const rule = 'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=3;COUNT=6';
  const occurrences = expandRecurrence(rule, `${localDate(nextMonth).slice(0, 8)}01T18:00`, 120);
  const [{ id: seriesId }] = await manager.query(
    `INSERT INTO meeting_series (club_id, rrule, first_starts_at, duration_minutes) VALUES ($1, $2, $3, 120) RETURNING id`,
    [clubId, rule, occurrences[0].startsAt],
  );
  for (const [index, occurrence] of occurrences.entries()) {
    const id = await insertMeeting('Monthly club meeting', occurrence.startsAt, occurrence.endsAt, seriesId, `M${index}P4TR`.slice(0, 6));
    await manager.query(`INSERT INTO meeting_topics (meeting_id, topic_id) VALUES ($1, $2)`, [id, await topic('interreligious_relations')]);
  }
}

/**
 * An active clean-up led by a member, so the projects pages have something to show, and a completed
 * charity drive to which Grace Fellowship contributed (one of the two joint projects the default
 * policy asks of an observer).
 */
async function seedAlmatyProject(manager: EntityManager, clubId: string, coordinator: string, communities: Record<string, string>) {
  const [{ id: lead }] = await manager.query(`SELECT user_id AS id FROM role_assignments WHERE community_id = $1`, [communities['central-mosque']]);
  const [{ id: projectId }] = await manager.query(
    `INSERT INTO projects (club_id, title, description, category, lead_community_id, proposed_by_id, starts_on, status, visibility, outcome_figures, outcome_photo_links, version)
     VALUES ($1, 'Spring clean-up of the Esentai river bank', 'Communities clean the river bank together and plant trees.', 'cleanup', $2, $3, $4, 'active', 'public', '[]', '[]', 2) RETURNING id`,
    [clubId, communities['central-mosque'], lead, localDate(new Date(Date.now() + 14 * 24 * 3600 * 1000))],
  );
  await manager.query(
    `INSERT INTO project_partners (project_id, community_id, role, status, requested_by_id, decided_by_id, decided_at) VALUES ($1, $2, 'lead', 'confirmed', $3, $3, now())`,
    [projectId, communities['central-mosque'], lead],
  );
  await manager.query(
    `INSERT INTO project_events (project_id, sequence, action, from_status, to_status, actor_id) VALUES ($1, 1, 'propose', NULL, 'proposed', $2), ($1, 2, 'approve', 'proposed', 'active', $3)`,
    [projectId, lead, coordinator],
  );

  const startsOn = localDate(new Date(Date.now() - 100 * 24 * 3600 * 1000));
  const [{ id: drive }] = await manager.query(
    `INSERT INTO projects (club_id, title, description, category, lead_community_id, proposed_by_id, starts_on, ends_on, status, visibility,
                           outcome_summary, outcome_figures, outcome_photo_links, completed_at, version)
     VALUES ($1, 'Winter coats for the night shelter', 'Communities collect warm clothes for the city night shelter.', 'charity', $2, $3, $4, $4,
             'completed', 'public', 'Coats and boots for the shelter''s guests, sorted and delivered together.', $5, '[]', $6, 3) RETURNING id`,
    [clubId, communities['central-mosque'], lead, startsOn, JSON.stringify([{ label: 'Coats delivered', value: 140 }]), new Date(Date.now() - 95 * 24 * 3600 * 1000)],
  );
  await manager.query(
    `INSERT INTO project_events (project_id, sequence, action, from_status, to_status, actor_id)
     VALUES ($1, 1, 'propose', NULL, 'proposed', $2), ($1, 2, 'approve', 'proposed', 'active', $3), ($1, 3, 'complete', 'active', 'completed', $3)`,
    [drive, lead, coordinator],
  );
  for (const [key, role, volunteers, hours, inKind] of [
    ['central-mosque', 'lead', 12, 36, 'Storage room and a van'],
    ['grace-fellowship', 'partner', 6, 18, '60 coats from the congregation'],
  ] as const) {
    await manager.query(
      `INSERT INTO project_partners (project_id, community_id, role, status, requested_by_id, decided_by_id, decided_at) VALUES ($1, $2, $3, 'confirmed', $4, $4, now())`,
      [drive, communities[key], role, lead],
    );
    const [{ id: contribution }] = await manager.query(`INSERT INTO project_contributions (project_id, community_id) VALUES ($1, $2) RETURNING id`, [drive, communities[key]]);
    await manager.query(
      `INSERT INTO project_contribution_revisions (contribution_id, revision, role, volunteers, hours, in_kind, status, entered_by_id, reviewed_by_id, reviewed_at)
       VALUES ($1, 1, $2, $3, $4, $5, 'confirmed', $6, $7, now())`,
      [contribution, role, volunteers, hours, inKind, lead, coordinator],
    );
  }
}

/**
 * The pathway's stories: Grace Fellowship has a complete transparency profile and one member
 * sponsor, so its progress page shows most milestones met and what remains; Word of Life (a
 * candidate in Atyrau) consented to officials seeing its record, so the national official has a
 * candidacy to review by name.
 */
async function seedPathwayStories(manager: EntityManager, communities: Record<string, string>) {
  await manager.query(`UPDATE communities SET official_consent_at = now() WHERE id = $1`, [communities['atyrau-evangelical']]);
  await manager.query(
    `UPDATE communities SET leaders = 'Pastor Andrei Kim, deacon Madina Seitkali', meeting_place = 'Rented hall, Zhandosov St',
            activities = 'Sunday worship, a youth group, visits to the children''s hospital' WHERE id = $1`,
    [communities['grace-fellowship']],
  );
  const [{ id: mosqueRep }] = await manager.query(`SELECT user_id AS id FROM role_assignments WHERE community_id = $1`, [communities['central-mosque']]);
  await manager.query(
    `INSERT INTO sponsorships (participation_id, sponsor_community_id, statement, created_by_id)
     SELECT id, $2, 'Grace Fellowship has carried coats with us all winter and keeps its word.', $3 FROM participations WHERE community_id = $1`,
    [communities['grace-fellowship'], communities['central-mosque'], mosqueRep],
  );
}

function localized([en, ru, kk]: readonly string[]) {
  return { en, ru, kk };
}

/** Walks a participation through `actions` with the real state machine, one event per step. */
async function seedPathway(
  manager: EntityManager,
  p: { communityId: string; clubId: string; registration: RegistrationStatus; representative: string; decider: string; actions: ParticipationAction[]; reason?: string; monthsAgo: number },
) {
  const start = Date.now() - p.monthsAgo * MONTH_MS;
  let state: { status: ParticipationStatus; suspendedFrom: ParticipationStatus | null } = { status: 'applied', suspendedFrom: null };
  const [{ id }] = await manager.query(
    `INSERT INTO participations (community_id, club_id, status, statement, version, created_at)
     VALUES ($1, $2, 'applied', $3, 1, $4) RETURNING id`,
    [p.communityId, p.clubId, 'We would like to join the club, meet our neighbours of other faiths and help with the city’s projects.', new Date(start)],
  );
  const event = (sequence: number, action: string, from: ParticipationStatus | null, to: ParticipationStatus, reason: string | null, actor: string) =>
    manager.query(
      `INSERT INTO participation_events (participation_id, sequence, action, from_status, to_status, reason, actor_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, sequence, action, from, to, reason, actor, new Date(start + (sequence - 1) * 2 * MONTH_MS)],
    );
  await event(1, 'apply', null, 'applied', null, p.representative);
  for (const [step, action] of p.actions.entries()) {
    const actor = action === 'withdraw' ? 'community' : 'coordinator';
    const next = transitionParticipation(state, action, { actor, registration: p.registration, reason: p.reason });
    await event(step + 2, action, state.status, next.status, p.reason && ['decline', 'suspend', 'defer', 'reinstate'].includes(action) ? p.reason : null, actor === 'community' ? p.representative : p.decider);
    state = next;
  }
  await manager.query(`UPDATE participations SET status = $2, suspended_from = $3, version = $4 WHERE id = $1`, [id, state.status, state.suspendedFrom, p.actions.length + 1]);
}
