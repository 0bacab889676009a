import { createApiClient } from '@dastarkhan/api-client';
import { createContext, useContext, useState, type ReactNode } from 'react';

export type ApiClient = ReturnType<typeof createApiClient>;

const ApiClientContext = createContext<ApiClient | null>(null);

/**
 * One client per app. It lives in React context (not a module singleton) so a test can render the
 * app against an absolute base URL and a fake `fetch` installed before the client is created.
 */
export function ApiClientProvider({ baseUrl = '', children }: { baseUrl?: string; children: ReactNode }) {
  const [client] = useState(() => createApiClient(baseUrl));
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient must be used inside <ApiClientProvider>');
  return client;
}
