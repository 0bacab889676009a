import { coordinates, isAdministrator, officialRegions, isOfficialFor, takesPartIn, type ViewerContext } from '../access/viewer';
import { listedAndUnlisted, SMALL_COUNT_THRESHOLD, type Figure } from './small-count';

/** The small-count threshold for a reader: officials and administrators 5, everyone else 10 (P9). */
export function smallCountThreshold(viewer: ViewerContext | null): number {
  return isAdministrator(viewer) || officialRegions(viewer).length > 0 ? SMALL_COUNT_THRESHOLD.official : SMALL_COUNT_THRESHOLD.public;
}

/** A club's communities of one kind (a status), split by what decides who may see them by name. */
export interface ClubCommunityCounts {
  /** Verified registered, or chose to be public: anyone sees them. */
  open: number;
  /** Protected, consenting to officials: the club region's officials see them too. */
  consenting: number;
  /** Protected and not consenting: only the club's own people see them. */
  closed: number;
}

/**
 * A count of a club's communities as `viewer` sees it: its coordinators and participants know
 * every community they meet (unsuppressed); officials of the region list the consenting ones too;
 * everyone else lists the open ones, the rest under the small-count rule.
 */
export function clubCount(
  viewer: ViewerContext | null,
  club: { clubId: string; regionCode: string },
  counts: ClubCommunityCounts,
): { listed: number; unlisted: Figure; total: Figure } {
  const all = counts.open + counts.consenting + counts.closed;
  if (coordinates(viewer, club.clubId) || takesPartIn(viewer, club.clubId)) return listedAndUnlisted(all, 0, 1);
  const listed = counts.open + (isOfficialFor(viewer, club.regionCode) ? counts.consenting : 0);
  return listedAndUnlisted(listed, all - listed, smallCountThreshold(viewer));
}
