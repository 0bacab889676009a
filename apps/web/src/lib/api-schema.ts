/**
 * The API's types for the web app: the generated client's, plus (TEMPORARILY, while the meetings
 * routes land) the contract's for whatever is not generated yet. See meetings-contract.ts.
 */
import type { paths as GeneratedPaths, Schemas as GeneratedSchemas } from '@dastarkhan/api-client';
import type { ContractPaths, ContractSchemas } from './meetings-contract';

export type Schemas = GeneratedSchemas & Omit<ContractSchemas, keyof GeneratedSchemas>;
export type ApiPaths = GeneratedPaths & Omit<ContractPaths, keyof GeneratedPaths>;
