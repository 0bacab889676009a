import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { isApiError, unwrap } from '../../../lib/api-error';
import type { Schemas } from '@dastarkhan/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type RsvpAnswer = Schemas['RsvpInputDto']['answer'];
export type RsvpSummary = Schemas['RsvpSummaryDto'];
export type Attendance = Schemas['AttendanceDto'];
export type AttendanceStatus = Schemas['AttendanceInputDto']['status'];
export type AttendanceEvent = Schemas['AttendanceEventDto'];

export function useRsvps(meetingId: string, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.meetingRsvps(meetingId),
    queryFn: async () => unwrap(await client.GET('/api/meetings/{id}/rsvps', { params: { path: { id: meetingId } } })),
    enabled,
  });
}

export function useRsvp(meetingId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['RsvpInputDto']) =>
      unwrap(await client.PUT('/api/meetings/{id}/rsvp', { params: { path: { id: meetingId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.meetingRsvps(meetingId) }),
  });
}

export function useAttendance(meetingId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.meetingAttendance(meetingId),
    queryFn: async () => unwrap(await client.GET('/api/meetings/{id}/attendance', { params: { path: { id: meetingId } } })),
  });
}

export function useAttendanceHistory(meetingId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.meetingAttendanceHistory(meetingId),
    queryFn: async () =>
      unwrap(await client.GET('/api/meetings/{id}/attendance/history', { params: { path: { id: meetingId } } })),
  });
}

/** A 409 for a version someone else already moved on (not a closed or not-yet-open meeting). */
export function isStaleVersion(error: unknown): boolean {
  return isApiError(error, 409) && (error.code.endsWith('STALE_VERSION') || error.code === 'CONFLICT');
}

interface RecordAttendance {
  row: Attendance;
  status: AttendanceStatus;
}

/**
 * One tap records one community's attendance. The row changes at once (optimistic) and is
 * replaced by the API's answer; a stale version (409) reloads the list and tells `onConflict`.
 */
export function useRecordAttendance(meetingId: string, onConflict: () => void) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const key = queryKeys.meetingAttendance(meetingId);
  const replaceRow = (communityId: string, update: (row: Attendance) => Attendance) =>
    queryClient.setQueryData<Attendance[]>(key, (rows) => rows?.map((row) => (row.communityId === communityId ? update(row) : row)));
  return useMutation({
    mutationFn: async ({ row, status }: RecordAttendance) =>
      unwrap(
        await client.PUT('/api/meetings/{id}/attendance/{communityId}', {
          params: { path: { id: meetingId, communityId: row.communityId } },
          body: row.status === null && row.updatedAt === null ? { status } : { status, version: row.version },
        }),
      ),
    onMutate: async ({ row, status }) => {
      await queryClient.cancelQueries({ queryKey: key });
      replaceRow(row.communityId, (current) => ({ ...current, status }));
      return { previous: row };
    },
    onSuccess: (saved) => replaceRow(saved.communityId, () => saved),
    onError: (error, _vars, context) => {
      if (context) replaceRow(context.previous.communityId, () => context.previous);
      if (isStaleVersion(error)) onConflict();
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: key });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.meetingAttendanceHistory(meetingId) }),
  });
}

export function useCheckIn(meetingId: string) {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (body: Schemas['CheckInDto']) =>
      unwrap(await client.POST('/api/meetings/{id}/check-in', { params: { path: { id: meetingId } }, body })),
  });
}
