import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@dastarkhan/api-client';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';

export type Person = Schemas['PersonDto'];
export type Invitation = Schemas['InvitationDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditQuery = NonNullable<paths['/api/admin/audit-log']['get']['parameters']['query']>;
export type Role = Schemas['PersonDto']['roles'][number]['role'];

/** Every query of this feature starts with this key: a change refreshes them all. */
const KEY = ['administration'] as const;

function useChange<T, R = unknown>(run: (client: ReturnType<typeof useApiClient>, input: T) => Promise<R>) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => run(client, input),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: KEY }), queryClient.invalidateQueries({ queryKey: ['clubs'] }), queryClient.invalidateQueries({ queryKey: ['cities'] })]),
  });
}

export function useAttention() {
  const client = useApiClient();
  return useQuery({ queryKey: [...KEY, 'attention'], queryFn: async () => unwrap(await client.GET('/api/admin/attention')) });
}

export function useAllCities() {
  const client = useApiClient();
  return useQuery({ queryKey: [...KEY, 'cities'], queryFn: async () => unwrap(await client.GET('/api/cities')) });
}

export const useCreateCity = () => useChange<Schemas['SaveCityDto']>(async (client, body) => unwrap(await client.POST('/api/cities', { body })));
export const useCreateClub = () => useChange<Schemas['SaveClubDto']>(async (client, body) => unwrap(await client.POST('/api/clubs', { body })));
export const useUpdateClub = () =>
  useChange<Schemas['UpdateClubDto'] & { clubId: string }>(async (client, { clubId, ...body }) => unwrap(await client.PUT('/api/clubs/{clubId}', { params: { path: { clubId } }, body })));
export const useArchiveClub = () =>
  useChange<{ clubId: string; reason: string; version: number }>(async (client, { clubId, ...body }) =>
    unwrap(await client.POST('/api/clubs/{clubId}/archive', { params: { path: { clubId } }, body })),
  );
export const useRestoreClub = () =>
  useChange<{ clubId: string; version: number }>(async (client, { clubId, ...body }) => unwrap(await client.POST('/api/clubs/{clubId}/restore', { params: { path: { clubId } }, body })));

export function usePeople(search: string) {
  const client = useApiClient();
  return useQuery({ queryKey: [...KEY, 'people', search], queryFn: async () => unwrap(await client.GET('/api/users', { params: { query: search ? { search } : {} } })) });
}

export function useInvitations() {
  const client = useApiClient();
  return useQuery({ queryKey: [...KEY, 'invitations'], queryFn: async () => unwrap(await client.GET('/api/invitations', { params: { query: {} } })) });
}

export function useClubPeople(clubId: string) {
  const client = useApiClient();
  return useQuery({ queryKey: [...KEY, 'club', clubId], queryFn: async () => unwrap(await client.GET('/api/clubs/{clubId}/people', { params: { path: { clubId } } })) });
}

export const useInvite = () => useChange<Schemas['InviteDto']>(async (client, body) => unwrap(await client.POST('/api/invitations', { body })));
export const useInviteToClub = () =>
  useChange<Schemas['ClubInviteDto'] & { clubId: string }>(async (client, { clubId, ...body }) =>
    unwrap(await client.POST('/api/clubs/{clubId}/invitations', { params: { path: { clubId } }, body })),
  );
export const useResendInvitation = () => useChange<string>(async (client, id) => unwrap(await client.POST('/api/invitations/{id}/resend', { params: { path: { id } } })));
export const useRevokeInvitation = () => useChange<string>(async (client, id) => unwrap(await client.POST('/api/invitations/{id}/revoke', { params: { path: { id } } })));
export const useEndRole = () =>
  useChange<{ id: string; reason: string }>(async (client, { id, reason }) => unwrap(await client.POST('/api/roles/{id}/end', { params: { path: { id } }, body: { reason } })));
export const useDeactivate = () =>
  useChange<{ userId: string; reason: string; active: boolean }>(async (client, { userId, reason, active }) =>
    unwrap(
      active
        ? await client.POST('/api/users/{userId}/deactivation', { params: { path: { userId } }, body: { reason } })
        : await client.POST('/api/users/{userId}/reactivation', { params: { path: { userId } }, body: { reason } }),
    ),
  );

export function useAuditLog(query: AuditQuery) {
  const client = useApiClient();
  return useQuery({ queryKey: [...KEY, 'audit', query], queryFn: async () => unwrap(await client.GET('/api/admin/audit-log', { params: { query } })) });
}

export function useInvitationPreview(token: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['invitation-preview', token],
    enabled: !!token,
    retry: false,
    queryFn: async () => unwrap(await client.POST('/api/invitations/preview', { body: { token } })),
  });
}

export function useAcceptInvitation() {
  const client = useApiClient();
  return useMutation({ mutationFn: async (body: Schemas['InvitationAcceptanceDto']) => unwrap(await client.POST('/api/invitations/acceptance', { body })) });
}

export type RosterReport = Schemas['RosterReportDto'];

export const useCreateOnBehalf = () =>
  useChange<Schemas['OnBehalfCommunityDto'] & { clubId: string }, Schemas['OnBehalfCommunityCreatedDto']>(async (client, { clubId, ...body }) =>
    unwrap(await client.POST('/api/clubs/{clubId}/communities', { params: { path: { clubId } }, body })),
  );

/** The dry run (`commit: false`) writes nothing; the commit imports the valid rows. */
export const useRosterImport = () =>
  useChange<Schemas['RosterImportDto'] & { clubId: string }, RosterReport>(async (client, { clubId, ...body }) =>
    unwrap(await client.POST('/api/clubs/{clubId}/roster-imports', { params: { path: { clubId } }, body })),
  );
