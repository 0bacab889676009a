import type { Schemas } from '@dastarkhan/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from './api-client';
import { isApiError, unwrap } from './api-error';
import { queryKeys } from './query-keys';

export type Me = Schemas['MeDto'];

/** The signed-in user, or `null` when signed out (an ordinary state: the session endpoint answers 200, no console error). */
export function useMe() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<Me | null> => {
      return unwrap(await client.GET('/api/auth/session')).user;
    },
    staleTime: 5 * 60_000,
    retry: (failureCount, error) => !isApiError(error) && failureCount < 1,
  });
}

export function representedCommunityIds(me: Me | null | undefined): string[] {
  return (me?.roles ?? [])
    .filter((assignment) => assignment.role === 'representative' && assignment.communityId)
    .map((assignment) => assignment.communityId as string);
}

export function coordinatedClubIds(me: Me | null | undefined): string[] {
  return (me?.roles ?? [])
    .filter((assignment) => assignment.role === 'coordinator' && assignment.clubId)
    .map((assignment) => assignment.clubId as string);
}

export function isRepresentative(me: Me | null | undefined): boolean {
  return representedCommunityIds(me).length > 0;
}

export function isCoordinator(me: Me | null | undefined): boolean {
  return (me?.roles ?? []).some((assignment) => assignment.role === 'coordinator');
}

export function isAdministrator(me: Me | null | undefined): boolean {
  return (me?.roles ?? []).some((assignment) => assignment.role === 'administrator');
}

export function isOfficial(me: Me | null | undefined): boolean {
  return (me?.roles ?? []).some((assignment) => assignment.role === 'official');
}

/** Officials and administrators verify communities' registration claims (docs/domain.md, P7). */
export function verifiesRegistrations(me: Me | null | undefined): boolean {
  return isOfficial(me) || isAdministrator(me);
}

/** Replaces whatever the previous viewer could see with the new viewer's session. */
export function useStartSession() {
  const queryClient = useQueryClient();
  return (user: Me) => {
    queryClient.removeQueries();
    queryClient.setQueryData(queryKeys.me, user);
  };
}

/** Forgets whatever the viewer could see once the session is over (logged out, or the account erased). */
export function useEndSession() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.clear();
    queryClient.setQueryData(queryKeys.me, null);
  };
}

export function useLogout() {
  const client = useApiClient();
  const endSession = useEndSession();
  return useMutation({
    mutationFn: async () => {
      const result = await client.POST('/api/auth/logout');
      // Already signed out (401) is the state we want.
      if (result.response.status !== 401) unwrap(result);
    },
    onSuccess: endSession,
  });
}
