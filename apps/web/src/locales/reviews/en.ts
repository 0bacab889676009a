/**
 * Officials' reviews of candidacies (issue 5, item 6), English: the source of the `reviews` key set.
 * Wired into the main locale as `reviews`, so kk and ru are type-checked and parity-tested.
 */
export const reviewsEn = {
  title: 'Candidacies to review',
  intro: 'Record "no objection" or a concern on a candidacy in your area. The club and the community see your review and can answer.',
  none: 'No candidacy in your area can be shown by name right now.',
  registration: 'Registration: {{status}}',
  nominatedOn: 'Candidate since {{date}}',
  myVerdict: 'Your latest review: {{verdict}}',
  notReviewedYet: 'You have not reviewed this candidacy yet.',
  openConcerns: 'Open concerns: {{count}}',
  showReviews: 'Show reviews and answers',
  hideReviews: 'Hide reviews and answers',
  openRecord: 'Open the record (read only)',
  search: 'Find by community name',
  noMatch: 'No candidacy shown by name matches this search.',
  more: 'Show more candidacies',
  aggregateTitle: 'Candidacies not shown by name',
  aggregateIntro: 'These communities have not consented to officials seeing their record, so only the number is shown.',
  aggregateCount: 'Candidacies',
  verdict: {
    no_objection: 'No objection',
    concern: 'Concern',
  },
  form: {
    title: 'Record a review',
    verdict: 'Verdict',
    text: 'Your note',
    textHint: 'Between 10 and 2000 characters. The club and the community will read it.',
    submit: 'Record the review',
    recorded: 'Your review is recorded. The club and the community have been told.',
  },
  section: {
    title: 'Official reviews',
    empty: 'No official has reviewed this candidacy yet.',
    openConcern: 'Open concern',
    resolvedConcern: 'Resolved concern',
    resolved: 'Resolved by {{name}} on {{date}}:',
    responses: 'Answers',
    authorRole: {
      coordinator: 'Coordinator',
      community: 'Community',
    },
    respond: 'Your answer',
    respondHint: 'Between 10 and 2000 characters. The official who wrote the review will read it.',
    respondSubmit: 'Send the answer',
    responded: 'Your answer is recorded.',
    resolution: 'How the concern was resolved',
    resolveSubmit: 'Resolve the concern',
    resolvedNotice: 'The concern is resolved.',
  },
  textTooShort: 'Write at least 10 characters.',
  errors: {
    REVIEW: {
      NOT_A_CANDIDACY: 'This participation is no longer a candidacy, so it cannot be reviewed.',
      ALREADY_RESOLVED: 'This concern has already been resolved.',
    },
  },
};

export type ReviewsTranslation = typeof reviewsEn;
