import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { startEmbeddedPostgres } from '../shared/postgres.ts';
import { freePort } from '../test/support/free-port.ts';
import { progressReporter } from '../scripts/seed-bulk.ts';
import { mergeLoadResults, startLoadGenerator, type LoadResult } from './load.ts';
import { postmasterPid, settledProcessTable, treeCpuMs } from './cpu.ts';
import { ensureBenchDependencies } from './dependencies.ts';
import { checkBudget, round, withRatios, writeReport, type Measurement, type Report } from './report.ts';
import { shapes as allShapes, type RequestBody, type Shape } from './shapes.ts';
import { startSubgraphs, type StatementTimes, type Subgraphs } from './subgraphs.ts';
import { timeShares, type Busy, type StatementTime } from './time-shares.ts';
import { ask } from './traffic.ts';
import { defaultTargets, startTargets, targetNames, type Target, type TargetName } from './targets.ts';

// npm run bench [-- --quick | --dry] [--members N] [--concurrency N] [--duration S] [--repeat N] [--shapes Q1,Q2.10] [--targets gateway,unobserved,twin] [--out DIR] [--database-url URL]
// Measures every shape against the floor, the peer gateway and our gateway in
// one run, on the same subgraphs and data, and writes latest.json and latest.md.

export interface BenchOptions {
  membersPerNetwork: number;
  concurrency: number;
  /** Seconds per measured run; at concurrency 1 the whole of a target's slices. */
  duration: number;
  warmup: number;
  /** Dry runs send a fixed number of requests per run instead of running for a duration. */
  dry: boolean;
  /** Sequential requests per shape and target that check the answer and count SQL statements and subgraph calls. */
  probes: number;
  /** Runs at the fixed concurrency per shape and target, taking turns, the median reported; and the slices at concurrency 1 (oneAtATimeSlices). */
  repeat: number;
  shapes: Shape[];
  /** The targets to measure (defaultTargets unless given; twin only when asked for); our gateway always, since the shapes prepare their data through it. */
  targets?: readonly TargetName[];
  outDir: string;
  /** A PostgreSQL server to create the benchmark's databases on; an embedded one is started otherwise. */
  postgresUrl?: string;
  log(line: string): void;
  /** Ends the run early: every service it started is stopped, and the run rejects. */
  signal?: AbortSignal;
  /** Reports the seeding of one network: called with the members written so far. */
  seedProgress(network: string): (written: number) => void;
}

export const defaultOutDir = fileURLToPath(new URL('./results', import.meta.url));

export async function runBenchmark(options: BenchOptions): Promise<Report> {
  const cleanup: (() => Promise<void>)[] = [];
  // An abort (Ctrl-C, a test's timeout) stops what has started at once, not after the step in flight:
  // a timed-out test once left the floor and both gateways serving for minutes. Steps run once each,
  // in order, whether the abort or the end of the run gets to them first.
  let cleaning = Promise.resolve();
  const cleanUp = () =>
    (cleaning = cleaning.then(async () => {
      while (cleanup.length) await cleanup.shift()!();
    }));
  const onAbort = () => void cleanUp();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const started = () => options.signal?.throwIfAborted();
  try {
    let postgresUrl = options.postgresUrl;
    if (!postgresUrl) {
      const dir = mkdtempSync(join(tmpdir(), 'irm-bench-'));
      const postgres = await startEmbeddedPostgres(join(dir, 'pg'), await freePort(), { persistent: false });
      cleanup.unshift(async () => {
        await postgres.stop();
        rmSync(dir, { recursive: true, force: true });
      });
      postgresUrl = postgres.url;
      started();
    }
    options.log(`seeding ${options.membersPerNetwork} members per network`);
    const subgraphSecret = randomBytes(32).toString('hex');
    const subgraphs = await startSubgraphs({
      postgresUrl,
      membersPerNetwork: options.membersPerNetwork,
      secret: subgraphSecret,
      progress: options.seedProgress,
    });
    cleanup.unshift(() => subgraphs.stop());
    started();
    // PostgreSQL's CPU is read from /proc when the server runs on this machine.
    const postgresPid = await postmasterPid(postgresUrl);
    const secret = randomBytes(32).toString('hex');
    const targets = await startTargets({ serviceUrls: subgraphs.urls, jwtSecret: secret, subgraphSecret }, options.targets ?? defaultTargets);
    cleanup.unshift(async () => void (await Promise.all(targets.map((t) => t.stop()))));
    for (const target of targets) options.log(`${target.name} started, pid ${target.pid}`);
    started();
    const generator = await startLoadGenerator();
    cleanup.unshift(() => generator.stop());
    started();
    const writer = await new SignJWT({ role: 'admin', sub: 'bench' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1d')
      .sign(new TextEncoder().encode(secret));

    /** One load run against a target at a concurrency (a slice of the run at concurrency 1), with the work it caused. */
    const sample = async (target: Target, run: Run, concurrency: number, duration: number): Promise<Sample> => {
      started();
      subgraphs.logging(target.name !== 'unobserved');
      await target.prepare();
      // One request at a time: every moment of the run is one request's, so its time can be told apart. Read
      // before the CPU counters start, as they stop before the second reading: at concurrency 1 a row's five
      // slices would otherwise count these queries five times.
      const statementsBefore = concurrency === 1 ? await subgraphs.statementTime() : null;
      const measured = postgresPid ? [target.pid, postgresPid] : [target.pid];
      const processes = await settledProcessTable(measured);
      const before = {
        sql: subgraphs.sqlStatements(),
        byNetwork: subgraphs.sqlByNetwork(),
        calls: subgraphs.subgraphCalls(),
        cpuMs: treeCpuMs(target.pid, processes),
        ownCpu: process.cpuUsage(),
        postgresCpuMs: postgresPid ? treeCpuMs(postgresPid, processes) : Number.NaN,
      };
      if (concurrency === 1) subgraphs.markBusy();
      const { result, rssMb } = await sampleRss(target, () =>
        generator.load({
          url: run.url,
          headers: run.headers,
          body: run.next,
          connections: concurrency,
          duration,
          // A dry run checks the harness, not the targets: one request per connection (two per connection made
          // its 11 shapes send 363 requests instead of 198, each 30-80 ms of the stack's CPU).
          amount: options.dry ? concurrency : undefined,
        }),
      );
      // Under load the work per request is counted over the whole run, so a gateway that merges identical requests shows it.
      await settle(subgraphs, result.sent > result.requests);
      const busy = subgraphs.busy();
      // This process's CPU before reading /proc, which costs it some: the subgraphs' CPU is taken from it.
      const own = process.cpuUsage(before.ownCpu);
      const after = await settledProcessTable(measured);
      const statements = concurrency === 1 ? difference(statementsBefore, await subgraphs.statementTime()) : null;
      return {
        result,
        rssMb,
        busy,
        statements,
        targetCpuMs: treeCpuMs(target.pid, after) - before.cpuMs,
        // The subgraphs run in this process beside the load generator, whose thread and bodies load() timed.
        subgraphsCpuMs: Math.max(0, (own.user + own.system) / 1000 - result.generatorCpuMs),
        postgresCpuMs: treeCpuMs(postgresPid ?? -1, after) - before.postgresCpuMs,
        sql: subgraphs.sqlStatements() - before.sql,
        sqlByNetwork: countsSince(before.byNetwork, subgraphs.sqlByNetwork()),
        calls: subgraphs.subgraphCalls() - before.calls,
      };
    };

    /** A target's measurement from its samples: one round under load, or every slice at concurrency 1. */
    const summarize = (shape: Shape, target: Target, run: Run, concurrency: number, samples: Sample[]): Measurement => {
      const result = mergeLoadResults(samples.map((s) => s.result));
      const total = (pick: (s: Sample) => number) => samples.reduce((sum, s) => sum + pick(s), 0);
      const perRequest = (ms: number) => round(ms / result.sent, 2);
      const cpuMsPerRequest = perRequest(total((s) => s.targetCpuMs));
      const subgraphsCpuMsPerRequest = perRequest(total((s) => s.subgraphsCpuMs));
      const postgresCpuMsPerRequest = perRequest(total((s) => s.postgresCpuMs));
      const stackCpuMsPerRequest = round(
        cpuMsPerRequest + subgraphsCpuMsPerRequest + (Number.isFinite(postgresCpuMsPerRequest) ? postgresCpuMsPerRequest : 0),
        2,
      );
      const rssMb = Math.max(...samples.map((s) => s.rssMb));
      const statements = samples.every((s) => s.statements) ? sumStatements(samples.map((s) => s.statements!)) : null;
      // Each slice ends with a request the load generator hangs up on, whose work the subgraphs finish (settle):
      // the shares are taken per request sent, as the CPU is.
      const shares =
        concurrency === 1
          ? timeShares(
              result.meanMs,
              result.sent,
              samples.flatMap((s) => s.busy),
              statements,
              'region',
            )
          : undefined;
      if (result.starved) options.log(`${shape.name} ${target.name}: ${result.starved} requests repeated a body that came late from the main thread`);
      const underLoad = {
        sqlPerRequest: perRequest(total((s) => s.sql)),
        sqlPerNetworkPerRequest: busiestNetwork(
          samples.map((s) => s.sqlByNetwork),
          result.sent,
        ),
        subgraphCallsPerRequest: perRequest(total((s) => s.calls)),
      };
      const { probe } = run;
      options.log(
        `${shape.name.padEnd(9)} ${target.name.padEnd(8)} c=${String(concurrency).padEnd(3)} ${round(result.rps)} rps, p50 ${round(result.p50Ms, 1)} ms, p99 ${round(result.p99Ms, 1)} ms, ${round(rssMb)} MB, CPU ms/req ${cpuMsPerRequest} (stack ${stackCpuMsPerRequest})${result.failures ? `, ${result.failures} failed` : ''}`,
      );
      return {
        shape: shape.name,
        target: target.name,
        concurrency,
        rps: round(result.rps),
        p50Ms: round(result.p50Ms, 2),
        p95Ms: round(result.p95Ms, 2),
        p99Ms: round(result.p99Ms, 2),
        rssMb: round(rssMb),
        cpuMsPerRequest,
        subgraphsCpuMsPerRequest,
        postgresCpuMsPerRequest,
        stackCpuMsPerRequest,
        ...(concurrency === 1
          ? {
              sqlPerRequest: probe.sqlPerRequest,
              sqlPerNetworkPerRequest: probe.sqlPerNetworkPerRequest,
              subgraphCallsPerRequest: probe.subgraphCallsPerRequest,
            }
          : underLoad),
        ...(shares ? { timeShares: shares } : {}),
        rpsRounds: samples.map((s) => round(s.result.rps)),
        requests: result.requests,
        failures: result.failures,
      };
    };
    const measure = async (shape: Shape, target: Target, run: Run, concurrency: number) =>
      summarize(shape, target, run, concurrency, [await sample(target, run, concurrency, options.duration)]);

    const measurements: Measurement[] = [];
    for (const [index, shape] of options.shapes.entries()) {
      let expected: { ids: string; target: string } | undefined;
      // Each shape starts with another target, so that none always runs last, on a machine that has grown busier.
      const order = rotate(targets, index);
      const runs = new Map<Target, Run>();
      if (shape.prepare) {
        const gateway = targets.find((t) => t.name === 'gateway')!;
        const headers: Record<string, string> = shape.write ? { authorization: `Bearer ${writer}` } : {};
        options.log(`${shape.name}: prepared ${await shape.prepare((body) => ask(gateway.url(shape.name), headers, body))}`);
      }
      for (const target of order) {
        let n = 0;
        const url = target.url(shape.name);
        const headers: Record<string, string> = shape.write ? { authorization: `Bearer ${writer}` } : {};
        const next = () => shape.body(n++, options.membersPerNetwork);
        const probe = await probeShape(url, headers, next, options.probes, subgraphs);
        expected ??= { ids: probe.ids, target: target.name };
        if (probe.ids !== expected.ids) throw new Error(`${shape.name}: ${target.name} answered members ${probe.ids}, ${expected.target} ${expected.ids}.`);
        const run: Run = { url, headers, next, probe };
        runs.set(target, run);
        if (options.warmup > 0) {
          subgraphs.logging(target.name !== 'unobserved');
          await target.prepare();
          await generator.load({ url: run.url, headers: run.headers, body: run.next, connections: options.concurrency, duration: options.warmup });
          await settle(subgraphs, true);
        }
      }
      // One request at a time, the targets take turns in slices of the run, each slice in another order: every
      // target's latency comes from the same stretches of the machine's time. One run per target after another
      // put the floor's Q2.1 at 157 and 204 requests per second in two consecutive runs on an idle machine
      // (2026-12-04), so a single pair of runs could move a ratio to the floor by a quarter.
      const slices = oneAtATimeSlices(options);
      const oneAtATime = new Map<Target, Sample[]>(order.map((t) => [t, []]));
      for (let slice = 0; slice < slices; slice++) {
        for (const target of rotate(order, slice)) oneAtATime.get(target)!.push(await sample(target, runs.get(target)!, 1, options.duration / slices));
      }
      for (const target of order) measurements.push(summarize(shape, target, runs.get(target)!, 1, oneAtATime.get(target)!));
      // Under load the targets take turns, each round in another order, and each reports its median round:
      // a machine that slows down for a while then costs every target about the same.
      const rounds = new Map<Target, Measurement[]>(order.map((t) => [t, []]));
      for (let round = 0; round < options.repeat; round++) {
        for (const target of rotate(order, round)) rounds.get(target)!.push(await measure(shape, target, runs.get(target)!, options.concurrency));
      }
      for (const target of order) measurements.push(median(rounds.get(target)!));
    }

    // The table lists targets in one order whatever order they ran in.
    const position = (m: Measurement) => [options.shapes.findIndex((s) => s.name === m.shape), targets.findIndex((t) => t.name === m.target), m.concurrency];
    measurements.sort((a, b) => position(a).reduce((d, v, i) => d || v - position(b)[i], 0));
    const rows = withRatios(measurements);
    const report: Report = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: availableParallelism(), node: process.versions.node },
      settings: {
        membersPerNetwork: options.membersPerNetwork,
        concurrency: options.concurrency,
        durationSeconds: options.duration,
        repeat: options.repeat,
        slices: oneAtATimeSlices(options),
        dry: options.dry,
      },
      rows,
      budget: checkBudget(rows, options.concurrency),
    };
    writeReport(options.outDir, report);
    return report;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await cleanUp();
  }
}

interface Probe {
  /** The member ids of the answers, in order: every target must answer the same. */
  ids: string;
  sqlPerRequest: number;
  sqlPerNetworkPerRequest: number;
  subgraphCallsPerRequest: number;
}

/**
 * How many slices a run at concurrency 1 is cut into: `--repeat`, but none shorter than a second, so that even
 * Q3 (50 ms a request) answers about twenty in each and the one it abandons at the end weighs little. A dry run's
 * slices send one request each.
 */
export function oneAtATimeSlices({ dry, duration, repeat }: Pick<BenchOptions, 'dry' | 'duration' | 'repeat'>): number {
  return dry ? repeat : Math.max(1, Math.min(repeat, Math.floor(duration)));
}

/** What one load run (a round under load, a slice at concurrency 1) measured. */
interface Sample {
  result: LoadResult;
  rssMb: number;
  /** When each subgraph answered (concurrency 1 only). */
  busy: Busy[];
  /** PostgreSQL's time per service (concurrency 1 only; null when it could not be read). */
  statements: Record<string, StatementTime> | null;
  targetCpuMs: number;
  subgraphsCpuMs: number;
  postgresCpuMs: number;
  sql: number;
  sqlByNetwork: Record<string, number>;
  calls: number;
}

interface Run {
  url: string;
  headers: Record<string, string>;
  next: () => RequestBody;
  probe: Probe;
}

const rotate = <T>(items: T[], by: number): T[] => [...items.slice(by % items.length), ...items.slice(0, by % items.length)];

/** Each service's statement time between two readings; null when either is missing or entries were dropped between them. */
function difference(before: StatementTimes | null, after: StatementTimes | null): Record<string, StatementTime> | null {
  if (!before || !after || after.evictions !== before.evictions) return null;
  return Object.fromEntries(
    Object.entries(after.services).map(([service, t]) => [
      service,
      { planMs: t.planMs - (before.services[service]?.planMs ?? 0), execMs: t.execMs - (before.services[service]?.execMs ?? 0) },
    ]),
  );
}

/** Each service's statement time over several samples. */
function sumStatements(samples: Record<string, StatementTime>[]): Record<string, StatementTime> {
  const sum: Record<string, StatementTime> = {};
  for (const sample of samples) {
    for (const [service, t] of Object.entries(sample)) {
      sum[service] = { planMs: (sum[service]?.planMs ?? 0) + t.planMs, execMs: (sum[service]?.execMs ?? 0) + t.execMs };
    }
  }
  return sum;
}

/** How much each counter grew between two readings. */
const countsSince = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([key, n]) => [key, n - (before[key] ?? 0)]));

/** The round with the median requests per second, with every run's rate alongside. */
function median(rounds: Measurement[]): Measurement {
  const sorted = [...rounds].sort((a, b) => a.rps - b.rps);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], rpsRounds: rounds.map((r) => r.rps) };
}

/** Statements per request of the network service that sent the most in the samples (each its statements by network). */
function busiestNetwork(samples: Record<string, number>[], requests: number): number {
  const byNetwork = new Map<string, number>();
  for (const sample of samples) for (const [code, n] of Object.entries(sample)) byNetwork.set(code, (byNetwork.get(code) ?? 0) + n);
  return round(Math.max(...byNetwork.values()) / requests, 2);
}

async function probeShape(url: string, headers: Record<string, string>, next: () => RequestBody, probes: number, subgraphs: Subgraphs): Promise<Probe> {
  const sql = subgraphs.sqlStatements();
  const byNetwork = subgraphs.sqlByNetwork();
  const calls = subgraphs.subgraphCalls();
  const ids: string[] = [];
  for (let i = 0; i < probes; i++) {
    JSON.stringify(await ask(url, headers, next()), (key, value) => {
      if (key === 'id') ids.push(value);
      return value;
    });
  }
  return {
    ids: ids.join(' '),
    sqlPerRequest: round((subgraphs.sqlStatements() - sql) / probes, 2),
    sqlPerNetworkPerRequest: busiestNetwork([countsSince(byNetwork, subgraphs.sqlByNetwork())], probes),
    subgraphCallsPerRequest: round((subgraphs.subgraphCalls() - calls) / probes, 2),
  };
}

/**
 * Waits until the requests the load generator abandoned at its stop have finished, so they don't run into the
 * next target's run: subgraphs idle, PostgreSQL idle and the counters still for 200 ms. A subgraph stops counting
 * a request in flight when its client hangs up, while the request's statements may run on for seconds (the
 * floor's Q3 at concurrency 32 left ~30 findSuppliers behind), so PostgreSQL is asked too. At most a minute.
 * A run that abandoned nothing (every request sent was answered: a dry run's fixed amount) left no work behind
 * once subgraphs and PostgreSQL are idle: waiting 200 ms after each of a dry run's 99 runs took a fifth of it.
 */
async function settle(subgraphs: Subgraphs, abandoned: boolean): Promise<void> {
  if (!abandoned && subgraphs.inFlight() === 0 && (await subgraphs.activeQueries()) === 0) return;
  const state = () => `${subgraphs.sqlStatements()} ${subgraphs.subgraphCalls()} ${subgraphs.inFlight()}`;
  for (let i = 0, still = 0, last = ''; i < 1200 && still < 4; i++) {
    const idle = subgraphs.inFlight() === 0 && (await subgraphs.activeQueries()) === 0;
    still = idle && state() === last ? still + 1 : 0;
    last = state();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `work` while sampling the target's resident memory; returns the peak. */
async function sampleRss(target: Target, work: () => Promise<LoadResult>): Promise<{ result: LoadResult; rssMb: number }> {
  let peak = target.rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, target.rssMb())), 200);
  try {
    const result = await work();
    return { result, rssMb: Math.max(peak, target.rssMb()) };
  } finally {
    clearInterval(timer);
  }
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      dry: { type: 'boolean', default: false },
      members: { type: 'string' },
      concurrency: { type: 'string', default: '32' },
      repeat: { type: 'string' },
      duration: { type: 'string' },
      shapes: { type: 'string' },
      targets: { type: 'string' },
      out: { type: 'string', default: defaultOutDir },
      'database-url': { type: 'string' },
    },
  });
  const profile = values.dry
    ? { members: 20, duration: 0, warmup: 0, probes: 1, repeat: 1 }
    : values.quick
      ? { members: 2000, duration: 1, warmup: 0.5, probes: 2, repeat: 1 }
      : { members: 10000, duration: 5, warmup: 2, probes: 3, repeat: 5 };
  const number = (name: string, raw: string | undefined, fallback: number) => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!(value > 0)) throw new Error(`--${name} must be a positive number, got "${raw}".`);
    return value;
  };
  const names = values.shapes?.split(',');
  const shapes = names ? allShapes.filter((s) => names.includes(s.name)) : allShapes;
  if (names && shapes.length !== names.length) throw new Error(`--shapes: known shapes are ${allShapes.map((s) => s.name).join(', ')}.`);
  const targets = values.targets?.split(',') as TargetName[] | undefined;
  if (targets?.some((t) => !targetNames.includes(t))) throw new Error(`--targets: known targets are ${targetNames.join(', ')}.`);
  if (targets && !targets.includes('gateway')) throw new Error('--targets must include gateway: the shapes prepare their data through it.');
  const membersPerNetwork = Math.round(number('members', values.members, profile.members));
  return {
    membersPerNetwork,
    concurrency: Math.round(number('concurrency', values.concurrency, 32)),
    duration: values.dry ? 0 : number('duration', values.duration, profile.duration),
    warmup: profile.warmup,
    dry: values.dry,
    probes: profile.probes,
    repeat: Math.round(number('repeat', values.repeat, profile.repeat)),
    shapes,
    targets,
    outDir: values.out,
    postgresUrl: values['database-url'] ?? process.env.DATABASE_URL,
    log: (line) => console.log(line),
    seedProgress: (network) => progressReporter(`  ${network}`, membersPerNetwork),
  };
}

if (import.meta.main) {
  // Ctrl-C or SIGTERM stops the servers, gateways and PostgreSQL this run started before it exits.
  const interrupt = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => interrupt.abort(new Error(`benchmark stopped by ${signal}`)));
  try {
    const options = parseOptions(process.argv.slice(2));
    ensureBenchDependencies(options.log);
    const report = await runBenchmark({ ...options, signal: interrupt.signal });
    for (const check of report.budget) console.log(`${!check.measured ? 'n/a ' : check.pass ? 'pass' : 'FAIL'}  ${check.rule}: ${check.detail}`);
    process.exit(0);
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
    console.error((interrupt.signal.reason as Error).message);
    process.exit(130);
  }
}
