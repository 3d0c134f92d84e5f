import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { hasZombie, processTable, settledProcessTable, treeCpuMs, type ProcessTable } from '../bench/cpu.ts';

// A reading of /proc goes through it in pid order, parent before children: a child reaped while it goes on is
// counted nowhere. The benchmark reads again until two readings agree and nothing waits to be reaped
// (bench/cpu.ts, settledProcessTable).

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

/** A process whose child ends at once and is reaped only when the process gets SIGUSR1. */
function withZombie(): number {
  // perl (in every Debian) forks and sleeps without reaping, where a shell reaps its children while it waits.
  return start('perl', ['-e', '$SIG{USR1} = sub { wait }; if (fork() == 0) { exit 0 } sleep 30 while 1']);
}

function start(command: string, args: string[]): number {
  const child = spawn(command, args, { stdio: 'ignore' });
  started.push(child);
  return child.pid!;
}

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

test('a reading waits until the ended process is reaped', async () => {
  const pid = withZombie();
  await until(() => hasZombie(pid, processTable()));
  // The first two readings are taken before the call returns, and see the zombie; the parent reaps it after.
  const reading = settledProcessTable([pid], 5_000);
  process.kill(pid, 'SIGUSR1');
  const stats = await reading;
  expect(hasZombie(pid, stats)).toBe(false);
  expect(stats.has(pid)).toBe(true);
});

test('a parent that never reaps leaves the reading as it is after the tries', async () => {
  const pid = withZombie();
  await until(() => hasZombie(pid, processTable()));
  expect(hasZombie(pid, await settledProcessTable([pid], 3))).toBe(true);
  // Another tree's zombie is no reason to read again.
  const other = start('sleep', ['30']);
  await until(() => processTable().has(other));
  expect(hasZombie(other, await settledProcessTable([other], 1_000))).toBe(false);
});

test('a child reaped during a reading is counted, in its parent, by the next readings', async () => {
  const table = (entries: [number, number, number, number][]): ProcessTable =>
    new Map(entries.map(([pid, ppid, ownMs, reapedMs]) => [pid, { ppid, ownMs, reapedMs }]));
  // The postmaster (100) and a backend (101) of 10 s; the backend ends between the reading of 100 and its own.
  const readings = [
    table([
      [100, 1, 50, 0],
      [101, 100, 10_000, 0],
    ]),
    table([[100, 1, 50, 0]]),
    table([[100, 1, 50, 10_000]]),
    table([[100, 1, 50, 10_000]]),
  ];
  let read = 0;
  const stats = await settledProcessTable([100], 25, () => readings[read++]);
  // The second reading lost the backend's 10 s (50 ms in all); the third agrees with it on the processes, and has them.
  expect(treeCpuMs(100, readings[1])).toBe(50);
  expect(read).toBe(3);
  expect(treeCpuMs(100, stats)).toBe(10_050);
});
