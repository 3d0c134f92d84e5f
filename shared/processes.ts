import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// How the project starts its own Node processes: `npm start`'s services, the benchmark's targets,
// the processes of the tests. Each is leashed to its parent (shared/leash.js).

const leash = fileURLToPath(new URL('./leash.js', import.meta.url));

/**
 * Node's compile cache (V8's code for every module, TypeScript already stripped, checked against each file's
 * contents): with it a service process imports its modules in 0.8 s instead of 1.2 s (NIWE's network service
 * alone on the 2-core machine), and `npm start` starts five of them at once. NODE_COMPILE_CACHE set by the
 * caller wins; a cache folder that cannot be written only costs the time it would have saved.
 */
export const compileCacheDir = fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url));

/** Runs `node [nodeArgs] args` on this Node, stopping by itself when this process ends. */
export function spawnLeashed(args: string[], options: SpawnOptions & { nodeArgs?: string[] } = {}): ChildProcess {
  const { nodeArgs = [], env = process.env, ...rest } = options;
  // stdin ignored, stdout and stderr piped for the caller to read, and the IPC channel the leash watches.
  return spawn(process.execPath, ['--import', leash, ...nodeArgs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { NODE_COMPILE_CACHE: compileCacheDir, ...env },
    ...rest,
  });
}

/** Waits until the process with this pid has ended (a zombie counts as ended); false after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isRunning(pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A child whose parent is gone may wait as a zombie for a reaper that never comes (PID 1 in some containers).
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}
