/** The community profile fields a pathway policy may require to be filled in (docs/domain.md, 3.5). */
export const TRANSPARENCY_FIELDS = ['leaders', 'meetingPlace', 'approximateSize', 'activities'] as const;
export type TransparencyField = (typeof TRANSPARENCY_FIELDS)[number];

/**
 * The milestones a club asks of an observer before it may be nominated. `null` (or `[]`, or
 * `false`) switches a milestone off.
 */
export interface PathwayPolicyRules {
  minMonthsAsObserver: number | null;
  minMeetingsAttended: number | null;
  /** Percent, 0–100. */
  minAttendanceRate: number | null;
  minJointProjects: number | null;
  transparencyFields: TransparencyField[];
  minSponsors: number | null;
  noOpenConcern: boolean;
}

/** The national default seeded with the database; the administrator changes it by adding versions. */
export const DEFAULT_PATHWAY_POLICY: Readonly<PathwayPolicyRules> = Object.freeze({
  minMonthsAsObserver: 6,
  minMeetingsAttended: 6,
  minAttendanceRate: 75,
  minJointProjects: 2,
  transparencyFields: [...TRANSPARENCY_FIELDS],
  minSponsors: 2,
  noOpenConcern: true,
});

/** One stored version of a policy: national (`clubId` null) or a club's override. Never edited in place. */
export interface PathwayPolicyVersion extends PathwayPolicyRules {
  clubId: string | null;
  version: number;
  createdAt: Date;
}

/**
 * The policy version in force for a club at `at`: the club's latest override created by then,
 * otherwise the latest national version created by then. A candidacy is judged by the policy in
 * force when it was nominated, so callers pass the nomination date for candidates and now for
 * observers. A nomination older than every version (records imported from before the platform)
 * is judged by the first version that applied to the club — its first override, else the first
 * national version — so a candidacy always has a policy. `undefined` only without any version.
 */
export function policyInForce(
  versions: readonly PathwayPolicyVersion[],
  clubId: string,
  at: Date,
): PathwayPolicyVersion | undefined {
  const pick = (candidates: PathwayPolicyVersion[], newest: boolean) =>
    candidates.reduce<PathwayPolicyVersion | undefined>(
      (best, v) => (!best || (newest ? v.version > best.version : v.version < best.version) ? v : best),
      undefined,
    );
  const forClub = (candidates: PathwayPolicyVersion[], newest: boolean) =>
    pick(candidates.filter((v) => v.clubId === clubId), newest) ?? pick(candidates.filter((v) => v.clubId === null), newest);
  const inTime = versions.filter((v) => v.createdAt.getTime() <= at.getTime());
  return forClub(inTime, true) ?? forClub([...versions], false);
}
