import autocannon from 'autocannon';
import type { RequestBody } from './shapes.ts';

// One load run with autocannon. Latency percentiles come from every response
// time (autocannon's histogram has no p95); requests per second from the
// responses over the time until the last one (autocannon's own duration ends
// on its next sampling tick).

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
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const started = performance.now();
  let last = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.duration,
        amount: options.amount,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        sampleInt: 100,
        requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(options.body()) }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    run.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
      last = performance.now();
    });
  });
  times.sort((a, b) => a - b);
  const percentile = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? NaN;
  return {
    requests: times.length,
    sent: result.requests.sent,
    failures: result.non2xx + result.errors,
    // A run in which no answer came (the floor on Q3 at concurrency 32 within a few seconds) served 0 per second.
    rps: times.length === 0 ? 0 : times.length / ((last - started) / 1000),
    p50Ms: percentile(50),
    p95Ms: percentile(95),
    p99Ms: percentile(99),
  };
}
