import type { Schemas } from '@dastarkhan/api-client';
import type { ParticipationAction } from '@dastarkhan/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { isApiError, unwrap } from '../../../lib/api-error';
import { participationDependentKeys, queryKeys } from '../../../lib/query-keys';

export type Application = Schemas['ParticipationSummaryDto'];

/** Pending applications (status `applied`) of a club: its coordinators only. */
export function useClubApplications(clubId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.clubApplications(clubId),
    queryFn: async () =>
      unwrap(
        await client.GET('/api/clubs/{clubId}/participations', {
          params: { path: { clubId }, query: { status: 'applied' } },
        }),
      ),
  });
}

export interface Decision {
  application: Application;
  action: Extract<ParticipationAction, 'accept' | 'decline' | 'admit'>;
  reason?: string;
}

export type DecisionOutcome = { kind: 'done'; action: Decision['action']; communityName: string } | { kind: 'conflict' };

/**
 * A coordinator's decision on an application. It carries the version the coordinator saw, so a
 * decision taken meanwhile by another coordinator fails with 409 instead of being overwritten.
 * Whatever the outcome, the lists are refetched.
 *
 * The outcome is reported through the hook's own callbacks, not `mutate`'s: the refetch removes
 * the decided card, and `mutate` callbacks of an unmounted component never run.
 */
export function useDecideApplication(onDecided: (outcome: DecisionOutcome) => void) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ application, action, reason }: Decision) =>
      unwrap(
        await client.POST('/api/participations/{id}/transitions', {
          params: { path: { id: application.id } },
          body: { action, version: application.version, ...(reason ? { reason } : {}) },
        }),
      ),
    onSuccess: (_participation, { action, application }) =>
      onDecided({ kind: 'done', action, communityName: application.community.name }),
    onError: (error) => {
      if (isApiError(error, 409)) onDecided({ kind: 'conflict' });
    },
    // The applications list lives under the `clubs` prefix, so this refreshes it too.
    onSettled: () => Promise.all(participationDependentKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
