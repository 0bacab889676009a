import type { Schemas } from '@dastarkhan/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export type Community = Schemas['CommunityDto'];
export type CommunityUpdate = Schemas['UpdateCommunityDto'];

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
      // Names and visibility show up on club pages.
      return queryClient.invalidateQueries({ queryKey: queryKeys.clubs });
    },
  });
}
