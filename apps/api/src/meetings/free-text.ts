import type { EntityManager } from 'typeorm';
import { namesCommunity } from '@dastarkhan/domain';
import { AppError } from '../common/errors/app-error';

/**
 * Refuses free text (field path → text) that names a protected community taking part in or
 * applying to the club (docs/domain.md, P10): such a community is picked from the club's
 * communities instead and printed by the naming rule. A registered or public community's name is
 * public anyway ("Central Mosque, conference room" is a fine venue).
 */
export async function assertNamesNoCommunity(manager: EntityManager, clubId: string, texts: Record<string, string | null | undefined>): Promise<void> {
  const given = Object.entries(texts).filter((entry): entry is [string, string] => !!entry[1]?.trim());
  if (given.length === 0) return;
  const rows: Array<{ name: string }> = await manager.query(
    `SELECT c.name FROM participations p JOIN communities c ON c.id = p.community_id
      WHERE p.club_id = $1 AND c.registration_status <> 'registered' AND NOT c.is_public`,
    [clubId],
  );
  const names = rows.map((row) => row.name);
  const naming = given.find(([, text]) => namesCommunity(text, names));
  if (naming) {
    throw new AppError('TEXT.NAMES_COMMUNITY', "This text names one of the club's communities: pick the community instead", {
      [naming[0]]: 'names a community of the club',
    });
  }
}
