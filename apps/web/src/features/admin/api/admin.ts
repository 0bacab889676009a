import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import type { Schemas } from '@dastarkhan/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Topic = Schemas['TopicDto'];
export type Holiday = Schemas['HolidayDto'];
export type LocalizedText = Schemas['LocalizedTextDto'];

export function useAllTopics() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.topics(true),
    queryFn: async () => unwrap(await client.GET('/api/topics', { params: { query: { includeArchived: true } } })),
  });
}

export function useCreateTopic() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreateTopicDto']) => unwrap(await client.POST('/api/topics', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.allTopics }),
  });
}

export function useUpdateTopic() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: Schemas['UpdateTopicDto'] & { id: string }) =>
      unwrap(await client.PATCH('/api/topics/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.allTopics }),
  });
}

export function useHolidays(year: number) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.holidays(year),
    queryFn: async () => unwrap(await client.GET('/api/holidays', { params: { query: { year } } })),
  });
}

export function useCreateHoliday() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreateHolidayDto']) => unwrap(await client.POST('/api/holidays', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.allHolidays }),
  });
}

export function useUpdateHoliday() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: Schemas['UpdateHolidayDto'] & { id: string }) =>
      unwrap(await client.PATCH('/api/holidays/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.allHolidays }),
  });
}

export function useDeleteHoliday() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const result = await client.DELETE('/api/holidays/{id}', { params: { path: { id } } });
      if (!result.response.ok) unwrap(result);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.allHolidays }),
  });
}
