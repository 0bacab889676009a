import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths } from './schema';
/** Every request and response shape the API declares, by its OpenAPI name (e.g. `Schemas['ClubDto']`). */
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

/** A typed client of the Dastarkhan API; the session travels in its httpOnly cookie. */
export function createApiClient(baseUrl = '', fetchImpl?: typeof fetch): ApiClient {
  return createClient<paths>({ baseUrl, credentials: 'include', ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}
