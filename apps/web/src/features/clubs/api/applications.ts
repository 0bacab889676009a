import type { Schemas } from '@dastarkhan/api-client';
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

type DecisionReasonCode = Schemas['DecideDto']['reasonCode'];

/** Accepting is a plain step; admitting and declining leave a decision record (reason code and text). */
export type Decision =
  | { application: Application; action: 'accept' }
  | { application: Application; action: 'admit'; reasonCode: DecisionReasonCode; reason: string }
  | { application: Application; action: 'decline'; reasonCode: DecisionReasonCode; reason: string; earliestReapplyOn: string };

/** What happened, for the page's notice: a decline says from when the community may apply again. */
export type DecisionOutcome =
  | { kind: 'done'; action: Decision['action']; communityName: string; reapplyOn: string | null }
  | { kind: 'conflict' };

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
    mutationFn: async (decision: Decision) => {
      const { application } = decision;
      const params = { path: { id: application.id } };
      if (decision.action === 'accept') {
        unwrap(await client.POST('/api/participations/{id}/transitions', { params, body: { action: 'accept', version: application.version } }));
        return null;
      }
      const body = {
        outcome: decision.action,
        reasonCode: decision.reasonCode,
        reasonText: decision.reason,
        version: application.version,
        ...(decision.action === 'decline' ? { earliestReapplyOn: decision.earliestReapplyOn } : {}),
      };
      // The decision record holds the re-apply date of a decline.
      return unwrap(await client.POST('/api/participations/{id}/decisions', { params, body })).decision.earliestReapplyOn;
    },
    onSuccess: (reapplyOn, { action, application }) => onDecided({ kind: 'done', action, communityName: application.community.name, reapplyOn }),
    onError: (error) => {
      if (isApiError(error, 409)) onDecided({ kind: 'conflict' });
    },
    // The applications list lives under the `clubs` prefix, so this refreshes it too.
    onSettled: () => Promise.all(participationDependentKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
