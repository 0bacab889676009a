import type { RegistrationStatus } from '../participation/participation-status';

/** Every pathway event someone is told about; the client renders each kind in the reader's language. */
export const NOTIFICATION_KINDS = [
  'application_received',
  'application_accepted',
  'nominated',
  'review_recorded',
  'concern_resolved',
  'review_response',
  'admitted',
  'deferred',
  'declined',
  'suspended',
  'reinstated',
  'withdrawn',
  'sponsored',
  'appeal_filed',
  'appeal_decided',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** In which capacity a recipient hears about a participation. */
export type NotificationAudience = 'community' | 'coordinator' | 'official' | 'administrator';

export interface NamedCommunityFacts {
  registrationStatus: RegistrationStatus;
  isPublic: boolean;
  officialConsent: boolean;
}

/**
 * Whether a notification to this audience may carry the community's name. Officials learn a
 * non-registered community's name only with its consent (or when it chose to be public); the
 * community itself, its club's coordinators and the administrator know it already.
 */
export function mayNameCommunity(audience: NotificationAudience, community: NamedCommunityFacts): boolean {
  if (audience !== 'official') return true;
  return community.registrationStatus === 'registered' || community.isPublic || community.officialConsent;
}
