import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildWhenStale } from '../scripts/stale-build.ts';

// npm start's builds (the portal, the services' bundle): once when several starts ask at the same time, and
// not held up by the lock of a start that was stopped during its build.

const dir = mkdtempSync(join(tmpdir(), 'irm-stale-build-'));

describe('a build when stale', () => {
  test('runs once for two starts at the same time', async () => {
    let stale = true;
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      stale = false;
    };
    const lock = join(dir, 'together.lock');
    let waited = 0;
    const wait = () => waited++;
    await Promise.all([buildWhenStale(lock, () => stale, build, wait), buildWhenStale(lock, () => stale, build, wait)]);
    expect(builds).toBe(1);
    // The second said once that it waits for the first.
    expect(waited).toBe(1);
    expect(existsSync(lock)).toBe(false);
  });

  test('takes over the lock of a start that ended during its build', async () => {
    // The pid of a process that has ended, as a start stopped with Ctrl-C leaves it in its lock.
    const ended = spawnSync('true');
    const lock = join(dir, 'left.lock');
    writeFileSync(lock, String(ended.pid));
    let built = false;
    // Before, it waited five minutes for the lock to grow old; the test's time limit is one.
    await buildWhenStale(
      lock,
      () => !built,
      async () => {
        built = true;
      },
    );
    expect(built).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});
