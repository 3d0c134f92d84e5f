import { defineConfig } from 'vitest/config';

// Two projects split by suffix: `*.test.ts` are unit tests (logic only, no database, seconds; `npm run test:unit`),
// `*.e2e.ts` start real PostgreSQL and HTTP servers. `npm test` runs both.

const common = {
  // Refuses and reports any connection a test file makes to a host outside this machine.
  setupFiles: ['test/support/no-calls-home.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

/** What an end-to-end file needs: one embedded PostgreSQL for the run (test/gate/vitest.config.ts reuses it). */
export const endToEnd = { ...common, globalSetup: ['test/support/global-setup.ts'] };

export default defineConfig({
  test: {
    projects: [{ test: { ...common, name: 'unit', include: ['test/**/*.test.ts'] } }, { test: { ...endToEnd, name: 'e2e', include: ['test/**/*.e2e.ts'] } }],
    // Each e2e file starts its own stack with its own databases; two at a time suit a 2-core machine.
    maxWorkers: 2,
  },
});
