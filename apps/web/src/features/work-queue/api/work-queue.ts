import type { Schemas } from '@dastarkhan/api-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export type WorkItem = Schemas['WorkItemDto'];
export type WorkItemKind = Schemas['WorkItemKind'];

/** How often the header asks for the count (like the bell). */
export const WORK_QUEUE_POLL_MS = 60_000;

/** Everything waiting for the coordinator across its clubs. */
export function useWorkQueue() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.workQueueItems,
    queryFn: async () => unwrap(await client.GET('/api/work-queue')),
  });
}

export function useWorkQueueCount(enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.workQueueCount,
    // A background poll: it does not count as the user's activity (the session's idle timeout keeps running).
    queryFn: async () => unwrap(await client.GET('/api/work-queue/count', { headers: { 'X-Background': '1' } })),
    enabled,
    refetchInterval: WORK_QUEUE_POLL_MS,
  });
}

/** The page where an item is done. */
export function workItemPath(item: WorkItem): string {
  switch (item.kind) {
    case 'application':
      return `/clubs/${item.club.id}/applications`;
    case 'candidacy':
      return `/participations/${item.targetId}/progress`;
    case 'project_proposed':
    case 'join_request':
    case 'contribution':
      return `/projects/${item.targetId}`;
    case 'minutes':
      return `/meetings/${item.targetId}/minutes`;
    case 'action_item':
      return `/meetings/${item.targetId}`;
  }
}
