import { DomainError } from '../errors/domain-error';
import { INVITED_STATUSES, type ParticipationStatus } from '../participation/participation-status';
import {
  PartnerDecision,
  PartnerStatus,
  PROJECT_ACTIONS,
  ProjectAction,
  ProjectActor,
  ProjectStatus,
} from './project-status';

interface ProjectRule {
  /** The states the action leaves from, each with the party allowed to take it from there. */
  from: Partial<Record<ProjectStatus, ProjectActor>>;
  to: ProjectStatus;
  reasonRequired: boolean;
}

/**
 * docs/domain.md (3.9): "proposed → active → completed / cancelled", plus `declined` for a proposal the
 * coordinator turns down: the only place that knows which move is allowed, and by whom.
 */
const RULES: Record<ProjectAction, ProjectRule> = {
  approve: { from: { proposed: 'coordinator' }, to: 'active', reasonRequired: false },
  decline: { from: { proposed: 'coordinator' }, to: 'declined', reasonRequired: true },
  // The proposer may withdraw its own proposal; once approved, only a coordinator may call it off.
  cancel: { from: { proposed: 'proposer', active: 'coordinator' }, to: 'cancelled', reasonRequired: true },
  complete: { from: { active: 'coordinator' }, to: 'completed', reasonRequired: false },
};

export interface ProjectTransitionContext {
  /** Every capacity the caller acts in on this project (a coordinator may also represent the proposer). */
  actors: readonly ProjectActor[];
  reason?: string | null;
  /** For `complete`: the outcome report's summary (required). */
  outcomeSummary?: string | null;
  /** For `complete`: ledger lines whose latest revision awaits review (must be 0). */
  pendingRevisions?: number;
}

/**
 * Applies `action` to a project in `status` and returns the next status, or throws a DomainError
 * naming the broken rule. Pure: persisting the status and its event is the caller's job.
 */
export function transitionProject(status: ProjectStatus, action: ProjectAction, context: ProjectTransitionContext): ProjectStatus {
  const rule = RULES[action];
  const actor = rule.from[status];
  if (!actor) {
    throw new DomainError('PROJECT.INVALID_TRANSITION', `Cannot ${action} a project that is ${status}`);
  }
  if (!context.actors.includes(actor)) {
    throw new DomainError('PROJECT.ACTION_NOT_ALLOWED_FOR_ROLE', `Only the ${actor} may ${action} a ${status} project`);
  }
  if (rule.reasonRequired && !context.reason?.trim()) {
    throw new DomainError('PROJECT.REASON_REQUIRED', `A reason is required to ${action} a project`, { reason: 'required' });
  }
  if (action === 'complete') {
    if (!context.outcomeSummary?.trim()) {
      throw new DomainError('PROJECT.OUTCOME_REQUIRED', 'An outcome report is required to complete a project', {
        summary: 'required',
      });
    }
    if ((context.pendingRevisions ?? 0) > 0) {
      throw new DomainError(
        'PROJECT.PENDING_CONTRIBUTIONS',
        'Confirm or reject every pending contribution before completing the project',
      );
    }
  }
  return rule.to;
}

/** The actions the caller may take now: what the UI offers as buttons. */
export function availableProjectActions(status: ProjectStatus, actors: readonly ProjectActor[]): ProjectAction[] {
  return PROJECT_ACTIONS.filter((action) => {
    const actor = RULES[action].from[status];
    return !!actor && actors.includes(actor);
  });
}

export function isProjectReasonRequired(action: ProjectAction): boolean {
  return RULES[action].reasonRequired;
}

/** Joining, entering and reviewing contributions happen only while the project runs. */
export function assertProjectActive(status: ProjectStatus): void {
  if (status !== 'active') {
    throw new DomainError('PROJECT.NOT_ACTIVE', `The project is ${status}; its ledger is open only while it is active`);
  }
}

/** Milestones are planned before approval and ticked off while the project runs. */
export function assertMilestonesEditable(status: ProjectStatus): void {
  if (status !== 'proposed' && status !== 'active') {
    throw new DomainError('PROJECT.NOT_ACTIVE', `The project is ${status}; its milestones can no longer change`);
  }
}

/** A community invited to the club's meetings (observer, candidate, member) proposes and joins its projects. */
export function mayTakePartInProjects(participationStatus: ParticipationStatus | null | undefined): boolean {
  return !!participationStatus && INVITED_STATUSES.includes(participationStatus);
}

/** A coordinator confirms or declines (with a reason) a community's request to join. */
export function decidePartner(status: PartnerStatus, decision: PartnerDecision, reason?: string | null): PartnerStatus {
  if (status !== 'requested') {
    throw new DomainError('PROJECT.INVALID_TRANSITION', `This community's request was already decided (${status})`);
  }
  if (decision === 'decline' && !reason?.trim()) {
    throw new DomainError('PROJECT.REASON_REQUIRED', 'A reason is required to decline a community', { reason: 'required' });
  }
  return decision === 'confirm' ? 'confirmed' : 'declined';
}

/** A project ends on or after the day it starts (dates are `YYYY-MM-DD`, so they compare as text). */
export function assertProjectDates(startsOn: string, endsOn: string | null | undefined): void {
  if (endsOn && endsOn < startsOn) {
    throw new DomainError('PROJECT.INVALID_DATES', 'The project cannot end before it starts', { endsOn: 'before startsOn' });
  }
}
