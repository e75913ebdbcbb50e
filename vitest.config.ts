import { defineConfig } from 'vitest/config';

// Three projects: `unit` is the whole non-browser suite (npm test); `faults` kills processes at
// their worst moments and sends what should not be sent (npm run test:faults); `e2e` drives real
// Chromium against a real server (npm run test:e2e).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: ['test/helpers/fixture-cache.ts'],
          include: [
            'server/**/*.test.ts',
            'data/**/*.test.ts',
            'web/**/*.test.ts',
            'test/api/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/architecture/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'faults',
          globalSetup: ['test/helpers/fixture-cache.ts'],
          include: ['test/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup: ['test/helpers/fixture-cache.ts'],
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
