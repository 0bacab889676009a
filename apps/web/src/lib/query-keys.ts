/**
 * Query keys in one place: features own their fetchers, but a mutation in one feature (e.g. a
 * transition) must refresh what other features show, so the prefixes are shared.
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  cities: ['cities'] as const,
  city: (cityId: string) => ['cities', cityId] as const,
  clubs: ['clubs'] as const,
  clubList: (filter: { coordinatedByMe?: boolean; search?: string; limit?: number }) => ['clubs', 'list', filter] as const,
  /** The clubs read a page at a time (an infinite query: its data is pages, not a list). */
  clubPages: (filter: { cityId?: string; coordinatedByMe?: boolean; search?: string }) => ['clubs', 'pages', filter] as const,
  club: (clubId: string) => ['clubs', 'detail', clubId] as const,
  clubApplications: (clubId: string) => ['clubs', 'applications', clubId] as const,
  communities: ['communities'] as const,
  myCommunities: ['communities', 'mine'] as const,
  community: (communityId: string) => ['communities', 'detail', communityId] as const,
  communityParticipations: (communityId: string) => ['communities', 'participations', communityId] as const,
  communityAccessLog: (communityId: string) => ['communities', 'access-log', communityId] as const,
  communitySearch: (query: { clubId?: string; participating?: boolean; search?: string }) => ['communities', 'search', query] as const,
  participations: ['participations'] as const,
  participation: (id: string) => ['participations', id] as const,
  meetings: ['meetings'] as const,
  clubMeetings: (clubId: string, range: { from?: string; to?: string }) => ['meetings', 'club', clubId, range] as const,
  meeting: (id: string) => ['meetings', 'detail', id] as const,
  meetingRsvps: (id: string) => ['meetings', 'rsvps', id] as const,
  meetingAttendance: (id: string) => ['meetings', 'attendance', id] as const,
  meetingAttendanceHistory: (id: string) => ['meetings', 'attendance-history', id] as const,
  meetingMinutes: (id: string) => ['meetings', 'minutes', id] as const,
  meetingActionItems: (id: string) => ['meetings', 'action-items', id] as const,
  topics: (includeArchived = false) => ['topics', { includeArchived }] as const,
  allTopics: ['topics'] as const,
  holidays: (year: number) => ['holidays', year] as const,
  allHolidays: ['holidays'] as const,
  workQueue: ['work-queue'] as const,
  workQueueItems: ['work-queue', 'items'] as const,
  workQueueCount: ['work-queue', 'count'] as const,
  observances: ['weekly-observances'] as const,
};

/** Everything a change of participation status can make stale. */
export const participationDependentKeys = [queryKeys.clubs, queryKeys.communities, queryKeys.participations];
