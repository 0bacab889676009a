import { DomainError } from '../errors/domain-error';
import type { ParticipationStatus } from '../participation/participation-status';
import { addCalendarMonths, almatyDate, type MilestoneKey } from './milestones';

/** A membership decision on a participation: the three actions that leave a decision record. */
export const DECISION_OUTCOMES = ['admit', 'defer', 'decline'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Why a decision was taken, as codes the UI translates; the free text explains the case. */
export const DECISION_REASON_CODES = {
  admit: ['milestones_met', 'registered_community', 'coordinator_judgement'],
  defer: ['milestones_unmet', 'open_concern', 'more_participation_needed', 'other'],
  decline: ['club_charter', 'conduct', 'open_concern', 'inactive', 'other'],
} as const satisfies Record<DecisionOutcome, readonly string[]>;
export type DecisionReasonCode = (typeof DECISION_REASON_CODES)[DecisionOutcome][number];
export const ALL_DECISION_REASON_CODES = [
  ...new Set(Object.values(DECISION_REASON_CODES).flat()),
] as DecisionReasonCode[];

/** Suggested wait before the community may ask again, when the coordinator names no date. */
export const DEFAULT_REAPPLY_MONTHS: Record<Exclude<DecisionOutcome, 'admit'>, number> = { defer: 3, decline: 6 };
/** A re-apply date further than this would be a decline in disguise. */
export const MAX_REAPPLY_MONTHS = 24;

export const APPEAL_STATUSES = ['open', 'upheld', 'overturned'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
/** Days after a decision during which the community may appeal it. */
export const APPEAL_WINDOW_DAYS = 30;

/** What decides which reasons are true of a decision. */
export interface DecisionFacts {
  /** The participation's status before the decision. */
  fromStatus: ParticipationStatus;
  /** The community's registration is verified. */
  registered: boolean;
  /** Enabled milestones not met at the moment of the decision. */
  unmetMilestones: readonly MilestoneKey[];
}

/**
 * The reason codes that are true of this decision, per outcome: "every milestone is met" only
 * when they are, "registered community" only for a registered one, "open concern" only while one
 * is open — so a decision record never contradicts its own milestone snapshot.
 */
export function reasonCodesFor(facts: DecisionFacts): Record<DecisionOutcome, DecisionReasonCode[]> {
  const concernOpen = facts.unmetMilestones.includes('noOpenConcern');
  const holds: Partial<Record<DecisionReasonCode, boolean>> = {
    milestones_met: facts.fromStatus === 'candidate' && facts.unmetMilestones.length === 0,
    registered_community: facts.registered,
    milestones_unmet: facts.unmetMilestones.length > 0,
    open_concern: concernOpen,
  };
  const keep = (codes: readonly DecisionReasonCode[]) => codes.filter((code) => holds[code] !== false);
  return { admit: keep(DECISION_REASON_CODES.admit), defer: keep(DECISION_REASON_CODES.defer), decline: keep(DECISION_REASON_CODES.decline) };
}

export interface DecisionRequest extends DecisionFacts {
  outcome: DecisionOutcome;
  reasonCode: string;
  reasonText: string;
  overrideReason?: string | null;
  /** YYYY-MM-DD (Asia/Almaty); defaults for deferrals and declines. */
  earliestReapplyOn?: string | null;
  now: Date;
}

export interface ValidatedDecision {
  reasonCode: DecisionReasonCode;
  reasonText: string;
  overrideReason: string | null;
  earliestReapplyOn: string | null;
}

const fromIso = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
const toIso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** `months` calendar months after the Almaty date of `now`. */
export function reapplyDateAfter(now: Date, months: number): string {
  return toIso(addCalendarMonths(fromIso(almatyDate(now)), months));
}

/**
 * Checks a coordinator's decision and fills in what it may leave out. Admitting a candidate with
 * an unmet milestone needs a written override reason (docs/domain.md, 3.5); deferrals and
 * declines carry the date from which the community may ask again.
 */
export function validateDecision(request: DecisionRequest): ValidatedDecision {
  const codes: readonly string[] = reasonCodesFor(request)[request.outcome];
  if (!codes.includes(request.reasonCode)) {
    throw new DomainError('DECISION.INVALID_REASON_CODE', `"${request.reasonCode}" is not a true reason to ${request.outcome} here`, {
      reasonCode: 'invalid',
    });
  }
  const reasonText = request.reasonText.trim();
  if (!reasonText) {
    throw new DomainError('PARTICIPATION.REASON_REQUIRED', 'A decision needs a written reason', { reasonText: 'required' });
  }
  const overrideNeeded = request.outcome === 'admit' && request.fromStatus === 'candidate' && request.unmetMilestones.length > 0;
  const overrideReason = request.overrideReason?.trim() || null;
  if (overrideNeeded && !overrideReason) {
    throw new DomainError(
      'DECISION.OVERRIDE_REASON_REQUIRED',
      `Admitting with unmet milestones (${request.unmetMilestones.join(', ')}) needs a written override reason`,
      { overrideReason: 'required' },
    );
  }
  if (request.outcome === 'admit') {
    if (request.earliestReapplyOn) {
      throw new DomainError('DECISION.INVALID_REAPPLY_DATE', 'An admission has no re-apply date', { earliestReapplyOn: 'not_applicable' });
    }
    return { reasonCode: request.reasonCode as DecisionReasonCode, reasonText, overrideReason: overrideNeeded ? overrideReason : null, earliestReapplyOn: null };
  }
  const today = almatyDate(request.now);
  const latest = reapplyDateAfter(request.now, MAX_REAPPLY_MONTHS);
  const earliestReapplyOn = request.earliestReapplyOn ?? reapplyDateAfter(request.now, DEFAULT_REAPPLY_MONTHS[request.outcome]);
  if (earliestReapplyOn < today || earliestReapplyOn > latest) {
    throw new DomainError('DECISION.INVALID_REAPPLY_DATE', `The re-apply date must lie between ${today} and ${latest}`, {
      earliestReapplyOn: 'out_of_range',
    });
  }
  return { reasonCode: request.reasonCode as DecisionReasonCode, reasonText, overrideReason: null, earliestReapplyOn };
}

/** The community's own next step (a new application, a nomination request) waits for this date. */
export function assertReapplyDateReached(earliestReapplyOn: string | null, now: Date): void {
  if (earliestReapplyOn && almatyDate(now) < earliestReapplyOn) {
    throw new DomainError('PATHWAY.TOO_EARLY_TO_REAPPLY', `The community may ask again from ${earliestReapplyOn}`, {
      earliestReapplyOn,
    });
  }
}

export interface AppealableDecision {
  outcome: DecisionOutcome;
  decidedAt: Date;
  alreadyAppealed: boolean;
  /** No other step happened on the participation since this decision. */
  isLatestStep: boolean;
}

/** The last day (Asia/Almaty) on which a decision may be appealed. */
export function appealDeadline(decidedAt: Date): string {
  return almatyDate(new Date(decidedAt.getTime() + APPEAL_WINDOW_DAYS * 86_400_000));
}

/** Why this decision may not be appealed now, or null when it may: a deferral or a decline, once, within the window, while it still stands. */
export function appealRefusal(decision: AppealableDecision, now: Date): DomainError | null {
  if (decision.outcome === 'admit') {
    return new DomainError('APPEAL.NOT_APPEALABLE', 'An admission cannot be appealed');
  }
  if (decision.alreadyAppealed) {
    return new DomainError('APPEAL.ALREADY_APPEALED', 'This decision was already appealed; a decision may be appealed once');
  }
  if (almatyDate(now) > appealDeadline(decision.decidedAt)) {
    return new DomainError('APPEAL.WINDOW_CLOSED', `Appeals are possible for ${APPEAL_WINDOW_DAYS} days after a decision`);
  }
  if (!decision.isLatestStep) {
    return new DomainError('APPEAL.DECISION_SUPERSEDED', 'The participation moved on since this decision');
  }
  return null;
}

export function assertMayAppeal(decision: AppealableDecision, now: Date): void {
  const refusal = appealRefusal(decision, now);
  if (refusal) throw refusal;
}
