import { PARTICIPANT_STATUSES } from '../participation/participation-status';
import { communityAccess, officialMayRead } from '../privacy/community-access';
import type { ProjectActor } from '../projects/project-status';
import type {
  ClubResource,
  CommunityResource,
  ContributionResource,
  RegistrationClaimResource,
  ParticipationResource,
  ProjectResource,
  Resource,
  ResourceKind,
  ResourceOf,
} from './resources';
import {
  coordinatedClubIds,
  coordinates,
  invitedCommunityIds,
  isAdministrator,
  isOfficialFor,
  officialRegions,
  represents,
  representedCommunityIds,
  takesPartIn,
  type ViewerContext,
} from './viewer';

/**
 * Who may see and do what: every permission the API knows, with its rule. Each route declares
 * the permission it needs (apps/api/src/access/access.decorator.ts) and the access guard answers
 * it from this table before the use case runs; use cases ask `decide` for finer steps. A record
 * the caller may not `see` answers 404 (as if it did not exist); one it sees but may not act on,
 * 403; an anonymous caller of a route that needs a session, 401 (docs/domain.md, P13 and P14).
 */
interface Rule<K extends ResourceKind> {
  on: K;
  /** Anonymous callers may ask (otherwise: 401 before anything else). */
  anonymous?: true;
  /** Changes something. Officials hold a write only when it is listed in OFFICIAL_WRITES (P5). */
  write?: true;
  /** Whether the caller may know the record exists (default: yes); otherwise 404. */
  see?: (viewer: ViewerContext | null, resource: ResourceOf<K>) => boolean;
  /** Whether the caller may do this once it sees the record (default: as `see`); otherwise 403. */
  can?: (viewer: ViewerContext | null, resource: ResourceOf<K>) => boolean;
  /** A write that stays open when the record's club is archived (restoring it); every other write is refused there. */
  evenWhenArchived?: true;
}

type AnyRule = { [K in ResourceKind]: Rule<K> }[ResourceKind];

/** A rule as `decide` evaluates it, once the resource's kind was checked against `on`. */
interface CheckedRule {
  on: ResourceKind;
  anonymous?: true;
  write?: true;
  see?: (viewer: ViewerContext | null, resource: Resource) => boolean;
  can?: (viewer: ViewerContext | null, resource: Resource) => boolean;
  evenWhenArchived?: true;
}

const on = <K extends ResourceKind>(kind: K, rule: Omit<Rule<K>, 'on'>): Rule<K> => ({ on: kind, ...rule });

const signedIn = (viewer: ViewerContext | null) => viewer !== null;
const official = (viewer: ViewerContext | null) => officialRegions(viewer).length > 0;
const representsAny = (viewer: ViewerContext | null) => representedCommunityIds(viewer).length > 0;

/** A coordinator of the club, or a representative of a community taking part in it. */
const clubInsider = (viewer: ViewerContext | null, clubId: string) => coordinates(viewer, clubId) || takesPartIn(viewer, clubId);

const coordinatesParticipation = (viewer: ViewerContext | null, p: ParticipationResource) => coordinates(viewer, p.clubId);
const representsParticipation = (viewer: ViewerContext | null, p: ParticipationResource) => represents(viewer, p.community.communityId);

/** The club's coordinators and the community itself: the two parties of a participation. */
const participationParty = (viewer: ViewerContext | null, p: ParticipationResource) =>
  coordinatesParticipation(viewer, p) || representsParticipation(viewer, p);

/** The parties, and officials of the region while the community consents (or is registered): read-only (P5). */
const participationReader = (viewer: ViewerContext | null, p: ParticipationResource) =>
  participationParty(viewer, p) || officialMayRead(viewer, p);

/** Fellow participants see observers and candidates of their club, whom they meet in person. */
const fellowParticipant = (viewer: ViewerContext | null, p: ParticipationResource) =>
  PARTICIPANT_STATUSES.includes(p.status) && takesPartIn(viewer, p.clubId);

const projectPartnerOf = (viewer: ViewerContext | null, project: ProjectResource) =>
  project.partners.some((partner) => partner.status !== 'declined' && represents(viewer, partner.communityId));

const projectProposer = (viewer: ViewerContext | null, project: ProjectResource) => represents(viewer, project.leadCommunityId);

/** apps/api/docs/projects-contract.md, "Who sees what". */
function seesProject(viewer: ViewerContext | null, project: ProjectResource): boolean {
  if (coordinates(viewer, project.clubId)) return true;
  if (project.status === 'proposed' || project.status === 'declined') return projectProposer(viewer, project);
  if (takesPartIn(viewer, project.clubId) || projectPartnerOf(viewer, project)) return true;
  return project.status === 'completed' && project.visibility === 'public';
}

const seesCommunity = (viewer: ViewerContext | null, c: CommunityResource) => communityAccess(c.community, viewer).access !== 'hidden';
const representsCommunity = (viewer: ViewerContext | null, c: CommunityResource) => represents(viewer, c.community.communityId);

/** A ledger line shows wherever its project and its community may be seen (apps/api/docs/projects-contract.md). */
const seesLedgerLine = (viewer: ViewerContext | null, c: ContributionResource) =>
  coordinates(viewer, c.project.clubId) ||
  represents(viewer, c.communityId) ||
  (seesProject(viewer, c.project) && communityAccess(c.community, viewer, c.project.clubId).access !== 'hidden');

const verifiesClaim = (viewer: ViewerContext | null, claim: RegistrationClaimResource) =>
  isAdministrator(viewer) || claim.regionCodes.some((region) => isOfficialFor(viewer, region));

const clubCoordinator = (viewer: ViewerContext | null, club: ClubResource) => coordinates(viewer, club.clubId);

export const PERMISSIONS = {
  // Anyone, signed in or not.
  'public.read': on('global', { anonymous: true }),
  'account.sign-in': on('global', { anonymous: true }),
  // A new account is opened signed out: a signed-in caller (an official too) opens none in passing.
  'account.sign-up': on('global', { anonymous: true, write: true, can: (v) => v === null }),
  // Following an emailed link (confirm an address, reset a password): the link's secret is the proof.
  'account.follow-link': on('global', { anonymous: true, write: true }),
  // The caller's own account, sessions, notifications and communities.
  'account.read': on('global', {}),
  'account.write': on('global', { write: true }),
  'notification.read': on('notification', { see: (v, n) => v?.userId === n.userId }),
  'notification.write': on('notification', { write: true, see: (v, n) => v?.userId === n.userId }),

  // National administration.
  'topics.manage': on('global', { write: true, can: isAdministrator }),
  'topics.read-archived': on('global', { can: isAdministrator }),
  'holidays.manage': on('global', { write: true, can: isAdministrator }),
  'observances.manage': on('global', { write: true, can: isAdministrator }),
  'policy.national.write': on('global', { write: true, can: isAdministrator }),
  'appeals.read': on('global', { can: isAdministrator }),
  'appeal.decide': on('appeal', { write: true, see: (v, a) => isAdministrator(v) || participationReader(v, a.participation), can: isAdministrator }),
  'outbox.read': on('global', { can: isAdministrator }),
  'security-events.read': on('global', { can: isAdministrator }),
  'candidacies.read': on('global', { can: official }),
  // Reports (apps/api/docs/reports-contract.md): officials of their scope, the administrator, coordinators of their clubs.
  'reports.read': on('global', { can: (v) => official(v) || isAdministrator(v) || coordinatedClubIds(v).length > 0 }),
  'registration.claims.read': on('global', { can: (v) => official(v) || isAdministrator(v) }),
  // A coordinator's "To do": what waits for it across the clubs it coordinates (libs/domain/src/participation/work-queue.ts).
  'work-queue.read': on('global', { can: (v) => coordinatedClubIds(v).length > 0 }),
  'registration.verify': on('registration-claim', {
    write: true,
    // The community and its coordinators read the claim on its profile; only verifiers decide it.
    see: (v, claim) => verifiesClaim(v, claim) || communityAccess(claim.community, v).access === 'contacts',
    can: verifiesClaim,
  }),

  // Cities and clubs: the secretariat opens, edits and archives them.
  'cities.manage': on('global', { write: true, can: isAdministrator }),
  'clubs.create': on('global', { write: true, can: isAdministrator }),
  'club.edit': on('club', { write: true, can: isAdministrator }),
  'club.archive': on('club', { write: true, can: isAdministrator, evenWhenArchived: true }),

  // People and roles: the administrator manages everyone; a club's coordinators invite co-coordinators
  // and its communities' representatives, and manage those invitations and co-coordinators' roles.
  'people.read': on('global', { can: isAdministrator }),
  'audit.read': on('global', { can: isAdministrator }),
  'people.manage': on('global', { write: true, can: isAdministrator }),
  'club.people.invite': on('club', { write: true, can: (v, c) => isAdministrator(v) || clubCoordinator(v, c) }),
  // A registered community with no account yet is created on its behalf (one by one, or from a roster file): P7 verifies it.
  'club.communities.create': on('club', { write: true, can: (v, c) => isAdministrator(v) || clubCoordinator(v, c) }),
  'communities.create': on('global', { write: true, can: isAdministrator }),
  'club.people.read': on('club', { see: (v, c) => isAdministrator(v) || clubCoordinator(v, c) }),
  'invitation.manage': on('invitation', {
    write: true,
    see: (v, i) => isAdministrator(v) || (!!i.clubId && coordinates(v, i.clubId)) || (!!v && v.userId === i.invitedBy),
  }),
  'role.end': on('role-grant', {
    write: true,
    see: (v, r) => isAdministrator(v) || (r.role === 'coordinator' && !!r.clubId && coordinates(v, r.clubId)),
  }),

  // Clubs.
  'club.read': on('club', { anonymous: true }),
  'club.participations.read': on('club', { can: clubCoordinator }),
  'club.apply': on('club', { write: true, can: representsAny }),
  'club.meetings.read': on('club', { anonymous: true }),
  'club.meetings.schedule': on('club', { write: true, can: clubCoordinator }),
  'club.calendar.read': on('club', { anonymous: true }),
  'club.calendar.subscribe': on('club', { write: true, can: (v, c) => clubInsider(v, c.clubId) }),
  'club.calendar.unsubscribe': on('club', { write: true, can: signedIn, evenWhenArchived: true }),
  // The club's own records (club-only meetings, action items): its coordinators and participants.
  'club.records.read': on('club', { see: (v, c) => clubInsider(v, c.clubId) }),
  'club.projects.read': on('club', { anonymous: true }),
  'club.projects.propose': on('club', { write: true, can: (v, c) => invitedCommunityIds(v, c.clubId).length > 0 }),
  // A club's annual report: its coordinators, officials of its region, the administrator.
  'club.reports.read': on('club', {
    see: (v, c) => clubCoordinator(v, c) || isOfficialFor(v, c.regionCode) || isAdministrator(v),
  }),
  // The pathway a club asks of its observers is public: a community deciding whether to apply reads it.
  'club.policy.read': on('club', { anonymous: true }),
  'club.policy.write': on('club', { write: true, can: clubCoordinator }),

  // Communities. `community.act` guards a community named in a request body: the caller must speak for it.
  'community.read': on('community', { anonymous: true, see: seesCommunity }),
  // A picker's search: signed in, and it finds only the communities the caller may see (community-visibility.ts).
  'community.search': on('global', {}),
  'community.act': on('community', { write: true, see: seesCommunity, can: representsCommunity }),
  'community.update': on('community', { write: true, see: seesCommunity, can: representsCommunity }),
  'community.erase': on('community', { write: true, see: seesCommunity, can: representsCommunity }),
  'community.own-records.read': on('community', { see: seesCommunity, can: representsCommunity }),
  'community.civic-record.read': on('community', {
    see: (v, c) => communityAccess(c.community, v).access === 'contacts',
  }),

  // Participations (the pathway).
  'participation.read': on('participation', { see: participationReader }),
  'participation.transition': on('participation', { write: true, see: participationReader, can: participationParty }),
  'participation.act-as-coordinator': on('participation', { write: true, see: participationReader, can: coordinatesParticipation }),
  'participation.act-as-community': on('participation', { write: true, see: participationReader, can: representsParticipation }),
  'participation.decide': on('participation', { write: true, see: participationReader, can: coordinatesParticipation }),
  'participation.review': on('participation', { write: true, see: participationReader, can: officialMayRead }),
  'participation.sponsor': on('participation', {
    write: true,
    see: (v, p) => participationReader(v, p) || fellowParticipant(v, p),
    can: (v, p) => fellowParticipant(v, p) || representsParticipation(v, p),
  }),
  'review.respond': on('review', { write: true, see: (v, r) => participationReader(v, r.participation), can: (v, r) => participationParty(v, r.participation) }),
  'review.resolve': on('review', {
    write: true,
    // The official who raised a concern may lift it even after the community revoked its consent.
    see: (v, r) => participationReader(v, r.participation) || (official(v) && v?.userId === r.officialId),
    can: (v, r) => officialMayRead(v, r.participation) || (official(v) && v?.userId === r.officialId),
  }),
  'decision.appeal': on('decision', {
    write: true,
    // The administrator reads every appealed decision on the appeals page.
    see: (v, d) => participationReader(v, d.participation) || isAdministrator(v),
    can: (v, d) => representsParticipation(v, d.participation),
  }),
  'sponsorship.withdraw': on('sponsorship', {
    write: true,
    see: (v, s) => represents(v, s.sponsorCommunityId) || participationParty(v, s.participation),
    can: (v, s) => represents(v, s.sponsorCommunityId),
  }),

  // Meetings.
  'meeting.read': on('meeting', { anonymous: true, see: (v, m) => m.visibility === 'public' || clubInsider(v, m.clubId) }),
  'meeting.schedule': on('meeting', {
    write: true,
    see: (v, m) => m.visibility === 'public' || clubInsider(v, m.clubId),
    can: (v, m) => coordinates(v, m.clubId),
  }),
  'meeting.club-records.read': on('meeting', { see: (v, m) => clubInsider(v, m.clubId) }),
  'meeting.coordinator-records.read': on('meeting', {
    see: (v, m) => m.visibility === 'public' || clubInsider(v, m.clubId),
    can: (v, m) => coordinates(v, m.clubId),
  }),
  'meeting.records.write': on('meeting', {
    write: true,
    see: (v, m) => m.visibility === 'public' || clubInsider(v, m.clubId),
    can: (v, m) => coordinates(v, m.clubId),
  }),
  'meeting.respond': on('meeting', {
    write: true,
    see: (v, m) => m.visibility === 'public' || clubInsider(v, m.clubId),
    can: (v, m) => invitedCommunityIds(v, m.clubId).length > 0,
  }),
  'action-item.mark-done': on('action-item', {
    write: true,
    see: (v, a) => clubInsider(v, a.clubId),
    can: (v, a) => coordinates(v, a.clubId) || (!!a.ownerCommunityId && represents(v, a.ownerCommunityId)),
  }),
  'action-item.edit': on('action-item', { write: true, see: (v, a) => clubInsider(v, a.clubId), can: (v, a) => coordinates(v, a.clubId) }),

  // Joint projects.
  'project.read': on('project', { anonymous: true, see: seesProject }),
  'project.insider.read': on('project', { see: seesProject, can: (v, p) => coordinates(v, p.clubId) || projectPartnerOf(v, p) }),
  'project.manage': on('project', { write: true, see: seesProject, can: (v, p) => coordinates(v, p.clubId) }),
  'project.transition': on('project', { write: true, see: seesProject, can: (v, p) => coordinates(v, p.clubId) || projectProposer(v, p) }),
  'project.join': on('project', { write: true, see: seesProject, can: (v, p) => invitedCommunityIds(v, p.clubId).length > 0 }),
  'project.contribute': on('project', { write: true, see: seesProject, can: projectPartnerOf }),
  'contribution.correct': on('contribution', { write: true, see: seesLedgerLine, can: (v, c) => represents(v, c.communityId) }),
  'contribution.review': on('contribution', { write: true, see: seesLedgerLine, can: (v, c) => coordinates(v, c.project.clubId) }),
} satisfies Record<string, AnyRule>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** The resource kind a permission is asked about. */
export type ResourceFor<P extends Permission> = ResourceOf<(typeof PERMISSIONS)[P]['on']>;

/** In which capacities the caller acts on a project's status (libs/domain project state machine). */
export function projectActors(viewer: ViewerContext | null, project: ProjectResource): ProjectActor[] {
  return [
    ...(coordinates(viewer, project.clubId) ? ['coordinator' as const] : []),
    ...(projectProposer(viewer, project) ? ['proposer' as const] : []),
  ];
}

/** The only writes an official may make: review notes, registration verification, their own account (P5). */
export const OFFICIAL_WRITES: readonly Permission[] = [
  'participation.review',
  'review.resolve',
  'registration.verify',
  // Their own account: password, second factor, sessions, emailed links, notifications read, private calendar links revoked.
  'account.write',
  'account.follow-link',
  'notification.write',
  'club.calendar.unsubscribe',
];

/** Roles that must sign in with a second factor (ASVS V2.8, V4.3.1). */
export const SECOND_FACTOR_ROLES = ['administrator', 'official'] as const;

/** Whether the caller's roles require a second factor. */
export const requiresSecondFactor = (viewer: ViewerContext | null): boolean =>
  !!viewer?.roles.some((r) => (SECOND_FACTOR_ROLES as readonly string[]).includes(r.role));

/**
 * What a session may still do while its user must, but did not yet, set up a second factor: its
 * own account (to set it up, or sign out) and what anyone may do signed out.
 */
export const permittedBeforeSecondFactor = (permission: Permission): boolean =>
  permission === 'account.read' || permission === 'account.write' || allowsAnonymous(permission);

/** 'read-only': the caller may do this, but not on a record of an archived club. */
export type AccessVerdict = 'allow' | 'unauthenticated' | 'hidden' | 'forbidden' | 'read-only';

/** The record belongs to an archived club: it keeps its history and takes no more writes. */
export function inArchivedClub(resource: Resource): boolean {
  switch (resource.kind) {
    case 'club':
      return resource.archived;
    case 'participation':
    case 'meeting':
    case 'project':
    case 'action-item':
      return resource.clubArchived;
    case 'contribution':
      return resource.project.clubArchived;
    case 'review':
    case 'decision':
    case 'appeal':
    case 'sponsorship':
      return resource.participation.clubArchived;
    default:
      return false;
  }
}

/** An official's roles do not count towards a write that is not theirs to make. */
function actingAs(permission: Permission, viewer: ViewerContext | null): ViewerContext | null {
  const rule = PERMISSIONS[permission] as CheckedRule;
  if (!viewer || !rule.write || OFFICIAL_WRITES.includes(permission)) return viewer;
  return { ...viewer, roles: viewer.roles.filter((role) => role.role !== 'official') };
}

/** The verdict for one caller, one permission and one record. */
export function decide<P extends Permission>(permission: P, viewer: ViewerContext | null, resource: ResourceFor<P>): AccessVerdict {
  const rule = PERMISSIONS[permission] as CheckedRule;
  if (resource.kind !== rule.on) throw new Error(`${permission} is decided on a ${rule.on}, not a ${resource.kind}`);
  const record: Resource = resource;
  if (!viewer && !rule.anonymous) return 'unauthenticated';
  if (rule.see && !rule.see(viewer, record)) return 'hidden';
  const can = rule.can ?? rule.see;
  const actor = actingAs(permission, viewer);
  if (can && !can(actor, record)) return 'forbidden';
  if (rule.write && !rule.evenWhenArchived && inArchivedClub(record)) return 'read-only';
  return 'allow';
}

export const allows = <P extends Permission>(permission: P, viewer: ViewerContext | null, resource: ResourceFor<P>): boolean =>
  decide(permission, viewer, resource) === 'allow';

/** The clubs a report covers for its reader (reports.read): the country, the official's regions, or the coordinator's clubs. */
export type ReportScope = { kind: 'national' } | { kind: 'regional'; regions: string[] } | { kind: 'clubs'; clubIds: string[] };

export function reportScope(viewer: ViewerContext | null): ReportScope {
  const regions = officialRegions(viewer);
  if (isAdministrator(viewer) || regions.includes(null)) return { kind: 'national' };
  if (regions.length > 0) return { kind: 'regional', regions: regions.filter((region): region is string => region !== null) };
  return { kind: 'clubs', clubIds: coordinatedClubIds(viewer) };
}

/** The clubs whose waiting work a coordinator's To do lists (work-queue.read): the clubs it coordinates. */
export const workQueueClubIds = (viewer: ViewerContext | null): string[] => coordinatedClubIds(viewer);

/** Whether the permission lets anonymous callers ask (the session guard answers 401 otherwise). */
export const allowsAnonymous = (permission: Permission): boolean => !!(PERMISSIONS[permission] as CheckedRule).anonymous;

/** The kind of record a permission is asked about. */
export const resourceKindOf = (permission: Permission): ResourceKind => PERMISSIONS[permission].on;
