import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import type { Schemas } from '@dastarkhan/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Meeting = Schemas['MeetingDto'];
export type MeetingSummary = Schemas['MeetingSummaryDto'];
export type MeetingInput = Schemas['MeetingInputDto'];
export type MeetingCheck = Schemas['MeetingCheckDto'];
export type MeetingWarning = Schemas['MeetingWarningDto'];
export type MeetingConflict = Schemas['MeetingConflictDto'];
export type Topic = Schemas['TopicDto'];
export type Club = Schemas['ClubDto'];
export type UpdateScope = Schemas['CancelMeetingDto']['scope'];

/** The club (name, participants, viewer's role); the same cache entry the club page uses. */
export function useClub(clubId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.club(clubId),
    queryFn: async () => unwrap(await client.GET('/api/clubs/{clubId}', { params: { path: { clubId } } })),
  });
}

/** A club's meetings in a window (`from`/`to` ISO instants); the API's default window without them. */
export function useClubMeetings(clubId: string, range: { from?: string; to?: string } = {}) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.clubMeetings(clubId, range),
    queryFn: async () =>
      unwrap(await client.GET('/api/clubs/{clubId}/meetings', { params: { path: { clubId }, query: range } })),
  });
}

export function useMeeting(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.meeting(id),
    queryFn: async () => unwrap(await client.GET('/api/meetings/{id}', { params: { path: { id } } })),
  });
}

export function useTopics({ includeArchived = false } = {}) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.topics(includeArchived),
    queryFn: async () =>
      unwrap(await client.GET('/api/topics', { params: { query: includeArchived ? { includeArchived } : {} } })),
    staleTime: 5 * 60_000,
  });
}

/** The dry run: conflicts (blocking) and interfaith warnings (not) for a meeting before it is saved. */
export function useCheckMeeting(clubId: string) {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (body: MeetingInput) =>
      unwrap(await client.POST('/api/clubs/{clubId}/meetings/check', { params: { path: { clubId } }, body })),
  });
}

export function useCreateMeeting(clubId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MeetingInput) =>
      unwrap(await client.POST('/api/clubs/{clubId}/meetings', { params: { path: { clubId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.meetings }),
  });
}

export function useUpdateMeeting(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['UpdateMeetingDto']) =>
      unwrap(await client.PATCH('/api/meetings/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.meetings }),
  });
}

export function useCancelMeeting(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CancelMeetingDto']) =>
      unwrap(await client.POST('/api/meetings/{id}/cancel', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.meetings }),
  });
}

/** A private calendar feed URL for the caller (a new token on every call). */
export function useCalendarToken(clubId: string) {
  const client = useApiClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await client.POST('/api/clubs/{clubId}/calendar-token', { params: { path: { clubId } } })),
  });
}

/** Revokes every private feed address the viewer was given for the club (a leaked one stops working). */
export function useRevokeCalendarTokens(clubId: string) {
  const client = useApiClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await client.DELETE('/api/clubs/{clubId}/calendar-token', { params: { path: { clubId } } }));
    },
  });
}
