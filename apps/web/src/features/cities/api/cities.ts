import type { Schemas } from '@dastarkhan/api-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export type City = Schemas['CityDto'];
export type ClubSummary = Schemas['ClubSummaryDto'];

export function useCities() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.cities,
    queryFn: async () => unwrap(await client.GET('/api/cities')),
  });
}

export function useCity(cityId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.city(cityId),
    queryFn: async () => unwrap(await client.GET('/api/cities/{cityId}', { params: { path: { cityId } } })),
  });
}
