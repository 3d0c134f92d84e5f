import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { processTable, settledProcessTable, treeCpuMs, type ProcessTable } from '../bench/cpu.ts';

// A reading of /proc is not one moment: a child reaped while it goes on is counted nowhere (read after its parent)
// or twice (read before it). The benchmark reads again until two readings agree (bench/cpu.ts, settledProcessTable).

/** A table of [pid, ppid, ownMs, reapedMs]. */
const table = (entries: [number, number, number, number][]): ProcessTable =>
  new Map(entries.map(([pid, ppid, ownMs, reapedMs]) => [pid, { ppid, ownMs, reapedMs }]));

/** The readings in turn, counting them. */
function played(readings: ProcessTable[]) {
  const player = { reads: 0, read: () => readings[player.reads++] };
  return player;
}

test('a backend reaped after its postmaster was read is counted, in the postmaster, by the next readings', async () => {
  // The postmaster (100) and a backend (101) of 10 s, which ends between the reading of 100 and its own.
  const readings = played([
    table([
      [100, 1, 50, 0],
      [101, 100, 10_000, 0],
    ]),
    table([[100, 1, 50, 0]]),
    table([[100, 1, 50, 10_000]]),
    table([[100, 1, 50, 10_000]]),
  ]);
  const stats = await settledProcessTable([100], 25, readings.read);
  // The second reading lost the backend's 10 s; the third has them in the postmaster, and the fourth agrees.
  expect(treeCpuMs(100, table([[100, 1, 50, 0]]))).toBe(50);
  expect(readings.reads).toBe(4);
  expect(treeCpuMs(100, stats)).toBe(10_050);
});

test('a backend read before its postmaster, then reaped, is counted once', async () => {
  // After pid wraparound the backend (50) comes before the postmaster (100): read alive, then reaped into 100.
  const readings = played([
    table([
      [50, 100, 10_000, 0],
      [100, 1, 50, 0],
    ]),
    table([
      [50, 100, 10_000, 0],
      [100, 1, 50, 10_000],
    ]),
    table([[100, 1, 50, 10_000]]),
    table([[100, 1, 50, 10_000]]),
  ]);
  const stats = await settledProcessTable([100], 25, readings.read);
  expect(treeCpuMs(100, stats)).toBe(10_050);
  expect(readings.reads).toBe(4);
});

test('readings that never agree give the last one, with a warning', async () => {
  let n = 0;
  const stats = await settledProcessTable([100], 3, () => table([[100, 1, 50, n++ * 10]]));
  expect(n).toBe(3);
  expect(treeCpuMs(100, stats)).toBe(70);
});

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

test('a quiet tree of real processes is read twice', async () => {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  started.push(child);
  expect(child.pid).toBeGreaterThan(0);
  while (!processTable().has(child.pid!)) await new Promise((resolve) => setTimeout(resolve, 5));
  let reads = 0;
  const stats = await settledProcessTable([child.pid!], 25, () => {
    reads++;
    return processTable();
  });
  expect(reads).toBe(2);
  expect(stats.get(child.pid!)?.ppid).toBe(process.pid);
});
