import type { Schemas } from '@dastarkhan/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';

export type Notification = Schemas['NotificationDto'];
export type EmailOutboxMessage = Schemas['EmailOutboxMessageDto'];
export type EmailOutboxStatus = EmailOutboxMessage['status'];

export const OUTBOX_STATUSES: EmailOutboxStatus[] = ['pending', 'sent', 'failed'];
const PAGE_SIZE = 20;
/** How often the bell asks for the unread count. */
export const UNREAD_POLL_MS = 60_000;

/** Every key starts with 'notifications', so reading one refreshes the bell and the list together. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: ['notifications', 'list'] as const,
  outbox: (status: EmailOutboxStatus | undefined) => ['notifications', 'outbox', status ?? 'all'] as const,
};

export function useUnreadCount(enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    // A background poll: it does not count as the user's activity (the session's idle timeout keeps running).
    queryFn: async () => unwrap(await client.GET('/api/notifications/unread-count', { headers: { 'X-Background': '1' } })),
    enabled,
    refetchInterval: UNREAD_POLL_MS,
  });
}

/** The reader's notifications, newest first, a page at a time. */
export function useNotifications() {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: async ({ pageParam }) =>
      unwrap(await client.GET('/api/notifications', { params: { query: { limit: PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextBefore,
  });
}

export function useMarkRead() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await client.POST('/api/notifications/read-all'));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useEmailOutbox(status: EmailOutboxStatus | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: notificationKeys.outbox(status),
    queryFn: async () => unwrap(await client.GET('/api/admin/email-outbox', { params: { query: { limit: 100, ...(status ? { status } : {}) } } })),
  });
}
