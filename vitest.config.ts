import { defineConfig } from 'vitest/config';

// Three projects: `unit` is the whole non-browser suite (npm test); `faults` kills processes at
// their worst moments and sends what should not be sent (npm run test:faults); `e2e` drives real
// Chromium against a real server (npm run test:e2e).
export default defineConfig({
  test: {
    // Vitest runs one file at a time on a 2-core machine (cores − 1), yet most test files spend
    // their time waiting: on DuckDB's own threads, child processes, sockets and the disk. Three at
    // once keep both cores busy. The browser and fault projects still run their files one by one.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          // Files share each worker's module cache instead of importing the server afresh (import
          // time fell from 137 s to 20 s across the suite). Tests keep their state in what they
          // build — a database of their own, an app of their own — never in module globals.
          isolate: false,
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
