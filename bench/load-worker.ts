import { parentPort } from 'node:worker_threads';
import autocannon from 'autocannon';
import { latencySummary, type LoadResult, type WorkerOptions } from './load.ts';

// The load generator on a thread of its own, so its CPU can be told apart
// from the subgraphs' in the benchmark's process (it reports its thread's
// time). One thread serves every run of a benchmark, one run at a time:
// starting it loads autocannon, about 0.8 s of CPU, which a thread per run
// paid 99 times in a dry run. Bodies come from the main thread in batches,
// asked for ahead.

// Off the main thread autocannon hands back its raw counts, not the aggregated Result.
interface RawResult {
  totalRequests: number;
  errors: number;
  non2xx: number;
}

/** A run's first message holds its options and its first batch of bodies; the next ones more bodies. */
export type ToWorker = { run: WorkerOptions; bodies: string[] } | { bodies: string[] };
export type FromWorker = { ready: true } | { more: true } | { result: LoadResult };

const port = parentPort!;
let run: Run | undefined;

interface Run {
  options: WorkerOptions;
  bodies: string[];
  next: number;
  asking: boolean;
  /** Asks for more when fewer than half the last batch are left. */
  lowWater: number;
  /** Requests that found no body ready: each reuses the last one, so the run reports them. */
  starved: number;
}

port.on('message', (message: ToWorker) => {
  if ('run' in message) {
    run = { options: message.run, bodies: [], next: 0, asking: false, lowWater: 0, starved: 0 };
    take(run, message.bodies);
    void drive(run);
  } else if (run) take(run, message.bodies);
});
// autocannon is loaded by now (the imports above): the first run's CPU is its own.
port.postMessage({ ready: true } satisfies FromWorker);

function take(run: Run, batch: string[]): void {
  run.bodies.splice(0, run.next);
  run.next = 0;
  run.bodies.push(...batch);
  run.lowWater = run.options.refill ? batch.length / 2 : 0;
  run.asking = false;
}

function body(run: Run): string {
  if (!run.asking && run.bodies.length - run.next < run.lowWater) {
    run.asking = true;
    port.postMessage({ more: true } satisfies FromWorker);
  }
  if (run.next < run.bodies.length) return run.bodies[run.next++];
  run.starved++;
  return run.bodies[run.bodies.length - 1];
}

async function drive(run: Run): Promise<void> {
  const { options } = run;
  const cpuBefore = process.threadCpuUsage();
  const times: number[] = [];
  const started = performance.now();
  let last = started;
  const result = await new Promise<RawResult>((resolve, reject) => {
    const cannon = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.duration,
        amount: options.amount,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        // autocannon ends a run on its next sampling tick: a run of a fixed amount (a dry run's few requests)
        // would wait up to 100 ms after its last answer, a tenth of the dry benchmark's time. The rate is
        // counted from the answers' times either way (below), not from autocannon's ticks.
        sampleInt: options.amount === undefined ? 100 : 10,
        requests: [{ setupRequest: (request) => ({ ...request, body: body(run) }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result as unknown as RawResult)),
    );
    cannon.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
      last = performance.now();
    });
  });
  times.sort((a, b) => a - b);
  const cpu = process.threadCpuUsage(cpuBefore);
  // The rate counts to the last answer; a run without one took all its time for nothing.
  const seconds = ((times.length ? last : performance.now()) - started) / 1000;
  port.postMessage({
    result: {
      requests: times.length,
      sent: result.totalRequests,
      failures: result.non2xx + result.errors,
      ...latencySummary(times, seconds),
      times,
      seconds,
      starved: run.starved,
      generatorCpuMs: (cpu.user + cpu.system) / 1000,
    },
  } satisfies FromWorker);
}
