import type { Schemas } from '@dastarkhan/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';
import { projectKeys } from './keys';

export type Club = Schemas['ClubDto'];
export type ProjectSummary = Schemas['ProjectSummaryDto'];
export type Project = Schemas['ProjectDto'];
export type ProjectCategory = Project['category'];
export type ProjectStatus = Project['status'];
export type ProjectVisibility = Project['visibility'];
export type ProjectAction = Project['availableActions'][number];
export type ProjectPartner = Schemas['ProjectPartnerDto'];
export type Contribution = Schemas['ContributionDto'];
export type ContributionRevision = Schemas['ContributionRevisionDto'];
export type ContributionRole = ContributionRevision['role'];
export type Milestone = Schemas['MilestoneDto'];
export type OutcomeReport = Schemas['OutcomeReportDto'];
export type OutcomeFigure = Schemas['OutcomeFigureDto'];
export type ProjectEvent = Schemas['ProjectEventDto'];
export type CivicRecord = Schemas['CivicRecordDto'];
export type ProposeProjectInput = Schemas['ProposeProjectDto'];
export type CompleteProjectInput = Schemas['CompleteProjectDto'];
export type ContributionInput = Schemas['ContributionInputDto'];
export type CorrectContributionInput = Schemas['CorrectContributionDto'];
export type ReviewContributionInput = Schemas['ReviewContributionDto'];
export type MilestoneInput = Schemas['MilestoneInputDto'];
export type UpdateMilestoneInput = Schemas['UpdateMilestoneDto'];

export { PROJECT_CATEGORIES } from '@dastarkhan/domain';

/** The club (name, viewer's participations and role): the same cache entry the club page uses. */
export function useClub(clubId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.club(clubId),
    queryFn: async () => unwrap(await client.GET('/api/clubs/{clubId}', { params: { path: { clubId } } })),
  });
}

/** Every project of the club the viewer may see (the API filters by role and privacy), newest first. */
export function useClubProjects(clubId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: projectKeys.club(clubId),
    queryFn: async () => unwrap(await client.GET('/api/clubs/{clubId}/projects', { params: { path: { clubId } } })),
  });
}

export function useProject(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: projectKeys.project(id),
    queryFn: async () => unwrap(await client.GET('/api/projects/{id}', { params: { path: { id } } })),
  });
}

export function useCivicRecord(communityId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: projectKeys.civicRecord(communityId),
    queryFn: async () =>
      unwrap(await client.GET('/api/communities/{id}/civic-record', { params: { path: { id: communityId } } })),
  });
}

export function useProposeProject(clubId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProposeProjectInput) =>
      unwrap(await client.POST('/api/clubs/{clubId}/projects', { params: { path: { clubId } }, body })),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.project(project.id), project);
      return queryClient.invalidateQueries({ queryKey: projectKeys.club(clubId) });
    },
  });
}

/**
 * The project's mutations. Each answer refreshes the project (and, through the shared prefix, the
 * club's list and civic records); a refused one (409: someone else changed it) refreshes it too.
 */
export function useProjectMutations(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const path = { path: { id } };
  const refresh = () => queryClient.invalidateQueries({ queryKey: projectKeys.all });
  const withProject = { onSuccess: (project: Project) => queryClient.setQueryData(projectKeys.project(id), project), onSettled: refresh };
  const thenRefresh = { onSettled: refresh };

  return {
    transition: useMutation({
      mutationFn: async (body: Schemas['ProjectTransitionDto']) =>
        unwrap(await client.POST('/api/projects/{id}/transitions', { params: path, body })),
      ...withProject,
    }),
    complete: useMutation({
      mutationFn: async (body: CompleteProjectInput) => unwrap(await client.POST('/api/projects/{id}/complete', { params: path, body })),
      ...withProject,
    }),
    join: useMutation({
      mutationFn: async (communityId: string) =>
        unwrap(await client.POST('/api/projects/{id}/participants', { params: path, body: { communityId } })),
      ...withProject,
    }),
    decide: useMutation({
      mutationFn: async ({ communityId, ...body }: Schemas['ParticipantDecisionDto'] & { communityId: string }) =>
        unwrap(
          await client.POST('/api/projects/{id}/participants/{communityId}/decision', {
            params: { path: { id, communityId } },
            body,
          }),
        ),
      ...withProject,
    }),
    contribute: useMutation({
      mutationFn: async (body: ContributionInput) => unwrap(await client.POST('/api/projects/{id}/contributions', { params: path, body })),
      ...thenRefresh,
    }),
    correct: useMutation({
      mutationFn: async ({ contributionId, ...body }: CorrectContributionInput & { contributionId: string }) =>
        unwrap(
          await client.POST('/api/projects/{id}/contributions/{contributionId}/revisions', {
            params: { path: { id, contributionId } },
            body,
          }),
        ),
      ...thenRefresh,
    }),
    review: useMutation({
      mutationFn: async ({ contributionId, ...body }: ReviewContributionInput & { contributionId: string }) =>
        unwrap(
          await client.POST('/api/projects/{id}/contributions/{contributionId}/review', {
            params: { path: { id, contributionId } },
            body,
          }),
        ),
      ...thenRefresh,
    }),
    addMilestone: useMutation({
      mutationFn: async (body: MilestoneInput) => unwrap(await client.POST('/api/projects/{id}/milestones', { params: path, body })),
      ...thenRefresh,
    }),
    updateMilestone: useMutation({
      mutationFn: async ({ milestoneId, ...body }: UpdateMilestoneInput & { milestoneId: string }) =>
        unwrap(
          await client.PATCH('/api/projects/{id}/milestones/{milestoneId}', { params: { path: { id, milestoneId } }, body }),
        ),
      ...thenRefresh,
    }),
    deleteMilestone: useMutation({
      mutationFn: async (milestoneId: string) => {
        const result = await client.DELETE('/api/projects/{id}/milestones/{milestoneId}', { params: { path: { id, milestoneId } } });
        if (!result.response.ok) unwrap(result);
      },
      ...thenRefresh,
    }),
  };
}

export type ProjectMutations = ReturnType<typeof useProjectMutations>;
