/**
 * TEMPORARY: the projects API as docs/projects-contract.md describes it, in the shape
 * openapi-typescript generates, for routes the generated client does not have yet. `client.ts`
 * prefers the generated definitions wherever they exist; this file goes once the routes have landed.
 */
import type { components } from '@dastarkhan/api-client';

type S = components['schemas'];
type CommunityRef = S['CommunityRefDto'];

interface Json<T> {
  content: { 'application/json': T };
}
type Op<Path, Query, Body, Response> = {
  parameters: { query?: Query; header?: never; cookie?: never } & ([Path] extends [never] ? { path?: never } : { path: Path });
  responses: { 200: { headers: Record<string, unknown> } & Json<Response>; 201: { headers: Record<string, unknown> } & Json<Response> };
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: Json<Body> });
type Id = { id: string };

type Category = 'cleanup' | 'sports' | 'visit' | 'charity' | 'education' | 'other';
type Status = 'proposed' | 'active' | 'completed' | 'declined' | 'cancelled';
type Visibility = 'public' | 'club';
type Action = 'approve' | 'decline' | 'cancel' | 'complete';
type Role = 'lead' | 'partner';

export interface ProjectContractSchemas {
  ProgressDto: { done: number; total: number; percent: number };
  ProjectSummaryDto: {
    id: string;
    clubId: string;
    clubName: string;
    title: string;
    category: Category;
    status: Status;
    visibility: Visibility;
    startsOn: string;
    endsOn: string | null;
    leadCommunity: CommunityRef | null;
    partnerCount: number;
    progress: ProjectContractSchemas['ProgressDto'];
    updatedAt: string;
  };
  ProjectPartnerDto: { community: CommunityRef; role: Role; status: 'requested' | 'confirmed' | 'declined'; joinedAt: string };
  ContributionRevisionDto: {
    id: string;
    revision: number;
    role: Role;
    volunteers: number;
    hours: number;
    inKind: string | null;
    status: 'pending' | 'confirmed' | 'rejected' | 'superseded';
    reviewReason: string | null;
    enteredByName: string;
    enteredAt: string;
    reviewedByName: string | null;
    reviewedAt: string | null;
  };
  ContributionDto: {
    id: string;
    projectId: string;
    community: CommunityRef;
    version: number;
    counted: ProjectContractSchemas['ContributionRevisionDto'] | null;
    latest: ProjectContractSchemas['ContributionRevisionDto'] | null;
    revisions: ProjectContractSchemas['ContributionRevisionDto'][];
    viewerCanCorrect: boolean;
    viewerCanReview: boolean;
  };
  LedgerTotalsDto: { volunteers: number; hours: number; contributions: number };
  MilestoneDto: { id: string; title: string; dueOn: string | null; done: boolean; doneAt: string | null; overdue: boolean; version: number };
  OutcomeFigureDto: { label: string; value: number };
  OutcomeReportDto: { summary: string; figures: ProjectContractSchemas['OutcomeFigureDto'][]; photoLinks: string[]; completedAt: string };
  ProjectEventDto: { id: string; action: 'propose' | Action; fromStatus: Status | null; toStatus: Status; reason: string | null; actorName: string; at: string };
  ProjectDto: ProjectContractSchemas['ProjectSummaryDto'] & {
    description: string;
    decisionReason: string | null;
    version: number;
    partners: ProjectContractSchemas['ProjectPartnerDto'][];
    undisclosedPartners: number;
    ledger: ProjectContractSchemas['ContributionDto'][];
    totals: ProjectContractSchemas['LedgerTotalsDto'];
    milestones: ProjectContractSchemas['MilestoneDto'][];
    outcome: ProjectContractSchemas['OutcomeReportDto'] | null;
    events: ProjectContractSchemas['ProjectEventDto'][];
    availableActions: Action[];
    viewerIsCoordinator: boolean;
    viewerCommunityIds: string[];
    viewerCanJoinAs: string[];
  };
  CivicRecordEntryDto: {
    contributionId: string;
    projectId: string;
    projectTitle: string;
    category: Category;
    projectStatus: Status;
    clubId: string;
    clubName: string;
    role: Role;
    volunteers: number;
    hours: number;
    inKind: string | null;
    confirmedAt: string;
  };
  CivicRecordDto: { communityId: string; projectCount: number; volunteers: number; hours: number; entries: ProjectContractSchemas['CivicRecordEntryDto'][] };
  ProposeProjectDto: { communityId: string; title: string; description: string; category: Category; startsOn: string; endsOn?: string; visibility?: Visibility };
  UpdateProjectDto: { title?: string; description?: string; category?: Category; startsOn?: string; endsOn?: string | null; visibility?: Visibility; version: number };
  ProjectTransitionDto: { action: 'approve' | 'decline' | 'cancel'; reason?: string; version: number };
  CompleteProjectDto: { version: number; summary: string; figures: ProjectContractSchemas['OutcomeFigureDto'][]; photoLinks: string[] };
  JoinProjectDto: { communityId: string };
  ParticipantDecisionDto: { decision: 'confirm' | 'decline'; reason?: string };
  ContributionInputDto: { communityId: string; role: Role; volunteers: number; hours: number; inKind?: string };
  CorrectContributionDto: { role: Role; volunteers: number; hours: number; inKind?: string; version: number };
  ReviewContributionDto: { decision: 'confirm' | 'reject'; reason?: string; version: number };
  MilestoneInputDto: { title: string; dueOn?: string };
  UpdateMilestoneDto: { title?: string; dueOn?: string | null; done?: boolean; version: number };
}

type C = ProjectContractSchemas;
type ProjectContribution = Id & { contributionId: string };
type ProjectMilestone = Id & { milestoneId: string };

export interface ProjectContractPaths {
  '/api/clubs/{clubId}/projects': {
    get: Op<{ clubId: string }, { status?: Status }, never, C['ProjectSummaryDto'][]>;
    post: Op<{ clubId: string }, never, C['ProposeProjectDto'], C['ProjectDto']>;
  };
  '/api/projects/{id}': {
    get: Op<Id, never, never, C['ProjectDto']>;
    patch: Op<Id, never, C['UpdateProjectDto'], C['ProjectDto']>;
  };
  '/api/projects/{id}/transitions': { post: Op<Id, never, C['ProjectTransitionDto'], C['ProjectDto']> };
  '/api/projects/{id}/complete': { post: Op<Id, never, C['CompleteProjectDto'], C['ProjectDto']> };
  '/api/projects/{id}/participants': { post: Op<Id, never, C['JoinProjectDto'], C['ProjectDto']> };
  '/api/projects/{id}/participants/{communityId}/decision': {
    post: Op<Id & { communityId: string }, never, C['ParticipantDecisionDto'], C['ProjectDto']>;
  };
  '/api/projects/{id}/contributions': { post: Op<Id, never, C['ContributionInputDto'], C['ContributionDto']> };
  '/api/projects/{id}/contributions/{contributionId}/revisions': {
    post: Op<ProjectContribution, never, C['CorrectContributionDto'], C['ContributionDto']>;
  };
  '/api/projects/{id}/contributions/{contributionId}/review': {
    post: Op<ProjectContribution, never, C['ReviewContributionDto'], C['ContributionDto']>;
  };
  '/api/projects/{id}/milestones': { post: Op<Id, never, C['MilestoneInputDto'], C['MilestoneDto']> };
  '/api/projects/{id}/milestones/{milestoneId}': {
    patch: Op<ProjectMilestone, never, C['UpdateMilestoneDto'], C['MilestoneDto']>;
    delete: Op<ProjectMilestone, never, never, unknown>;
  };
  '/api/communities/{id}/civic-record': { get: Op<Id, { clubId?: string }, never, C['CivicRecordDto']> };
}
