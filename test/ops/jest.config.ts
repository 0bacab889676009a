import apiConfig from '../api/jest.config';

/**
 * Operations suite: real processes on loopback ports — the built API (`npm run build:api` first) as
 * several replicas, HAProxy with docker/haproxy.cfg, and a PostgreSQL each file starts itself.
 * Files run one at a time (2-core machine); every process a file starts is stopped in its afterAll.
 */
export default {
  ...apiConfig,
  displayName: 'ops',
  testMatch: ['<rootDir>/test/ops/**/*.spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 180_000,
};
