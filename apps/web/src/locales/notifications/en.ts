/**
 * In-app notifications and the email outbox (issue 5), English: the source of the `notifications`
 * key set. Every sentence starts with the community (its name, or a neutral phrase where the reader
 * may not know it), so the neutral phrase reads right in every language.
 */
export const notificationsEn = {
  bell: 'Notifications, unread: {{unread}}',
  title: 'Notifications',
  empty: 'No notifications yet.',
  unread: 'New',
  markAllRead: 'Mark all as read',
  showOlder: 'Show older',
  namedCommunity: '{{name}}',
  someCommunity: 'A community',
  reason: 'Reason: {{reason}}',
  kind: {
    application_received: '{{community}} applied to {{club}}.',
    application_accepted: '{{community}} was accepted as an observer in {{club}}.',
    nominated: '{{community}} was nominated for membership of {{club}}.',
    review_recorded: '{{community}}: an official recorded a review of the candidacy in {{club}}.',
    concern_resolved: '{{community}}: an official concern in {{club}} was resolved.',
    review_response: '{{community}}: a response was added to an official review in {{club}}.',
    admitted: '{{community}} was admitted as a member of {{club}}.',
    deferred: '{{community}}: the decision on membership of {{club}} was deferred.',
    declined: '{{community}} was declined by {{club}}.',
    suspended: '{{community}}: the participation in {{club}} was suspended.',
    reinstated: '{{community}}: the participation in {{club}} was reinstated.',
    withdrawn: '{{community}} withdrew from {{club}}.',
    sponsored: '{{community}} received a sponsorship from a member of {{club}}.',
    appeal_filed: '{{community}} appealed a decision of {{club}}.',
    appeal_decided: '{{community}}: the appeal against a decision of {{club}} was decided.',
  },
  /** Short names of the kinds, where the sentence would need the community and the club. */
  kindLabel: {
    application_received: 'Application received',
    application_accepted: 'Accepted as observer',
    nominated: 'Nominated for membership',
    review_recorded: 'Official review recorded',
    concern_resolved: 'Concern resolved',
    review_response: 'Answer to a review',
    admitted: 'Admitted as member',
    deferred: 'Candidacy deferred',
    declined: 'Declined',
    suspended: 'Participation suspended',
    reinstated: 'Participation reinstated',
    withdrawn: 'Withdrew from a club',
    sponsored: 'Sponsorship received',
    appeal_filed: 'Appeal filed',
    appeal_decided: 'Appeal decided',
  },
  outbox: {
    title: 'Email outbox',
    intro: 'Every email the platform writes. Without an SMTP server configured they stay pending here.',
    filter: 'Status',
    all: 'All',
    empty: 'No emails.',
    to: 'To',
    attempts: 'Attempts: {{attempts}}',
    created: 'Written {{date}}',
    sent: 'Sent {{date}}',
    nextAttempt: 'Next attempt {{date}}',
    lastError: 'Last error: {{error}}',
    showBody: 'Show the text',
    kind: 'Kind: {{kind}}',
    withheld: 'Content withheld: about a protected community',
    status: {
      pending: 'Pending',
      sent: 'Sent',
      failed: 'Failed',
    },
  },
};

export type NotificationsTranslation = typeof notificationsEn;
