import type { Schemas } from '@dastarkhan/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';

export type OfficialCandidacies = Schemas['OfficialCandidaciesDto'];
export type NamedCandidacy = Schemas['NamedCandidacyDto'];
export type ParticipationReviews = Schemas['ParticipationReviewsDto'];
export type Review = Schemas['ReviewDto'];
export type ReviewVerdict = Schemas['ReviewVerdict'];
export type CreateReviewInput = Schemas['CreateReviewDto'];

export const REVIEW_VERDICTS: ReviewVerdict[] = ['no_objection', 'concern'];

/** Every key starts with 'reviews', so one change refreshes the official's list and every section. */
export const reviewsKeys = {
  all: ['reviews'] as const,
  official: (search: string) => ['reviews', 'official', search] as const,
  participation: (id: string) => ['reviews', 'participation', id] as const,
};

/** A review changes the "no open concern" milestone: the progress page's keys start with 'pathway'. */
const PROGRESS_KEYS = ['pathway'] as const;

function useInvalidateReviews() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: reviewsKeys.all }), queryClient.invalidateQueries({ queryKey: PROGRESS_KEYS })]);
}

const PAGE_SIZE = 50;

/** The official's candidacies a page at a time; `search` (trimmed, '' for all) matches the names it may see. */
export function useOfficialCandidacies(search: string) {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: reviewsKeys.official(search),
    queryFn: async ({ pageParam }) =>
      unwrap(
        await client.GET('/api/official/candidacies', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { after: pageParam } : {}), ...(search ? { search } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextAfter,
  });
}

/** 404 for anyone without standing: the caller renders nothing then. */
export function useParticipationReviews(participationId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: reviewsKeys.participation(participationId),
    queryFn: async () =>
      unwrap(await client.GET('/api/participations/{id}/reviews', { params: { path: { id: participationId } } })),
    retry: false,
  });
}

export function useRecordReview(participationId: string) {
  const client = useApiClient();
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: async (body: CreateReviewInput) =>
      unwrap(await client.POST('/api/participations/{id}/reviews', { params: { path: { id: participationId } }, body })),
    onSuccess: invalidate,
  });
}

export function useRespondToReview(reviewId: string) {
  const client = useApiClient();
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: async (text: string) =>
      unwrap(await client.POST('/api/reviews/{id}/responses', { params: { path: { id: reviewId } }, body: { text } })),
    onSuccess: invalidate,
  });
}

export function useResolveConcern(reviewId: string) {
  const client = useApiClient();
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: async (text: string) =>
      unwrap(await client.POST('/api/reviews/{id}/resolution', { params: { path: { id: reviewId } }, body: { text } })),
    // A 409 means someone resolved it meanwhile: refresh either way.
    onSettled: invalidate,
  });
}
