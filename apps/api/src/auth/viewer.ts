import type { Locale, Role } from '@dastarkhan/domain';

export interface ViewerRole {
  role: Role;
  clubId: string | null;
  communityId: string | null;
  region: string | null;
}

/** The authenticated caller, loaded from its session on every request (nothing cached in memory). */
export interface Viewer {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  locale: Locale;
  roles: ViewerRole[];
}

export const isAdministrator = (viewer: Viewer | null) => !!viewer?.roles.some((r) => r.role === 'administrator');

export const coordinatedClubIds = (viewer: Viewer | null): string[] =>
  viewer?.roles.filter((r) => r.role === 'coordinator').map((r) => r.clubId as string) ?? [];

export const representedCommunityIds = (viewer: Viewer | null): string[] =>
  viewer?.roles.filter((r) => r.role === 'representative').map((r) => r.communityId as string) ?? [];

/** Regions of the caller's official roles; `null` stands for the whole country. Empty: not an official. */
export const officialRegions = (viewer: Viewer | null): Array<string | null> =>
  viewer?.roles.filter((r) => r.role === 'official').map((r) => r.region) ?? [];

export const coordinates = (viewer: Viewer | null, clubId: string) => coordinatedClubIds(viewer).includes(clubId);

export const represents = (viewer: Viewer | null, communityId: string) =>
  representedCommunityIds(viewer).includes(communityId);
