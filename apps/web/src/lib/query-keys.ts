/**
 * Query keys in one place: features own their fetchers, but a mutation in one feature (e.g. a
 * transition) must refresh what other features show, so the prefixes are shared.
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  cities: ['cities'] as const,
  city: (cityId: string) => ['cities', cityId] as const,
  clubs: ['clubs'] as const,
  clubList: (filter: { cityId?: string; coordinatedByMe?: boolean }) => ['clubs', 'list', filter] as const,
  club: (clubId: string) => ['clubs', 'detail', clubId] as const,
  clubApplications: (clubId: string) => ['clubs', 'applications', clubId] as const,
  communities: ['communities'] as const,
  myCommunities: ['communities', 'mine'] as const,
  communityParticipations: (communityId: string) => ['communities', 'participations', communityId] as const,
  participations: ['participations'] as const,
  participation: (id: string) => ['participations', id] as const,
};

/** Everything a change of participation status can make stale. */
export const participationDependentKeys = [queryKeys.clubs, queryKeys.communities, queryKeys.participations];
