import type { Locale, ViewerContext } from '@dastarkhan/domain';

export type { ViewerRole } from '@dastarkhan/domain';

/**
 * The authenticated caller, loaded from its session on every request (nothing cached in memory):
 * what the access rules read (roles, its communities' participations) and what the API prints.
 */
export interface Viewer extends ViewerContext {
  sessionId: string;
  email: string;
  displayName: string;
  locale: Locale;
  /** When the session last proved it is its user (sign-in or re-authentication); null outside a session. */
  reauthenticatedAt: Date | null;
  /** The user signs in with a second factor (TOTP). */
  secondFactorEnabled: boolean;
}
