import type { Schemas } from '@dastarkhan/api-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from './api-client';
import { unwrap } from './api-error';
import { isRepresentative, useMe } from './auth';
import { queryKeys } from './query-keys';

export type Community = Schemas['CommunityDto'];

/** The communities the viewer represents (empty for anyone else). Shared by several features. */
export function useMyCommunities() {
  const client = useApiClient();
  const me = useMe();
  return useQuery({
    queryKey: queryKeys.myCommunities,
    queryFn: async () => unwrap(await client.GET('/api/communities/mine')),
    enabled: isRepresentative(me.data),
  });
}
