import type { Schemas } from '@dastarkhan/api-client';
import { useLocalized } from '../../lib/localized';

/** What every club the API returns carries: the English name and description, and all three languages. */
type ClubTexts = Pick<Schemas['ClubSummaryDto'], 'name' | 'names' | 'description' | 'descriptions'>;

/**
 * A club's name and public description in the reader's language, falling back as `useLocalized`
 * does and then to the English text (a club created before names were translated has only that).
 * Every page that prints a club it loaded prints it through this.
 */
export function useClubText(): { name: (club: Pick<ClubTexts, 'name' | 'names'>) => string; description: (club: Pick<ClubTexts, 'description' | 'descriptions'>) => string } {
  const localized = useLocalized();
  return {
    name: (club) => localized(club.names) || club.name,
    description: (club) => localized(club.descriptions) || club.description,
  };
}
