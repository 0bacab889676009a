import type { Schemas } from '@dastarkhan/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';

export type RegistrationClaimCase = Schemas['RegistrationClaimCaseDto'];
export type ClaimStatus = RegistrationClaimCase['status'];
export type ClaimDecision = Schemas['RegistrationClaimDecisionDto'];

export const CLAIM_STATUSES: ClaimStatus[] = ['pending', 'verified', 'rejected'];

/** Every key starts with 'registration-claims', so a decision refreshes each filtered list. */
export const claimKeys = {
  all: ['registration-claims'] as const,
  list: (status: ClaimStatus) => ['registration-claims', status] as const,
};

/** The claims the caller may verify (its regions; the administrator: all), oldest first. */
export function useRegistrationClaims(status: ClaimStatus) {
  const client = useApiClient();
  return useQuery({
    queryKey: claimKeys.list(status),
    queryFn: async () => unwrap(await client.GET('/api/registration-claims', { params: { query: { status } } })),
  });
}

/** Verifies or rejects a claim; a 409 (someone decided first) refreshes the lists all the same. */
export function useDecideClaim() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ claimId, ...body }: ClaimDecision & { claimId: string }) =>
      unwrap(await client.POST('/api/registration-claims/{id}/decision', { params: { path: { id: claimId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: claimKeys.all }),
  });
}
