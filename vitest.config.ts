// Test projects: unit (pure code), db (runs once per database: TIAODU_TEST_DB=sqlite|postgres), e2e (browser); the last
// two run the built command, brought up to date first.
import { defineConfig } from 'vitest/config';

// The database suite's files. On the sharded layout only the repositories' and services' run: the API and the command
// line are thin edges over those same services, already run on SQLite and on one PostgreSQL, and running them a third
// time cost six of the whole run's minutes.
const DB_FILES = ['test/db/**/*.test.ts', 'test/services/**/*.test.ts'];
const EDGE_FILES = ['test/server/**/*.test.ts', 'test/cli/**/*.test.ts'];
const SHARDED = process.env.TIAODU_TEST_LAYOUT === 'sharded';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      // Timeouts allow for a machine whose two cores are shared with other work (load averages of 20 were seen).
      { test: { name: 'unit', include: ['test/domain/**/*.test.ts', 'test/io/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'db',
          include: SHARDED ? DB_FILES : [...DB_FILES, ...EDGE_FILES],
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
          setupFiles: ['test/e2e/on-failure.ts'],
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
