export const PARTICIPATION_STATUSES = [
  'applied',
  'observer',
  'candidate',
  'member',
  'declined',
  'suspended',
  'withdrawn',
] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** Final states: the record is closed; a community may apply again with a new participation. */
export const FINAL_PARTICIPATION_STATUSES: readonly ParticipationStatus[] = ['declined', 'withdrawn'];

export const REGISTRATION_STATUSES = ['registered', 'not_registered', 'registration_pending'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const PARTICIPATION_ACTIONS = [
  'accept',
  'decline',
  'nominate',
  'request_nomination',
  'defer',
  'admit',
  'suspend',
  'reinstate',
  'withdraw',
  'overturn',
] as const;
export type ParticipationAction = (typeof PARTICIPATION_ACTIONS)[number];

/**
 * Actions taken through their own endpoint because they leave more than an event: a decision
 * record (admit, defer, decline) or a milestone check (the community's nomination request).
 */
export const RECORDED_ACTIONS = ['admit', 'defer', 'decline', 'request_nomination', 'overturn'] as const satisfies readonly ParticipationAction[];

/** What the generic transition endpoint performs: every step that leaves nothing but its event. */
export const TRANSITION_ACTIONS = PARTICIPATION_ACTIONS.filter(
  (action): action is Exclude<ParticipationAction, (typeof RECORDED_ACTIONS)[number]> =>
    !(RECORDED_ACTIONS as readonly ParticipationAction[]).includes(action),
);
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/** Who is acting on a participation: the club's coordinator, the community itself, or the administrator ruling on an appeal. */
export type ParticipationActor = 'coordinator' | 'community' | 'administrator';

/**
 * Statuses in which a community takes part in a club beyond a pending application: its
 * representatives are the club's participants, and it has met the club's other communities in
 * person (so they may know its name; docs/domain.md, P2).
 */
export const PARTICIPANT_STATUSES: readonly ParticipationStatus[] = ['observer', 'candidate', 'member', 'suspended'];

/** Statuses whose communities are invited to the club's meetings, RSVP and take part in its projects. */
export const INVITED_STATUSES: readonly ParticipationStatus[] = ['observer', 'candidate', 'member'];

/** Statuses of a participation that is not closed (a community has at most one per club). */
export const LIVE_STATUSES: readonly ParticipationStatus[] = PARTICIPATION_STATUSES.filter(
  (status) => !FINAL_PARTICIPATION_STATUSES.includes(status),
);

export function isLive(status: ParticipationStatus): boolean {
  return !FINAL_PARTICIPATION_STATUSES.includes(status);
}

/** Religious traditions a community may declare; the UI translates each code. */
export const TRADITIONS = [
  'sunni_islam',
  'russian_orthodox',
  'catholic',
  'evangelical_protestant',
  'lutheran',
  'judaism',
  'buddhism',
  'bahai',
  'hare_krishna',
  'jehovahs_witnesses',
  'other',
] as const;
export type Tradition = (typeof TRADITIONS)[number];

export const ROLES = ['administrator', 'coordinator', 'representative', 'official'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
