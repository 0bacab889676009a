import {
  PARTICIPANT_STATUSES,
  type ParticipationStatus,
  type RegistrationStatus,
} from '../participation/participation-status';
import {
  coordinates,
  isAdministrator,
  isOfficialFor,
  officialRegions,
  represents,
  takesPartIn,
  type ViewerContext,
} from '../access/viewer';

/**
 * How much of a community a viewer may see (docs/domain.md, P2 and P4):
 * - `contacts`: everything, contact details and its people's names included — the community
 *   itself and the coordinators of clubs it applied to (or that created it on its behalf);
 * - `profile`: name, tradition and transparency profile, no contact details;
 * - `hidden`: nothing; the API answers as if the community did not exist.
 */
export type CommunityAccess = 'hidden' | 'profile' | 'contacts';

export interface CommunityPrivacyFacts {
  communityId: string;
  /** The *verified* registration status: a claimed registration counts as not registered (P7). */
  registrationStatus: RegistrationStatus;
  /** The community chose to be shown publicly. */
  isPublic: boolean;
  /** Consent for officials to see its record is in force. */
  officialConsent: boolean;
  /** Its participations (any status), with the region of each club. */
  participations: ReadonlyArray<{ clubId: string; status: ParticipationStatus; regionCode: string }>;
  /** The club through which its coordinators created it on its behalf (issue 12): they keep it like a club it applied to. */
  createdViaClubId?: string | null;
}

export interface CommunityAccessDecision {
  access: CommunityAccess;
  /**
   * The read goes into the record of sensitive events (P8): an official or an administrator sees
   * a protected community without any other standing towards it.
   */
  recordRead: boolean;
}

const HIDDEN: CommunityAccessDecision = { access: 'hidden', recordRead: false };
const PROFILE: CommunityAccessDecision = { access: 'profile', recordRead: false };
const CONTACTS: CommunityAccessDecision = { access: 'contacts', recordRead: false };

/** Not (verified) registered: its list, names and people can hurt someone (Article 490). */
export function isSensitive(registrationStatus: RegistrationStatus): boolean {
  return registrationStatus !== 'registered';
}

/**
 * Decides what `viewer` (null: anonymous) may see of a community. `inClubId` narrows the
 * question to one club: only the community's participation in that club counts, so a page of
 * one club never tells that the community also takes part in another.
 */
export function communityAccess(
  community: CommunityPrivacyFacts,
  viewer: ViewerContext | null,
  inClubId?: string,
): CommunityAccessDecision {
  const participations = inClubId
    ? community.participations.filter((p) => p.clubId === inClubId)
    : community.participations;

  if (represents(viewer, community.communityId)) return CONTACTS;
  if (participations.some((p) => coordinates(viewer, p.clubId))) return CONTACTS;
  const createdVia = community.createdViaClubId;
  if (createdVia && (!inClubId || inClubId === createdVia) && coordinates(viewer, createdVia)) return CONTACTS;
  if (!isSensitive(community.registrationStatus)) return PROFILE;
  const metInPerson = participations.some((p) => PARTICIPANT_STATUSES.includes(p.status) && takesPartIn(viewer, p.clubId));
  if (metInPerson) return PROFILE;
  // Beyond this point only officials and administrators see it without meeting it: every such read is recorded.
  const recordRead = isAdministrator(viewer) || officialRegions(viewer).length > 0;
  if (community.isPublic) return { access: 'profile', recordRead };
  const inOfficialsScope = participations.some((p) => isOfficialFor(viewer, p.regionCode));
  if (isAdministrator(viewer) || (community.officialConsent && inOfficialsScope)) return { access: 'profile', recordRead };
  return HIDDEN;
}

/**
 * Whether a participation row shows on a club's page: pending applications only to the club's
 * coordinators and the applicant itself, closed ones to no one; every other row as
 * `communityAccess` allows in that club.
 */
export function showsOnClubPage(
  status: ParticipationStatus,
  community: CommunityPrivacyFacts,
  viewer: ViewerContext | null,
  clubId: string,
): CommunityAccessDecision {
  if (status === 'declined' || status === 'withdrawn') return HIDDEN;
  if (status === 'applied' && !(represents(viewer, community.communityId) || coordinates(viewer, clubId))) return HIDDEN;
  return communityAccess(community, viewer, clubId);
}

/**
 * Whether an official may read a participation's record (progress, history, decisions, reviews)
 * by name: in the official's region (or national), and the community is registered or consents (P5).
 */
export function officialMayRead(
  viewer: ViewerContext | null,
  facts: { regionCode: string; community: Pick<CommunityPrivacyFacts, 'registrationStatus' | 'officialConsent'> },
): boolean {
  return (
    isOfficialFor(viewer, facts.regionCode) &&
    (!isSensitive(facts.community.registrationStatus) || facts.community.officialConsent)
  );
}
