import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spawnLeashed } from '../shared/processes.ts';
import { processTable, treeCpuMs, type ProcessTable } from './cpu.ts';
import { supervisorEnvironment } from '../test/support/supervisor.ts';

// npm run bench:start [-- --warm 3 --keep]
// How long `npm start` takes until the graph answers: once on a fresh data
// folder (cold: PostgreSQL's initdb, databases, migrations, demo data) and
// then restarted on the same folder (warm), each from the spawn of
// scripts/start.ts to the first successful answer of a query that reaches
// region and every network. Prints when each service said it listens.

const root = fileURLToPath(new URL('..', import.meta.url));

/** The first query a user pastes touches region and the three networks. */
const probe = JSON.stringify({ query: '{ networks { code memberCount } }' });

export interface StartTiming {
  /** Milliseconds from the spawn to the first answer with data and no errors. */
  firstAnswerMs: number;
  /** Milliseconds from the spawn to each service's first "listening" line, by its log prefix. */
  listening: Record<string, number>;
  /**
   * CPU milliseconds that npm start and everything it started (PostgreSQL and its initdb, the five services)
   * had spent at the first answer, from /proc: the measure a busy machine moves least, since the wall time
   * of five processes starting at once on two cores is mostly their waiting for each other and for others.
   */
  cpuMs: number;
  /** The same CPU by part: each service by its name, `postgres`, and `npm start` itself with what it ran and reaped (initdb, the builds). */
  cpuByPart: Record<string, number>;
}

/**
 * Where the supervisor's CPU went: each child's whole tree under the name `nameOf` gives it (a service by the
 * name it was started under, PostgreSQL's server with its backends), and the supervisor's own time with
 * that of the children it has reaped. The parts add up to treeCpuMs of the supervisor.
 */
export function cpuByPart(stats: ProcessTable, supervisor: number, nameOf: (pid: number) => string): Record<string, number> {
  const own = stats.get(supervisor);
  if (!own) return {};
  const parts: Record<string, number> = { 'npm start': own.ownMs + own.reapedMs };
  for (const [pid, s] of stats) {
    if (s.ppid !== supervisor) continue;
    const name = nameOf(pid);
    parts[name] = (parts[name] ?? 0) + treeCpuMs(pid, stats);
  }
  return parts;
}

/** A child of npm start that is not one of its services: PostgreSQL's server, or whatever else it runs. */
export function otherChild(pid: number): string {
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')) ? 'postgres' : 'other';
  } catch {
    return 'other';
  }
}

/** Whether the gateway at `gateway` (http://host:port) answers the first query a user pastes, with data and no errors. */
export async function answers(gateway: string): Promise<boolean> {
  try {
    const response = await fetch(`${gateway}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: probe });
    const body = (await response.json()) as { data?: { networks?: { memberCount: number }[] }; errors?: unknown[] };
    return response.ok && !body.errors && (body.data?.networks?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

/** Starts npm start on `env`, waits for its first answer (at most `timeoutMs`), stops it with Ctrl-C. */
export async function timeStart(env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<StartTiming> {
  const started = performance.now();
  const child = spawnLeashed(['scripts/start.ts'], { env, cwd: root });
  const listening: Record<string, number> = {};
  const services = new Map<number, string>();
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const match of chunk.toString().matchAll(/^\[(\w+)\]\s+.*listening/gim)) listening[match[1]] ??= Math.round(performance.now() - started);
    for (const match of chunk.toString().matchAll(/^\[(\w+)\]\s+started, pid (\d+)/gim)) services.set(Number(match[2]), match[1]);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    // Polled every 20 ms once every service has said it listens (no answer can come before): finer than the
    // second the budget is stated in. Before that every 250 ms, in case a line is missed: a query the gateway
    // cannot answer yet costs it 2.4 ms of CPU and a logged error (800 bytes that npm start passes on), and at
    // 20 ms the 200 of a cold start took 0.4 s of the gateway's CPU from the start they measured.
    const everyoneListens = () => services.size > 0 && [...services.values()].every((name) => listening[name] !== undefined);
    for (;;) {
      if (await answers(`http://localhost:${env.PORT}`)) {
        const stats = processTable();
        return {
          firstAnswerMs: Math.round(performance.now() - started),
          listening,
          cpuMs: treeCpuMs(child.pid!, stats),
          cpuByPart: cpuByPart(stats, child.pid!, (pid) => services.get(pid) ?? otherChild(pid)),
        };
      }
      if (child.exitCode !== null) throw new Error(`npm start exited (code ${child.exitCode}) before answering:\n${output}`);
      if (performance.now() - started > timeoutMs) throw new Error(`npm start did not answer within ${timeoutMs / 1000} s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, everyoneListens() ? 20 : 250));
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGINT');
    await exited;
  }
}

async function main() {
  const { values } = parseArgs({ options: { warm: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } } });
  const warmRuns = Number(values.warm);
  if (!Number.isInteger(warmRuns) || warmRuns < 1) throw new Error(`--warm must be a positive whole number, got "${values.warm}".`);
  const env = await supervisorEnvironment();
  const line = (label: string, t: StartTiming) =>
    console.log(
      `${label.padEnd(8)} first answer after ${(t.firstAnswerMs / 1000).toFixed(2)} s, CPU ${(t.cpuMs / 1000).toFixed(2)} s (listening: ${Object.entries(
        t.listening,
      )
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`)
        .join(', ')}; CPU by part: ${Object.entries(t.cpuByPart)
        .sort((a, b) => b[1] - a[1])
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`)
        .join(', ')})`,
    );
  try {
    console.log(`npm start on a fresh data folder ${env.DATA_DIR}, ${new Date().toISOString()}`);
    line('cold', await timeStart(env));
    for (let i = 1; i <= warmRuns; i++) line(warmRuns > 1 ? `warm ${i}` : 'warm', await timeStart(env));
  } finally {
    if (!values.keep) rmSync(env.DATA_DIR!, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  main().catch((error) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
