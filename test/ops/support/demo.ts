import { Pool } from 'pg';
import { Client, type Operation } from './load';

/** Records of the demo data (apps/api/src/database/demo-data.ts) the operations tests act on. */
export interface DemoWorld {
  clubId: string;
  /** The Almaty club's last meeting (attendance can be recorded). */
  pastMeetingId: string;
  /** Grace Evangelical Fellowship: observer in Almaty, represented by grace@dastarkhan.kz. */
  graceCommunityId: string;
}

export async function demoWorld(db: Pool): Promise<DemoWorld> {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await db.query<{ id: string }>(sql, params);
    if (!rows[0]) throw new Error(`no demo record for: ${sql}`);
    return rows[0].id;
  };
  const clubId = await one(
    `SELECT ra.club_id AS id FROM role_assignments ra JOIN users u ON u.id = ra.user_id WHERE u.email = $1 AND ra.club_id IS NOT NULL`,
    ['coordinator@dastarkhan.kz'],
  );
  const pastMeetingId = await one(`SELECT id FROM meetings WHERE club_id = $1 AND ends_at < now() AND status <> 'cancelled' ORDER BY starts_at DESC LIMIT 1`, [clubId]);
  const graceCommunityId = await one(
    `SELECT ra.community_id AS id FROM role_assignments ra JOIN users u ON u.id = ra.user_id WHERE u.email = $1 AND ra.community_id IS NOT NULL`,
    ['grace@dastarkhan.kz'],
  );
  return { clubId, pastMeetingId, graceCommunityId };
}

/** A coordinator's day: reading the club's meetings and attendance, and writing action items (logged by id). */
export function coordinatorMix(coordinator: Client, world: DemoWorld): Operation[] {
  let written = 0;
  return [
    { name: 'meetings', write: false, run: () => coordinator.send('GET', `/api/clubs/${world.clubId}/meetings`) },
    {
      name: 'action item',
      write: true,
      run: () =>
        coordinator.send('POST', `/api/meetings/${world.pastMeetingId}/action-items`, {
          title: `Load item ${++written}`,
          ownerName: 'Aigerim Sadykova',
          dueDate: '2030-01-15',
        }),
      acknowledged: (answer) => (answer.body as { id: string }).id,
    },
    { name: 'attendance', write: false, run: () => coordinator.send('GET', `/api/meetings/${world.pastMeetingId}/attendance`) },
    { name: 'club', write: false, run: () => coordinator.send('GET', `/api/clubs/${world.clubId}`) },
    { name: 'unread', write: false, run: () => coordinator.send('GET', '/api/notifications/unread-count') },
  ];
}
