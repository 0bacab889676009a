import type { ViewerContext } from '../access/viewer';
import { communityAccess, isSensitive, type CommunityPrivacyFacts } from './community-access';

/**
 * The naming rule (docs/domain.md, P2 and P3): the one place that decides which name a reader
 * sees for a community or for a person who acted. Every DTO, notification, email, iCal feed and
 * CSV export prints names through these two functions. `null` means "a community": the client
 * prints that phrase in the reader's language.
 */

export interface NamedCommunity extends CommunityPrivacyFacts {
  name: string;
}

/** A person as the naming rule needs them: staff act in office; a representative speaks for a community. */
export interface ActingPerson {
  displayName: string;
  /** The community the person represents, or null for staff (coordinators, officials, administrators). */
  representativeOf: NamedCommunity | null;
}

/** The community's name where the reader may see the community, else null. */
export function communityName(community: NamedCommunity, reader: ViewerContext | null, inClubId?: string): string | null {
  return communityAccess(community, reader, inClubId).access === 'hidden' ? null : community.name;
}

/**
 * The name to print for a person who acted. Staff are named. A representative of a protected
 * community is named only to the community itself and to the coordinators of clubs it applied
 * to; other readers who may see the community see its name in the person's place, the rest "a
 * community". A verified registered community's representatives are named to whoever may see it.
 */
export function personName(person: ActingPerson, reader: ViewerContext | null, inClubId?: string): string | null {
  const community = person.representativeOf;
  if (!community) return person.displayName;
  const { access } = communityAccess(community, reader, inClubId);
  if (access === 'hidden') return null;
  if (access === 'contacts' || !isSensitive(community.registrationStatus)) return person.displayName;
  return community.name;
}
