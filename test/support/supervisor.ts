import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localToken } from '../../scripts/token.ts';
import { spawnLeashed } from '../../shared/processes.ts';
import { freePort } from './free-port.ts';

// `npm start` as a user runs it, for tests of the whole process group: its own DATA_DIR and ports,
// its output collected, and patterns in it waited for.

export interface Supervisor {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** http://localhost:<port> of the gateway. */
  gateway: string;
  process: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output so far or to come. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  query(body: { query: string; variables?: Record<string, unknown> }, token?: string): Promise<any>;
  /** The token `npm run token` gives for these arguments, signed with this DATA_DIR's key (test/start.e2e.ts runs the command itself). */
  token(...args: string[]): Promise<string>;
  /** Ctrl-C, and its exit code. */
  stop(): Promise<number | null>;
}

/** The environment of a supervisor on free ports with this DATA_DIR (a new one by default). */
export async function supervisorEnvironment(dataDir = mkdtempSync(join(tmpdir(), 'irm-start-'))): Promise<NodeJS.ProcessEnv> {
  // Run as root, the embedded server runs as user `postgres`, which must reach the DATA_DIR.
  chmodSync(dataDir, 0o755);
  const [gw, niwe, linat, konat, region, pg] = await Promise.all(Array.from({ length: 6 }, freePort));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(gw),
    NIWE_PORT: String(niwe),
    LINAT_PORT: String(linat),
    KONAT_PORT: String(konat),
    REGION_PORT: String(region),
    PG_PORT: String(pg),
  };
  delete env.DATABASE_URL;
  return env;
}

/**
 * `npm start` spawned on `env` and not waited for: its process, its output so far, and its exit code to come.
 * `cwd` runs another tree of the project (bench/stack-cpu.ts measures an older commit beside this one).
 */
export function spawnSupervisor(env: NodeJS.ProcessEnv, cwd?: string): { child: ChildProcess; output(): string; exited: Promise<number | null> } {
  const child = spawnLeashed(['scripts/start.ts'], { env, cwd });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

/** Starts `npm start` and waits until it says the graph is up (90 s unless `readyTimeoutMs` says otherwise). */
export async function startSupervisor(env?: NodeJS.ProcessEnv, readyTimeoutMs?: number): Promise<Supervisor> {
  env ??= await supervisorEnvironment();
  const { child, output: collected, exited } = spawnSupervisor(env);
  const supervisor: Supervisor = {
    dataDir: env.DATA_DIR!,
    env,
    gateway: `http://localhost:${env.PORT}`,
    process: child,
    output: collected,
    async waitFor(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(collected());
        if (match) return match;
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${collected()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async query(body, token) {
      const response = await fetch(`${supervisor.gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return response.json();
    },
    token: (...args) => localToken(args, env),
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
  try {
    await supervisor.waitFor(/graph is up/, readyTimeoutMs);
  } catch (error) {
    // Not left running: a test worker runs file after file in one process (vitest.config.ts). Ctrl-C stops what it started, PostgreSQL too.
    await supervisor.stop();
    throw error;
  }
  return supervisor;
}
