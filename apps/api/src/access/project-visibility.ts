import { representedCommunityIds, type ViewerContext } from '@dastarkhan/domain';

/**
 * The communities whose place in a project `project.read` looks at (libs/domain/src/access/permissions.ts,
 * seesProject: the lead and the partnerships of the communities the reader represents). A list of
 * projects needs to load its leads and partnerships for these only.
 */
export function projectReadCommunityIds(viewer: ViewerContext | null): string[] {
  return representedCommunityIds(viewer);
}
