/**
 * Membership decisions, the nomination request and appeals (issue 5), English: the source of the
 * `decisions` key set, wired into the main locale like `pathway`.
 */
export const decisionsEn = {
  form: {
    title: 'Decide on the candidacy',
    intro: 'The decision record keeps the reason, your name, the date and the milestones as they stand at this moment.',
    outcome: 'Decision',
    reasonCode: 'Reason',
    reasonText: 'Explain the decision to the community',
    reasonTextHint: 'The community reads this. At least 10 characters.',
    override: 'Why admit although milestones are not met',
    overrideHint: 'Not met: {{milestones}}. Admitting anyway needs a written reason.',
    reapply: 'The community may ask again from',
    reapplyHint: 'Until this date it cannot ask to be nominated or apply again. Suggested: {{months}} months.',
    submit: 'Record the decision',
    chooseOutcome: 'Please choose a decision.',
    chooseReason: 'Please choose a reason.',
    tooShort: 'Please write at least 10 characters.',
    decided: 'The decision is recorded.',
    stale: 'Someone else already decided on this candidacy. The page has been reloaded.',
  },
  outcome: {
    admit: 'Admit as member',
    defer: 'Defer (back to observer)',
    decline: 'Decline',
  },
  outcomePast: {
    admit: 'Admitted as member',
    defer: 'Candidacy deferred',
    decline: 'Declined',
  },
  reasonCode: {
    milestones_met: 'Every milestone is met',
    registered_community: 'Registered community',
    coordinator_judgement: "The coordinators' judgement",
    milestones_unmet: 'Milestones not yet met',
    open_concern: 'An open concern',
    more_participation_needed: 'More participation needed',
    other: 'Other reason',
    club_charter: "The club's charter",
    conduct: 'Conduct',
    inactive: 'Not active in the club',
  },
  application: {
    reasonCode: 'Kind of reason',
    admitText: 'A registered community, admitted directly from its application.',
  },
  nomination: {
    title: 'Nomination',
    ready: 'Every required milestone is met: you can ask the club to nominate your community for membership.',
    request: 'Ask to be nominated',
    requested: 'Your community is now a candidate. The coordinators will decide.',
    notYet: 'Once every required milestone is met you can ask to be nominated here. The next step above shows what remains.',
    nominate: 'Nominate for membership',
    coordinatorReady: "Every required milestone is met: nominate the community as a candidate. The region's officials will be told.",
    coordinatorEarly: 'Not every required milestone is met yet. You may nominate now; admitting will then need a written override reason.',
    nominated: 'Nominated: the community is now a candidate.',
  },
  history: {
    title: 'Decisions',
    by: 'Decided by {{name}} on {{date}}',
    reapplyFrom: 'May ask again from {{date}}',
    override: 'Admitted despite unmet milestones because',
    snapshot: 'Milestones at the time of the decision: {{met}} of {{total}} met',
    met: 'met',
    unmet: 'not met',
  },
  appeal: {
    intro: 'You may appeal this decision once, until {{date}}. The national secretariat decides.',
    text: 'Why should the decision be reviewed?',
    submit: 'Send the appeal',
    filed: 'Appeal by {{name}} · {{date}}',
    status: {
      open: 'Appeal pending',
      upheld: 'Appeal rejected: the decision stands',
      overturned: 'Appeal granted: the decision was overturned',
    },
    ruling: 'Ruling of {{name}} · {{date}}',
  },
  admin: {
    title: 'Appeals',
    intro: "Communities' appeals against deferrals and declines. Overturning returns the participation to where it was before the decision.",
    empty: 'No open appeals.',
    club: 'Club',
    decision: 'Decision appealed',
    appeal: 'Appeal',
    resolutionText: 'Your ruling (the community and the coordinators read it)',
    uphold: 'Uphold the decision',
    overturn: 'Overturn the decision',
    resolved: 'The appeal is decided.',
  },
  errors: {
    PARTICIPATION: {
      STALE_VERSION: 'Someone else already decided on this candidacy. The page has been reloaded.',
    },
    PATHWAY: {
      TOO_EARLY_TO_REAPPLY: 'The community may ask again from {{date}}.',
      MILESTONES_UNMET: 'Not every required milestone is met yet.',
    },
    DECISION: {
      INVALID_REASON_CODE: 'This reason does not fit the decision.',
      OVERRIDE_REASON_REQUIRED: 'Admitting with unmet milestones needs a written reason.',
      INVALID_REAPPLY_DATE: 'The date must be between today and 24 months from now.',
    },
    APPEAL: {
      NOT_APPEALABLE: 'An admission cannot be appealed.',
      ALREADY_APPEALED: 'This decision has already been appealed; a decision can be appealed once.',
      WINDOW_CLOSED: 'The time to appeal this decision is over.',
      DECISION_SUPERSEDED: 'The participation has moved on since this decision.',
      NOT_OPEN: 'This appeal has already been decided.',
      COMMUNITY_REAPPLIED: 'The community has applied again since the decline; the appeal can only be upheld.',
    },
  },
};

export type DecisionsTranslation = typeof decisionsEn;
