import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { LoadResult, WorkerOptions } from './load.ts';

// The load generator on a thread of its own, so its CPU can be told apart
// from the subgraphs' in the benchmark's process (it reports its thread's
// time). Bodies come from the main thread in batches, asked for ahead.

const options = workerData as WorkerOptions;
const port = parentPort!;
const bodies: string[] = [];
let next = 0;
let asking = false;
/** Asks for more when fewer than half the last batch are left. */
let lowWater = 0;
/** Requests that found no body ready: each reuses the last one, so the run reports them. */
let starved = 0;
let firstBatch: () => void;
const ready = new Promise<void>((resolve) => (firstBatch = resolve));

port.on('message', (batch: string[]) => {
  bodies.splice(0, next);
  next = 0;
  bodies.push(...batch);
  lowWater = options.refill ? batch.length / 2 : 0;
  asking = false;
  firstBatch();
});

function body(): string {
  if (!asking && bodies.length - next < lowWater) {
    asking = true;
    port.postMessage({ more: true });
  }
  if (next < bodies.length) return bodies[next++];
  starved++;
  return bodies[bodies.length - 1];
}

await ready;

const times: number[] = [];
const started = performance.now();
let last = started;
// Off the main thread autocannon hands back its raw counts, not the aggregated Result.
interface RawResult {
  totalRequests: number;
  errors: number;
  non2xx: number;
}
const result = await new Promise<RawResult>((resolve, reject) => {
  const run = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.duration,
      amount: options.amount,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      sampleInt: 100,
      requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }],
    },
    (error, result) => (error ? reject(error) : resolve(result as unknown as RawResult)),
  );
  run.on('response', (_client, _status, _bytes, responseTime) => {
    times.push(responseTime);
    last = performance.now();
  });
});
times.sort((a, b) => a - b);
const percentile = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? Number.NaN;
const cpu = process.threadCpuUsage();
const answer: LoadResult = {
  requests: times.length,
  sent: result.totalRequests,
  failures: result.non2xx + result.errors,
  // A run in which no answer came (the floor on Q3 at concurrency 32 within a few seconds) served 0 per second.
  rps: times.length === 0 ? 0 : times.length / ((last - started) / 1000),
  p50Ms: percentile(50),
  p95Ms: percentile(95),
  p99Ms: percentile(99),
  starved,
  generatorCpuMs: (cpu.user + cpu.system) / 1000,
};
port.postMessage({ result: answer });
