import type { Schemas } from '@dastarkhan/api-client';
import type { TransitionAction } from '@dastarkhan/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { participationDependentKeys, queryKeys } from '../../../lib/query-keys';

export type Participation = Schemas['ParticipationDto'];
export type ParticipationEvent = Schemas['ParticipationEventDto'];

export function useParticipation(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.participation(id),
    queryFn: async () => unwrap(await client.GET('/api/participations/{id}', { params: { path: { id } } })),
  });
}

export interface TransitionInput {
  action: TransitionAction;
  reason?: string;
  /** Withdraw only: the community asks that its contact details be erased. */
  eraseContactDetails?: boolean;
  /** The version the viewer saw: a stale one is refused with 409 rather than overwriting. */
  version: number;
}

export function useTransition(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, reason, eraseContactDetails, version }: TransitionInput) =>
      unwrap(
        await client.POST('/api/participations/{id}/transitions', {
          params: { path: { id } },
          body: { action, version, ...(reason ? { reason } : {}), ...(eraseContactDetails ? { eraseContactDetails } : {}) },
        }),
      ),
    onSuccess: (participation) => queryClient.setQueryData(queryKeys.participation(id), participation),
    onSettled: () => Promise.all(participationDependentKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
