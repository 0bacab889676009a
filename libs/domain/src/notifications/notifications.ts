import type { ParticipationAction } from '../participation/participation-status';
import type { ViewerContext, ViewerRole } from '../access/viewer';
import { communityName, type NamedCommunity } from '../privacy/naming';

/** Every event someone is told about; the client renders each kind in the reader's language. */
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
  // The club's life beyond the pathway: projects, ledgers, meetings and their records.
  'project_proposed',
  'project_approved',
  'project_declined',
  'project_join_requested',
  'project_join_accepted',
  'project_join_declined',
  'contribution_entered',
  'contribution_confirmed',
  'contribution_rejected',
  'minutes_published',
  'action_item_assigned',
  'action_item_overdue',
  'meeting_changed',
  'meeting_cancelled',
  'meeting_reminder',
  /** Upcoming meetings of a club newly fall on a holiday or a weekly observance (the tables changed). */
  'meeting_warnings_changed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** In which capacity a recipient hears about a participation. */
export type NotificationAudience = 'community' | 'coordinator' | 'official' | 'administrator';

/**
 * The reader a recipient is in the capacity they hear in: the naming rule then decides what the
 * notification may say (an official was chosen for the club's region, so the scope is given).
 */
export function capacityViewer(
  audience: NotificationAudience,
  subject: { userId: string; clubId: string; regionCode: string; communityId: string },
): ViewerContext {
  const role = {
    community: { role: 'representative', clubId: null, communityId: subject.communityId, region: null },
    coordinator: { role: 'coordinator', clubId: subject.clubId, communityId: null, region: null },
    official: { role: 'official', clubId: null, communityId: null, region: subject.regionCode },
    administrator: { role: 'administrator', clubId: null, communityId: null, region: null },
  }[audience] as ViewerRole;
  return { userId: subject.userId, roles: [role], participations: [] };
}

/** Someone who may hear about a participation, in one capacity. */
export interface RecipientCandidate {
  userId: string;
  audience: NotificationAudience;
}

/**
 * When one person is reached in several capacities, the one that knows the community best wins:
 * they already see its name that way, so the notification may carry it.
 */
const AUDIENCE_PRECEDENCE: NotificationAudience[] = ['community', 'coordinator', 'administrator', 'official'];

/** One entry per person (never the actor), in the capacity that knows the community best. */
export function chooseRecipients<T extends RecipientCandidate>(candidates: T[], actorId: string): T[] {
  const byUser = new Map<string, T>();
  for (const candidate of candidates) {
    if (candidate.userId === actorId) continue;
    const kept = byUser.get(candidate.userId);
    if (!kept || AUDIENCE_PRECEDENCE.indexOf(candidate.audience) < AUDIENCE_PRECEDENCE.indexOf(kept.audience)) {
      byUser.set(candidate.userId, candidate);
    }
  }
  return [...byUser.values()];
}

/** The in-app page a notification opens: where this audience acts on the event. */
export function notificationLink(audience: NotificationAudience, participationId: string): string {
  switch (audience) {
    case 'community':
    case 'coordinator':
      return `/participations/${participationId}/progress`;
    case 'official':
      return '/official/candidacies';
    case 'administrator':
      return '/admin/appeals';
  }
}

export interface NoticeSubject {
  /** Null for a notice about the club itself (told to its coordinators), which names no community. */
  participationId: string | null;
  clubId: string;
  regionCode: string;
  clubName: string;
  /** The participation's community; null for a notice about the club itself. */
  community: NamedCommunity | null;
}

/**
 * What one recipient's notification says about the event: the club, the participation and the
 * caller's extras, and the community's name only where the naming rule lets this recipient see
 * it. Extras can never smuggle a name in under the same key.
 */
export function notificationParams(
  recipient: { userId: string; audience: NotificationAudience },
  subject: NoticeSubject,
  extra: Record<string, string | null> = {},
): Record<string, string | null> {
  const { communityName: _never, ...safeExtra } = extra;
  const community = subject.community;
  const reader = community && capacityViewer(recipient.audience, { ...subject, userId: recipient.userId, communityId: community.communityId });
  const name = community && reader ? communityName(community, reader, subject.clubId) : null;
  return {
    ...safeExtra,
    clubName: subject.clubName,
    ...(subject.participationId !== null ? { participationId: subject.participationId } : {}),
    ...(name !== null ? { communityName: name } : {}),
  };
}

export interface TransitionNotice {
  kind: NotificationKind;
  audiences: NotificationAudience[];
  /** Whether the step's reason goes along: only where every audience may read it. */
  withReason: boolean;
}

/**
 * A nomination, by the coordinator or at the community's request. Its reason may describe the
 * community, so it stays out: officials read only that a candidacy exists.
 */
export const NOMINATION_NOTICE: TransitionNotice = { kind: 'nominated', audiences: ['community', 'coordinator', 'official'], withReason: false };

/**
 * Who hears about a step taken through the generic transition endpoint. Decisions, nomination
 * requests, reviews and appeals notify from their own services.
 */
export const TRANSITION_NOTICES: Partial<Record<ParticipationAction, TransitionNotice>> = {
  accept: { kind: 'application_accepted', audiences: ['community'], withReason: false },
  nominate: NOMINATION_NOTICE,
  suspend: { kind: 'suspended', audiences: ['community'], withReason: true },
  reinstate: { kind: 'reinstated', audiences: ['community'], withReason: true },
  withdraw: { kind: 'withdrawn', audiences: ['coordinator'], withReason: true },
};
