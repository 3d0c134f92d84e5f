import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Pool } from 'pg';

// Prometheus metrics of one service, in a registry of its own (the tests run every service in one process):
// requests, their latency and errors per route and operation, calls to other services (the gateway's subgraph
// fetches, region's calls to the networks), the database pool, and Node's process metrics. Gauges of state
// (pool, outbox) are read when scraped, so they cost nothing between scrapes.

/** Request latency in seconds: a subgraph answers in a few milliseconds, the gateway's budget is 10 s. */
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Operation names come from the callers, so a label per name is bounded: the first 200 names seen are kept
 * (the portal and the query planner use a few dozen), later ones count as "other", so that random names
 * cannot grow the registry without end.
 */
const maxOperations = 200;
const graphqlName = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export interface ServiceMetrics {
  registry: Registry;
  /**
   * Whether requests and upstream calls are counted (METRICS=off turns it off at start; the benchmark turns it
   * off while it measures what observing costs). The scrape-time gauges cost nothing between scrapes and stay.
   */
  enabled: boolean;
  /** The label for an operation name: the name, "none" (no GraphQL operation), or "other" (past the limit, or not a GraphQL name). */
  operationLabel(name: string | undefined): string;
  /** One answered request. */
  request(route: string, operation: string, status: number, seconds: number, errorCodes: readonly string[] | undefined): void;
  /** One call to another service: its name (niwe, region, …) and HTTP status, or "error" when none came back. */
  upstream(service: string, status: number | 'error', seconds: number): void;
  /** Reports the pool's connections (total, idle, waiting clients) at every scrape. */
  watchPool(pool: Pool): void;
  /** A gauge read at every scrape; a reading that fails reports NaN. */
  readAtScrape(name: string, help: string, read: () => Promise<number>): void;
}

interface Series {
  count: { inc(): void };
  latency: { observe(value: number): void };
}

/** How long a scrape waits for a value read at scrape time (readAtScrape). */
const scrapeReadMs = 1000;

/** The value under `key`, made the first time it is asked for. */
function cached<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * Node's process metrics (CPU, memory, event loop lag, garbage collection), made once per process and shown in
 * every service's registry: they describe the process, whichever service asks. Made per service, each set kept an
 * event-loop-delay monitor ticking every 10 ms and a garbage-collection observer that nothing stops, and the test
 * workers, which run file after file in one process, gathered five more with every stack a file started.
 */
let processMetrics: Registry | undefined;

function addProcessMetrics(registry: Registry): void {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  for (const { name } of processMetrics.getMetricsAsArray()) registry.registerMetric(processMetrics.getSingleMetric(name)!);
}

export function createServiceMetrics(enabled = true): ServiceMetrics {
  const registry = new Registry();
  addProcessMetrics(registry);
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'Requests answered, by route, GraphQL operation name and HTTP status (not /health, /ready, /metrics).',
    labelNames: ['route', 'operation', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by route and GraphQL operation name.',
    labelNames: ['route', 'operation'],
    buckets: latencyBuckets,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors answered, by GraphQL operation name and extensions.code.',
    labelNames: ['operation', 'code'],
    registers: [registry],
  });
  const upstreamCalls = new Counter({
    name: 'upstream_requests_total',
    help: 'Calls to other services (the gateway: subgraph fetches; region: calls to the networks), by service and HTTP status or "error".',
    labelNames: ['upstream', 'status'],
    registers: [registry],
  });
  const upstreamLatency = new Histogram({
    name: 'upstream_request_duration_seconds',
    help: 'Time from sending a call to another service to its whole answer, by service.',
    labelNames: ['upstream'],
    buckets: latencyBuckets,
    registers: [registry],
  });
  const operations = new Set<string>();
  // A request's series, looked up once per route, operation and status: prom-client hashes the label object at
  // every inc and observe (sorting its keys), 2.6 µs of the 2-core machine's CPU per request for the four calls.
  // The keys are bounded as the labels are (200 operations).
  const requestSeries = new Map<string, Series>();
  const upstreamSeries = new Map<string, Series>();
  const pools: Pool[] = [];
  // Registered with the first pool: the gateway, which has none, served a db_pool_connections of zeros.
  const poolGauge = () =>
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool: connections open (total), idle, and queries waiting for a connection (waiting).',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const sum = (read: (pool: Pool) => number) => pools.reduce((total, pool) => total + read(pool), 0);
        this.set(
          { state: 'total' },
          sum((p) => p.totalCount),
        );
        this.set(
          { state: 'idle' },
          sum((p) => p.idleCount),
        );
        this.set(
          { state: 'waiting' },
          sum((p) => p.waitingCount),
        );
      },
    });
  const metrics: ServiceMetrics = {
    registry,
    enabled,
    operationLabel(name) {
      if (name === undefined) return 'none';
      if (operations.has(name)) return name;
      if (name === 'anonymous' || (operations.size < maxOperations && graphqlName.test(name))) {
        operations.add(name);
        return name;
      }
      return 'other';
    },
    request(route, operation, status, seconds, errorCodes) {
      if (!metrics.enabled) return;
      const series = cached(requestSeries, `${route} ${operation} ${status}`, () => ({
        count: requests.labels(route, operation, String(status)),
        latency: latency.labels(route, operation),
      }));
      series.count.inc();
      series.latency.observe(seconds);
      if (errorCodes) for (const code of errorCodes) errors.inc({ operation, code });
    },
    upstream(service, status, seconds) {
      if (!metrics.enabled) return;
      const series = cached(upstreamSeries, `${service} ${status}`, () => ({
        count: upstreamCalls.labels(service, String(status)),
        latency: upstreamLatency.labels(service),
      }));
      series.count.inc();
      series.latency.observe(seconds);
    },
    watchPool(pool) {
      if (pools.length === 0) poolGauge();
      pools.push(pool);
    },
    readAtScrape(name, help, read) {
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          // A read that does not answer in a second is NaN: region's database hung (SIGSTOP) held its whole /metrics
          // until it resumed, so the operator lost every metric for exactly the fault's length (the faults probe).
          const late = new Promise<number>((resolve) => setTimeout(resolve, scrapeReadMs, Number.NaN).unref());
          this.set(await Promise.race([read().catch(() => Number.NaN), late]));
        },
      });
    },
  };
  return metrics;
}
