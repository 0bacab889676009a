import { DomainError } from '../errors/domain-error';
import {
  ParticipationAction,
  ParticipationActor,
  ParticipationStatus,
  RegistrationStatus,
} from './participation-status';

/** The part of a participation the pathway rules look at. */
export interface ParticipationState {
  status: ParticipationStatus;
  /** Where a suspended participation returns to on reinstatement. */
  suspendedFrom: ParticipationStatus | null;
}

export interface TransitionContext {
  actor: ParticipationActor;
  registration: RegistrationStatus;
  reason?: string | null;
  /** For `request_nomination`: every enabled milestone of the club's policy is met. */
  milestonesMet?: boolean;
  /** For `overturn`: the status the overturned decision left (where the participation returns). */
  overturnTo?: ParticipationStatus;
}

interface TransitionRule {
  from: readonly ParticipationStatus[];
  /** `null`: computed (reinstate returns to the state before suspension, overturn to the one before the decision). */
  to: ParticipationStatus | null;
  actor: ParticipationActor;
  reasonRequired: boolean;
}

/** The pathway diagram (docs/domain.md), as data: the only place that knows which move is allowed. */
const RULES: Record<ParticipationAction, TransitionRule> = {
  accept: { from: ['applied'], to: 'observer', actor: 'coordinator', reasonRequired: false },
  decline: { from: ['applied', 'candidate'], to: 'declined', actor: 'coordinator', reasonRequired: true },
  nominate: { from: ['observer'], to: 'candidate', actor: 'coordinator', reasonRequired: false },
  // The community may put itself forward, but only once the records show every milestone met.
  request_nomination: { from: ['observer'], to: 'candidate', actor: 'community', reasonRequired: false },
  defer: { from: ['candidate'], to: 'observer', actor: 'coordinator', reasonRequired: true },
  // From `applied` only for registered communities: a non-registered one goes through `observer`.
  admit: { from: ['applied', 'candidate'], to: 'member', actor: 'coordinator', reasonRequired: false },
  suspend: { from: ['observer', 'member'], to: 'suspended', actor: 'coordinator', reasonRequired: true },
  reinstate: { from: ['suspended'], to: null, actor: 'coordinator', reasonRequired: true },
  withdraw: {
    from: ['applied', 'observer', 'candidate', 'member', 'suspended'],
    to: 'withdrawn',
    actor: 'community',
    reasonRequired: false,
  },
  // An appeal upheld against a deferral (candidate → observer) or a decline (applied/candidate → declined).
  overturn: { from: ['observer', 'declined'], to: null, actor: 'administrator', reasonRequired: true },
};

/** Where an overturned decision may return a participation to: the statuses a deferral or decline leaves. */
const OVERTURN_TARGETS: readonly ParticipationStatus[] = ['applied', 'candidate'];

/** The party that may take `action`: the club's coordinator or the community itself. */
export function requiredActor(action: ParticipationAction): ParticipationActor {
  return RULES[action].actor;
}

export function isReasonRequired(action: ParticipationAction): boolean {
  return RULES[action].reasonRequired;
}

/**
 * Applies `action` to a participation and returns its next state, or throws a DomainError that
 * says which rule was broken. Pure: persisting the state and its event is the caller's job.
 */
export function transitionParticipation(
  state: ParticipationState,
  action: ParticipationAction,
  context: TransitionContext,
): ParticipationState {
  const rule = RULES[action];
  if (rule.actor !== context.actor) {
    throw new DomainError(
      'PARTICIPATION.ACTION_NOT_ALLOWED_FOR_ROLE',
      `Only the ${rule.actor} may ${action} a participation`,
    );
  }
  if (!rule.from.includes(state.status)) {
    throw new DomainError(
      'PARTICIPATION.INVALID_TRANSITION',
      `Cannot ${action} a participation that is ${state.status}`,
    );
  }
  if (action === 'admit' && state.status === 'applied' && context.registration !== 'registered') {
    throw new DomainError(
      'PARTICIPATION.REGISTRATION_REQUIRED',
      'Only a registered community may be admitted straight to member; others start as observer',
    );
  }
  if (action === 'request_nomination' && !context.milestonesMet) {
    throw new DomainError('PATHWAY.MILESTONES_UNMET', 'A community may ask to be nominated once every milestone is met');
  }
  if (rule.reasonRequired && !context.reason?.trim()) {
    throw new DomainError('PARTICIPATION.REASON_REQUIRED', `A reason is required to ${action}`, {
      reason: 'required',
    });
  }
  if (action === 'suspend') {
    return { status: 'suspended', suspendedFrom: state.status };
  }
  if (action === 'reinstate') {
    return { status: state.suspendedFrom ?? 'observer', suspendedFrom: null };
  }
  if (action === 'overturn') {
    if (!context.overturnTo || !OVERTURN_TARGETS.includes(context.overturnTo)) {
      throw new DomainError('PARTICIPATION.INVALID_TRANSITION', `An overturn returns to applied or candidate, not ${context.overturnTo}`);
    }
    return { status: context.overturnTo, suspendedFrom: null };
  }
  return { status: rule.to as ParticipationStatus, suspendedFrom: null };
}

/** The actions `actor` may take now: what the UI offers as buttons. */
export function availableActions(
  state: ParticipationState,
  actor: ParticipationActor,
  registration: RegistrationStatus,
): ParticipationAction[] {
  return (Object.keys(RULES) as ParticipationAction[]).filter((action) => {
    const rule = RULES[action];
    if (rule.actor !== actor || !rule.from.includes(state.status)) return false;
    return !(action === 'admit' && state.status === 'applied' && registration !== 'registered');
  });
}

