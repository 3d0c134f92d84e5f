import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.e2e.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Refuses and reports any connection a test file makes to a host outside this machine.
    setupFiles: ['test/support/no-calls-home.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each e2e file starts its own stack with its own databases; two at a time suit a 2-core machine.
    maxWorkers: 2,
  },
});
