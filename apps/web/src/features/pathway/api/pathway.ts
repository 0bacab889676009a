import type { Schemas } from '@dastarkhan/api-client';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export type Participation = Schemas['ParticipationDto'];
export type PathwayPolicy = Schemas['PathwayPolicyDto'];
export type PathwayPolicyInput = Schemas['PathwayPolicyInputDto'];
export type TransparencyField = PathwayPolicy['transparencyFields'][number];

export type PathwayMilestone = Schemas['PathwayMilestoneDto'];
export type MilestoneKey = PathwayMilestone['key'];
export type PathwayProgress = Schemas['PathwayProgressDto'];
export type NextStep = PathwayProgress['nextSteps'][number];
export type Sponsorship = Schemas['SponsorshipDto'];
export type CreateSponsorshipInput = Schemas['CreateSponsorshipDto'];
export type GivenSponsorship = Schemas['GivenSponsorshipDto'];

export const TRANSPARENCY_FIELDS: TransparencyField[] = ['leaders', 'meetingPlace', 'approximateSize', 'activities'];

/** The pathway feature's query keys: every one starts with 'pathway' so a change can refresh them all. */
export const pathwayKeys = {
  all: ['pathway'] as const,
  progress: (participationId: string) => ['pathway', 'progress', participationId] as const,
  nationalPolicy: ['pathway', 'policy', 'national'] as const,
  clubPolicy: (clubId: string) => ['pathway', 'policy', 'club', clubId] as const,
  givenSponsorships: (communityId: string) => ['pathway', 'sponsorships', 'given', communityId] as const,
};

const givenSponsorshipsQuery = (client: ReturnType<typeof useApiClient>, communityId: string) => ({
  queryKey: pathwayKeys.givenSponsorships(communityId),
  queryFn: async () => unwrap(await client.GET('/api/communities/{id}/sponsorships', { params: { path: { id: communityId } } })),
});

/** The sponsorships one of the viewer's communities gave. */
export function useGivenSponsorships(communityId: string) {
  const client = useApiClient();
  return useQuery(givenSponsorshipsQuery(client, communityId));
}

/**
 * The live sponsorships the given communities (the viewer's) gave to one participation; `null` until
 * every list has loaded, so a sponsor is never offered the form for a sponsorship it already gave.
 */
export function useLiveSponsorshipsOf(participationId: string, sponsorCommunityIds: string[]): GivenSponsorship[] | null {
  const client = useApiClient();
  return useQueries({
    queries: sponsorCommunityIds.map((communityId) => givenSponsorshipsQuery(client, communityId)),
    combine: (results) =>
      results.every((result) => result.data)
        ? results.flatMap((result) => result.data ?? []).filter((given) => given.participationId === participationId && !given.withdrawnAt)
        : null,
  });
}

/**
 * The participation (community, club, status): the same cache entry the participation page uses.
 * Only its community's representatives and the club's coordinators see it (404 for others).
 */
export function useParticipationSummary(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.participation(id),
    queryFn: async () => unwrap(await client.GET('/api/participations/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

/** The club (viewer's participations, coordinator flag): the same cache entry the club page uses. */
export function useClubSummary(clubId: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.club(clubId ?? ''),
    queryFn: async () => unwrap(await client.GET('/api/clubs/{clubId}', { params: { path: { clubId: clubId ?? '' } } })),
    enabled: Boolean(clubId),
  });
}

export function useProgress(participationId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: pathwayKeys.progress(participationId),
    queryFn: async () =>
      unwrap(await client.GET('/api/participations/{id}/progress', { params: { path: { id: participationId } } })),
    retry: false,
  });
}

export function useSponsor(participationId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateSponsorshipInput) =>
      unwrap(
        await client.POST('/api/participations/{id}/sponsorships', { params: { path: { id: participationId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pathwayKeys.all }),
  });
}

export function useWithdrawSponsorship() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/sponsorships/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pathwayKeys.all }),
  });
}

export function useNationalPolicy() {
  const client = useApiClient();
  return useQuery({
    queryKey: pathwayKeys.nationalPolicy,
    queryFn: async () => unwrap(await client.GET('/api/pathway-policy')),
  });
}

export function useSaveNationalPolicy() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PathwayPolicyInput) => unwrap(await client.PUT('/api/pathway-policy', { body })),
    onSuccess: (policy) => {
      queryClient.setQueryData(pathwayKeys.nationalPolicy, policy);
      return queryClient.invalidateQueries({ queryKey: pathwayKeys.all });
    },
  });
}

export function useClubPolicy(clubId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: pathwayKeys.clubPolicy(clubId),
    queryFn: async () =>
      unwrap(await client.GET('/api/clubs/{clubId}/pathway-policy', { params: { path: { clubId } } })),
  });
}

export function useSaveClubPolicy(clubId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PathwayPolicyInput) =>
      unwrap(await client.PUT('/api/clubs/{clubId}/pathway-policy', { params: { path: { clubId } }, body })),
    onSuccess: (policy) => {
      queryClient.setQueryData(pathwayKeys.clubPolicy(clubId), policy);
      return queryClient.invalidateQueries({ queryKey: pathwayKeys.all });
    },
  });
}
