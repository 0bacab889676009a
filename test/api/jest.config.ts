import * as path from 'node:path';

/**
 * Dependencies Jest's CommonJS module registry cannot load as published: ES-module-only packages
 * that CommonJS code requires (Node >= 20.19 does that natively) and @fastify/cookie's dynamic
 * `import('cookie')` (needs --experimental-vm-modules). Compiled to CommonJS like our sources.
 */
const TRANSPILED_PACKAGES = ['content-disposition', 'cookie', '@fastify/cookie', '@scure/base', '@otplib/plugin-crypto-noble', '@noble/hashes'];

/** API integration suite: real HTTP (supertest) against a real PostgreSQL; see support/global-setup.ts. */
export default {
  displayName: 'api-integration',
  rootDir: path.join(__dirname, '..', '..'),
  testMatch: ['<rootDir>/test/api/**/*.spec.ts'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@dastarkhan/domain$': '<rootDir>/libs/domain/src/index.ts' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    '^.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${TRANSPILED_PACKAGES.join('|')})/)`],
  globalSetup: '<rootDir>/test/api/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/api/support/global-teardown.ts',
  testTimeout: 30_000,
};
