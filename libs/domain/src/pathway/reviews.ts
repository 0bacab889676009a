import { DomainError } from '../errors/domain-error';
import type { ParticipationStatus, RegistrationStatus } from '../participation/participation-status';
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

/** Concerns no official has resolved yet: what the "no open concern" milestone counts. */
export function openConcerns(reviews: readonly ReviewFacts[]): ConcernRecord[] {
  return reviews
    .filter((r) => r.verdict === 'concern' && r.resolvedAt === null)
    .map((r) => ({ id: r.id, title: r.text.length > 120 ? `${r.text.slice(0, 119)}…` : r.text, raisedAt: r.createdAt }));
}

export interface CandidacyFacts {
  status: ParticipationStatus;
  registrationStatus: RegistrationStatus;
  /** The community's consent for officials to see its record is in force. */
  officialConsent: boolean;
  /** The club lies in one of the official's regions (or the official is national). */
  inOfficialsScope: boolean;
}

/**
 * Whether an official may see this candidacy by name and record a review on it. A registered
 * community's record is not sensitive; a non-registered one's only with the community's consent
 * (otherwise officials see the candidacy in aggregate figures only).
 */
export function officialMaySeeCandidacy(facts: Omit<CandidacyFacts, 'status'>): boolean {
  return facts.inOfficialsScope && (facts.registrationStatus === 'registered' || facts.officialConsent);
}

export function assertMayReview(facts: CandidacyFacts): void {
  if (facts.status !== 'candidate') {
    throw new DomainError('REVIEW.NOT_A_CANDIDACY', 'Officials review candidacies only');
  }
}
