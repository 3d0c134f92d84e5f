import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { supergraphPath } from '../gateway/supergraph.ts';
import { gatewayNodeFlags } from '../gateway/runtime.ts';
import { serviceUrlVariable } from '../shared/config.ts';
import { spawnLeashed } from '../shared/processes.ts';
import { freePort } from '../test/support/free-port.ts';
import { benchDependenciesInstalled, benchInstallCommand } from './dependencies.ts';

// The targets the benchmark compares, each its own Node process with one
// worker, so each one's resident memory is its own and none shares an event
// loop with the subgraphs or the load generator. `unobserved` is our gateway
// again with its logs and metrics off (LOG_LEVEL=silent, METRICS=off), measured
// while the subgraphs neither log nor count: what logs and metrics cost the
// stack (issue 19: at most 5 % of the requests per second). Tracing is off in
// both, as it is by default. `twin` is our gateway once more, exactly as `gateway` (--targets only): an A/A
// control, whose ratio to `gateway` shows how far two identical processes differ in the same run.

export const targetNames = ['floor', 'peer', 'gateway', 'unobserved', 'twin'] as const;
export type TargetName = (typeof targetNames)[number];
/** What a run measures unless --targets says otherwise. */
export const defaultTargets: readonly TargetName[] = ['floor', 'peer', 'gateway', 'unobserved'];

export interface Target {
  name: TargetName;
  /** Its process: the CPU it and its descendants (a gateway's forked workers) use is read from /proc (bench/cpu.ts). */
  pid: number;
  /** URL a shape's requests go to. */
  url(shape: string): string;
  /** Resident set size of the process, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

export interface TargetEnvironment {
  /** Base URL of every subgraph service by its URL variable's prefix: region, NIWE, ... */
  serviceUrls: Record<string, string>;
  jwtSecret: string;
  /** The secret the subgraphs verify requests with; every target signs with it. */
  subgraphSecret: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));
/** Hive Gateway's command, from bench/node_modules (bench/dependencies.ts): the package exports no path to it; it sits beside the main module. */
function hiveGatewayBin(): string {
  if (!benchDependenciesInstalled()) throw new Error(`The peer gateway is not installed: run ${benchInstallCommand} (npm run bench does it when needed).`);
  return fileURLToPath(new URL('./bin.js', import.meta.resolve('@graphql-hive/gateway')));
}

export async function startTargets(env: TargetEnvironment, only: readonly TargetName[] = defaultTargets): Promise<Target[]> {
  const common: Record<string, string> = { JWT_SECRET: env.jwtSecret, SUBGRAPH_SECRET: env.subgraphSecret, NODE_ENV: 'production' };
  for (const [service, url] of Object.entries(env.serviceUrls)) common[serviceUrlVariable(service)] = url;
  // The load comes anonymously from one address; the peer limits no one, so ours does not either here. Logs
  // as deployed (LOG_LEVEL's default, info: a line per request); unobserved sets its own.
  const ours = { PORT: '0', ANONYMOUS_REQUESTS_PER_MINUTE: '1000000000', ANONYMOUS_COST_PER_MINUTE: '1000000000000' };
  // Hive Gateway reports port 0 as 0, so it gets a port picked here.
  const peerPort = await freePort();
  const unobservedPort = await freePort();
  const launchers: Record<TargetName, () => Promise<Target>> = {
    floor: () => start('floor', ['bench/floor.ts'], { ...common, PORT: '0' }, (base, shape) => `${base}/${encodeURIComponent(shape)}`),
    peer: () =>
      start(
        'peer',
        [hiveGatewayBin(), 'supergraph', '--config-path', 'bench/peer-gateway.config.ts', '--port', String(peerPort), '--host', '127.0.0.1', '--fork', '1'],
        { ...common, SUPERGRAPH_PATH: fileURLToPath(supergraphPath), NO_COLOR: '1' },
        (base) => `${base}/graphql`,
        peerPort,
      ),
    gateway: () => start('gateway', [...gatewayNodeFlags(process.env), 'gateway/index.ts'], { ...common, ...ours }, (base) => `${base}/graphql`),
    twin: () => start('twin', [...gatewayNodeFlags(process.env), 'gateway/index.ts'], { ...common, ...ours }, (base) => `${base}/graphql`),
    // With its logs off it does not say where it listens, so it gets a port picked here too.
    unobserved: () =>
      start(
        'unobserved',
        [...gatewayNodeFlags(process.env), 'gateway/index.ts'],
        { ...common, ...ours, PORT: String(unobservedPort), LOG_LEVEL: 'silent', METRICS: 'off' },
        (base) => `${base}/graphql`,
        unobservedPort,
        true,
      ),
  };
  return Promise.all(only.map((name) => launchers[name]()));
}

/**
 * Spawns a target and waits until it listens: until its output names its port, or, for one that logs nothing
 * (`port` given and `silent`), until it answers GET /health on that port.
 */
function start(
  name: TargetName,
  args: string[],
  env: Record<string, string>,
  url: (base: string, shape: string) => string,
  port?: number,
  silent = false,
): Promise<Target> {
  const child = spawnLeashed(args, { cwd: root, env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let output = '';
    let waiting = true;
    const onExit = (code: number | null) => reject(new Error(`${name} exited (code ${code}) before listening:\n${output}`));
    child.once('exit', onExit);
    const timer = setTimeout(() => {
      waiting = false;
      child.kill();
      reject(new Error(`${name} did not listen within 60 s:\n${output}`));
    }, 60_000);
    const listening = (listeningPort: number) => {
      waiting = false;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => chunk.toString().trim() && process.stderr.write(`[${name}] ${chunk}`));
      const base = `http://127.0.0.1:${listeningPort}`;
      resolve({
        name,
        pid: child.pid!,
        url: (shape) => url(base, shape),
        rssMb: () => rssMb(child),
        stop: () => stop(child),
      });
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on https?:\/\/[\w.]+:(\d+)/i.exec(output);
      if (match && waiting) listening(port ?? Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    if (silent && port !== undefined) {
      void (async () => {
        while (waiting) {
          const up = await fetch(`http://127.0.0.1:${port}/health`).then(
            (r) => r.ok,
            () => false,
          );
          if (up && waiting) return listening(port);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
    }
  });
}

function rssMb(child: ChildProcess): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return kb ? Number(kb[1]) / 1024 : NaN;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
