/** Issue 11 ("a club's month"): attendance reasons, appeals filter, sponsorship state, declines, the coordinator's To do page. */
export const clubMonthEn = {
  attendance: {
    whyNot: {
      NOT_STARTED: 'Attendance opens an hour before the meeting starts.',
      CANCELLED: 'This meeting was cancelled: there is no attendance to record.',
      NOT_ON_ROSTER: 'Not a participant of the club on the day of the meeting: it cannot be marked.',
    },
  },
  appeals: {
    filter: 'Show appeals',
    status: {
      open: 'Waiting for a ruling',
      upheld: 'Upheld',
      overturned: 'Overturned',
      all: 'All',
    },
    empty: 'No appeals here.',
  },
  sponsorship: {
    since: 'You sponsor since {{date}}',
    sinceAs: '{{name}} sponsors since {{date}}',
  },
  applications: {
    profileLink: 'Transparency profile',
    reapply: 'May apply again from',
    reapplyHint: 'Until this date the community cannot apply to this club again. Suggested: {{months}} months.',
    declined: 'The application of {{name}} has been declined. It may apply again from {{date}}.',
    overdue: 'Overdue: waiting {{days}} days',
  },
  profile: {
    title: 'Transparency profile',
    description: 'About',
    leaders: 'Leaders',
    meetingPlace: 'Meeting place',
    approximateSize: 'Approximate size',
    activities: 'Activities',
    contacts: 'Contacts',
    notGiven: 'Not given',
  },
  todo: {
    title: 'To do',
    intro: 'Everything waiting for you in your clubs, oldest first. Each line opens the page where it is done.',
    empty: 'Nothing is waiting for you.',
    waitingSince: 'since {{date}}',
    overdue: 'Overdue',
    dueOn: 'due {{date}}',
    kind: {
      application: 'Application to decide',
      candidacy: 'Candidacy to decide',
      project_proposed: 'Proposed project to approve or decline',
      join_request: 'Request to join a project',
      contribution: 'Contribution to confirm',
      minutes: 'Minutes not yet published',
      action_item: 'Overdue action item',
    },
  },
};

export type ClubMonthTranslation = typeof clubMonthEn;
