import { DomainError } from '../errors/domain-error';
import {
  availableActions,
  ParticipationState,
  transitionParticipation,
} from './participation-state-machine';
import {
  PARTICIPATION_ACTIONS,
  PARTICIPATION_STATUSES,
  ParticipationAction,
  ParticipationStatus,
} from './participation-status';

const at = (status: ParticipationStatus, suspendedFrom: ParticipationStatus | null = null): ParticipationState => ({
  status,
  suspendedFrom,
});
const coordinator = { actor: 'coordinator' as const, registration: 'not_registered' as const, reason: 'because' };
const community = { actor: 'community' as const, registration: 'not_registered' as const, reason: null, milestonesMet: true };
const administrator = { actor: 'administrator' as const, registration: 'not_registered' as const, reason: 'appeal upheld', overturnTo: 'candidate' as const };
const COMMUNITY_ACTIONS: readonly ParticipationAction[] = ['withdraw', 'request_nomination'];
const contextFor = (action: ParticipationAction) =>
  action === 'overturn' ? administrator : COMMUNITY_ACTIONS.includes(action) ? community : coordinator;

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

/** Every allowed move of the pathway diagram (docs/domain.md): [from, action, to]. */
const ALLOWED: Array<[ParticipationStatus, ParticipationAction, ParticipationStatus]> = [
  ['applied', 'accept', 'observer'],
  ['applied', 'decline', 'declined'],
  ['observer', 'nominate', 'candidate'],
  ['observer', 'request_nomination', 'candidate'],
  ['candidate', 'defer', 'observer'],
  ['candidate', 'admit', 'member'],
  ['candidate', 'decline', 'declined'],
  ['observer', 'suspend', 'suspended'],
  ['member', 'suspend', 'suspended'],
  ['applied', 'withdraw', 'withdrawn'],
  ['observer', 'withdraw', 'withdrawn'],
  ['candidate', 'withdraw', 'withdrawn'],
  ['member', 'withdraw', 'withdrawn'],
  ['suspended', 'withdraw', 'withdrawn'],
  ['observer', 'overturn', 'candidate'],
  ['declined', 'overturn', 'candidate'],
];

describe('participation state machine', () => {
  it.each(ALLOWED)('moves %s --%s--> %s', (from, action, to) => {
    expect(transitionParticipation(at(from), action, contextFor(action)).status).toBe(to);
  });

  const allowedKeys = new Set(ALLOWED.map(([from, action]) => `${from}:${action}`));
  const forbidden = PARTICIPATION_STATUSES.flatMap((from) =>
    PARTICIPATION_ACTIONS.filter((action) => action !== 'reinstate' && !allowedKeys.has(`${from}:${action}`)).map(
      (action) => [from, action] as const,
    ),
  ).filter(([from, action]) => !(from === 'applied' && action === 'admit'));

  it.each(forbidden)('refuses %s --%s--> as an invalid transition', (from, action) => {
    const context = { ...contextFor(action), registration: 'registered' as const };
    expect(errorCode(() => transitionParticipation(at(from), action, context))).toBe(
      'PARTICIPATION.INVALID_TRANSITION',
    );
  });

  it.each(PARTICIPATION_STATUSES.filter((s) => s !== 'suspended'))('refuses to reinstate a participation that is %s', (from) => {
    expect(errorCode(() => transitionParticipation(at(from), 'reinstate', coordinator))).toBe(
      'PARTICIPATION.INVALID_TRANSITION',
    );
  });

  it('admits a registered community straight from applied to member', () => {
    const next = transitionParticipation(at('applied'), 'admit', { ...coordinator, registration: 'registered' });
    expect(next.status).toBe('member');
  });

  it.each(['not_registered', 'registration_pending'] as const)(
    'makes a %s community go through observer instead of straight admission',
    (registration) => {
      expect(errorCode(() => transitionParticipation(at('applied'), 'admit', { ...coordinator, registration }))).toBe(
        'PARTICIPATION.REGISTRATION_REQUIRED',
      );
    },
  );

  it('admits a non-registered candidate (it went through observer)', () => {
    expect(transitionParticipation(at('candidate'), 'admit', coordinator).status).toBe('member');
  });

  it.each(['observer', 'member'] as const)('reinstates a suspended %s to where it was', (previous) => {
    const suspended = transitionParticipation(at(previous), 'suspend', coordinator);
    expect(suspended).toEqual({ status: 'suspended', suspendedFrom: previous });
    expect(transitionParticipation(suspended, 'reinstate', coordinator)).toEqual({
      status: previous,
      suspendedFrom: null,
    });
  });

  it.each(['decline', 'defer', 'suspend'] as const)('requires a written reason to %s', (action) => {
    const from = action === 'suspend' ? 'observer' : 'candidate';
    for (const reason of [null, undefined, '', '   ']) {
      expect(errorCode(() => transitionParticipation(at(from), action, { ...coordinator, reason }))).toBe(
        'PARTICIPATION.REASON_REQUIRED',
      );
    }
  });

  it('overturns a decision back to where it was taken, and only there', () => {
    expect(transitionParticipation(at('declined'), 'overturn', { ...administrator, overturnTo: 'applied' }).status).toBe('applied');
    expect(errorCode(() => transitionParticipation(at('declined'), 'overturn', { ...administrator, overturnTo: 'member' }))).toBe(
      'PARTICIPATION.INVALID_TRANSITION',
    );
    expect(errorCode(() => transitionParticipation(at('declined'), 'overturn', { ...administrator, reason: '' }))).toBe(
      'PARTICIPATION.REASON_REQUIRED',
    );
    expect(errorCode(() => transitionParticipation(at('declined'), 'overturn', coordinator))).toBe('PARTICIPATION.ACTION_NOT_ALLOWED_FOR_ROLE');
  });

  it('requires a reason to reinstate', () => {
    expect(
      errorCode(() => transitionParticipation(at('suspended', 'member'), 'reinstate', { ...coordinator, reason: '' })),
    ).toBe('PARTICIPATION.REASON_REQUIRED');
  });

  it('lets a coordinator accept without a reason', () => {
    expect(transitionParticipation(at('applied'), 'accept', { ...coordinator, reason: null }).status).toBe('observer');
  });

  it('lets only the community withdraw, and only the coordinator decide', () => {
    expect(errorCode(() => transitionParticipation(at('observer'), 'withdraw', coordinator))).toBe(
      'PARTICIPATION.ACTION_NOT_ALLOWED_FOR_ROLE',
    );
    expect(errorCode(() => transitionParticipation(at('applied'), 'accept', { ...community, reason: 'x' }))).toBe(
      'PARTICIPATION.ACTION_NOT_ALLOWED_FOR_ROLE',
    );
  });

  it('lets the community ask to be nominated only when every milestone is met', () => {
    expect(errorCode(() => transitionParticipation(at('observer'), 'request_nomination', { ...community, milestonesMet: false }))).toBe(
      'PATHWAY.MILESTONES_UNMET',
    );
    expect(errorCode(() => transitionParticipation(at('observer'), 'request_nomination', { ...community, milestonesMet: undefined }))).toBe(
      'PATHWAY.MILESTONES_UNMET',
    );
    expect(errorCode(() => transitionParticipation(at('observer'), 'request_nomination', { ...coordinator, milestonesMet: true }))).toBe(
      'PARTICIPATION.ACTION_NOT_ALLOWED_FOR_ROLE',
    );
  });

  it('offers an observer community its nomination request and withdrawal; the coordinator nominates', () => {
    expect(availableActions(at('observer'), 'community', 'not_registered')).toEqual(['request_nomination', 'withdraw']);
    expect(availableActions(at('observer'), 'coordinator', 'not_registered')).toEqual(['nominate', 'suspend']);
  });

  it('offers the coordinator accept and decline on an application, plus admit for a registered community', () => {
    expect(availableActions(at('applied'), 'coordinator', 'not_registered')).toEqual(['accept', 'decline']);
    expect(availableActions(at('applied'), 'coordinator', 'registered')).toEqual(['accept', 'decline', 'admit']);
  });

  it('offers nothing on a closed participation', () => {
    for (const status of ['declined', 'withdrawn'] as const) {
      expect(availableActions(at(status), 'coordinator', 'registered')).toEqual([]);
      expect(availableActions(at(status), 'community', 'registered')).toEqual([]);
    }
  });
});
