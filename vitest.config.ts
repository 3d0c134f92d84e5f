import { defineConfig } from 'vitest/config';
import { compileCacheDir } from './shared/processes.ts';

// The workers inherit it: Node keeps the code it compiled for each module (shared/processes.ts).
process.env.NODE_COMPILE_CACHE ??= compileCacheDir;

// Two projects split by suffix: `*.test.ts` are unit tests (logic only, no database, seconds; `npm run test:unit`),
// `*.e2e.ts` start real PostgreSQL and HTTP servers. `npm test` runs both.

const common = {
  // Refuses and reports any connection a test file makes to a host outside this machine.
  setupFiles: ['test/support/no-calls-home.ts'],
  // A worker runs file after file in one process with the modules it has loaded, instead of a new process that
  // loads the whole stack again for every file: the suite took 766 s (1,239 s of CPU) isolated and 563 s (863 s)
  // so, all 130 files passing, on the 2-core machine (2026-12-05; 550 s once the test stacks copied their databases
  // as files). Each file still starts its own stack on its own databases; what a file leaves behind in a module
  // (a cache, a counter, a variable of process.env) is there for the next, so none may count on a fresh one, and a
  // start that fails part way stops what it started (test/support/stack.ts, supervisor.ts).
  isolate: false,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

/** What an end-to-end file needs: one embedded PostgreSQL for the run (test/gate/vitest.config.ts reuses it). */
export const endToEnd = { ...common, globalSetup: ['test/support/global-setup.ts'] };

/**
 * The end-to-end checks of members, search and inquiries once more with every service on a host of its own
 * (TEST_STACK=hosts: network namespaces, each network and region with its own PostgreSQL and secret, two
 * gateways behind haproxy; test/support/hosts.ts). Needs root, iproute2, haproxy and openssl (.ci/run).
 * The three files the issue on separate hosts names: each costs a deployment of its own (15-30 s), and with
 * suppliers, inquiry-access, bad-input and access as well (all pass there: TEST_STACK=hosts
 * npx vitest run --project hosts, after adding them here) the suite took 524 s on a quiet 2-core machine.
 */
const acrossHosts = ['members', 'search', 'inquiries'].map((name) => `test/${name}.e2e.ts`);

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'unit', include: ['test/**/*.test.ts'] } },
      { test: { ...endToEnd, name: 'e2e', include: ['test/**/*.e2e.ts'] } },
      // A deployment of seven hosts takes about 27 s of CPU to start, several times the one-host stack.
      { test: { ...endToEnd, name: 'hosts', include: acrossHosts, env: { TEST_STACK: 'hosts' }, hookTimeout: 300_000 } },
    ],
    // Each e2e file starts its own stack with its own databases; two at a time suit a 2-core machine.
    maxWorkers: 2,
    // Test files and what they import are loaded by Node itself (it strips the types, as when the services run),
    // not transformed by Vite's module runner: importing the whole stack took an e2e file 2.0-2.9 s that way,
    // 1.5-1.7 s natively, and 1.3 s with Node's compile cache (set below for the workers), about 100 files each run.
    experimental: { viteModuleRunner: false },
  },
});
