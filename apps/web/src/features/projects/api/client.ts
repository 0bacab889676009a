import type { paths as GeneratedPaths, Schemas as GeneratedSchemas } from '@dastarkhan/api-client';
import type { Client } from 'openapi-fetch';
import { useApiClient } from '../../../lib/api-client';
import type { ProjectContractPaths, ProjectContractSchemas } from './projects-contract';

/** The generated types wherever they exist; the contract's (TEMPORARY) only for what is not generated yet. */
export type Schemas = GeneratedSchemas & Omit<ProjectContractSchemas, keyof GeneratedSchemas>;
type ProjectPaths = GeneratedPaths & Omit<ProjectContractPaths, keyof GeneratedPaths>;

/** The app's one API client, typed with the projects routes. */
export function useProjectsClient(): Client<ProjectPaths> {
  return useApiClient() as unknown as Client<ProjectPaths>;
}
