import { createApiClient } from '@dastarkhan/api-client';
import type { Client } from 'openapi-fetch';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { ApiPaths } from './api-schema';

export type ApiClient = Client<ApiPaths>;

const ApiClientContext = createContext<ApiClient | null>(null);

/**
 * One client per app. It lives in React context (not a module singleton) so a test can render the
 * app against an absolute base URL and a fake `fetch` installed before the client is created.
 */
export function ApiClientProvider({ baseUrl = '', children }: { baseUrl?: string; children: ReactNode }) {
  // The cast only widens the paths to the contract's meetings routes not generated yet (api-schema.ts).
  const [client] = useState(() => createApiClient(baseUrl) as unknown as ApiClient);
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient must be used inside <ApiClientProvider>');
  return client;
}
