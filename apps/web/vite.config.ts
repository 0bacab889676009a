/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const fromRoot = (path: string) => `${workspaceRoot}${path}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    // Mirrors the paths in tsconfig.base.json.
    alias: {
      '@dastarkhan/domain': fromRoot('libs/domain/src/index.ts'),
      '@dastarkhan/api-client': fromRoot('libs/api-client/src/index.ts'),
    },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      // The domain library and rrule have no import-time side effects. Saying so lets the bundler
      // leave the recurrence rules (rrule, ~10 KiB gzip) and the pathway's rules out of the first
      // page, which only needs the locale list from the library's barrel.
      treeshake: { moduleSideEffects: (id: string) => !/libs\/domain\/src\/|node_modules\/rrule\//.test(id) },
    },
  },
  server: {
    port: 4200,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    // Dates are rendered in Asia/Almaty regardless of the machine; a UTC runner proves it.
    env: { TZ: 'UTC' },
    // Whole-app renders with typing take a few seconds on a busy 2-core runner; 5 s flaked there.
    testTimeout: 20_000,
  },
});
