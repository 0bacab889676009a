import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiClientProvider } from '../lib/api-client';
import { ApiError, isApiError } from '../lib/api-error';
import { queryKeys } from '../lib/query-keys';

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    // A 401 anywhere means the session ended (expired, logged out in another tab): ask again who
    // the viewer is, so the header and the guarded pages show the anonymous state.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error, 401) && query.queryHash !== JSON.stringify(queryKeys.me)) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true });
        }
      },
    }),
    // Almost every step (a decision, an approval, a confirmed contribution, published minutes) takes
    // something off a coordinator's To do: refresh it after any change rather than in each feature.
    mutationCache: new MutationCache({
      onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.workQueue }),
    }),
    defaultOptions: {
      queries: {
        // A 4xx answer will not change on retry; a network blip or 5xx may.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
        staleTime: 30_000,
      },
    },
  });
  return queryClient;
}

interface AppProviderProps {
  i18n: i18n;
  queryClient: QueryClient;
  /** '' in production: the API serves this app, so `/api` is same-origin. */
  apiBaseUrl?: string;
  children: ReactNode;
}

export function AppProvider({ i18n, queryClient, apiBaseUrl = '', children }: AppProviderProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ApiClientProvider baseUrl={apiBaseUrl}>{children}</ApiClientProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
