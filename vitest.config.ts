// Test projects: unit (pure code), db (runs once per database: TIAODU_TEST_DB=sqlite|postgres), e2e (browser); the last
// two run the built command, brought up to date first.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      // Timeouts allow for a machine whose two cores are shared with other work (load averages of 20 were seen).
      { test: { name: 'unit', include: ['test/domain/**/*.test.ts', 'test/io/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts', 'test/services/**/*.test.ts', 'test/server/**/*.test.ts', 'test/cli/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/built-command.ts'],
          // One worker thread imports the application once for every file, where a fresh process per file spent more
          // time importing it than running the file's tests (the suite runs three times: SQLite, PostgreSQL, sharded).
          // So a test file must leave no state behind: no module mocks, no changed environment.
          pool: 'threads',
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/built-command.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // A page's chunk, its data and React's update wait as long as a locator does (test/e2e/support.ts), not 1 s.
          expect: { poll: { timeout: 20_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
