// Test projects: unit (pure code), db (runs once per database: TIAODU_TEST_DB=sqlite|postgres), e2e (browser); the last
// two run the built command, brought up to date first.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      { test: { name: 'unit', include: ['test/domain/**/*.test.ts', 'test/io/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts', 'test/services/**/*.test.ts', 'test/server/**/*.test.ts', 'test/cli/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/built-command.ts'],
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
          fileParallelism: false,
        },
      },
    ],
  },
});
