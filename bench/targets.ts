import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { supergraphPath } from '../gateway/supergraph.ts';
import { gatewayEnvironment, gatewayNodeFlags } from '../gateway/runtime.ts';
import { serviceUrlVariable } from '../shared/config.ts';
import { spawnLeashed } from '../shared/processes.ts';
import { freePort } from '../test/support/free-port.ts';
import { benchDependenciesInstalled, benchInstallCommand } from './dependencies.ts';

// The targets the benchmark compares, each its own Node process with one
// worker, so each one's resident memory is its own and none shares an event
// loop with the subgraphs or the load generator. `unobserved` is our gateway's
// own process with its request lines and metrics turned off (SIGUSR2,
// shared/main.ts), measured while the subgraphs neither log nor count: what
// logs and metrics cost the stack (issue 19: at most 5 % of the requests per
// second). One process, turned off and on between runs, because two processes
// of the same build differed by up to 10 % in CPU per request (A/A runs with
// `twin`, 2026-12-02), as much as what was to be measured. Tracing is off, as
// it is by default. `twin` is our gateway once more as a process of its own,
// exactly as `gateway` (--targets only): the A/A control, whose ratio to
// `gateway` shows how far two identical processes differ in the same run; or,
// with TWIN_NODE_FLAGS, the same gateway under other V8 flags: an A/B in one run.

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
  /** Called before each of its runs: puts its process in the state it is measured in (unobserved: request lines and metrics off). */
  prepare(): Promise<void>;
  /** The process's standard output, after the line that it listens. */
  output: NodeJS.ReadableStream;
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
  // as deployed (LOG_LEVEL's default, info: a line per request); unobserved turns them off in the same process.
  const ours = { ...gatewayEnvironment(process.env), PORT: '0', ANONYMOUS_REQUESTS_PER_MINUTE: '1000000000', ANONYMOUS_COST_PER_MINUTE: '1000000000000' };
  // Hive Gateway reports port 0 as 0, so it gets a port picked here.
  const peerPort = await freePort();
  const launchers: Record<Exclude<TargetName, 'unobserved'>, () => Promise<Target>> = {
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
    twin: () =>
      start(
        'twin',
        [...gatewayNodeFlags({ GATEWAY_NODE_FLAGS: process.env.TWIN_NODE_FLAGS ?? process.env.GATEWAY_NODE_FLAGS }), 'gateway/index.ts'],
        { ...common, ...ours },
        (base) => `${base}/graphql`,
      ),
  };
  const started = await Promise.all(only.filter((name) => name !== 'unobserved').map((name) => launchers[name]()));
  const gateway = started.find((t) => t.name === 'gateway');
  if (!only.includes('unobserved')) return started;
  if (!gateway) throw new Error('unobserved is the gateway process with its observing off: measure gateway too.');
  const observing = observationSwitch(gateway);
  const observed: Target = { ...gateway, prepare: () => observing(true) };
  const unobserved: Target = { ...gateway, name: 'unobserved', prepare: () => observing(false), stop: async () => {} };
  return only.map((name) => (name === 'unobserved' ? unobserved : name === 'gateway' ? observed : started.find((t) => t.name === name)!));
}

/**
 * Turns the gateway process's request lines and metrics on or off (SIGUSR2 toggles them) and waits until it
 * says so: it writes that line at once (shared/observability.ts setObserved).
 */
function observationSwitch(gateway: Target): (on: boolean) => Promise<void> {
  let observed = true;
  return async (on) => {
    if (on === observed) return;
    const said = `request lines and metrics ${on ? 'on' : 'off'}`;
    const { output } = gateway;
    let tail = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`the gateway did not say "${said}" within 10 s of SIGUSR2`)), 10_000);
      const onData = (chunk: Buffer) => {
        // A line split across two reads is found in the tail of the one before.
        const text = tail + chunk.toString();
        if (text.includes(said)) finish();
        tail = text.slice(-said.length);
      };
      const finish = (error?: Error) => {
        clearTimeout(timer);
        output.off('data', onData);
        if (error) reject(error);
        else resolve();
      };
      output.on('data', onData);
      process.kill(gateway.pid, 'SIGUSR2');
    });
    observed = on;
  };
}

/** Spawns a target and waits until it listens: until its output names its port (`port`, when given, is the one it was told). */
function start(name: TargetName, args: string[], env: Record<string, string>, url: (base: string, shape: string) => string, port?: number): Promise<Target> {
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
        prepare: async () => {},
        stop: () => stop(child),
        output: child.stdout!,
      });
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on https?:\/\/[\w.]+:(\d+)/i.exec(output);
      if (match && waiting) listening(port ?? Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
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
