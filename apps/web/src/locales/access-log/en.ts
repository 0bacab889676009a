/**
 * A community's access log (docs/domain.md, P8), English: the source of the `accessLog` key set.
 * Each sentence names who acted by their capacity (and name, where the community may know it).
 */
export const accessLogEn = {
  title: 'Access log',
  intro:
    "Who read or changed your community's record, and when. An official's or administrator's visit is one line, whatever it read; nobody can change or delete these lines.",
  empty: 'Nobody has read or changed your record yet.',
  showOlder: 'Show older',
  entry: {
    read: '{{actor}} read your record',
    consent_granted: '{{actor}} gave officials consent to see your record',
    consent_revoked: "{{actor}} withdrew the officials' consent",
    registration_claimed: '{{actor}} claimed state registration',
    registration_verified: '{{actor}} verified your registration',
    registration_rejected: '{{actor}} rejected your registration claim',
    erasure: "{{actor}} erased your community's personal data",
    change: "{{actor}} changed your community's people or roles",
    profile_change: "{{actor}} changed your community's profile",
  },
  actor: {
    named: '{{role}} ({{name}})',
    official: 'An official',
    administrator: 'An administrator',
    coordinator: 'A coordinator',
    representative: 'Your representative',
    system: 'The platform',
  },
  read: 'Read: {{what}}',
  area: {
    community: "your community's profile",
    participation: 'a participation record (progress, history, decisions, reviews)',
    meeting: 'meeting records (answers, attendance, action items)',
    project: 'joint projects',
    official: "the officials' list of candidacies",
    appeals: 'appeals',
    club: "a club's participants",
    sponsorship: 'sponsorships',
    registration: 'registration claims',
  },
};

export type AccessLogTranslation = typeof accessLogEn;
