import type { ParticipationStatus } from '../participation/participation-status';
import type { CommunityPrivacyFacts } from '../privacy/community-access';
import type { PartnerStatus, ProjectStatus, ProjectVisibility } from '../projects/project-status';

/**
 * The facts about a record that the access rules read, one shape per kind of record. The API's
 * access module loads them (one query per record) before any use case runs.
 */
export interface GlobalResource {
  kind: 'global';
}

export interface ClubResource {
  kind: 'club';
  clubId: string;
  regionCode: string;
  /** An archived club keeps its history and is read-only (permissions.ts, `inArchivedClub`). */
  archived: boolean;
}

export interface CommunityResource {
  kind: 'community';
  community: CommunityPrivacyFacts;
}

export interface ParticipationResource {
  kind: 'participation';
  participationId: string;
  clubId: string;
  /** The club is archived: the record is read-only. */
  clubArchived: boolean;
  regionCode: string;
  status: ParticipationStatus;
  community: CommunityPrivacyFacts;
}

export interface MeetingResource {
  kind: 'meeting';
  meetingId: string;
  clubId: string;
  /** The club is archived: the record is read-only. */
  clubArchived: boolean;
  regionCode: string;
  visibility: 'public' | 'club';
}

export interface ProjectResource {
  kind: 'project';
  projectId: string;
  clubId: string;
  /** The club is archived: the record is read-only. */
  clubArchived: boolean;
  regionCode: string;
  status: ProjectStatus;
  visibility: ProjectVisibility;
  leadCommunityId: string;
  /** Every community with a partner row (lead included) and its status. */
  partners: ReadonlyArray<{ communityId: string; status: PartnerStatus }>;
}

/** A ledger line of a project: the project's facts and the community the line belongs to. */
export interface ContributionResource {
  kind: 'contribution';
  contributionId: string;
  communityId: string;
  /** The line's community: a reader sees the line where it may see the community. */
  community: CommunityPrivacyFacts;
  project: ProjectResource;
}

export interface ActionItemResource {
  kind: 'action-item';
  actionItemId: string;
  clubId: string;
  /** The club is archived: the record is read-only. */
  clubArchived: boolean;
  ownerCommunityId: string | null;
}

export interface ReviewResource {
  kind: 'review';
  reviewId: string;
  officialId: string;
  participation: ParticipationResource;
}

export interface DecisionResource {
  kind: 'decision';
  decisionId: string;
  participation: ParticipationResource;
}

export interface AppealResource {
  kind: 'appeal';
  appealId: string;
  participation: ParticipationResource;
}

export interface SponsorshipResource {
  kind: 'sponsorship';
  sponsorshipId: string;
  sponsorCommunityId: string;
  /** The sponsored participation, whose parties see the sponsorship on its progress page. */
  participation: ParticipationResource;
}

export interface NotificationResource {
  kind: 'notification';
  notificationId: string;
  userId: string;
}

/** A community's claim to be registered, verified by an official of one of `regionCodes` or the administrator. */
export interface RegistrationClaimResource {
  kind: 'registration-claim';
  claimId: string;
  communityId: string;
  regionCodes: readonly string[];
  /** The claiming community: itself and its clubs' coordinators see the claim on its profile. */
  community: CommunityPrivacyFacts;
}

/** An invitation to a role: the club it concerns (a co-coordinator's, or the club a representative was invited through). */
export interface InvitationResource {
  kind: 'invitation';
  invitationId: string;
  clubId: string | null;
  invitedBy: string | null;
}

/** One role grant of a person: a coordinator's club, for the club's other coordinators. */
export interface RoleGrantResource {
  kind: 'role-grant';
  roleGrantId: string;
  role: 'administrator' | 'coordinator' | 'representative' | 'official';
  clubId: string | null;
}

export type Resource =
  | GlobalResource
  | ClubResource
  | CommunityResource
  | ParticipationResource
  | MeetingResource
  | ProjectResource
  | ContributionResource
  | ActionItemResource
  | ReviewResource
  | DecisionResource
  | AppealResource
  | SponsorshipResource
  | NotificationResource
  | RegistrationClaimResource
  | InvitationResource
  | RoleGrantResource;

export type ResourceKind = Resource['kind'];
export type ResourceOf<K extends ResourceKind> = Extract<Resource, { kind: K }>;

export const GLOBAL: GlobalResource = { kind: 'global' };
