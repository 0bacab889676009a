import type { Schemas } from '@dastarkhan/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { participationDependentKeys } from '../../../lib/query-keys';

export const STATEMENT_MIN_LENGTH = 10;
export const STATEMENT_MAX_LENGTH = 2000;

/**
 * A representative applies to a club as observer on behalf of one of their communities. Success is
 * reported through the hook's callback: the refetched club no longer shows the form, and `mutate`
 * callbacks of an unmounted component never run.
 */
export function useApply(clubId: string, onApplied: (participation: Schemas['ParticipationDto']) => void) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['ApplyDto']) =>
      unwrap(await client.POST('/api/clubs/{clubId}/applications', { params: { path: { clubId } }, body })),
    onSuccess: (participation) => onApplied(participation),
    onSettled: () => Promise.all(participationDependentKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
