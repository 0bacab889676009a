import type { Schemas } from '@dastarkhan/api-client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';
import { searchable } from '../../../lib/search';

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


/** How many clubs a list or a picker reads at once. */
export const CLUB_PAGE = 50;

interface ClubFilter {
  cityId?: string;
  coordinatedByMe?: boolean;
  /** The words typed (searched once they hold a word of three letters). */
  search?: string;
}

const clubQuery = ({ cityId, coordinatedByMe, search = '' }: ClubFilter) => ({
  ...(cityId ? { cityId } : {}),
  ...(coordinatedByMe ? { coordinatedByMe: true } : {}),
  ...(searchable(search.trim()) ? { search: search.trim() } : {}),
});

/** The clubs by name, a page at a time (GET /api/clubs): a city's, the viewer's own, or those a search finds. */
export function useClubPages(filter: ClubFilter) {
  const client = useApiClient();
  const query = clubQuery(filter);
  return useInfiniteQuery({
    queryKey: queryKeys.clubPages(query),
    queryFn: async ({ pageParam }) =>
      unwrap(await client.GET('/api/clubs', { params: { query: { ...query, limit: CLUB_PAGE, ...(pageParam ? { after: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextAfter,
    placeholderData: (previous) => previous,
  });
}

/** How many clubs a picker lists at once. */
export const CLUB_SEARCH_PAGE = 20;

/** A picker's first page of clubs for what was typed. */
export function useClubSearch(search: string) {
  const client = useApiClient();
  const query = { ...clubQuery({ search }), limit: CLUB_SEARCH_PAGE };
  return useQuery({
    queryKey: queryKeys.clubList(query),
    queryFn: async () => unwrap(await client.GET('/api/clubs', { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

/** Clubs the viewer coordinates, each with its number of pending applications (a coordinator has a few). */
export function useMyClubs() {
  const client = useApiClient();
  const query = { coordinatedByMe: true, limit: 200 };
  return useQuery({
    queryKey: queryKeys.clubList(query),
    queryFn: async () => unwrap(await client.GET('/api/clubs', { params: { query } })).items,
  });
}
