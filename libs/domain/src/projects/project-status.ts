export const PROJECT_STATUSES = ['proposed', 'active', 'completed', 'declined', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Final states: nothing changes any more (the record and its ledger stay as evidence). */
export const FINAL_PROJECT_STATUSES: readonly ProjectStatus[] = ['completed', 'declined', 'cancelled'];

export const PROJECT_ACTIONS = ['approve', 'decline', 'cancel', 'complete'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** Who acts on a project: a coordinator of its club, or the representatives of the community that proposed it. */
export type ProjectActor = 'coordinator' | 'proposer';

/** Kinds of joint project; the UI translates each code. */
export const PROJECT_CATEGORIES = ['cleanup', 'sports', 'visit', 'charity', 'education', 'other'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/** `public`: shown to everyone once completed; `club`: only to the club's coordinators and participants. */
export const PROJECT_VISIBILITIES = ['public', 'club'] as const;
export type ProjectVisibility = (typeof PROJECT_VISIBILITIES)[number];

/** A community's place in a project. */
export const PROJECT_ROLES = ['lead', 'partner'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** A community's request to take part in a project, decided by a coordinator. */
export const PARTNER_STATUSES = ['requested', 'confirmed', 'declined'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const PARTNER_DECISIONS = ['confirm', 'decline'] as const;
export type PartnerDecision = (typeof PARTNER_DECISIONS)[number];

/**
 * One revision of a ledger line. `superseded`: a pending revision replaced by a correction before
 * anyone reviewed it. A confirmed revision stays `confirmed` when corrected: it is what counted then.
 */
export const REVISION_STATUSES = ['pending', 'confirmed', 'rejected', 'superseded'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const REVIEW_DECISIONS = ['confirm', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
