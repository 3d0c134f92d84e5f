import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { hasZombie, processTable, settledProcessTable } from '../bench/cpu.ts';

// A process that ended and is not yet reaped shows no CPU in /proc, and its parent has not yet counted it: the
// benchmark reads again until its parent has (bench/cpu.ts, settledProcessTable).

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
  // The first reading is taken before the call returns, and sees the zombie; the parent reaps it after.
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
