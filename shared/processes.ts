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

/**
 * Set by a supervisor that starts a service before the service's database is ready (`npm start` launches the
 * subgraphs while PostgreSQL starts): the service loads its modules and builds its schemas, then asks the
 * supervisor and waits for its word before it connects. A service started any other way connects at once.
 * Asked, not announced: a message sent before the service listens for it would be lost.
 */
export const awaitDatabaseVariable = 'AWAIT_DATABASE_SETUP';
const asking = 'waiting';
const answer = 'set up';

/** In a service: resolves once its database may be used (at once, unless started with awaitDatabaseVariable). */
export function databaseSetUp(env = process.env): Promise<void> {
  const channel = process.channel;
  if (env[awaitDatabaseVariable] !== '1' || !channel || !process.send) return Promise.resolve();
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if ((message as { database?: string } | undefined)?.database !== answer) return;
      process.off('message', onMessage);
      // As the leash left it (shared/leash.js): the channel does not keep the service alive.
      channel.unref();
      resolve();
    };
    // Held open while waiting; the leash stops the service if the supervisor ends without a word.
    channel.ref();
    process.on('message', onMessage);
    process.send!({ database: asking });
  });
}

/** In the supervisor: answers the service's question (databaseSetUp) once `setUp` has resolved. */
export function answerDatabaseSetUp(child: ChildProcess, setUp: Promise<unknown>): void {
  child.on('message', (message: unknown) => {
    if ((message as { database?: string } | undefined)?.database !== asking) return;
    setUp.then(
      () => child.connected && child.send({ database: answer }),
      // The supervisor stops when its databases cannot be set up, and the leash takes the service with it.
      () => {},
    );
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

/** Whether a process is alive: there, and not a zombie waiting for its parent. */
export function isRunning(pid: number): boolean {
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
