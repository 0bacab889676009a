/**
 * The strings of the application's shell (the layout, the navigation, errors and the home page):
 * the first page loads only these, and the rest of the language (`en.ts`) loads with the first
 * other page (`lib/i18n.ts`, `lib/lazy-page.ts`).
 */
export const shellEn = {
  app: {
    name: 'Dastarkhan',
    skipToContent: 'Skip to content',
    footer: 'Multi-faith clubs of Kazakhstan: from observer to member, step by step.',
  },
  nav: {
    label: 'Main navigation',
    menu: 'Menu',
    cities: 'Cities',
    myCommunity: 'My community',
    myClubs: 'My clubs',
    login: 'Log in',
    signup: 'Sign up',
    logout: 'Log out',
    admin: 'Administration',
    reviews: 'Candidacies',
    reports: "Reports",
    claims: 'Registration claims',
    notifications: 'Notifications, unread: {{unread}}',
    todo: 'To do',
    todoCount: 'To do: {{count}}',
  },
  language: {
    label: 'Language',
    kk: 'Қазақша',
    ru: 'Русский',
    en: 'English',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    choose: 'Choose…',
    aCommunity: 'a community',
  },
  errors: {
    generic: 'Something went wrong. Please try again.',
    UNKNOWN: 'Something went wrong. Please try again.',
    UNAUTHENTICATED: 'Please log in first.',
    FORBIDDEN: 'Your account is not allowed to do this.',
    pageNotAvailable: 'This page is not available to your account.',
    NOT_FOUND: 'Not found — it may not exist, or it is not visible to you.',
    CONFLICT: 'Someone else changed this in the meantime. Reload and try again.',
    VALIDATION_FAILED: 'Please check the highlighted fields.',
    AUTH: {
      REAUTHENTICATION_REQUIRED: 'Confirm it is you first.',
      SECOND_FACTOR_SETUP_REQUIRED: 'Set up two-step sign-in on your account page first.',
      INVALID_CREDENTIALS: 'Wrong email or password.',
      TOO_MANY_ATTEMPTS: 'Too many attempts. Wait a few minutes and try again.',
      EMAIL_TAKEN: 'An account with this email already exists.',
    },
    ATTENDANCE: {
      STALE_VERSION: 'Someone else changed this attendance meanwhile. Reload and try again.',
    },
    MEETING: {
      CONFLICT: 'Another meeting is already booked at this time. See the conflicts below.',
      CLOSED: 'This meeting is over or cancelled: it no longer takes answers or check-ins.',
      NOT_STARTED: 'This meeting has not started yet: attendance and check-in open an hour before the start, minutes can be published once it has begun.',
      CANCELLED: 'This meeting was cancelled.',
      WRONG_CODE: 'That code is not right. Check it with the coordinator.',
      TOO_MANY_ATTEMPTS: 'Too many attempts. Wait a few minutes and try again.',
      STALE_VERSION: 'Someone else changed this meeting meanwhile. Reload and try again.',
      INVALID_RECURRENCE: 'This repeat rule is not possible (at most 60 meetings within two years).',
      PRESENTER_NAMES_COMMUNITY: 'An agenda presenter names a community of the club: choose that community from the list instead of typing its name.',
    },
    PARTICIPATION: {
      INVALID_TRANSITION: 'This step is not possible from the current status.',
      REASON_REQUIRED: 'Please give a reason.',
      ALREADY_LIVE: 'This community already takes part in this club or has applied.',
      ACTION_NOT_ALLOWED_FOR_ROLE: 'Your role does not allow this step.',
      REGISTRATION_REQUIRED: 'Only a registered community can be admitted directly as a member; others start as observers.',
    },
    REGISTRATION: {
      CLAIM_PENDING: 'A registration claim is already waiting for an official to verify it. You can file another once it is decided.',
      CLAIM_DECIDED: 'Someone else has already decided on this claim. The list has been reloaded.',
      DETAILS_REQUIRED: 'To verify this claim, enter its registration date and issuing body from the state register.',
    },
    COMMUNITY: {
      STALE_VERSION: 'Someone else changed this profile meanwhile. Reload and try again.',
      HAS_LIVE_PARTICIPATIONS: 'Your community still takes part in a club or has applied to one. Withdraw there first: its coordinators still need your contacts.',
    },
    MINUTES: { STALE_VERSION: 'Someone else changed these minutes meanwhile. Reload and try again.' },
    ACTION_ITEM: { STALE_VERSION: 'Someone else changed this action item meanwhile. Reload and try again.' },
    TOPIC: { STALE_VERSION: 'Someone else changed this topic meanwhile. Reload and try again.' },
    HOLIDAY: { STALE_VERSION: 'Someone else changed this holiday meanwhile. Reload and try again.' },
    TEXT: {
      NAMES_COMMUNITY: 'This text names a community of the club. Choose the community from the list instead of typing its name: each reader then sees it only as they may.',
    },
  },
  fieldErrors: {
    invalid: 'Please check this value.',
    required: 'This field is required.',
    email: 'Enter a valid email address.',
    password_too_short: 'The password must be at least 12 characters long.',
    not_a_number: 'Enter a whole number.',
    min_2_chars: 'Enter at least 2 characters.',
    end_before_start: 'The end must be after the start.',
    https_url: 'Enter a link starting with https://',
    occurrences_range: 'Enter a number from 2 to 60.',
    attendees_range: 'Enter a number from 0 to 500.',
    snake_case: 'Use lowercase Latin letters, digits and _ (e.g. youth_work).',
    days_range: 'Enter a number of days from 1 to 14.',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is nothing at this address.',
    home: 'Go to the home page',
  },
  cities: {
    title: 'Cities',
    intro: 'Multi-faith clubs meet in these cities. Choose a city to see its clubs.',
    empty: 'No cities yet.',
    clubCount: 'Clubs: {{count}}',
    filter: 'Find a city or region (in any language)',
    noMatch: 'No city matches.',
  },
  session: {
    secondFactorNeeded: 'Administrators and officials sign in with two steps. Set up an authenticator app to continue.',
    secondFactorNeededLink: 'Set it up now',
  },
};

export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** The shape every language's shell must fill in. */
export type ShellTranslation = DeepStrings<typeof shellEn>;
