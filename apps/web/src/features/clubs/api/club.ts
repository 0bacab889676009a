import type { Schemas } from '@dastarkhan/api-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export type Club = Schemas['ClubDto'];
export type Participant = Schemas['ParticipantDto'];
export type ParticipationSummary = Schemas['ParticipationSummaryDto'];

export function useClub(clubId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.club(clubId),
    queryFn: async () => unwrap(await client.GET('/api/clubs/{clubId}', { params: { path: { clubId } } })),
  });
}

/** Clubs the viewer coordinates, each with its number of pending applications. */
export function useMyClubs() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.clubList({ coordinatedByMe: true }),
    queryFn: async () => unwrap(await client.GET('/api/clubs', { params: { query: { coordinatedByMe: true } } })),
  });
}
