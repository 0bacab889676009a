import { DomainError } from '../errors/domain-error';
import { PARTICIPATION_STATUSES } from '../participation/participation-status';
import {
  assertMilestonesEditable,
  assertProjectActive,
  assertProjectDates,
  availableProjectActions,
  decidePartner,
  isProjectReasonRequired,
  mayTakePartInProjects,
  transitionProject,
} from './project-state-machine';
import { PARTNER_STATUSES, PROJECT_ACTIONS, PROJECT_STATUSES, ProjectAction, ProjectActor, ProjectStatus } from './project-status';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

const ready = { reason: 'Because the park is flooded', outcomeSummary: '120 bags of litter collected', pendingRevisions: 0 };

/** Every allowed move: [from, action, who, to]. */
const ALLOWED: Array<[ProjectStatus, ProjectAction, ProjectActor, ProjectStatus]> = [
  ['proposed', 'approve', 'coordinator', 'active'],
  ['proposed', 'decline', 'coordinator', 'declined'],
  ['proposed', 'cancel', 'proposer', 'cancelled'],
  ['active', 'cancel', 'coordinator', 'cancelled'],
  ['active', 'complete', 'coordinator', 'completed'],
];

describe('project state machine', () => {
  it.each(ALLOWED)('moves %s --%s (by the %s)--> %s', (from, action, actor, to) => {
    expect(transitionProject(from, action, { ...ready, actors: [actor] })).toBe(to);
  });

  const allowedKeys = new Set(ALLOWED.map(([from, action]) => `${from}:${action}`));
  const forbidden = PROJECT_STATUSES.flatMap((from) =>
    PROJECT_ACTIONS.filter((action) => !allowedKeys.has(`${from}:${action}`)).map((action) => [from, action] as const),
  );

  it.each(forbidden)('refuses %s --%s--> as an invalid transition, whoever asks', (from, action) => {
    expect(errorCode(() => transitionProject(from, action, { ...ready, actors: ['coordinator', 'proposer'] }))).toBe(
      'PROJECT.INVALID_TRANSITION',
    );
  });

  it('leaves the final states final', () => {
    for (const status of ['completed', 'declined', 'cancelled'] as const) {
      expect(availableProjectActions(status, ['coordinator', 'proposer'])).toEqual([]);
    }
  });

  it.each(ALLOWED)('refuses %s --%s-- to anyone but the %s', (from, action, actor) => {
    const other: ProjectActor = actor === 'coordinator' ? 'proposer' : 'coordinator';
    expect(errorCode(() => transitionProject(from, action, { ...ready, actors: [other] }))).toBe(
      'PROJECT.ACTION_NOT_ALLOWED_FOR_ROLE',
    );
    expect(errorCode(() => transitionProject(from, action, { ...ready, actors: [] }))).toBe(
      'PROJECT.ACTION_NOT_ALLOWED_FOR_ROLE',
    );
  });

  it('lets a coordinator who also represents the proposer withdraw the proposal', () => {
    expect(transitionProject('proposed', 'cancel', { ...ready, actors: ['coordinator', 'proposer'] })).toBe('cancelled');
  });

  it.each([
    ['proposed', 'decline', 'coordinator'],
    ['proposed', 'cancel', 'proposer'],
    ['active', 'cancel', 'coordinator'],
  ] as const)('requires a written reason to %s --%s', (from, action, actor) => {
    expect(isProjectReasonRequired(action)).toBe(true);
    for (const reason of [null, undefined, '', '   ']) {
      expect(errorCode(() => transitionProject(from, action, { ...ready, actors: [actor], reason }))).toBe(
        'PROJECT.REASON_REQUIRED',
      );
    }
  });

  it('approves and completes without a reason', () => {
    expect(isProjectReasonRequired('approve')).toBe(false);
    expect(isProjectReasonRequired('complete')).toBe(false);
    expect(transitionProject('proposed', 'approve', { actors: ['coordinator'] })).toBe('active');
  });

  it('requires an outcome report to complete', () => {
    for (const outcomeSummary of [null, undefined, '', '  ']) {
      expect(errorCode(() => transitionProject('active', 'complete', { actors: ['coordinator'], outcomeSummary }))).toBe(
        'PROJECT.OUTCOME_REQUIRED',
      );
    }
  });

  it('refuses to complete while a contribution awaits review', () => {
    expect(
      errorCode(() => transitionProject('active', 'complete', { ...ready, actors: ['coordinator'], pendingRevisions: 1 })),
    ).toBe('PROJECT.PENDING_CONTRIBUTIONS');
  });

  it('offers each party the buttons it may press', () => {
    expect(availableProjectActions('proposed', ['coordinator'])).toEqual(['approve', 'decline']);
    expect(availableProjectActions('proposed', ['proposer'])).toEqual(['cancel']);
    expect(availableProjectActions('proposed', ['coordinator', 'proposer'])).toEqual(['approve', 'decline', 'cancel']);
    expect(availableProjectActions('active', ['coordinator'])).toEqual(['cancel', 'complete']);
    expect(availableProjectActions('active', ['proposer'])).toEqual([]);
    expect(availableProjectActions('proposed', [])).toEqual([]);
  });
});

describe('what may happen in which project state', () => {
  it.each(PROJECT_STATUSES)('opens the ledger only while active (%s)', (status) => {
    expect(errorCode(() => assertProjectActive(status))).toBe(status === 'active' ? undefined : 'PROJECT.NOT_ACTIVE');
  });

  it.each(PROJECT_STATUSES)('lets milestones change only while proposed or active (%s)', (status) => {
    const open = status === 'proposed' || status === 'active';
    expect(errorCode(() => assertMilestonesEditable(status))).toBe(open ? undefined : 'PROJECT.NOT_ACTIVE');
  });

  it.each(PARTICIPATION_STATUSES)('lets only observer, candidate and member communities take part (%s)', (status) => {
    expect(mayTakePartInProjects(status)).toBe(['observer', 'candidate', 'member'].includes(status));
  });

  it('does not let a community without a participation take part', () => {
    expect(mayTakePartInProjects(null)).toBe(false);
    expect(mayTakePartInProjects(undefined)).toBe(false);
  });
});

describe('a community joining a project', () => {
  it('is confirmed or declined with a reason by the coordinator', () => {
    expect(decidePartner('requested', 'confirm')).toBe('confirmed');
    expect(decidePartner('requested', 'decline', 'Already enough volunteers')).toBe('declined');
    expect(errorCode(() => decidePartner('requested', 'decline', ' '))).toBe('PROJECT.REASON_REQUIRED');
  });

  it.each(PARTNER_STATUSES.filter((s) => s !== 'requested'))('cannot be decided twice (%s)', (status) => {
    expect(errorCode(() => decidePartner(status, 'confirm'))).toBe('PROJECT.INVALID_TRANSITION');
    expect(errorCode(() => decidePartner(status, 'decline', 'x'))).toBe('PROJECT.INVALID_TRANSITION');
  });
});

describe('project dates', () => {
  it('accepts an open end, a one-day project and an end after the start', () => {
    expect(() => assertProjectDates('2026-04-18', null)).not.toThrow();
    expect(() => assertProjectDates('2026-04-18', undefined)).not.toThrow();
    expect(() => assertProjectDates('2026-04-18', '2026-04-18')).not.toThrow();
    expect(() => assertProjectDates('2026-04-18', '2026-05-01')).not.toThrow();
  });

  it('refuses an end before the start, across a year boundary too', () => {
    expect(errorCode(() => assertProjectDates('2026-04-18', '2026-04-17'))).toBe('PROJECT.INVALID_DATES');
    expect(errorCode(() => assertProjectDates('2027-01-01', '2026-12-31'))).toBe('PROJECT.INVALID_DATES');
  });
});
