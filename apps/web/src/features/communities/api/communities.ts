import type { Schemas } from '@dastarkhan/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';
import { searchable } from '../../../lib/search';

export type Community = Schemas['CommunityDto'];
export type CommunityUpdate = Schemas['UpdateCommunityDto'];
export type RegistrationClaim = Schemas['RegistrationClaimDto'];
export type AccessLogEntry = Schemas['AccessLogEntryDto'];
export type ParticipationSummary = Schemas['ParticipationSummaryDto'];

const ACCESS_LOG_PAGE = 30;


/** How many communities a picker lists at once. */
export const COMMUNITY_SEARCH_PAGE = 20;

/**
 * A picker's search (GET /api/communities): the communities the caller may see, matched on their
 * name in any spelling; with a club, its communities (`participating`: only those taking part).
 */
export function useCommunitySearch(query: { clubId?: string; participating?: boolean; search: string }) {
  const client = useApiClient();
  const search = query.search.trim();
  const params = { ...(query.clubId ? { clubId: query.clubId } : {}), ...(query.participating ? { participating: true } : {}), ...(searchable(search) ? { search } : {}), limit: COMMUNITY_SEARCH_PAGE };
  return useQuery({
    queryKey: queryKeys.communitySearch(params),
    queryFn: async () => unwrap(await client.GET('/api/communities', { params: { query: params } })),
    placeholderData: (previous) => previous,
  });
}

/** A community's profile as the caller may see it (the API withholds leaders, meeting place and contacts per P4). */
export function useCommunity(communityId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.community(communityId),
    queryFn: async () => unwrap(await client.GET('/api/communities/{id}', { params: { path: { id: communityId } } })),
    retry: false,
  });
}

export function useCommunityParticipations(communityId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.communityParticipations(communityId),
    queryFn: async () =>
      unwrap(await client.GET('/api/communities/{id}/participations', { params: { path: { id: communityId } } })),
  });
}

export function useUpdateCommunity(communityId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CommunityUpdate) =>
      unwrap(await client.PATCH('/api/communities/{id}', { params: { path: { id: communityId } }, body })),
    onSuccess: (updated) => {
      queryClient.setQueryData<Community[]>(queryKeys.myCommunities, (list) =>
        list?.map((community) => (community.id === updated.id ? updated : community)),
      );
      // Names and visibility show up on club pages; a consent change or a claim is a line of the access log.
      return Promise.all(
        [queryKeys.clubs, queryKeys.communityAccessLog(communityId)].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

/** Who read or changed the community's record (its representatives only), newest first, a page at a time. */
export function useAccessLog(communityId: string) {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: queryKeys.communityAccessLog(communityId),
    queryFn: async ({ pageParam }) =>
      unwrap(
        await client.GET('/api/communities/{id}/access-log', {
          params: { path: { id: communityId }, query: { limit: ACCESS_LOG_PAGE, ...(pageParam === null ? {} : { before: pageParam }) } },
        }),
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
  });
}

/** Erases the community's personal data and its representatives' accounts (docs/domain.md, P11). */
export function useEraseCommunity(communityId: string) {
  const client = useApiClient();
  return useMutation({
    mutationFn: async () => unwrap(await client.POST('/api/communities/{id}/erasure', { params: { path: { id: communityId } } })),
  });
}
