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
] as const;
export type ParticipationAction = (typeof PARTICIPATION_ACTIONS)[number];

/**
 * Actions taken through their own endpoint because they leave more than an event: a decision
 * record (admit, defer, decline) or a milestone check (the community's nomination request).
 */
export const RECORDED_ACTIONS = ['admit', 'defer', 'decline', 'request_nomination'] as const satisfies readonly ParticipationAction[];

/** Who is acting on a participation: the club's coordinator or the community itself. */
export type ParticipationActor = 'coordinator' | 'community';

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
