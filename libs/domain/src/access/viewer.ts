import {
  INVITED_STATUSES,
  PARTICIPANT_STATUSES,
  type ParticipationStatus,
  type Role,
} from '../participation/participation-status';

export interface ViewerRole {
  role: Role;
  clubId: string | null;
  communityId: string | null;
  /** An official's region code; `null` stands for the whole country. */
  region: string | null;
}

/** One participation of a community the viewer represents. */
export interface OwnParticipation {
  communityId: string;
  clubId: string;
  status: ParticipationStatus;
}

/**
 * What the access rules know about a caller: its roles in force and the participations of the
 * communities it represents. Loaded with the session on every request (nothing cached), so every
 * rule is a pure function of this and the record's facts.
 */
export interface ViewerContext {
  userId: string;
  roles: readonly ViewerRole[];
  participations: readonly OwnParticipation[];
}

export const isAdministrator = (viewer: ViewerContext | null): boolean =>
  !!viewer?.roles.some((r) => r.role === 'administrator');

export const coordinatedClubIds = (viewer: ViewerContext | null): string[] =>
  viewer?.roles.filter((r) => r.role === 'coordinator' && r.clubId).map((r) => r.clubId as string) ?? [];

export const representedCommunityIds = (viewer: ViewerContext | null): string[] =>
  viewer?.roles.filter((r) => r.role === 'representative' && r.communityId).map((r) => r.communityId as string) ?? [];

/** Regions of the caller's official roles; `null` stands for the whole country. Empty: not an official. */
export const officialRegions = (viewer: ViewerContext | null): Array<string | null> =>
  viewer?.roles.filter((r) => r.role === 'official').map((r) => r.region) ?? [];

export const coordinates = (viewer: ViewerContext | null, clubId: string): boolean =>
  !!viewer?.roles.some((r) => r.role === 'coordinator' && r.clubId === clubId);

export const represents = (viewer: ViewerContext | null, communityId: string): boolean =>
  !!viewer?.roles.some((r) => r.role === 'representative' && r.communityId === communityId);

/** Whether a club in `regionCode` lies in the scope of an official with these regions (`null`: the whole country). */
export function officialCovers(regions: ReadonlyArray<string | null>, regionCode: string): boolean {
  return regions.some((region) => region === null || region === regionCode);
}

/** An official whose region (or the whole country) covers a club in `regionCode`. */
export const isOfficialFor = (viewer: ViewerContext | null, regionCode: string): boolean =>
  officialCovers(officialRegions(viewer), regionCode);

/** The viewer's communities whose participation in the club has one of `statuses`. */
export function ownCommunitiesIn(
  viewer: ViewerContext | null,
  clubId: string,
  statuses: readonly ParticipationStatus[],
): string[] {
  return (viewer?.participations ?? [])
    .filter((p) => p.clubId === clubId && statuses.includes(p.status))
    .map((p) => p.communityId);
}

/** One of the viewer's communities takes part in the club (observer, candidate, member or suspended). */
export const takesPartIn = (viewer: ViewerContext | null, clubId: string): boolean =>
  ownCommunitiesIn(viewer, clubId, PARTICIPANT_STATUSES).length > 0;

/** The viewer's communities invited to the club's meetings and projects (observer, candidate, member). */
export const invitedCommunityIds = (viewer: ViewerContext | null, clubId: string): string[] =>
  ownCommunitiesIn(viewer, clubId, INVITED_STATUSES);

/** Clubs in which one of the viewer's communities takes part. */
export const participantClubIds = (viewer: ViewerContext | null): string[] => [
  ...new Set((viewer?.participations ?? []).filter((p) => PARTICIPANT_STATUSES.includes(p.status)).map((p) => p.clubId)),
];

/** The viewer acts only as an official: no other role that could make a write its own. */
export const isOnlyOfficial = (viewer: ViewerContext | null): boolean =>
  !!viewer && viewer.roles.length > 0 && viewer.roles.every((r) => r.role === 'official');
