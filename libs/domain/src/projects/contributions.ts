import { DomainError } from '../errors/domain-error';
import type { ProjectRole, ReviewDecision, RevisionStatus } from './project-status';

/** What a community says it brought to a project (one revision of a ledger line). */
export interface ContributionFigures {
  role: ProjectRole;
  volunteers: number;
  hours: number;
  inKind?: string | null;
}

/** The part of a stored revision the ledger rules look at. */
export interface RevisionFacts {
  revision: number;
  status: RevisionStatus;
}

/**
 * Checks a revision before it is written: figures are non-negative, something was contributed,
 * and only the project's lead community may enter itself as lead.
 */
export function validateContribution(figures: ContributionFigures, context: { isLeadCommunity: boolean }): void {
  if (figures.volunteers < 0 || figures.hours < 0 || !Number.isFinite(figures.hours) || !Number.isInteger(figures.volunteers)) {
    throw new DomainError('CONTRIBUTION.EMPTY', 'Volunteers and hours are non-negative numbers', {
      volunteers: 'non-negative integer',
      hours: 'non-negative number',
    });
  }
  if (figures.volunteers === 0 && figures.hours === 0 && !figures.inKind?.trim()) {
    throw new DomainError('CONTRIBUTION.EMPTY', 'Enter volunteers, hours or in-kind resources', {
      volunteers: 'all empty',
    });
  }
  if (figures.role === 'lead' && !context.isLeadCommunity) {
    throw new DomainError('CONTRIBUTION.LEAD_ROLE_RESERVED', "Only the project's lead community contributes as lead", {
      role: 'lead is reserved',
    });
  }
}

/** The newest revision of a ledger line (what is being reviewed), or null for an empty line. */
export function latestRevision<T extends RevisionFacts>(revisions: readonly T[]): T | null {
  return revisions.reduce<T | null>((latest, r) => (!latest || r.revision > latest.revision ? r : latest), null);
}

/**
 * What counts of a ledger line: its newest *confirmed* revision. A pending correction changes
 * nothing until a coordinator confirms it; a rejected one never counts.
 */
export function countedRevision<T extends RevisionFacts>(revisions: readonly T[]): T | null {
  return latestRevision(revisions.filter((r) => r.status === 'confirmed'));
}

/** A line awaits review when its newest revision is pending. */
export function awaitsReview(revisions: readonly RevisionFacts[]): boolean {
  return latestRevision(revisions)?.status === 'pending';
}

/**
 * A correction: the number of the new revision, and the pending revisions it supersedes (no one
 * reviews a revision that a newer one replaced). Confirmed and rejected revisions stay as they are.
 */
export function planCorrection<T extends RevisionFacts>(revisions: readonly T[]): { revision: number; supersedes: T[] } {
  return {
    revision: (latestRevision(revisions)?.revision ?? 0) + 1,
    supersedes: revisions.filter((r) => r.status === 'pending'),
  };
}

/** A coordinator confirms or rejects (with a reason) the newest revision, and only a pending one. */
export function reviewRevision(latest: RevisionFacts | null, decision: ReviewDecision, reason?: string | null): RevisionStatus {
  if (!latest || latest.status !== 'pending') {
    throw new DomainError(
      'CONTRIBUTION.NOT_REVIEWABLE',
      latest ? `The latest revision is already ${latest.status}` : 'Nothing to review',
    );
  }
  if (decision === 'reject' && !reason?.trim()) {
    throw new DomainError('PROJECT.REASON_REQUIRED', 'A reason is required to reject a contribution', { reason: 'required' });
  }
  return decision === 'confirm' ? 'confirmed' : 'rejected';
}

export interface LedgerTotals {
  volunteers: number;
  hours: number;
  /** Ledger lines with a confirmed revision. */
  contributions: number;
}

/** Sums the counted revision of every ledger line (each line: all its revisions). */
export function ledgerTotals<T extends RevisionFacts & { volunteers: number; hours: number }>(
  lines: ReadonlyArray<readonly T[]>,
): LedgerTotals {
  return lines.reduce<LedgerTotals>(
    (totals, revisions) => {
      const counted = countedRevision(revisions);
      if (!counted) return totals;
      return {
        volunteers: totals.volunteers + counted.volunteers,
        hours: roundHours(totals.hours + Number(counted.hours)),
        contributions: totals.contributions + 1,
      };
    },
    { volunteers: 0, hours: 0, contributions: 0 },
  );
}

/** Hours are kept to two decimals; summing binary floats must not show 0.30000000000000004. */
function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/**
 * The number the pathway's "contributed to N joint projects" milestone reads: distinct projects
 * in which the community has at least one confirmed contribution.
 */
export function contributedProjectCount(confirmed: ReadonlyArray<{ projectId: string }>): number {
  return new Set(confirmed.map((c) => c.projectId)).size;
}
