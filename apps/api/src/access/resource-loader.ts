import type { EntityManager } from 'typeorm';
import type { Resource, ResourceKind, ResourceOf } from '@dastarkhan/domain';

const communityPrivacyJson = (participations: string) => `
  json_build_object('communityId', c.id, 'registrationStatus', c.registration_status, 'isPublic', c.is_public,
    'officialConsent', c.official_consent_at IS NOT NULL, 'createdViaClubId', c.created_via_club_id, 'participations', ${participations})`;

const PARTICIPATION_FACT = `json_build_object('clubId', pp.club_id, 'status', pp.status, 'regionCode', pci.region_code)`;

/**
 * A community's privacy facts (libs/domain CommunityPrivacyFacts) as one JSON value, for a
 * community row aliased `c`: every access rule and the naming rule read exactly this.
 */
export const COMMUNITY_PRIVACY_JSON = communityPrivacyJson(`
    COALESCE((SELECT json_agg(${PARTICIPATION_FACT})
                FROM participations pp JOIN clubs pcl ON pcl.id = pp.club_id JOIN cities pci ON pci.id = pcl.city_id
               WHERE pp.community_id = c.id), '[]'::json)`);

/**
 * The same facts for many communities in one set-based pass (five times faster than the per-row
 * form above for hundreds of communities): a statement that selects it ends with COMMUNITY_PRIVACY_GROUPED_FROM.
 */
export const COMMUNITY_PRIVACY_GROUPED_JSON = communityPrivacyJson(`COALESCE(json_agg(${PARTICIPATION_FACT}) FILTER (WHERE pp.id IS NOT NULL), '[]'::json)`);

/** Where COMMUNITY_PRIVACY_GROUPED_JSON reads from, for the communities `$1` (an array of ids). */
export const COMMUNITY_PRIVACY_GROUPED_FROM = `
  communities c LEFT JOIN participations pp ON pp.community_id = c.id
  LEFT JOIN clubs pcl ON pcl.id = pp.club_id LEFT JOIN cities pci ON pci.id = pcl.city_id
  WHERE c.id = ANY($1) GROUP BY c.id`;

/** A participation row aliased `p` as a ParticipationResource (needs `c` its community, `ci` its club's city). */
export const PARTICIPATION_JSON = `
  json_build_object('kind', 'participation', 'participationId', p.id, 'clubId', p.club_id, 'regionCode', ci.region_code,
    'clubArchived', cl.archived_at IS NOT NULL, 'status', p.status, 'community', ${COMMUNITY_PRIVACY_JSON})`;

export const PARTICIPATION_FROM = `
  participations p JOIN communities c ON c.id = p.community_id JOIN clubs cl ON cl.id = p.club_id JOIN cities ci ON ci.id = cl.city_id`;

const PROJECT_JSON = `
  json_build_object('kind', 'project', 'projectId', pr.id, 'clubId', pr.club_id, 'regionCode', ci.region_code,
    'clubArchived', cl.archived_at IS NOT NULL, 'status', pr.status, 'visibility', pr.visibility, 'leadCommunityId', pr.lead_community_id,
    'partners', COALESCE((SELECT json_agg(json_build_object('communityId', x.community_id, 'status', x.status))
                            FROM project_partners x WHERE x.project_id = pr.id), '[]'::json))`;

const PROJECT_FROM = `projects pr JOIN clubs cl ON cl.id = pr.club_id JOIN cities ci ON ci.id = cl.city_id`;

/** One query per kind: the record's facts as the access rules read them (a single JSON column `r`). */
const LOADERS: { [K in Exclude<ResourceKind, 'global'>]: string } = {
  club: `SELECT json_build_object('kind', 'club', 'clubId', cl.id, 'regionCode', ci.region_code, 'archived', cl.archived_at IS NOT NULL) AS r
           FROM clubs cl JOIN cities ci ON ci.id = cl.city_id WHERE cl.id = $1`,
  community: `SELECT json_build_object('kind', 'community', 'community', ${COMMUNITY_PRIVACY_JSON}) AS r FROM communities c WHERE c.id = $1`,
  participation: `SELECT ${PARTICIPATION_JSON} AS r FROM ${PARTICIPATION_FROM} WHERE p.id = $1`,
  meeting: `SELECT json_build_object('kind', 'meeting', 'meetingId', m.id, 'clubId', m.club_id, 'regionCode', ci.region_code,
                                     'clubArchived', cl.archived_at IS NOT NULL, 'visibility', m.visibility) AS r
              FROM meetings m JOIN clubs cl ON cl.id = m.club_id JOIN cities ci ON ci.id = cl.city_id WHERE m.id = $1`,
  project: `SELECT ${PROJECT_JSON} AS r FROM ${PROJECT_FROM} WHERE pr.id = $1`,
  contribution: `SELECT json_build_object('kind', 'contribution', 'contributionId', pc.id, 'communityId', pc.community_id,
                                          'community', ${COMMUNITY_PRIVACY_JSON}, 'project', ${PROJECT_JSON}) AS r
                   FROM project_contributions pc JOIN communities c ON c.id = pc.community_id
                   JOIN ${PROJECT_FROM} ON pr.id = pc.project_id WHERE pc.id = $1`,
  'action-item': `SELECT json_build_object('kind', 'action-item', 'actionItemId', a.id, 'clubId', a.club_id,
                                           'clubArchived', cl.archived_at IS NOT NULL, 'ownerCommunityId', a.owner_community_id) AS r
                    FROM action_items a JOIN clubs cl ON cl.id = a.club_id WHERE a.id = $1`,
  review: `SELECT json_build_object('kind', 'review', 'reviewId', rv.id, 'officialId', rv.official_id, 'participation', ${PARTICIPATION_JSON}) AS r
             FROM participation_reviews rv JOIN ${PARTICIPATION_FROM} ON p.id = rv.participation_id WHERE rv.id = $1`,
  decision: `SELECT json_build_object('kind', 'decision', 'decisionId', d.id, 'participation', ${PARTICIPATION_JSON}) AS r
               FROM participation_decisions d JOIN ${PARTICIPATION_FROM} ON p.id = d.participation_id WHERE d.id = $1`,
  appeal: `SELECT json_build_object('kind', 'appeal', 'appealId', a.id, 'participation', ${PARTICIPATION_JSON}) AS r
             FROM decision_appeals a JOIN participation_decisions d ON d.id = a.decision_id
             JOIN ${PARTICIPATION_FROM} ON p.id = d.participation_id WHERE a.id = $1`,
  sponsorship: `SELECT json_build_object('kind', 'sponsorship', 'sponsorshipId', s.id, 'sponsorCommunityId', s.sponsor_community_id,
                                         'participation', ${PARTICIPATION_JSON}) AS r
                  FROM sponsorships s JOIN ${PARTICIPATION_FROM} ON p.id = s.participation_id WHERE s.id = $1`,
  notification: `SELECT json_build_object('kind', 'notification', 'notificationId', n.id, 'userId', n.user_id) AS r
                   FROM notifications n WHERE n.id = $1`,
  'registration-claim': `
    SELECT json_build_object('kind', 'registration-claim', 'claimId', rc.id, 'communityId', rc.community_id,
             'community', (SELECT ${COMMUNITY_PRIVACY_JSON} FROM communities c WHERE c.id = rc.community_id),
             'regionCodes', (SELECT COALESCE(array_agg(DISTINCT region), '{}') FROM (
                               SELECT ci.region_code AS region FROM communities c JOIN cities ci ON ci.id = c.city_id WHERE c.id = rc.community_id
                               UNION SELECT ci.region_code FROM participations p JOIN clubs cl ON cl.id = p.club_id
                                       JOIN cities ci ON ci.id = cl.city_id WHERE p.community_id = rc.community_id) regions)) AS r
      FROM registration_claims rc WHERE rc.id = $1`,
  invitation: `SELECT json_build_object('kind', 'invitation', 'invitationId', i.id, 'clubId', i.club_id, 'invitedBy', i.invited_by) AS r
                 FROM invitations i WHERE i.id = $1`,
  'role-grant': `SELECT json_build_object('kind', 'role-grant', 'roleGrantId', g.id, 'role', g.role, 'clubId', g.club_id) AS r
                   FROM role_grants g WHERE g.id = $1`,
};

/** What a 404 calls each kind of record. */
export const RESOURCE_NOUNS: Record<ResourceKind, string> = {
  global: 'Resource',
  club: 'Club',
  community: 'Community',
  participation: 'Participation',
  meeting: 'Meeting',
  project: 'Project',
  contribution: 'Contribution',
  'action-item': 'Action item',
  review: 'Review',
  decision: 'Decision',
  appeal: 'Appeal',
  sponsorship: 'Sponsorship',
  notification: 'Notification',
  'registration-claim': 'Registration claim',
  invitation: 'Invitation',
  'role-grant': 'Role',
};

/** The record's facts, or null when it does not exist. */
export async function loadResource<K extends ResourceKind>(manager: EntityManager, kind: K, id: string): Promise<ResourceOf<K> | null> {
  if (kind === 'global') return { kind: 'global' } as ResourceOf<K>;
  const [row]: Array<{ r: Resource }> = await manager.query(LOADERS[kind as Exclude<ResourceKind, 'global'>], [id]);
  return (row?.r as ResourceOf<K>) ?? null;
}
