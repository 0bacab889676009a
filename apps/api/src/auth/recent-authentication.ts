import { AppError } from '../common/errors/app-error';
import type { Viewer } from './viewer';

/** How long a sign-in or a re-authentication opens consequential steps (ASVS V3.7.1). */
export const REAUTHENTICATION_MINUTES = 10;

/** Throws 403 AUTH.REAUTHENTICATION_REQUIRED unless the session proved recently that it is its user. */
export function assertRecentlyAuthenticated(viewer: Viewer): void {
  const at = viewer.reauthenticatedAt ? new Date(viewer.reauthenticatedAt).getTime() : 0;
  if (Date.now() - at > REAUTHENTICATION_MINUTES * 60_000) {
    throw new AppError('AUTH.REAUTHENTICATION_REQUIRED', 'Confirm it is you: enter your password again');
  }
}
