// The synthetic country, as set-based SQL (generate_series and INSERT … SELECT: no ORM saves, no
// row-by-row round trips). One factor is Kazakhstan's order of size: 20 clubs, 2 000 communities,
// 10 000 meetings, ~200 000 attendance rows. Each step is one statement; seed-scale.mjs runs them in
// order inside one transaction and prints its progress.
//
// Randomness is seeded (setseed) so two runs at the same factor build the same country.

const TRADITIONS = [
  'sunni_islam', 'russian_orthodox', 'catholic', 'evangelical_protestant', 'lutheran', 'judaism',
  'buddhism', 'bahai', 'hare_krishna', 'jehovahs_witnesses',
];
/** The demo's regions first, so the demo official of Almaty city sees a share of the synthetic country. */
const REGIONS = [
  'almaty-city', 'astana-city', 'shymkent-city', 'aktobe-region', 'atyrau-region', 'mangystau-region',
  'east-kazakhstan-region', 'abai-region', 'akmola-region', 'almaty-region', 'jetisu-region', 'karaganda-region',
  'kostanay-region', 'kyzylorda-region', 'north-kazakhstan-region', 'pavlodar-region', 'turkistan-region',
  'ulytau-region', 'west-kazakhstan-region', 'zhambyl-region',
];

const sqlArray = (values) => `(ARRAY[${values.map((v) => `'${v}'`).join(',')}]::text[])`;

/** Steps: [label, table counted for progress, SQL]. `$factor`-dependent sizes are computed here. */
export function scaleSteps(factor) {
  const cities = Math.max(1, Math.round(10 * factor));
  const clubs = Math.max(1, Math.round(20 * factor));
  const communities = Math.max(10, Math.round(2000 * factor));
  return [
    ['seed', null, `SELECT setseed(0.42)`],
    // Cities: the first ones carry most clubs (a club's city is drawn with a square-skew toward them).
    ['cities', 'cities', `
      CREATE TEMP TABLE s_city ON COMMIT DROP AS
        SELECT n, uuid_generate_v4() AS id, ${sqlArray(REGIONS)}[1 + (n - 1) % ${REGIONS.length}] AS region_code
        FROM generate_series(1, ${cities}) n;
      INSERT INTO cities (id, slug, name, region_code, region)
        SELECT id, 'scale-city-' || n,
               jsonb_build_object('en', 'Scale City ' || n, 'ru', 'Город ' || n, 'kk', 'Қала ' || n),
               region_code,
               jsonb_build_object('en', 'Region ' || region_code, 'ru', 'Область ' || region_code, 'kk', 'Облыс ' || region_code)
        FROM s_city`],
    ['clubs', 'clubs', `
      CREATE TEMP TABLE s_club ON COMMIT DROP AS
        SELECT k.n, uuid_generate_v4() AS id, c.id AS city_id
        FROM (SELECT n, 1 + floor(power(random(), 2) * ${cities})::int AS city_n FROM generate_series(1, ${clubs}) n) k
        JOIN s_city c ON c.n = k.city_n;
      INSERT INTO clubs (id, name, description, city_id, created_at)
        SELECT id, 'Scale Multi-Faith Club ' || n, 'Communities and officials meet to work on the city''s problems together.',
               city_id, now() - interval '6 years'
        FROM s_club`],
    // Coordinators (one per club) and a representative account per community share the demo password.
    ['coordinators', 'role_assignments', `
      CREATE TEMP TABLE s_coord ON COMMIT DROP AS
        SELECT c.n, c.id AS club_id, uuid_generate_v4() AS user_id FROM s_club c;
      INSERT INTO users (id, email, password_hash, display_name, locale)
        SELECT user_id, 'coordinator-' || n || '@scale.dastarkhan.kz', (SELECT password_hash FROM users WHERE email = 'coordinator@dastarkhan.kz'),
               'Coordinator ' || n, 'ru'
        FROM s_coord;
      INSERT INTO role_assignments (user_id, role, club_id) SELECT user_id, 'coordinator', club_id FROM s_coord`],
    ['communities', 'communities', `
      CREATE TEMP TABLE s_comm ON COMMIT DROP AS
        SELECT g.n, uuid_generate_v4() AS id, uuid_generate_v4() AS user_id,
               (SELECT id FROM s_club WHERE s_club.n = 1 + (g.n * 7919) % ${clubs}) AS club_id,
               ${sqlArray(TRADITIONS)}[1 + floor(random() * ${TRADITIONS.length})::int] AS tradition,
               CASE WHEN r < 0.6 THEN 'registered' WHEN r < 0.9 THEN 'not_registered' ELSE 'registration_pending' END AS registration,
               random() AS p
        FROM generate_series(1, ${communities}) g(n), LATERAL (SELECT random() + 0 * g.n AS r) x;
      INSERT INTO communities (id, name, tradition, registration_status, registration_number, registration_date, description,
                               leaders, meeting_place, approximate_size, activities, contact_email, is_public,
                               official_consent_at, city_id, created_at)
        SELECT s.id, 'Scale Community ' || s.n || ' (' || s.tradition || ')', s.tradition, s.registration,
               CASE WHEN s.registration = 'registered' THEN 'KZ-' || lpad(s.n::text, 8, '0') END,
               CASE WHEN s.registration = 'registered' THEN date '2005-01-01' + (s.n % 6000) END,
               'A community of believers that serves its neighbourhood.', 'Elders of the community', 'Its own house of worship',
               20 + (s.n % 400), 'Weekly worship, charity, youth work', 'contact-' || s.n || '@scale.dastarkhan.kz',
               s.registration <> 'registered' AND s.p < 0.1,
               CASE WHEN s.registration <> 'registered' AND s.p BETWEEN 0.1 AND 0.3 THEN now() - interval '1 year' END,
               c.city_id, now() - interval '6 years'
        FROM s_comm s JOIN s_club c ON c.id = s.club_id`],
    ['representatives', 'users', `
      INSERT INTO users (id, email, password_hash, display_name, locale)
        SELECT user_id, 'rep-' || n || '@scale.dastarkhan.kz', (SELECT password_hash FROM users WHERE email = 'coordinator@dastarkhan.kz'),
               'Representative ' || n, (ARRAY['kk','ru','en'])[1 + n % 3]
        FROM s_comm;
      INSERT INTO role_assignments (user_id, role, community_id) SELECT user_id, 'representative', id FROM s_comm`],
    // One participation per community in its club, in every status; its history below.
    ['participations', 'participations', `
      CREATE TEMP TABLE s_part ON COMMIT DROP AS
        SELECT s.n, uuid_generate_v4() AS id, s.id AS community_id, s.club_id, s.user_id AS rep_id, s.registration,
               CASE WHEN r < 0.35 THEN 'member' WHEN r < 0.60 THEN 'observer' WHEN r < 0.65 THEN 'candidate'
                    WHEN r < 0.75 THEN 'applied' WHEN r < 0.85 THEN 'declined' WHEN r < 0.90 THEN 'suspended'
                    ELSE 'withdrawn' END AS status,
               now() - (interval '1 day' * floor(random() * 1800)) AS created_at
        FROM s_comm s, LATERAL (SELECT random() + 0 * s.n AS r) x;
      INSERT INTO participations (id, community_id, club_id, status, suspended_from, statement, created_at, updated_at)
        SELECT id, community_id, club_id, status, CASE WHEN status = 'suspended' THEN 'observer' END,
               'We wish to take part in the club''s work for our city.', created_at, created_at + interval '30 days'
        FROM s_part`],
    ['participation history', 'participation_events', `
      INSERT INTO participation_events (participation_id, sequence, action, from_status, to_status, reason, actor_id, created_at)
        SELECT p.id, e.seq, e.action, e.from_status, e.to_status, e.reason,
               CASE WHEN e.action IN ('apply', 'withdraw') THEN p.rep_id ELSE co.user_id END,
               p.created_at + interval '20 days' * (e.seq - 1)
        FROM s_part p JOIN s_coord co ON co.club_id = p.club_id,
        LATERAL (VALUES
          (1, 'apply', NULL, 'applied', NULL, true),
          (2, CASE WHEN p.status = 'member' AND p.registration = 'registered' THEN 'admit'
                   WHEN p.status = 'declined' THEN 'decline' ELSE 'accept' END,
              'applied',
              CASE WHEN p.status = 'member' AND p.registration = 'registered' THEN 'member'
                   WHEN p.status = 'declined' THEN 'declined' ELSE 'observer' END,
              CASE WHEN p.status = 'declined' THEN 'The statement did not describe the community''s activities.' END,
              p.status <> 'applied'),
          (3, CASE p.status WHEN 'suspended' THEN 'suspend' WHEN 'withdrawn' THEN 'withdraw' ELSE 'nominate' END,
              'observer', CASE p.status WHEN 'suspended' THEN 'suspended' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'candidate' END,
              CASE p.status WHEN 'suspended' THEN 'Suspended at the community''s request.' END,
              p.status IN ('candidate', 'suspended', 'withdrawn') OR (p.status = 'member' AND p.registration <> 'registered')),
          (4, 'admit', 'candidate', 'member', NULL, p.status = 'member' AND p.registration <> 'registered')
        ) AS e(seq, action, from_status, to_status, reason, happened)
        WHERE e.happened`],
    ['decisions', 'participation_decisions', `
      INSERT INTO participation_decisions (participation_id, event_sequence, outcome, from_status, reason_code, reason_text,
                                           milestone_snapshot, earliest_reapply_on, decider_id, decided_at)
        SELECT e.participation_id, e.sequence, e.action, e.from_status,
               CASE e.action WHEN 'admit' THEN CASE WHEN e.from_status = 'applied' THEN 'registered_community' ELSE 'milestones_met' END
                             ELSE 'club_charter' END,
               CASE e.action WHEN 'admit' THEN 'Admitted by the club.' ELSE 'Declined: apply again with a fuller statement.' END,
               jsonb_build_object('allMet', e.action = 'admit', 'milestones', '[]'::jsonb),
               CASE WHEN e.action = 'decline' THEN (e.created_at + interval '6 months')::date END,
               e.actor_id, e.created_at
        FROM participation_events e JOIN s_part p ON p.id = e.participation_id
        WHERE e.action IN ('admit', 'decline')`],
    ['appeals', 'decision_appeals', `
      INSERT INTO decision_appeals (decision_id, appellant_id, text, status, created_at, resolved_at, resolved_by_id, resolution)
        SELECT d.id, p.rep_id, 'We ask the club to reconsider: our statement now describes our activities.',
               CASE WHEN x.resolved THEN 'upheld' ELSE 'open' END, d.decided_at + interval '3 days',
               CASE WHEN x.resolved THEN d.decided_at + interval '13 days' END,
               CASE WHEN x.resolved THEN (SELECT id FROM users WHERE email = 'admin@dastarkhan.kz') END,
               CASE WHEN x.resolved THEN 'The decision stands.' END
        FROM participation_decisions d JOIN s_part p ON p.id = d.participation_id,
        LATERAL (SELECT random() < 0.5 + 0 * p.n AS resolved) x
        WHERE d.outcome = 'decline' AND random() < 0.2`],
    ['sponsorships', 'sponsorships', `
      INSERT INTO sponsorships (participation_id, sponsor_community_id, statement, created_by_id, created_at)
        SELECT p.id, sponsor.community_id, 'We have worked beside them for a year and vouch for them.', sponsor.rep_id, p.created_at + interval '40 days'
        FROM s_part p
        JOIN LATERAL (SELECT m.community_id, m.rep_id FROM s_part m
                      WHERE m.club_id = p.club_id AND m.status = 'member' AND m.id <> p.id LIMIT 1) sponsor ON true
        WHERE p.status IN ('candidate', 'member') AND p.registration <> 'registered'`],
    ['reviews', 'participation_reviews', `
      INSERT INTO participation_reviews (participation_id, official_id, verdict, text, created_at)
        SELECT p.id, (SELECT user_id FROM role_assignments WHERE role = 'official' AND region IS NULL LIMIT 1),
               CASE WHEN random() < 0.8 THEN 'no_objection' ELSE 'concern' END,
               'Reviewed the community''s record.', p.created_at + interval '70 days'
        FROM s_part p WHERE p.status = 'candidate'`],
    // Meetings: every club meets every fourth day, four years back and a year and a half ahead.
    ['meeting series', 'meeting_series', `
      CREATE TEMP TABLE s_series ON COMMIT DROP AS
        SELECT c.id AS club_id, uuid_generate_v4() AS id, date_trunc('day', now()) - interval '4 years' + interval '18 hours' AS first_starts_at
        FROM s_club c;
      INSERT INTO meeting_series (id, club_id, rrule, first_starts_at, duration_minutes)
        SELECT id, club_id, 'FREQ=DAILY;INTERVAL=4;COUNT=500', first_starts_at, 120 FROM s_series`],
    ['meetings', 'meetings', `
      INSERT INTO meetings (club_id, series_id, title, description, starts_at, ends_at, format, venue, visibility, status,
                            cancel_reason, check_in_code, minutes, minutes_published_at, created_by_id, created_at)
        SELECT s.club_id, s.id, 'Club meeting ' || (k + 1), 'The city''s social problems and our joint projects.',
               s.first_starts_at + interval '4 days' * k, s.first_starts_at + interval '4 days' * k + interval '2 hours',
               'in_person', 'City hall, room ' || (1 + k % 9),
               CASE WHEN k % 3 = 0 THEN 'public' ELSE 'club' END,
               CASE WHEN k % 37 = 5 THEN 'cancelled' ELSE 'scheduled' END,
               CASE WHEN k % 37 = 5 THEN 'The hall was not available.' END,
               lpad(((k * 7919 + 13) % 1000000)::text, 6, '0'),
               CASE WHEN s.first_starts_at + interval '4 days' * k < now() THEN 'Discussed the city''s problems; decisions recorded.' ELSE '' END,
               CASE WHEN s.first_starts_at + interval '4 days' * k < now() - interval '7 days' AND k % 5 <> 0
                    THEN s.first_starts_at + interval '4 days' * k + interval '3 days' END,
               co.user_id, s.first_starts_at
        FROM s_series s JOIN s_coord co ON co.club_id = s.club_id, generate_series(0, 499) k`],
    // Attendance at past meetings by the communities taking part then (about three in four came).
    // Attendance at past meetings by the communities taking part then (about three in four came), each
    // with the event that recorded it (one statement: the history is written from the rows as inserted).
    ['attendance and its history', 'attendance', `
      WITH recorded AS (
        INSERT INTO attendance (meeting_id, community_id, status, role, method, recorded_by_id, updated_at)
          SELECT m.id, p.community_id,
                 CASE WHEN random() < 0.9 THEN 'present' ELSE 'excused' END,
                 CASE WHEN p.status = 'member' THEN 'member' ELSE 'observer' END,
                 CASE WHEN random() < 0.5 THEN 'coordinator' ELSE 'check_in' END,
                 m.created_by_id, m.ends_at
          FROM meetings m
          JOIN s_part p ON p.club_id = m.club_id AND p.status IN ('observer', 'candidate', 'member', 'suspended')
                       AND p.created_at + interval '20 days' < m.starts_at
          WHERE m.series_id IN (SELECT id FROM s_series) AND m.starts_at < now() AND m.status = 'scheduled' AND random() < 0.75
          RETURNING *)
      INSERT INTO attendance_events (meeting_id, community_id, from_status, to_status, role, method, actor_id, created_at)
        SELECT meeting_id, community_id, NULL, status, role, method, recorded_by_id, updated_at FROM recorded`],
    ['RSVPs', 'rsvps', `
      INSERT INTO rsvps (meeting_id, community_id, answer, attendees, responded_by_id, updated_at)
        SELECT m.id, p.community_id, (ARRAY['yes','yes','maybe','no'])[1 + floor(random() * 4)::int], 1 + floor(random() * 4)::int,
               p.rep_id, m.starts_at - interval '3 days'
        FROM meetings m
        JOIN s_part p ON p.club_id = m.club_id AND p.status IN ('observer', 'candidate', 'member')
        WHERE m.series_id IN (SELECT id FROM s_series) AND m.starts_at BETWEEN now() - interval '60 days' AND now() + interval '60 days'
          AND random() < 0.4`],
    ['action items', 'action_items', `
      INSERT INTO action_items (club_id, meeting_id, title, owner_community_id, due_date, status, done_at, created_by_id, created_at)
        SELECT m.club_id, m.id, 'Prepare the next joint project''s plan',
               (SELECT p.community_id FROM s_part p WHERE p.club_id = m.club_id AND p.status = 'member' LIMIT 1),
               (m.starts_at + interval '14 days')::date,
               CASE WHEN m.starts_at < now() - interval '30 days' THEN 'done' ELSE 'open' END,
               CASE WHEN m.starts_at < now() - interval '30 days' THEN m.starts_at + interval '10 days' END,
               m.created_by_id, m.starts_at
        FROM meetings m
        WHERE m.series_id IN (SELECT id FROM s_series) AND m.starts_at < now() + interval '1 day' AND random() < 0.3
          AND EXISTS (SELECT 1 FROM s_part p WHERE p.club_id = m.club_id AND p.status = 'member')`],
    // Joint projects: thirty per club, led by a community taking part, with two partners each.
    ['projects', 'projects', `
      CREATE TEMP TABLE s_proj ON COMMIT DROP AS
        SELECT uuid_generate_v4() AS id, c.id AS club_id, k,
               CASE WHEN k < 15 THEN 'completed' WHEN k < 24 THEN 'active' WHEN k < 27 THEN 'proposed' ELSE 'declined' END AS status,
               (date_trunc('day', now()) - interval '60 days' * (30 - k))::date AS starts_on
        FROM s_club c, generate_series(0, 29) k;
      DELETE FROM s_proj WHERE NOT EXISTS (SELECT 1 FROM s_part p WHERE p.club_id = s_proj.club_id AND p.status IN ('observer', 'candidate', 'member'));
      INSERT INTO projects (id, club_id, title, description, category, lead_community_id, proposed_by_id, starts_on, ends_on,
                            status, visibility, decision_reason, outcome_summary, outcome_figures, outcome_photo_links, completed_at, created_at)
        SELECT j.id, j.club_id, 'Joint project ' || (j.k + 1), 'Communities of the club work together for the city.',
               (ARRAY['cleanup','sports','visit','charity','education','other'])[1 + j.k % 6], lead.community_id, lead.rep_id,
               j.starts_on, j.starts_on + 30, j.status, CASE WHEN j.k % 4 = 0 THEN 'club' ELSE 'public' END,
               CASE WHEN j.status = 'declined' THEN 'Not this year: the club''s budget is committed.' END,
               CASE WHEN j.status = 'completed' THEN 'Done together, as planned.' END,
               '[]'::jsonb, '[]'::jsonb,
               CASE WHEN j.status = 'completed' THEN j.starts_on + interval '31 days' END,
               j.starts_on - interval '14 days'
        FROM s_proj j
        JOIN LATERAL (SELECT p.community_id, p.rep_id FROM s_part p WHERE p.club_id = j.club_id AND p.status IN ('observer', 'candidate', 'member')
                      ORDER BY (p.n * 31 + j.k) % 101 LIMIT 1) lead ON true`],
    ['project partners', 'project_partners', `
      INSERT INTO project_partners (project_id, community_id, role, status, requested_by_id, decided_by_id, decided_at, created_at)
        SELECT pr.id, pr.lead_community_id, 'lead', 'confirmed', pr.proposed_by_id, pr.proposed_by_id, pr.created_at, pr.created_at
        FROM projects pr JOIN s_proj j ON j.id = pr.id;
      INSERT INTO project_partners (project_id, community_id, role, status, requested_by_id, decided_by_id, decided_at, created_at)
        SELECT pr.id, partner.community_id, 'partner', 'confirmed', partner.rep_id, pr.proposed_by_id, pr.created_at + interval '2 days', pr.created_at
        FROM projects pr JOIN s_proj j ON j.id = pr.id
        JOIN LATERAL (SELECT p.community_id, p.rep_id FROM s_part p
                      WHERE p.club_id = pr.club_id AND p.status IN ('observer', 'candidate', 'member') AND p.community_id <> pr.lead_community_id
                      ORDER BY (p.n * 17 + j.k) % 103 LIMIT 2) partner ON true
        WHERE pr.status IN ('active', 'completed')`],
    ['project history', 'project_events', `
      INSERT INTO project_events (project_id, sequence, action, from_status, to_status, reason, actor_id, created_at)
        SELECT pr.id, e.seq, e.action, e.from_status, e.to_status, e.reason,
               CASE WHEN e.seq = 1 THEN pr.proposed_by_id ELSE co.user_id END, pr.created_at + interval '3 days' * (e.seq - 1)
        FROM projects pr JOIN s_proj j ON j.id = pr.id JOIN s_coord co ON co.club_id = pr.club_id,
        LATERAL (VALUES (1, 'propose', NULL, 'proposed', NULL, true),
                        (2, CASE WHEN pr.status = 'declined' THEN 'decline' ELSE 'approve' END, 'proposed',
                            CASE WHEN pr.status = 'declined' THEN 'declined' ELSE 'active' END, pr.decision_reason, pr.status <> 'proposed'),
                        (3, 'complete', 'active', 'completed', NULL, pr.status = 'completed')) AS e(seq, action, from_status, to_status, reason, happened)
        WHERE e.happened`],
    ['milestones', 'project_milestones', `
      INSERT INTO project_milestones (project_id, position, title, due_on, done, done_at)
        SELECT pr.id, g.k, 'Step ' || g.k, pr.starts_on + 10 * g.k, pr.status = 'completed', CASE WHEN pr.status = 'completed' THEN pr.completed_at END
        FROM projects pr JOIN s_proj j ON j.id = pr.id, generate_series(1, 3) g(k)`],
    ['contributions', 'project_contribution_revisions', `
      CREATE TEMP TABLE s_contrib ON COMMIT DROP AS
        SELECT uuid_generate_v4() AS id, pp.project_id, pp.community_id, pp.role, pp.requested_by_id, pr.proposed_by_id, pr.starts_on
        FROM project_partners pp JOIN projects pr ON pr.id = pp.project_id JOIN s_proj j ON j.id = pr.id
        WHERE pr.status IN ('active', 'completed');
      INSERT INTO project_contributions (id, project_id, community_id) SELECT id, project_id, community_id FROM s_contrib;
      INSERT INTO project_contribution_revisions (contribution_id, revision, role, volunteers, hours, status, entered_by_id, entered_at,
                                                  reviewed_by_id, reviewed_at)
        SELECT id, 1, role, 3 + floor(random() * 20)::int, round((10 + random() * 90)::numeric, 1), 'confirmed', requested_by_id,
               starts_on + interval '20 days', proposed_by_id, starts_on + interval '22 days'
        FROM s_contrib`],
    // Every account's inbox: twenty notifications per representative, most of them read.
    ['notifications', 'notifications', `
      INSERT INTO notifications (user_id, kind, params, link, created_at, read_at)
        SELECT p.rep_id, (ARRAY['application_received','application_accepted','nominated','review_recorded','admitted'])[1 + k % 5],
               jsonb_build_object('clubName', 'Scale Multi-Faith Club', 'participationId', p.id), '/participations/' || p.id,
               p.created_at + interval '5 days' * k, CASE WHEN k < 17 THEN p.created_at + interval '5 days' * k + interval '1 day' END
        FROM s_part p, generate_series(0, 19) k`],
    // The audit log: ten changes per participation over the years, its coordinator's and its representative's in turn
    // (ids follow time, as the live log's do), so the log search and its CSV export meet a national-sized log.
    ['audit log', 'sensitive_events', `
      INSERT INTO sensitive_events (occurred_at, kind, actor_id, actor_role, community_ids, resource, details, record_id, club_id)
        SELECT at, 'change', actor_id, actor_role, ARRAY[community_id], resource, details, record_id, club_id
          FROM (SELECT p.created_at + interval '3 days' * k AS at, p.community_id, p.club_id,
                       CASE WHEN k % 2 = 0 THEN co.user_id ELSE p.rep_id END AS actor_id,
                       CASE WHEN k % 2 = 0 THEN 'coordinator' ELSE 'representative' END AS actor_role,
                       CASE WHEN k % 2 = 0 THEN 'project' ELSE 'community' END AS resource,
                       CASE WHEN k % 2 = 0 THEN p.id ELSE p.community_id END AS record_id,
                       CASE WHEN k % 2 = 0
                            THEN jsonb_build_object('action', 'project.updated', 'changes', jsonb_build_object('title', jsonb_build_object('from', 'Clean the river bank', 'to', 'Clean the river bank, spring ' || k)))
                            ELSE jsonb_build_object('action', 'community.updated', 'changes', jsonb_build_object('description', jsonb_build_object('from', 'We serve our neighbours.', 'to', 'We serve our neighbours, year ' || k)))
                       END AS details
                  FROM s_part p JOIN s_coord co ON co.club_id = p.club_id, generate_series(0, 9) k) e
         ORDER BY at`],
    ['email outbox', 'email_outbox', `
      INSERT INTO email_outbox (to_address, subject, body, status, attempts, next_attempt_at, last_error, created_at, sent_at, kind)
        SELECT 'rep-' || (1 + k % ${communities}) || '@scale.dastarkhan.kz', 'Dastarkhan: news from your club',
               'There is news from your club. Sign in to read it.',
               CASE WHEN k % 50 = 0 THEN 'failed' WHEN k % 33 = 0 THEN 'pending' ELSE 'sent' END,
               CASE WHEN k % 50 = 0 THEN 5 ELSE 1 END, now() - interval '1 minute' * k,
               CASE WHEN k % 50 = 0 THEN 'connection refused' END, now() - interval '1 minute' * k,
               CASE WHEN k % 50 <> 0 AND k % 33 <> 0 THEN now() - interval '1 minute' * k + interval '5 seconds' END, 'notification'
        FROM generate_series(1, ${Math.round(12000 * factor)}) k`],
    ['statistics', null, `ANALYZE`],
  ];
}
