import { DomainError } from '../errors/domain-error';
import type { ParticipationStatus } from '../participation/participation-status';

/**
 * A member community of a club may sponsor an observer of the same club (docs/domain.md, 3.4).
 * Throws the rule that fails; who may see the observer at all is the caller's (privacy) concern.
 */
export function assertCanSponsor(facts: {
  sponsorStatusInClub: ParticipationStatus | null;
  observerStatus: ParticipationStatus;
  sameCommunity: boolean;
}): void {
  if (facts.sameCommunity || facts.sponsorStatusInClub !== 'member') {
    throw new DomainError('PATHWAY.SPONSOR_NOT_MEMBER', 'Only a member community of the same club may sponsor');
  }
  if (facts.observerStatus !== 'observer') {
    throw new DomainError('PATHWAY.NOT_OBSERVER', 'Only an observer can be sponsored');
  }
}
