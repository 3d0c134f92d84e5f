import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './load-worker.ts';
import type { RequestBody } from './shapes.ts';

// Load runs with autocannon, on a worker thread (load-worker.ts). Latency
// percentiles come from every response time (autocannon's histogram has no
// p95); requests per second from the responses over the time until the last
// one (autocannon's own duration ends on its next sampling tick).

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration: number;
  amount?: number;
  headers: Record<string, string>;
  body: () => RequestBody;
}

export interface LoadResult {
  /** Responses received. */
  requests: number;
  /** Requests sent, including those still in flight when the run stopped. */
  sent: number;
  /** Non-2xx responses and connection errors. */
  failures: number;
  rps: number;
  /** Mean time to an answer; at concurrency 1 the time each request had the stack to itself. */
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Every response time, in ms, sorted: runs taken in slices are merged from them (mergeLoadResults). */
  times: number[];
  /** Seconds from the start to the last answer (to the end, when none came), over which `rps` is counted. */
  seconds: number;
  /** Requests sent with the previous body because the next had not arrived from the main thread (should be 0). */
  starved: number;
  /**
   * CPU the load generator spent: its thread, and the main thread's time making the bodies. The benchmark's
   * process also runs the subgraphs; this is what to take off its CPU to get theirs.
   */
  generatorCpuMs: number;
}

export interface WorkerOptions {
  url: string;
  connections: number;
  duration: number;
  amount?: number;
  headers: Record<string, string>;
  /** Whether to ask for more bodies; a run of a fixed amount gets them all at once. */
  refill: boolean;
}

// Bodies go to the worker in batches that double up to 4096, asked for when half a batch is left: a run at
// concurrency 1 makes a few hundred (and makes no more bodies than it needs), one at 32 a thousand per second
// or more, and the main thread, busy with the subgraphs, answers within milliseconds.
const firstBatch = 256;
const largestBatch = 4096;

export interface LoadGenerator {
  /** One run; runs take turns (a second run while one is under way is refused). */
  load(options: LoadOptions): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** The load generator's thread, started once for every run of a benchmark (bench/load-worker.ts says why). */
export async function startLoadGenerator(): Promise<LoadGenerator> {
  const worker = new Worker(new URL('./load-worker.ts', import.meta.url));
  let failed: Error | undefined;
  let current: { onMessage(message: FromWorker): void; reject(error: Error): void } | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    current?.reject(error);
  };
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`the load generator exited with code ${code}`)));
  worker.on('message', (message: FromWorker) => current?.onMessage(message));
  await new Promise<void>((resolve, reject) => {
    current = { onMessage: (message) => 'ready' in message && resolve(), reject };
  });
  current = undefined;
  return {
    async load(options) {
      if (failed) throw failed;
      if (current) throw new Error('the load generator is running another load run');
      // A fixed amount, and one body for each connection's request that autocannon prepares but does not send.
      let batch = options.amount === undefined ? firstBatch : options.amount + options.connections;
      let bodyCpuUs = 0;
      const make = (count: number) => {
        const before = process.threadCpuUsage();
        const bodies = Array.from({ length: count }, () => JSON.stringify(options.body()));
        const spent = process.threadCpuUsage(before);
        bodyCpuUs += spent.user + spent.system;
        return bodies;
      };
      const run: WorkerOptions = {
        url: options.url,
        connections: options.connections,
        duration: options.duration,
        amount: options.amount,
        headers: options.headers,
        refill: options.amount === undefined,
      };
      try {
        const result = await new Promise<LoadResult>((resolve, reject) => {
          current = {
            onMessage(message) {
              if ('result' in message) resolve(message.result);
              else if ('more' in message) {
                batch = Math.min(batch * 2, largestBatch);
                worker.postMessage({ bodies: make(batch) } satisfies ToWorker);
              }
            },
            reject,
          };
          worker.postMessage({ run, bodies: make(batch) } satisfies ToWorker);
        });
        return { ...result, generatorCpuMs: result.generatorCpuMs + bodyCpuUs / 1000 };
      } finally {
        current = undefined;
      }
    },
    async stop() {
      current = undefined;
      await worker.terminate();
    },
  };
}

/** Rate, mean and percentiles of a run's response times (sorted, ms) over `seconds`. */
export function latencySummary(times: number[], seconds: number): Pick<LoadResult, 'rps' | 'meanMs' | 'p50Ms' | 'p95Ms' | 'p99Ms'> {
  const percentile = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? Number.NaN;
  return {
    // A run in which no answer came (the floor on Q3 at concurrency 32 within a few seconds) served 0 per second.
    rps: times.length === 0 ? 0 : times.length / seconds,
    meanMs: times.length === 0 ? Number.NaN : times.reduce((sum, t) => sum + t, 0) / times.length,
    p50Ms: percentile(50),
    p95Ms: percentile(95),
    p99Ms: percentile(99),
  };
}

/** Runs of one target taken in slices, as one run: counts added, the percentiles of all their response times. */
export function mergeLoadResults(results: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const times = results.flatMap((r) => r.times).sort((a, b) => a - b);
  const seconds = sum((r) => r.seconds);
  return {
    requests: sum((r) => r.requests),
    sent: sum((r) => r.sent),
    failures: sum((r) => r.failures),
    ...latencySummary(times, seconds),
    times,
    seconds,
    starved: sum((r) => r.starved),
    generatorCpuMs: sum((r) => r.generatorCpuMs),
  };
}

/** One load run on a load generator of its own (started and stopped for it). */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const generator = await startLoadGenerator();
  try {
    return await generator.load(options);
  } finally {
    await generator.stop();
  }
}
