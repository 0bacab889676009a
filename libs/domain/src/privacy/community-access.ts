import type { ParticipationStatus, RegistrationStatus } from '../participation/participation-status';

/**
 * How much of a community a viewer may see (DOMAIN.md, "Privacy and safety"):
 * - `contacts`: everything, contact details included — the community itself and the
 *   coordinators of clubs it applied to;
 * - `profile`: name, tradition and transparency profile, no contact details;
 * - `hidden`: nothing; the API answers as if the community did not exist.
 */
export type CommunityAccess = 'hidden' | 'profile' | 'contacts';

export interface CommunityPrivacyFacts {
  registrationStatus: RegistrationStatus;
  /** The community chose to be shown publicly. */
  isPublic: boolean;
  /** Consent for officials to see its record is in force. */
  officialConsent: boolean;
  /** Its participations (any status), with the region of each club. */
  participations: ReadonlyArray<{ clubId: string; status: ParticipationStatus; regionCode: string }>;
}

export interface ViewerFacts {
  isAdministrator: boolean;
  representsCommunity: boolean;
  coordinatedClubIds: readonly string[];
  /** Clubs in which one of the viewer's communities takes part beyond a pending application. */
  participantClubIds: readonly string[];
  /** Regions of the viewer's official roles; `null` stands for the whole country. */
  officialRegions: ReadonlyArray<string | null>;
}

export interface CommunityAccessDecision {
  access: CommunityAccess;
  /** The read must be logged: an official is looking at a non-registered community. */
  logOfficialRead: boolean;
}

/** Statuses in which a community has met the club in person. */
const MET_IN_PERSON: readonly ParticipationStatus[] = ['observer', 'candidate', 'member', 'suspended'];

const HIDDEN: CommunityAccessDecision = { access: 'hidden', logOfficialRead: false };
const PROFILE: CommunityAccessDecision = { access: 'profile', logOfficialRead: false };

/** Whether a club in `regionCode` lies in the scope of an official with these regions (`null`: the whole country). */
export function officialCovers(officialRegions: ReadonlyArray<string | null>, regionCode: string): boolean {
  return officialRegions.some((region) => region === null || region === regionCode);
}

export function isSensitive(registrationStatus: RegistrationStatus): boolean {
  return registrationStatus !== 'registered';
}

/**
 * Decides what `viewer` (null: anonymous) may see of a community. `inClubId` narrows the
 * question to one club's page: only the community's participation in that club counts.
 */
export function communityAccess(
  community: CommunityPrivacyFacts,
  viewer: ViewerFacts | null,
  inClubId?: string,
): CommunityAccessDecision {
  const participations = inClubId
    ? community.participations.filter((p) => p.clubId === inClubId)
    : community.participations;

  if (viewer?.representsCommunity) return { access: 'contacts', logOfficialRead: false };
  if (viewer && participations.some((p) => viewer.coordinatedClubIds.includes(p.clubId))) {
    return { access: 'contacts', logOfficialRead: false };
  }
  if (!isSensitive(community.registrationStatus)) return PROFILE;
  // Every read of a non-registered community by an official is logged, whatever made it visible.
  const logOfficialRead = !!viewer && viewer.officialRegions.length > 0;
  if (community.isPublic) return { access: 'profile', logOfficialRead };
  if (!viewer) return HIDDEN;
  const metInPerson = participations.some(
    (p) => MET_IN_PERSON.includes(p.status) && viewer.participantClubIds.includes(p.clubId),
  );
  const inOfficialsScope = participations.some((p) => officialCovers(viewer.officialRegions, p.regionCode));
  if (metInPerson || viewer.isAdministrator || (community.officialConsent && inOfficialsScope)) {
    return { access: 'profile', logOfficialRead };
  }
  return HIDDEN;
}

/**
 * Whether a participation row shows on a club's page: pending applications only to the club's
 * coordinators and the applicant itself; every other row as `communityAccess` allows.
 */
export function showsOnClubPage(
  status: ParticipationStatus,
  community: CommunityPrivacyFacts,
  viewer: ViewerFacts | null,
  clubId: string,
): CommunityAccessDecision {
  if (status === 'declined' || status === 'withdrawn') return HIDDEN;
  if (status === 'applied' && !(viewer?.representsCommunity || viewer?.coordinatedClubIds.includes(clubId))) {
    return HIDDEN;
  }
  return communityAccess(community, viewer, clubId);
}
