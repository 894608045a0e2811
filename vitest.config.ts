import { defineConfig } from 'vitest/config';

// Three projects so `npm test` can run them in order: fast unit tests first,
// real-server integration tests next, browser e2e last.
// Each runs in worker threads, not vitest's default child processes (forks): a clean-clone CI
// run on 4 December 2026 hung for good between two integration files under forks (the next
// file's fork started and never ran it; vitest waits there without a timeout), a wedge others
// report too. Every suite passes in threads: no test chdirs, exits or traps signals in-process.
const pool = 'threads';
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          pool,
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          pool,
          include: ['server/**/*.integration.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          pool,
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
