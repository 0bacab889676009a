import {
  coordinates,
  coordinatedClubIds,
  isAdministrator,
  officialRegions,
  PARTICIPANT_STATUSES,
  representedCommunityIds,
  type ViewerContext,
} from '@dastarkhan/domain';

/**
 * `communityAccess(...) !== 'hidden'` (libs/domain/src/privacy/community-access.ts) as a SQL
 * condition on the community aliased `c`, so that a search pages over the communities the reader
 * may see and never matches one it may not. `clubId` narrows the question to one club as
 * `inClubId` does. The rows found still go through the naming rule (CommunityNames), which stays
 * the authority: this condition only keeps the pages full. Keep the two in step.
 */
export function visibleCommunityCondition(viewer: ViewerContext | null, clubId: string | null, params: unknown[]): string {
  if (isAdministrator(viewer)) return 'TRUE';
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const ownClubs = [...new Set((viewer?.participations ?? []).filter((p) => PARTICIPANT_STATUSES.includes(p.status)).map((p) => p.clubId))];
  const regions = officialRegions(viewer);
  const participation = (condition: string) =>
    `EXISTS (SELECT 1 FROM participations vp JOIN clubs vcl ON vcl.id = vp.club_id JOIN cities vci ON vci.id = vcl.city_id
              WHERE vp.community_id = c.id AND (${param(clubId)}::uuid IS NULL OR vp.club_id = ${param(clubId)}::uuid) AND ${condition})`;
  const coordinated = coordinatedClubIds(viewer);
  return `(c.id = ANY(${param(representedCommunityIds(viewer))}::uuid[])
      OR c.registration_status = 'registered'
      OR c.is_public
      OR (c.created_via_club_id = ANY(${param(coordinated)}::uuid[]) AND (${param(clubId)}::uuid IS NULL OR c.created_via_club_id = ${param(clubId)}::uuid))
      OR ${participation(`vp.club_id = ANY(${param(coordinated)}::uuid[])`)}
      OR ${participation(`vp.status = ANY(${param(PARTICIPANT_STATUSES)}::text[]) AND vp.club_id = ANY(${param(ownClubs)}::uuid[])`)}
      OR (c.official_consent_at IS NOT NULL AND ${participation(
        `(${param(regions.includes(null))} OR vci.region_code = ANY(${param(regions.filter((r): r is string => r !== null))}::text[]))`,
      )}))`;
}

/**
 * A club's communities as its page shows them to the reader, as a SQL condition on `c`: those
 * taking part, pending applications only for the club's coordinators and the applicant
 * (showsOnClubPage), closed ones never; and, unless `participating`, those created through the club
 * on their behalf (issue 12), for its coordinators and the administrator who invite their representatives.
 */
export function clubCommunityCondition(viewer: ViewerContext | null, clubId: string, participating: boolean, params: unknown[]): string {
  const statuses = participating ? PARTICIPANT_STATUSES : [...PARTICIPANT_STATUSES, 'applied'];
  const coordinator = coordinates(viewer, clubId);
  params.push(clubId, statuses, coordinator, representedCommunityIds(viewer), coordinator || isAdministrator(viewer));
  const [club, status, coordinatesClub, represented, managesClub] = [4, 3, 2, 1, 0].map((back) => `$${params.length - back}`);
  // Every parameter stays referenced (an unused one has no type): `participating` only drops the created ones.
  const createdHere = `(${managesClub}::boolean AND ${participating ? 'FALSE' : `c.created_via_club_id = ${club}::uuid`})`;
  return `(EXISTS (SELECT 1 FROM participations sp WHERE sp.community_id = c.id AND sp.club_id = ${club}::uuid
      AND sp.status = ANY(${status}::text[]) AND (sp.status <> 'applied' OR ${coordinatesClub}::boolean OR c.id = ANY(${represented}::uuid[]))) OR ${createdHere})`;
}
