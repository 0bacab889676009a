// "Time advanced via seeded history": writes what seven months as an observer would have left
// behind — the earlier application and acceptance, monthly club meetings the community attended,
// and confirmed contributions to two completed joint projects — so a journey can go on from there.
import pg from 'pg';

const DAY = 86_400_000;

export async function advanceObserverHistory(databaseUrl, { participationId, months = 7 }) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    const {
      rows: [p],
    } = await db.query(
      `SELECT p.club_id, p.community_id, (SELECT actor_id FROM participation_events WHERE participation_id = p.id AND action = 'accept') AS coordinator_id
         FROM participations p WHERE p.id = $1`,
      [participationId],
    );
    const since = new Date(Date.now() - (months * 31 + 3) * DAY);
    await db.query(`UPDATE participations SET created_at = $2 WHERE id = $1`, [participationId, new Date(since.getTime() - 7 * DAY)]);
    await db.query(`UPDATE participation_events SET created_at = $2 WHERE participation_id = $1 AND action = 'apply'`, [participationId, new Date(since.getTime() - 7 * DAY)]);
    await db.query(`UPDATE participation_events SET created_at = $2 WHERE participation_id = $1 AND action = 'accept'`, [participationId, since]);

    // A meeting each month since then; the community came to every one held in that time.
    for (let month = 1; month <= months - 1; month++) {
      const startsAt = new Date(Date.now() - month * 30 * DAY);
      await db.query(
        `INSERT INTO meetings (club_id, title, starts_at, ends_at, venue, check_in_code, created_by_id)
         VALUES ($1, $2, $3, $4, 'City interfaith hall', $5, $6)`,
        [p.club_id, `Monthly club meeting (${months - month})`, startsAt, new Date(startsAt.getTime() + 2 * 3_600_000), `H${month}X${month}Z`, p.coordinator_id],
      );
    }
    await db.query(
      `INSERT INTO attendance (meeting_id, community_id, status, role, method, recorded_by_id)
       SELECT m.id, $2, 'present', 'observer', 'coordinator', $4 FROM meetings m
        WHERE m.club_id = $1 AND m.status = 'scheduled' AND m.starts_at BETWEEN $3 AND now()
       ON CONFLICT (meeting_id, community_id) DO UPDATE SET status = 'present'`,
      [p.club_id, p.community_id, since, p.coordinator_id],
    );

    // Two completed joint projects led by a member, with the observer's confirmed contribution.
    const {
      rows: [lead],
    } = await db.query(`SELECT community_id FROM participations WHERE club_id = $1 AND status = 'member' ORDER BY created_at LIMIT 1`, [p.club_id]);
    for (const [index, title] of ['Spring clean-up of the river bank', 'Winter coats for the night shelter'].entries()) {
      const startsOn = new Date(Date.now() - (120 - index * 60) * DAY);
      const {
        rows: [project],
      } = await db.query(
        `INSERT INTO projects (club_id, title, description, category, lead_community_id, proposed_by_id, starts_on, ends_on, status,
                               outcome_summary, outcome_figures, outcome_photo_links, completed_at)
         VALUES ($1, $2, 'A joint civic project of the club.', $3, $4, $5, $6, $6, 'completed', 'Done together.', '[]', '[]', $7) RETURNING id`,
        [p.club_id, title, index === 0 ? 'cleanup' : 'charity', lead.community_id, p.coordinator_id, startsOn.toISOString().slice(0, 10), new Date(startsOn.getTime() + DAY)],
      );
      await db.query(
        `INSERT INTO project_partners (project_id, community_id, role, status, requested_by_id, decided_by_id, decided_at)
         VALUES ($1, $2, 'partner', 'confirmed', $3, $3, now())`,
        [project.id, p.community_id, p.coordinator_id],
      );
      const {
        rows: [contribution],
      } = await db.query(`INSERT INTO project_contributions (project_id, community_id) VALUES ($1, $2) RETURNING id`, [project.id, p.community_id]);
      await db.query(
        `INSERT INTO project_contribution_revisions (contribution_id, revision, role, volunteers, hours, in_kind, status, entered_by_id, reviewed_by_id, reviewed_at)
         VALUES ($1, 1, 'partner', 8, 24, 'Gloves and bags', 'confirmed', $2, $2, now())`,
        [contribution.id, p.coordinator_id],
      );
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  } finally {
    await db.end();
  }
}
