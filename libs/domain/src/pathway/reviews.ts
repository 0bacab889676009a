import { DomainError } from '../errors/domain-error';
import type { ParticipationStatus } from '../participation/participation-status';
import type { NotificationAudience } from '../notifications/notifications';
import type { ConcernRecord } from './milestones';

export const REVIEW_VERDICTS = ['no_objection', 'concern'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export interface ReviewFacts {
  id: string;
  verdict: ReviewVerdict;
  text: string;
  createdAt: Date;
  resolvedAt: Date | null;
}

export const isOpenConcern = (review: Pick<ReviewFacts, 'verdict' | 'resolvedAt'>): boolean =>
  review.verdict === 'concern' && review.resolvedAt === null;

/** Concerns no official has resolved yet: what the "no open concern" milestone counts. */
export function openConcerns(reviews: readonly ReviewFacts[]): ConcernRecord[] {
  return reviews
    .filter(isOpenConcern)
    .map((r) => ({ id: r.id, title: r.text.length > 120 ? `${r.text.slice(0, 119)}…` : r.text, raisedAt: r.createdAt }));
}

/** Officials review candidacies only (who may review is the access rule `participation.review`). */
export function assertMayReview(status: ParticipationStatus): void {
  if (status !== 'candidate') {
    throw new DomainError('REVIEW.NOT_A_CANDIDACY', 'Officials review candidacies only');
  }
}

export type ReviewResponderRole = 'coordinator' | 'community';

/**
 * In which capacity a user answers a review, or null when they may not. Someone who both
 * represents the community and coordinates the club answers for the community: the review is
 * about it, and its own voice is the one the official must hear.
 */
export function reviewResponderRole(facts: { representsCommunity: boolean; coordinatesClub: boolean }): ReviewResponderRole | null {
  if (facts.representsCommunity) return 'community';
  return facts.coordinatesClub ? 'coordinator' : null;
}

/** Who hears about an answer: the official who wrote the review, and the party that did not answer. */
export function responseAudiences(authorRole: ReviewResponderRole): NotificationAudience[] {
  return ['official', authorRole === 'coordinator' ? 'community' : 'coordinator'];
}
