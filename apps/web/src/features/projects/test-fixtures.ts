import type { Schemas } from '@dastarkhan/api-client';
import { countFigure, exactly } from '../../test/fixtures';

type CommunityRef = Schemas['CommunityRefDto'];
type Project = Schemas['ProjectDto'];
type Revision = Schemas['ContributionRevisionDto'];
type Contribution = Schemas['ContributionDto'];
type Milestone = Schemas['MilestoneDto'];

export const grace: CommunityRef = { id: 'com-grace', name: 'Grace Church', tradition: 'evangelical_protestant', registrationStatus: 'not_registered' };
export const mosque: CommunityRef = { id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam', registrationStatus: 'registered' };

export function project(overrides: Partial<Project> = {}): Project {
  return {
    id: 'proj-1',
    clubId: 'club-1',
    clubName: 'Almaty Multi-Faith Club',
    title: 'Spring clean-up of the riverbank',
    category: 'cleanup',
    status: 'active',
    visibility: 'public',
    startsOn: '2026-04-18',
    endsOn: '2026-04-19',
    leadCommunity: grace,
    partnerCount: countFigure(1),
    progress: { done: 0, total: 0, percent: 0 },
    updatedAt: '2026-03-01T06:00:00.000Z',
    description: 'We clean the Esentai riverbank together and plant trees.',
    decisionReason: null,
    version: 3,
    partners: [{ community: grace, role: 'lead', status: 'confirmed', joinedAt: '2026-03-01T06:00:00.000Z' }],
    undisclosed: { partners: exactly(0), volunteers: exactly(0), hours: exactly(0) },
    ledger: [],
    totals: { volunteers: 0, hours: 0, contributions: 0 },
    milestones: [],
    outcome: null,
    events: [],
    availableActions: [],
    viewerIsCoordinator: false,
    viewerCommunityIds: [],
    viewerCanJoinAs: [],
    ...overrides,
  };
}

export function revision(overrides: Partial<Revision> = {}): Revision {
  return {
    id: 'rev-1',
    revision: 1,
    role: 'partner',
    volunteers: 10,
    hours: 20,
    inKind: null,
    status: 'confirmed',
    reviewReason: null,
    enteredByName: 'Aigerim Rep',
    enteredAt: '2026-04-19T10:00:00.000Z',
    reviewedByName: 'Bolat Coordinator',
    reviewedAt: '2026-04-20T10:00:00.000Z',
    ...overrides,
  };
}

export function contribution(overrides: Partial<Contribution> = {}): Contribution {
  const counted = revision();
  return {
    id: 'con-1',
    projectId: 'proj-1',
    community: mosque,
    version: 2,
    counted,
    latest: counted,
    revisions: [counted],
    viewerCanCorrect: false,
    viewerCanReview: false,
    ...overrides,
  };
}

export function milestone(overrides: Partial<Milestone> = {}): Milestone {
  return { id: 'ms-1', title: 'Buy bags and gloves', dueOn: '2026-04-10', done: false, doneAt: null, overdue: false, version: 1, ...overrides };
}
