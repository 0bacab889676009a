import type { Schemas } from '@dastarkhan/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { participationDependentKeys } from '../../../lib/query-keys';

export type DecisionRecord = Schemas['DecisionRecordDto'];
export type DecideInput = Schemas['DecideDto'];
export type DecisionOutcome = DecideInput['outcome'];
export type AppealCase = Schemas['AppealCaseDto'];
export type AppealStatus = Schemas['AppealStatus'];
export type AppealResolution = Schemas['AppealResolutionInputDto'];
export type PathwayProgress = Schemas['PathwayProgressDto'];

export const decisionKeys = {
  all: ['decisions'] as const,
  records: (participationId: string) => ['decisions', 'records', participationId] as const,
  appeals: (status: AppealStatus | undefined) => ['decisions', 'appeals', status ?? 'all'] as const,
};

/** A decision changes the participation, its progress, its records and the club's lists. */
function useRefreshAfterStep() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [...participationDependentKeys, decisionKeys.all, ['pathway'] as const].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

/** The participation's decision records: its club's coordinators and its community (404 for others). */
export function useDecisionRecords(participationId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: decisionKeys.records(participationId),
    queryFn: async () => unwrap(await client.GET('/api/participations/{id}/decisions', { params: { path: { id: participationId } } })),
    retry: false,
  });
}

/**
 * Outcomes reported through the hook's own callbacks, not `mutate`'s: the step changes the status,
 * the refetch unmounts the form, and `mutate` callbacks of an unmounted component never run.
 */
export interface StepCallbacks {
  onSuccess: () => void;
  onError: (error: unknown) => void;
}

/** Admit, defer or decline, with the version the coordinator saw (a stale one fails with 409). */
export function useDecide(participationId: string, callbacks: StepCallbacks) {
  const client = useApiClient();
  const refresh = useRefreshAfterStep();
  return useMutation({
    mutationFn: async (body: DecideInput) =>
      unwrap(await client.POST('/api/participations/{id}/decisions', { params: { path: { id: participationId } }, body })),
    ...callbacks,
    onSettled: refresh,
  });
}

export type NominationBy = 'coordinator' | 'community';

/**
 * The coordinator nominates (a plain step, through the transitions endpoint); the community asks to
 * be nominated (its own endpoint, which checks the milestones). Both send the version seen.
 */
export function useNomination(participationId: string, by: NominationBy, callbacks: StepCallbacks) {
  const client = useApiClient();
  const refresh = useRefreshAfterStep();
  const params = { path: { id: participationId } };
  return useMutation({
    mutationFn: async (version: number) =>
      unwrap(
        by === 'coordinator'
          ? await client.POST('/api/participations/{id}/transitions', { params, body: { action: 'nominate', version } })
          : await client.POST('/api/participations/{id}/nomination-request', { params, body: { version } }),
      ),
    ...callbacks,
    onSettled: refresh,
  });
}

export function useAppeal() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ decisionId, text }: { decisionId: string; text: string }) =>
      unwrap(await client.POST('/api/decisions/{id}/appeal', { params: { path: { id: decisionId } }, body: { text } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: decisionKeys.all }),
  });
}

/** Appeals for the administrator: those of one status, or all of them (`undefined`). */
export function useAppeals(status: AppealStatus | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: decisionKeys.appeals(status),
    queryFn: async () => unwrap(await client.GET('/api/appeals', { params: { query: status ? { status } : {} } })),
  });
}

export function useResolveAppeal() {
  const client = useApiClient();
  const refresh = useRefreshAfterStep();
  return useMutation({
    mutationFn: async ({ appealId, ...body }: AppealResolution & { appealId: string }) =>
      unwrap(await client.POST('/api/appeals/{id}/resolution', { params: { path: { id: appealId } }, body })),
    onSettled: refresh,
  });
}
