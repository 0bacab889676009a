import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@dastarkhan/api-client';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export type WeeklyObservance = Schemas['WeeklyObservanceDto'];

export function useObservances() {
  const client = useApiClient();
  return useQuery({ queryKey: queryKeys.observances, queryFn: async () => unwrap(await client.GET('/api/weekly-observances')) });
}

export function useCreateObservance() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreateWeeklyObservanceDto']) => unwrap(await client.POST('/api/weekly-observances', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.observances }),
  });
}

export function useUpdateObservance() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: Schemas['UpdateWeeklyObservanceDto'] & { id: string }) =>
      unwrap(await client.PATCH('/api/weekly-observances/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.observances }),
  });
}

export function useDeleteObservance() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const result = await client.DELETE('/api/weekly-observances/{id}', { params: { path: { id } } });
      if (!result.response.ok) unwrap(result);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.observances }),
  });
}
