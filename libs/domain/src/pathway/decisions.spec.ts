import { DomainError } from '../errors/domain-error';
import {
  ALL_DECISION_REASON_CODES,
  appealDeadline,
  appealRefusal,
  assertMayAppeal,
  assertReapplyDateReached,
  DECISION_REASON_CODES,
  DecisionRequest,
  reapplyDateAfter,
  reasonCodesFor,
  validateDecision,
  type DecisionReasonCode,
  type AppealableDecision,
} from './decisions';

/** An instant given as Almaty wall time (UTC+5 all year). */
const almaty = (local: string) => new Date(`${local}+05:00`);

function errorOf(fn: () => unknown): DomainError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

const NOW = almaty('2025-06-15T12:00:00');
const request = (overrides: Partial<DecisionRequest> = {}): DecisionRequest => ({
  outcome: 'defer',
  fromStatus: 'candidate',
  reasonCode: 'more_participation_needed',
  reasonText: 'Please attend the spring meetings first.',
  unmetMilestones: [],
  registered: false,
  now: NOW,
  ...overrides,
});

/** Facts under which a reason code is true. */
const factsFor = (code: DecisionReasonCode): Partial<DecisionRequest> =>
  (({
    milestones_met: { unmetMilestones: [] },
    milestones_unmet: { unmetMilestones: ['sponsors'] },
    open_concern: { unmetMilestones: ['noOpenConcern'] },
    registered_community: { registered: true },
  }) as Record<string, Partial<DecisionRequest>>)[code] ?? {};

describe('reasonCodesFor: a decision may give only reasons that are true', () => {
  it('offers "every milestone is met" only when they are, for a candidate', () => {
    expect(reasonCodesFor({ fromStatus: 'candidate', registered: false, unmetMilestones: [] }).admit).toContain('milestones_met');
    expect(reasonCodesFor({ fromStatus: 'candidate', registered: false, unmetMilestones: ['sponsors'] }).admit).not.toContain('milestones_met');
    expect(reasonCodesFor({ fromStatus: 'applied', registered: true, unmetMilestones: [] }).admit).not.toContain('milestones_met');
  });

  it('offers "registered community" only for a registered one', () => {
    expect(reasonCodesFor({ fromStatus: 'applied', registered: true, unmetMilestones: [] }).admit).toContain('registered_community');
    expect(reasonCodesFor({ fromStatus: 'candidate', registered: false, unmetMilestones: [] }).admit).not.toContain('registered_community');
  });

  it('offers "milestones unmet" and "open concern" only when they hold', () => {
    const none = reasonCodesFor({ fromStatus: 'candidate', registered: false, unmetMilestones: [] });
    expect(none.defer).toEqual(['more_participation_needed', 'other']);
    expect(none.decline).not.toContain('open_concern');
    const concern = reasonCodesFor({ fromStatus: 'candidate', registered: false, unmetMilestones: ['noOpenConcern'] });
    expect(concern.defer).toEqual(['milestones_unmet', 'open_concern', 'more_participation_needed', 'other']);
    expect(concern.decline).toContain('open_concern');
  });

  it('always leaves the coordinator a reason of its own judgement', () => {
    for (const registered of [true, false]) {
      for (const unmetMilestones of [[], ['sponsors'], ['noOpenConcern']] as const) {
        const codes = reasonCodesFor({ fromStatus: 'candidate', registered, unmetMilestones });
        expect(codes.admit).toContain('coordinator_judgement');
        expect(codes.defer).toContain('other');
        expect(codes.decline).toContain('other');
      }
    }
  });
});

describe('validateDecision: reason codes', () => {
  const cases = Object.entries(DECISION_REASON_CODES).flatMap(([outcome, codes]) =>
    codes.map((code) => [outcome as keyof typeof DECISION_REASON_CODES, code] as const),
  );

  it.each(cases)('accepts %s with its reason %s where it is true', (outcome, reasonCode) => {
    expect(validateDecision(request({ outcome, reasonCode, ...factsFor(reasonCode), overrideReason: 'Known to all' })).reasonCode).toBe(reasonCode);
  });

  it('refuses a reason the facts contradict', () => {
    expect(errorOf(() => validateDecision(request({ outcome: 'admit', reasonCode: 'milestones_met', unmetMilestones: ['sponsors'], overrideReason: 'x' })))?.code).toBe(
      'DECISION.INVALID_REASON_CODE',
    );
    expect(errorOf(() => validateDecision(request({ outcome: 'admit', reasonCode: 'registered_community' })))?.code).toBe('DECISION.INVALID_REASON_CODE');
  });

  const foreign = Object.entries(DECISION_REASON_CODES).flatMap(([outcome, codes]) =>
    ALL_DECISION_REASON_CODES.filter((code) => !(codes as readonly string[]).includes(code)).map(
      (code) => [outcome as keyof typeof DECISION_REASON_CODES, code] as const,
    ),
  );

  it.each(foreign)('refuses to %s for the reason %s (it belongs to another outcome)', (outcome, reasonCode) => {
    const error = errorOf(() => validateDecision(request({ outcome, reasonCode })));
    expect(error?.code).toBe('DECISION.INVALID_REASON_CODE');
    expect(error?.fields).toEqual({ reasonCode: 'invalid' });
  });

  it.each(['', 'MILESTONES_MET', 'because'])('refuses the unknown reason code "%s"', (reasonCode) => {
    expect(errorOf(() => validateDecision(request({ reasonCode })))?.code).toBe('DECISION.INVALID_REASON_CODE');
  });

  it('lists every code once across the outcomes', () => {
    expect(new Set(ALL_DECISION_REASON_CODES).size).toBe(ALL_DECISION_REASON_CODES.length);
    expect(ALL_DECISION_REASON_CODES).toEqual(expect.arrayContaining(['open_concern', 'other', 'milestones_met']));
  });
});

describe('validateDecision: the written reason', () => {
  it('keeps the text trimmed', () => {
    expect(validateDecision(request({ reasonText: '  Not yet.  ' })).reasonText).toBe('Not yet.');
  });

  it.each(['', '   ', '\n\t'])('refuses a decision without a written reason (%j)', (reasonText) => {
    const error = errorOf(() => validateDecision(request({ reasonText })));
    expect(error?.code).toBe('PARTICIPATION.REASON_REQUIRED');
    expect(error?.fields).toEqual({ reasonText: 'required' });
  });
});

describe('validateDecision: admitting with an unmet milestone', () => {
  const admit = (overrides: Partial<DecisionRequest>) =>
    request({ outcome: 'admit', reasonCode: 'coordinator_judgement', earliestReapplyOn: null, ...overrides });

  it.each([undefined, null, '', '   '])('needs an override reason for a candidate with an unmet milestone (override %j)', (overrideReason) => {
    const error = errorOf(() => validateDecision(admit({ unmetMilestones: ['sponsors'], overrideReason })));
    expect(error?.code).toBe('DECISION.OVERRIDE_REASON_REQUIRED');
    expect(error?.fields).toEqual({ overrideReason: 'required' });
    expect(error?.message).toContain('sponsors');
  });

  it('keeps the trimmed override reason when one is needed', () => {
    const decision = validateDecision(admit({ unmetMilestones: ['sponsors', 'jointProjects'], overrideReason: '  Co-founded the club.  ' }));
    expect(decision).toEqual({
      reasonCode: 'coordinator_judgement',
      reasonText: 'Please attend the spring meetings first.',
      overrideReason: 'Co-founded the club.',
      earliestReapplyOn: null,
    });
  });

  it('admits a candidate with every milestone met without an override, and drops an unneeded one', () => {
    expect(validateDecision(admit({ reasonCode: 'milestones_met' })).overrideReason).toBeNull();
    expect(validateDecision(admit({ overrideReason: 'Just in case' })).overrideReason).toBeNull();
  });

  it('never needs an override to admit a registered community straight from its application', () => {
    const decision = validateDecision(admit({ fromStatus: 'applied', registered: true, reasonCode: 'registered_community', unmetMilestones: ['monthsAsObserver', 'sponsors'] }));
    expect(decision.overrideReason).toBeNull();
  });

  it('does not ask for an override to defer or decline a candidate with unmet milestones', () => {
    expect(errorOf(() => validateDecision(request({ unmetMilestones: ['sponsors'] })))).toBeUndefined();
    expect(errorOf(() => validateDecision(request({ outcome: 'decline', reasonCode: 'inactive', unmetMilestones: ['sponsors'] })))).toBeUndefined();
  });

  it('refuses a re-apply date on an admission', () => {
    const error = errorOf(() => validateDecision(admit({ earliestReapplyOn: '2025-09-15' })));
    expect(error?.code).toBe('DECISION.INVALID_REAPPLY_DATE');
    expect(error?.fields).toEqual({ earliestReapplyOn: 'not_applicable' });
  });
});

describe('validateDecision: the earliest re-apply date', () => {
  it('defaults to 3 months after a deferral and 6 after a decline, from the Almaty date', () => {
    expect(validateDecision(request()).earliestReapplyOn).toBe('2025-09-15');
    expect(validateDecision(request({ outcome: 'decline', reasonCode: 'other' })).earliestReapplyOn).toBe('2025-12-15');
  });

  it('counts from the Almaty date, not the UTC one, around midnight', () => {
    // 20:00 UTC on 31 March is already 1 April in Almaty.
    const now = new Date('2025-03-31T20:00:00Z');
    expect(validateDecision(request({ now })).earliestReapplyOn).toBe('2025-07-01');
    expect(validateDecision(request({ now: new Date('2025-03-31T18:59:59Z') })).earliestReapplyOn).toBe('2025-06-30');
  });

  it.each([
    ['a month end into a shorter month', '2025-08-31', 3, '2025-11-30'],
    ['31 August into February of a common year', '2025-08-31', 6, '2026-02-28'],
    ['31 August into February of a leap year', '2023-08-31', 6, '2024-02-29'],
    ['29 February to 29 May', '2024-02-29', 3, '2024-05-29'],
    ['across the year end', '2025-11-15', 3, '2026-02-15'],
    ['31 December', '2025-12-31', 6, '2026-06-30'],
    ['29 February plus 24 months (no 29th)', '2024-02-29', 24, '2026-02-28'],
    ['29 February plus 48 months (a leap year again)', '2024-02-29', 48, '2028-02-29'],
  ])('reapplyDateAfter: %s', (_label, today, months, expected) => {
    expect(reapplyDateAfter(almaty(`${today}T09:00:00`), months)).toBe(expected);
  });

  it('accepts a date from today up to exactly 24 months ahead', () => {
    for (const earliestReapplyOn of ['2025-06-15', '2025-06-16', '2026-06-15', '2027-06-15']) {
      expect(validateDecision(request({ earliestReapplyOn })).earliestReapplyOn).toBe(earliestReapplyOn);
    }
  });

  it.each([
    ['yesterday', '2025-06-14'],
    ['a day past 24 months', '2027-06-16'],
    ['long ago', '2020-01-01'],
  ])('refuses a re-apply date %s', (_label, earliestReapplyOn) => {
    for (const outcome of ['defer', 'decline'] as const) {
      const error = errorOf(() => validateDecision(request({ outcome, reasonCode: 'other', earliestReapplyOn })));
      expect(error?.code).toBe('DECISION.INVALID_REAPPLY_DATE');
      expect(error?.fields).toEqual({ earliestReapplyOn: 'out_of_range' });
    }
  });

  it('takes "today" in Almaty: 23:30 Almaty on the 14th still allows the 14th, 00:30 on the 15th does not', () => {
    expect(validateDecision(request({ now: almaty('2025-06-14T23:30:00'), earliestReapplyOn: '2025-06-14' })).earliestReapplyOn).toBe('2025-06-14');
    expect(errorOf(() => validateDecision(request({ now: almaty('2025-06-15T00:30:00'), earliestReapplyOn: '2025-06-14' })))?.code).toBe(
      'DECISION.INVALID_REAPPLY_DATE',
    );
  });

  it('caps at 24 months after a month end, the shorter month clamping (31 Aug 2025 → 31 Aug 2027, 29 Feb 2024 → 28 Feb 2026)', () => {
    expect(validateDecision(request({ now: almaty('2025-08-31T10:00:00'), earliestReapplyOn: '2027-08-31' })).earliestReapplyOn).toBe('2027-08-31');
    expect(validateDecision(request({ now: almaty('2024-02-29T10:00:00'), earliestReapplyOn: '2026-02-28' })).earliestReapplyOn).toBe('2026-02-28');
    expect(errorOf(() => validateDecision(request({ now: almaty('2024-02-29T10:00:00'), earliestReapplyOn: '2026-03-01' })))?.code).toBe(
      'DECISION.INVALID_REAPPLY_DATE',
    );
  });
});

describe('assertReapplyDateReached', () => {
  it('lets the community ask again when no date was set', () => {
    expect(errorOf(() => assertReapplyDateReached(null, NOW))).toBeUndefined();
  });

  it('refuses the day before and allows the day itself, in Almaty time', () => {
    const error = errorOf(() => assertReapplyDateReached('2025-07-01', almaty('2025-06-30T23:59:59')));
    expect(error?.code).toBe('PATHWAY.TOO_EARLY_TO_REAPPLY');
    expect(error?.fields).toEqual({ earliestReapplyOn: '2025-07-01' });
    // 19:00 UTC on 30 June is midnight of 1 July in Almaty.
    expect(errorOf(() => assertReapplyDateReached('2025-07-01', new Date('2025-06-30T19:00:00Z')))).toBeUndefined();
    expect(errorOf(() => assertReapplyDateReached('2025-07-01', almaty('2026-01-01T00:00:00')))).toBeUndefined();
  });

  it('handles a 29 February date', () => {
    expect(errorOf(() => assertReapplyDateReached('2028-02-29', almaty('2028-02-28T23:00:00')))?.code).toBe('PATHWAY.TOO_EARLY_TO_REAPPLY');
    expect(errorOf(() => assertReapplyDateReached('2028-02-29', almaty('2028-02-29T00:00:00')))).toBeUndefined();
  });
});

describe('appeals', () => {
  const decidedAt = almaty('2025-06-15T18:00:00');
  const decision = (overrides: Partial<AppealableDecision> = {}): AppealableDecision => ({
    outcome: 'decline',
    decidedAt,
    alreadyAppealed: false,
    isLatestStep: true,
    ...overrides,
  });

  it('ends the window 30 days after the decision, as an Almaty date', () => {
    expect(appealDeadline(decidedAt)).toBe('2025-07-15');
    // Decided at 23:30 Almaty (18:30 UTC): the Almaty date counts, not the UTC one.
    expect(appealDeadline(almaty('2025-01-31T23:30:00'))).toBe('2025-03-02');
    expect(appealDeadline(almaty('2024-01-31T10:00:00'))).toBe('2024-03-01');
  });

  it.each(['defer', 'decline'] as const)('lets the community appeal a %s until the end of the last day', (outcome) => {
    expect(appealRefusal(decision({ outcome }), decidedAt)).toBeNull();
    expect(errorOf(() => assertMayAppeal(decision({ outcome }), almaty('2025-07-15T23:59:59')))).toBeUndefined();
  });

  it('closes the window the day after', () => {
    expect(errorOf(() => assertMayAppeal(decision(), almaty('2025-07-16T00:00:00')))?.code).toBe('APPEAL.WINDOW_CLOSED');
  });

  it('refuses to appeal an admission', () => {
    expect(errorOf(() => assertMayAppeal(decision({ outcome: 'admit' }), decidedAt))?.code).toBe('APPEAL.NOT_APPEALABLE');
  });

  it('allows one appeal only', () => {
    expect(errorOf(() => assertMayAppeal(decision({ alreadyAppealed: true }), decidedAt))?.code).toBe('APPEAL.ALREADY_APPEALED');
  });

  it('refuses an appeal once the participation moved on', () => {
    expect(errorOf(() => assertMayAppeal(decision({ isLatestStep: false }), decidedAt))?.code).toBe('APPEAL.DECISION_SUPERSEDED');
  });

  it('names the first reason that applies: admission, then a second appeal, then the window, then a later step', () => {
    const late = almaty('2025-09-01T10:00:00');
    expect(appealRefusal(decision({ outcome: 'admit', alreadyAppealed: true, isLatestStep: false }), late)?.code).toBe('APPEAL.NOT_APPEALABLE');
    expect(appealRefusal(decision({ alreadyAppealed: true, isLatestStep: false }), late)?.code).toBe('APPEAL.ALREADY_APPEALED');
    expect(appealRefusal(decision({ isLatestStep: false }), late)?.code).toBe('APPEAL.WINDOW_CLOSED');
  });
});
