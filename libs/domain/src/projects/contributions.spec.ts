import { DomainError } from '../errors/domain-error';
import {
  awaitsReview,
  contributedProjectCount,
  countedRevision,
  latestRevision,
  ledgerTotals,
  planCorrection,
  reviewRevision,
  validateContribution,
} from './contributions';
import { projectProgress, isMilestoneOverdue } from './progress';
import { REVISION_STATUSES, RevisionStatus } from './project-status';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

const rev = (revision: number, status: RevisionStatus, volunteers = 10, hours = 20) => ({ revision, status, volunteers, hours });

describe('entering a contribution', () => {
  it('accepts volunteers, hours or in-kind resources alone', () => {
    const partner = { isLeadCommunity: false };
    expect(() => validateContribution({ role: 'partner', volunteers: 12, hours: 0 }, partner)).not.toThrow();
    expect(() => validateContribution({ role: 'partner', volunteers: 0, hours: 1.5 }, partner)).not.toThrow();
    expect(() => validateContribution({ role: 'partner', volunteers: 0, hours: 0, inKind: '200 bin bags' }, partner)).not.toThrow();
  });

  it('refuses an entry with nothing in it', () => {
    for (const inKind of [undefined, null, '', '  ']) {
      expect(errorCode(() => validateContribution({ role: 'partner', volunteers: 0, hours: 0, inKind }, { isLeadCommunity: false }))).toBe(
        'CONTRIBUTION.EMPTY',
      );
    }
  });

  it('refuses negative or fractional volunteers and negative hours', () => {
    const partner = { isLeadCommunity: false };
    expect(errorCode(() => validateContribution({ role: 'partner', volunteers: -1, hours: 3 }, partner))).toBe('CONTRIBUTION.EMPTY');
    expect(errorCode(() => validateContribution({ role: 'partner', volunteers: 1.5, hours: 3 }, partner))).toBe('CONTRIBUTION.EMPTY');
    expect(errorCode(() => validateContribution({ role: 'partner', volunteers: 3, hours: -2 }, partner))).toBe('CONTRIBUTION.EMPTY');
  });

  it('reserves the lead role for the lead community', () => {
    expect(errorCode(() => validateContribution({ role: 'lead', volunteers: 5, hours: 5 }, { isLeadCommunity: false }))).toBe(
      'CONTRIBUTION.LEAD_ROLE_RESERVED',
    );
    expect(() => validateContribution({ role: 'lead', volunteers: 5, hours: 5 }, { isLeadCommunity: true })).not.toThrow();
    expect(() => validateContribution({ role: 'partner', volunteers: 5, hours: 5 }, { isLeadCommunity: true })).not.toThrow();
  });
});

describe('what counts in the ledger', () => {
  it.each(REVISION_STATUSES.filter((s) => s !== 'confirmed'))('does not count a lone %s revision', (status) => {
    expect(countedRevision([rev(1, status)])).toBeNull();
  });

  it('counts a confirmed revision', () => {
    expect(countedRevision([rev(1, 'confirmed')])).toEqual(rev(1, 'confirmed'));
  });

  it('keeps counting the confirmed figures while a correction awaits review', () => {
    const revisions = [rev(1, 'confirmed', 10), rev(2, 'pending', 50)];
    expect(countedRevision(revisions)?.volunteers).toBe(10);
    expect(latestRevision(revisions)?.revision).toBe(2);
    expect(awaitsReview(revisions)).toBe(true);
  });

  it('counts a confirmed correction instead of the revision it corrects', () => {
    expect(countedRevision([rev(2, 'confirmed', 8), rev(1, 'confirmed', 10)])?.volunteers).toBe(8);
  });

  it('keeps the earlier confirmed figures when a correction is rejected', () => {
    const revisions = [rev(1, 'confirmed', 10), rev(2, 'rejected', 99)];
    expect(countedRevision(revisions)?.volunteers).toBe(10);
    expect(awaitsReview(revisions)).toBe(false);
  });

  it('has nothing to review or count on an empty line', () => {
    expect(latestRevision([])).toBeNull();
    expect(countedRevision([])).toBeNull();
    expect(awaitsReview([])).toBe(false);
  });

  it('sums only confirmed figures into the totals', () => {
    const totals = ledgerTotals([
      [rev(1, 'confirmed', 10, 20.1), rev(2, 'pending', 100, 100)],
      [rev(1, 'pending', 7, 7)],
      [rev(1, 'rejected', 5, 5)],
      [rev(1, 'superseded', 3, 3), rev(2, 'confirmed', 4, 10.2)],
      [],
    ]);
    expect(totals).toEqual({ volunteers: 14, hours: 30.3, contributions: 2 });
  });

  it('sums hours stored as numeric text (PostgreSQL numeric)', () => {
    expect(ledgerTotals([[{ revision: 1, status: 'confirmed', volunteers: 1, hours: '2.50' as unknown as number }]]).hours).toBe(2.5);
  });
});

describe('correcting a contribution', () => {
  it('adds the next revision and supersedes a pending one, keeping confirmed and rejected history', () => {
    const pending = rev(3, 'pending');
    const plan = planCorrection([rev(1, 'confirmed'), rev(2, 'rejected'), pending]);
    expect(plan).toEqual({ revision: 4, supersedes: [pending] });
  });

  it('starts a new line at revision 1', () => {
    expect(planCorrection([])).toEqual({ revision: 1, supersedes: [] });
  });
});

describe('reviewing a contribution', () => {
  it('confirms or rejects (with a reason) a pending revision', () => {
    expect(reviewRevision(rev(1, 'pending'), 'confirm')).toBe('confirmed');
    expect(reviewRevision(rev(1, 'pending'), 'reject', 'We counted 8, not 80')).toBe('rejected');
    expect(errorCode(() => reviewRevision(rev(1, 'pending'), 'reject', ''))).toBe('PROJECT.REASON_REQUIRED');
  });

  it.each(REVISION_STATUSES.filter((s) => s !== 'pending'))('refuses to review a %s revision again', (status) => {
    expect(errorCode(() => reviewRevision(rev(1, status), 'confirm'))).toBe('CONTRIBUTION.NOT_REVIEWABLE');
  });

  it('has nothing to review on an empty line', () => {
    expect(errorCode(() => reviewRevision(null, 'confirm'))).toBe('CONTRIBUTION.NOT_REVIEWABLE');
  });
});

describe('the civic record', () => {
  it('counts distinct projects, however many contributions each has', () => {
    expect(contributedProjectCount([])).toBe(0);
    expect(contributedProjectCount([{ projectId: 'a' }, { projectId: 'a' }, { projectId: 'b' }])).toBe(2);
  });
});

describe('progress', () => {
  it('is done out of total, rounded down, and 0 without milestones', () => {
    expect(projectProgress([])).toEqual({ done: 0, total: 0, percent: 0 });
    expect(projectProgress([{ done: true }, { done: false }, { done: false }])).toEqual({ done: 1, total: 3, percent: 33 });
    expect(projectProgress([{ done: true }, { done: true }, { done: false }])).toEqual({ done: 2, total: 3, percent: 66 });
    expect(projectProgress([{ done: true }, { done: true }])).toEqual({ done: 2, total: 2, percent: 100 });
  });

  it('marks a milestone overdue only when not done and due before today', () => {
    expect(isMilestoneOverdue({ done: false, dueOn: '2026-04-17' }, '2026-04-18')).toBe(true);
    expect(isMilestoneOverdue({ done: false, dueOn: '2026-04-18' }, '2026-04-18')).toBe(false);
    expect(isMilestoneOverdue({ done: true, dueOn: '2026-04-17' }, '2026-04-18')).toBe(false);
    expect(isMilestoneOverdue({ done: false, dueOn: null }, '2026-04-18')).toBe(false);
  });
});
