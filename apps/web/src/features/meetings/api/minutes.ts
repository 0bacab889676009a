import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import type { Schemas } from '@dastarkhan/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Minutes = Schemas['MinutesDto'];
export type ActionItem = Schemas['ActionItemDto'];
export type MeetingActionItems = Schemas['MeetingActionItemsDto'];

export function useMinutes(meetingId: string, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.meetingMinutes(meetingId),
    queryFn: async () => unwrap(await client.GET('/api/meetings/{id}/minutes', { params: { path: { id: meetingId } } })),
    enabled,
  });
}

export function useSaveMinutes(meetingId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['MinutesInputDto']) =>
      unwrap(await client.PUT('/api/meetings/{id}/minutes', { params: { path: { id: meetingId } }, body })),
    onSuccess: (minutes) => queryClient.setQueryData(queryKeys.meetingMinutes(meetingId), minutes),
  });
}

export function useMeetingActionItems(meetingId: string, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.meetingActionItems(meetingId),
    queryFn: async () =>
      unwrap(await client.GET('/api/meetings/{id}/action-items', { params: { path: { id: meetingId } } })),
    enabled,
  });
}

export function useAddActionItem(meetingId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['ActionItemInputDto']) =>
      unwrap(await client.POST('/api/meetings/{id}/action-items', { params: { path: { id: meetingId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['meetings', 'action-items'] }),
  });
}

export function useUpdateActionItem() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: Schemas['UpdateActionItemDto'] & { id: string }) =>
      unwrap(await client.PATCH('/api/action-items/{id}', { params: { path: { id } }, body })),
    // An item done here leaves the "from earlier meetings" list of every later meeting.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['meetings', 'action-items'] }),
  });
}
