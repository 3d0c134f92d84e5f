import { Worker } from 'node:worker_threads';
import type { RequestBody } from './shapes.ts';

// One load run with autocannon, on a worker thread (load-worker.ts). Latency
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
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
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

export async function load(options: LoadOptions): Promise<LoadResult> {
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
  const worker = new Worker(new URL('./load-worker.ts', import.meta.url), {
    workerData: {
      url: options.url,
      connections: options.connections,
      duration: options.duration,
      amount: options.amount,
      headers: options.headers,
      refill: options.amount === undefined,
    } satisfies WorkerOptions,
  });
  worker.postMessage(make(batch));
  const result = await new Promise<LoadResult>((resolve, reject) => {
    worker.on('message', (message: { more?: true; result?: LoadResult }) => {
      if (message.result) resolve(message.result);
      else if (message.more) {
        batch = Math.min(batch * 2, largestBatch);
        worker.postMessage(make(batch));
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load generator exited with code ${code} before its result`)));
  });
  await worker.terminate();
  return { ...result, generatorCpuMs: result.generatorCpuMs + bodyCpuUs / 1000 };
}
