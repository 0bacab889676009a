import type { CommunityPrivacyFacts } from '../privacy/community-access';
import {
  decide,
  reportScope,
  workQueueClubIds,
  inArchivedClub,
  OFFICIAL_WRITES,
  permittedBeforeSecondFactor,
  PERMISSION_NAMES,
  PERMISSIONS,
  requiresSecondFactor,
  resourceKindOf,
  type Permission,
} from './permissions';
import type { ParticipationResource, ProjectResource, Resource, ResourceKind } from './resources';
import type { ViewerContext, ViewerRole } from './viewer';

const CLUB = 'club-1';
const REGION = 'region-1';
const community = (overrides: Partial<CommunityPrivacyFacts> = {}): CommunityPrivacyFacts => ({
  communityId: 'community-1',
  registrationStatus: 'not_registered',
  isPublic: false,
  officialConsent: true,
  participations: [{ clubId: CLUB, status: 'candidate', regionCode: REGION }],
  ...overrides,
});
const participation: ParticipationResource = {
  kind: 'participation',
  participationId: 'p-1',
  clubId: CLUB,
  regionCode: REGION,
  clubArchived: false,
  status: 'candidate',
  community: community(),
};
const project: ProjectResource = {
  kind: 'project',
  projectId: 'pr-1',
  clubId: CLUB,
  regionCode: REGION,
  clubArchived: false,
  status: 'active',
  visibility: 'public',
  leadCommunityId: 'community-1',
  partners: [{ communityId: 'community-1', status: 'confirmed' }],
};

/** A record of each kind, as favourable to an official as the facts allow (in region, consented). */
const RESOURCES: { [K in ResourceKind]: Extract<Resource, { kind: K }> } = {
  global: { kind: 'global' },
  club: { kind: 'club', clubId: CLUB, regionCode: REGION, archived: false },
  community: { kind: 'community', community: community() },
  participation,
  meeting: { kind: 'meeting', meetingId: 'm-1', clubId: CLUB, regionCode: REGION, clubArchived: false, visibility: 'public' },
  project,
  contribution: { kind: 'contribution', contributionId: 'c-1', communityId: 'community-1', community: community(), project },
  'action-item': { kind: 'action-item', actionItemId: 'a-1', clubId: CLUB, clubArchived: false, ownerCommunityId: 'community-1' },
  review: { kind: 'review', reviewId: 'r-1', officialId: 'official', participation },
  decision: { kind: 'decision', decisionId: 'd-1', participation },
  appeal: { kind: 'appeal', appealId: 'ap-1', participation },
  sponsorship: { kind: 'sponsorship', sponsorshipId: 's-1', sponsorCommunityId: 'community-1', participation },
  notification: { kind: 'notification', notificationId: 'n-1', userId: 'official' },
  'registration-claim': { kind: 'registration-claim', claimId: 'rc-1', communityId: 'community-1', regionCodes: [REGION], community: community() },
  invitation: { kind: 'invitation', invitationId: 'i-1', clubId: CLUB, invitedBy: 'someone' },
  'role-grant': { kind: 'role-grant', roleGrantId: 'g-1', role: 'coordinator', clubId: CLUB },
};

const role = (r: Partial<ViewerRole> & Pick<ViewerRole, 'role'>): ViewerRole => ({ clubId: null, communityId: null, region: null, ...r });
const viewer = (roles: ViewerRole[], participations: ViewerContext['participations'] = [], userId = 'u'): ViewerContext => ({
  userId,
  roles,
  participations,
});
const verdict = (permission: Permission, who: ViewerContext | null) =>
  decide(permission, who, RESOURCES[resourceKindOf(permission)] as never);

const coordinator = viewer([role({ role: 'coordinator', clubId: CLUB })]);
const representative = viewer([role({ role: 'representative', communityId: 'community-1' })], [
  { communityId: 'community-1', clubId: CLUB, status: 'candidate' },
]);
const otherParticipant = viewer([role({ role: 'representative', communityId: 'community-2' })], [
  { communityId: 'community-2', clubId: CLUB, status: 'member' },
]);
const stranger = viewer([role({ role: 'representative', communityId: 'community-3' })]);
const administrator = viewer([role({ role: 'administrator' })]);

describe('access decisions', () => {
  it('answers 401 (unauthenticated) to anonymous callers of a route that needs a session', () => {
    expect(verdict('participation.read', null)).toBe('unauthenticated');
    expect(verdict('club.read', null)).toBe('allow');
  });

  it('hides what the caller may not see (404) and forbids what it sees but may not do (403)', () => {
    expect(verdict('participation.decide', stranger)).toBe('hidden');
    expect(verdict('participation.decide', representative)).toBe('forbidden');
    expect(verdict('participation.decide', coordinator)).toBe('allow');
  });

  it('refuses a resource of the wrong kind loudly (a programming error, not a 404)', () => {
    expect(() => decide('participation.read', coordinator, RESOURCES.club as never)).toThrow(/participation/);
  });

  it("lets fellow participants sponsor a candidate they meet, but not strangers see it", () => {
    expect(verdict('participation.sponsor', otherParticipant)).toBe('allow');
    expect(verdict('participation.sponsor', stranger)).toBe('hidden');
  });

  it("keeps a coordinator's work queue to coordinators", () => {
    expect(verdict('work-queue.read', coordinator)).toBe('allow');
    for (const other of [representative, otherParticipant, stranger, administrator, viewer([role({ role: 'official', region: REGION })])]) {
      expect(verdict('work-queue.read', other)).toBe('forbidden');
    }
    expect(verdict('work-queue.read', null)).toBe('unauthenticated');
  });

  it('keeps appeals and the outbox to the administrator', () => {
    expect(verdict('appeals.read', coordinator)).toBe('forbidden');
    expect(verdict('appeal.decide', coordinator)).toBe('forbidden');
    expect(verdict('appeal.decide', stranger)).toBe('hidden');
    expect(verdict('appeal.decide', administrator)).toBe('allow');
    expect(verdict('outbox.read', administrator)).toBe('allow');
    expect(verdict('security-events.read', administrator)).toBe('allow');
    expect(verdict('security-events.read', coordinator)).toBe('forbidden');
  });
});

describe('an archived club keeps its history and is read-only', () => {
  const archive = (resource: Resource): Resource => {
    switch (resource.kind) {
      case 'club':
        return { ...resource, archived: true };
      case 'participation':
      case 'meeting':
      case 'project':
      case 'action-item':
        return { ...resource, clubArchived: true };
      case 'contribution':
        return { ...resource, project: { ...resource.project, clubArchived: true } };
      case 'review':
      case 'decision':
      case 'appeal':
      case 'sponsorship':
        return { ...resource, participation: { ...resource.participation, clubArchived: true } };
      default:
        return resource;
    }
  };
  const coordinator = viewer([role({ role: 'coordinator', clubId: CLUB })]);
  const administrator = viewer([role({ role: 'administrator' })]);

  it('refuses every write on its records, reads stay as they were', () => {
    for (const permission of PERMISSION_NAMES) {
      const record = RESOURCES[resourceKindOf(permission)] as Resource;
      if (!inArchivedClub(archive(record))) continue;
      for (const who of [coordinator, administrator]) {
        const before = decide(permission, who, record as never);
        const after = decide(permission, who, archive(record) as never);
        const rule = PERMISSIONS[permission] as { write?: true; evenWhenArchived?: true };
        const expected = before === 'allow' && rule.write && !rule.evenWhenArchived ? 'read-only' : before;
        expect([permission, after]).toEqual([permission, expected]);
      }
    }
    expect(decide('participation.decide', coordinator, archive(participation) as never)).toBe('read-only');
    expect(decide('participation.read', coordinator, archive(participation) as never)).toBe('allow');
  });

  it('lets the administrator restore it, and only the administrator', () => {
    const club = archive(RESOURCES.club) as never;
    expect(decide('club.archive', administrator, club)).toBe('allow');
    expect(decide('club.edit', administrator, club)).toBe('read-only');
    expect(decide('club.archive', coordinator, club)).toBe('forbidden');
  });
});

describe('people and roles (issue 12)', () => {
  const administrator = viewer([role({ role: 'administrator' })]);
  const coordinator = viewer([role({ role: 'coordinator', clubId: CLUB })]);
  const elsewhere = viewer([role({ role: 'coordinator', clubId: 'club-2' })]);
  const official = viewer([role({ role: 'official', region: null })]);

  it('lets the administrator invite anyone, a coordinator only to its own club, an official no one', () => {
    expect(verdict('people.manage', administrator)).toBe('allow');
    expect(verdict('people.manage', coordinator)).toBe('forbidden');
    expect(verdict('club.people.invite', coordinator)).toBe('allow');
    expect(verdict('club.people.invite', elsewhere)).toBe('forbidden');
    expect(verdict('club.people.invite', official)).toBe('forbidden');
    expect(verdict('people.manage', official)).toBe('forbidden');
  });

  it('lets the administrator and the club\'s own coordinators create a community on its behalf, officials never (P5)', () => {
    expect(verdict('club.communities.create', administrator)).toBe('allow');
    expect(verdict('club.communities.create', coordinator)).toBe('allow');
    expect(verdict('club.communities.create', elsewhere)).toBe('forbidden');
    expect(verdict('club.communities.create', official)).toBe('forbidden');
    expect(verdict('communities.create', coordinator)).toBe('forbidden');
  });

  it("lets a club's coordinators manage its invitations and end a co-coordinator's role; others do not learn they exist", () => {
    expect(verdict('invitation.manage', coordinator)).toBe('allow');
    expect(verdict('invitation.manage', elsewhere)).toBe('hidden');
    expect(verdict('role.end', coordinator)).toBe('allow');
    expect(verdict('role.end', elsewhere)).toBe('hidden');
    expect(decide('role.end', coordinator, { kind: 'role-grant', roleGrantId: 'g', role: 'official', clubId: null })).toBe('hidden');
    expect(decide('role.end', administrator, { kind: 'role-grant', roleGrantId: 'g', role: 'official', clubId: null })).toBe('allow');
  });
});

describe('the second factor (ASVS V2.8, V4.3.1)', () => {
  it('is required of administrators and officials only', () => {
    expect(requiresSecondFactor(administrator)).toBe(true);
    expect(requiresSecondFactor(viewer([role({ role: 'official', region: REGION })]))).toBe(true);
    expect(requiresSecondFactor(coordinator)).toBe(false);
    expect(requiresSecondFactor(representative)).toBe(false);
    expect(requiresSecondFactor(null)).toBe(false);
  });

  it('leaves a session without it its own account and what anyone may do signed out, nothing else', () => {
    const permitted = PERMISSION_NAMES.filter(permittedBeforeSecondFactor);
    expect(permitted).toEqual(expect.arrayContaining(['account.read', 'account.write', 'account.sign-in', 'public.read']));
    expect(permitted).not.toContain('appeal.decide');
    expect(permitted).not.toContain('participation.read');
    expect(permitted).not.toContain('security-events.read');
  });
});

describe('officials write nothing but review notes, registration verification and their own account (P5)', () => {
  const officials = {
    regional: viewer([role({ role: 'official', region: REGION })], [], 'official'),
    national: viewer([role({ role: 'official', region: null })], [], 'official'),
  };
  const writes = PERMISSION_NAMES.filter((permission) => 'write' in PERMISSIONS[permission]);

  it('lists every write an official may make', () => {
    expect(OFFICIAL_WRITES.every((permission) => writes.includes(permission))).toBe(true);
  });

  it.each(Object.entries(officials))('%s official: every other write is refused', (_, official) => {
    const allowed = writes.filter((permission) => verdict(permission, official) === 'allow');
    expect(allowed.filter((permission) => !OFFICIAL_WRITES.includes(permission))).toEqual([]);
  });

  it.each(Object.entries(officials))('%s official: reviews a consenting candidacy in scope and verifies its claim', (_, official) => {
    expect(verdict('participation.review', official)).toBe('allow');
    expect(verdict('registration.verify', official)).toBe('allow');
  });

  it('does not let an official role lend a coordinator-only write to anyone', () => {
    const officialAndRepresentative = viewer([role({ role: 'official', region: null }), role({ role: 'representative', communityId: 'x' })]);
    expect(verdict('participation.decide', officialAndRepresentative)).toBe('forbidden');
  });

  it('reads a consenting candidate in scope, not one that withholds consent or lies elsewhere', () => {
    expect(verdict('participation.read', officials.regional)).toBe('allow');
    const withheld = { ...participation, community: community({ officialConsent: false }) };
    expect(decide('participation.read', officials.regional, withheld)).toBe('hidden');
    expect(decide('participation.read', officials.regional, { ...participation, regionCode: 'elsewhere' })).toBe('hidden');
  });
});

describe('reports (apps/api/docs/reports-contract.md)', () => {
  const regional = viewer([role({ role: 'official', region: REGION })], [], 'official');
  const elsewhere = viewer([role({ role: 'official', region: 'elsewhere' })], [], 'official');
  const national = viewer([role({ role: 'official', region: null })], [], 'official');

  it('opens the dashboard to officials, the administrator and coordinators, not to representatives or the public', () => {
    expect(verdict('reports.read', regional)).toBe('allow');
    expect(verdict('reports.read', national)).toBe('allow');
    expect(verdict('reports.read', administrator)).toBe('allow');
    expect(verdict('reports.read', coordinator)).toBe('allow');
    expect(verdict('reports.read', representative)).toBe('forbidden');
    expect(verdict('reports.read', null)).toBe('unauthenticated');
  });

  it("opens a club's annual report to its coordinators, the region's officials and the administrator only", () => {
    expect(verdict('club.reports.read', coordinator)).toBe('allow');
    expect(verdict('club.reports.read', regional)).toBe('allow');
    expect(verdict('club.reports.read', national)).toBe('allow');
    expect(verdict('club.reports.read', administrator)).toBe('allow');
    expect(verdict('club.reports.read', elsewhere)).toBe('hidden');
    expect(verdict('club.reports.read', otherParticipant)).toBe('hidden');
    expect(verdict('club.reports.read', viewer([role({ role: 'coordinator', clubId: 'other' })]))).toBe('hidden');
  });

  it('reports are reads: no official gains a write through them', () => {
    expect('write' in PERMISSIONS['reports.read']).toBe(false);
    expect('write' in PERMISSIONS['club.reports.read']).toBe(false);
  });
});

describe('the reach of reports and of the To do', () => {
  it('covers the country for the administrator and national officials, an official’s regions, a coordinator’s clubs', () => {
    expect(reportScope(viewer([role({ role: 'administrator' })]))).toEqual({ kind: 'national' });
    expect(reportScope(viewer([role({ role: 'official' })]))).toEqual({ kind: 'national' });
    expect(reportScope(viewer([role({ role: 'official', region: REGION })]))).toEqual({ kind: 'regional', regions: [REGION] });
    expect(reportScope(viewer([role({ role: 'coordinator', clubId: CLUB })]))).toEqual({ kind: 'clubs', clubIds: [CLUB] });
    expect(reportScope(null)).toEqual({ kind: 'clubs', clubIds: [] });
  });

  it('lists for the To do only the clubs the viewer coordinates', () => {
    expect(workQueueClubIds(viewer([role({ role: 'coordinator', clubId: CLUB }), role({ role: 'official', region: REGION })]))).toEqual([CLUB]);
    expect(workQueueClubIds(viewer([role({ role: 'administrator' })]))).toEqual([]);
  });
});
