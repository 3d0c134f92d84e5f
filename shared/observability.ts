import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Kind } from 'graphql';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { ConfigError, type EnvReader } from './config.ts';
import { LineBuffer } from './log-buffer.ts';
import { createServiceMetrics, type ServiceMetrics } from './metrics.ts';
import { newSpanId, newTraceId, parseTraceparent, startTracing, traceparentHeader, type SpanHandle, type TraceContext, type Tracing } from './tracing.ts';

// Logs, metrics and traces of one service (README "Observability"). Every request a service answers runs in a
// RequestScope (AsyncLocalStorage): its trace id, the operation Apollo resolved, the error codes it answered
// with. Whatever logs during the request logs with that trace id, the calls it makes to other services carry
// it on (shared/http-client.ts), and when the response is sent the scope writes one log line, counts the
// request in the metrics and ends the request's span.

export interface ObservabilityConfig {
  /** LOG_LEVEL: fatal, error, warn, info (default), debug, trace or silent. */
  logLevel: Level | 'silent';
  /** METRICS: on (default) counts requests, latency and errors; off counts none of them (the benchmark's baseline). */
  metrics: boolean;
  /** METRICS_PORT: a second listener that serves only GET /metrics, on METRICS_HOST (default 127.0.0.1). */
  metricsPort?: number;
  metricsHost: string;
  /** METRICS_TOKEN: GET /metrics on the service's own port, for `Authorization: Bearer <token>` only. */
  metricsToken?: string;
  /** Where spans are sent (OTLP/HTTP): OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. Unset: no tracing. */
  otlpTracesUrl?: string;
  /** Where the JSON lines go: standard output unless a test gives a stream. */
  logDestination?: DestinationStream;
}

export const defaultObservabilityConfig: ObservabilityConfig = { logLevel: 'info', metrics: true, metricsHost: '127.0.0.1' };

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * The query plan's name for a fetch (`Members__niwe__1`: the client's operation, the subgraph, the fetch), which the
 * gateway sends as a header rather than in the operation's text (gateway/subgraph-source.ts): a subgraph logs and
 * counts an unnamed operation under it.
 */
export const fetchNameHeader = 'x-irm-fetch';
const fetchNamePattern = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The observability settings of any service's environment (each service's loadConfig calls it). */
export function observabilityFromEnv(read: EnvReader): ObservabilityConfig {
  const logLevel = read.string('LOG_LEVEL', 'info');
  if (!levels.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${levels.join(', ')}, got "${logLevel}".`);
  const metricsToken = read.optional('METRICS_TOKEN');
  // As long as the subgraph secrets: a scraper's token is guessed no more easily than they are.
  if (metricsToken !== undefined && metricsToken.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters long.');
  const base = read.optional('OTEL_EXPORTER_OTLP_ENDPOINT');
  const traces = read.optional('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? (base ? `${read.url('OTEL_EXPORTER_OTLP_ENDPOINT', base)}/v1/traces` : undefined);
  // OTLP over HTTP: "collector:4318" parses as a URL of the scheme "collector:".
  if (traces !== undefined && !/^https?:$/.test(URL.parse(traces)?.protocol ?? '')) {
    const name = read.optional('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
    throw new ConfigError(`${name} must be an http: or https: URL such as http://127.0.0.1:4318, got "${read.optional(name)}".`);
  }
  const metrics = read.string('METRICS', 'on');
  if (metrics !== 'on' && metrics !== 'off') throw new ConfigError(`METRICS must be on or off, got "${metrics}".`);
  const metricsPort = read.optional('METRICS_PORT') === undefined ? undefined : read.port('METRICS_PORT', 0);
  return {
    logLevel: logLevel as Level,
    metrics: metrics === 'on',
    metricsPort,
    metricsHost: read.string('METRICS_HOST', '127.0.0.1'),
    metricsToken,
    otlpTracesUrl: traces,
  };
}

export interface Observability {
  /** gateway, region, niwe, linat, konat: the `service` of every log line and the service.name of every span. */
  service: string;
  config: ObservabilityConfig;
  log: Logger;
  metrics: ServiceMetrics;
  /** Present only when an OTLP endpoint is configured. */
  tracing: Tracing | undefined;
  /** Sends the spans still buffered; the service calls it when it stops. */
  shutdown(): Promise<void>;
}

export async function createObservability(service: string, config: ObservabilityConfig = defaultObservabilityConfig): Promise<Observability> {
  const log = createLogger(service, config);
  const tracing = await startTracing(service, config.otlpTracesUrl);
  return { service, config, log, metrics: createServiceMetrics(config.metrics), tracing, shutdown: async () => tracing?.shutdown() };
}

/**
 * Where a service's lines go: file descriptor 1 (standard output) or a path, in batches of about 50 lines and
 * at least once a second (shared/log-buffer.ts). Written one by one as they came, each line cost a write
 * through libuv's thread pool and a wake-up of the reader: 70-85 µs of CPU per line on the 2-core machine,
 * with lines 1 ms apart; a gateway request makes three lines (gateway, region, a network).
 */
export function logDestination(dest: number | string): DestinationStream {
  return new LineBuffer(dest);
}

function createLogger(service: string, config: ObservabilityConfig, sync = false): Logger {
  const destination = config.logDestination ?? (sync ? pino.destination({ dest: 1, sync }) : logDestination(1));
  return pino(
    {
      level: config.logLevel,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * Request lines and request metrics off, or on again as configured (SIGUSR2 toggles them, shared/main.ts): to
 * quiet a service for a while, and for the benchmark, which measures what observing costs in one process
 * (two processes of the same build differed by up to 10 % in CPU per request, as much as what was measured).
 * Warnings and errors still show; the line saying so is written at once, before lines stop or after they resume.
 */
export function setObserved(obs: Observability, on: boolean): void {
  if (!on) obs.log.warn('request lines and metrics off (SIGUSR2 turns them on again)');
  // Never more than configured: a service set to errors only stays so.
  obs.log.level = on || ['fatal', 'error', 'silent'].includes(obs.config.logLevel) ? obs.config.logLevel : 'warn';
  obs.metrics.enabled = on && obs.config.metrics;
  if (on) obs.log.warn('request lines and metrics on, as configured');
  obs.log.flush();
}

/** The log of whatever runs outside a request and outside a service (start-up failures, scripts' child processes); set by runService. */
let processLog: Logger | undefined;

export function setProcessLog(log: Logger) {
  processLog = log;
}

/**
 * The log of a service's process before its observability is built (runService then sets that one): lines written
 * while it starts, such as the networks' catalog masks, named the service "process", which a filter on the README's
 * service names (gateway, region, niwe, linat, konat) missed.
 */
export function nameProcessLog(service: string, config: ObservabilityConfig | undefined) {
  processLog = createLogger(service, config ?? defaultObservabilityConfig, true);
}

/** The log to write to here: the request's (with its trace id) inside one, else the service's. */
export function currentLog(): Logger {
  const scope = scopes.getStore();
  if (scope) return scope.log;
  // Written at once: this log's last line may come right before process.exit.
  processLog ??= createLogger('process', defaultObservabilityConfig, true);
  return processLog;
}

export class RequestScope {
  readonly obs: Observability;
  /** This service's part of the trace: the trace id, and the span the calls and SQL of this request are children of. */
  trace: TraceContext;
  readonly span: SpanHandle | undefined;
  readonly method: string;
  readonly path: string;
  readonly route: string;
  readonly started = performance.now();
  /** The operation Apollo resolved (or the name the caller gave, or for an unnamed one the plan's fetch name); unset for plain routes. */
  operation: string | undefined;
  /** The query plan's name for the fetch, which the gateway sends beside an operation it leaves unnamed (fetchNameHeader). */
  readonly fetchName: string | undefined;
  /** The `extensions.code` of every error answered. */
  errorCodes: string[] | undefined;
  /** The gateway's request id, which clients see in x-request-id and errors' extensions.requestId. */
  requestId: string | undefined;
  #log: Logger | undefined;

  constructor(obs: Observability, req: IncomingMessage, path: string, route: string, fetchNames: boolean) {
    this.obs = obs;
    this.method = req.method ?? 'GET';
    this.path = path;
    this.route = route;
    // Only where the gateway's query plans call (region, the networks): at the gateway itself a client could name its
    // unnamed operation so. A GraphQL name, as the plan makes them, cut short like a caller's operation name.
    const fetchName = fetchNames ? req.headers[fetchNameHeader] : undefined;
    if (typeof fetchName === 'string' && fetchNamePattern.test(fetchName)) this.fetchName = fetchName.slice(0, 100);
    const incoming = parseTraceparent(req.headers[traceparentHeader]);
    if (obs.tracing) {
      const span = obs.tracing.startSpan(`${this.method} ${route}`, {
        kind: 'server',
        parent: incoming,
        attributes: { 'http.request.method': this.method, 'url.path': path, 'http.route': route },
      });
      this.span = span;
      this.trace = { traceId: span.traceId, spanId: span.spanId, sampled: span.sampled };
    } else {
      this.trace = { traceId: incoming?.traceId ?? newTraceId(), spanId: newSpanId(), sampled: incoming?.sampled ?? false };
    }
  }

  /** A child of the service's logger that names the trace, made on first use: most requests log nothing but their line. */
  get log(): Logger {
    this.#log ??= this.obs.log.child({ traceId: this.trace.traceId });
    return this.#log;
  }

  finish(res: ServerResponse) {
    const seconds = (performance.now() - this.started) / 1000;
    const status = res.statusCode;
    const operation = this.obs.metrics.operationLabel(this.operation);
    this.obs.metrics.request(this.route, operation, status, seconds, this.errorCodes);
    if (this.span) {
      this.span.setAttribute('http.response.status_code', status);
      if (this.operation) this.span.setAttribute('graphql.operation.name', this.operation);
      this.span.end(status >= 500 ? `HTTP ${status}` : this.errorCodes?.[0]);
    }
    if (!this.obs.log.isLevelEnabled('info')) return;
    this.obs.log.info(
      {
        traceId: this.trace.traceId,
        requestId: this.requestId,
        method: this.method,
        path: this.path,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        operation: this.operation,
        errors: this.errorCodes,
        // The client went away before the answer was written out.
        aborted: res.writableFinished ? undefined : true,
      },
      'request',
    );
  }
}

const scopes = new AsyncLocalStorage<RequestScope>();

export function currentScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** Not counted, logged or traced: probes and scrapes come every few seconds and would bury the requests. */
const unobserved = new Set(['/health', '/ready', '/metrics']);

/**
 * Runs `serve` for one request inside its scope; `routes` are the paths the service serves (any other counts as
 * "other"); `fetchNames`: the gateway's query plans call this service, and name their unnamed operations in
 * fetchNameHeader.
 */
export function observeRequest(
  obs: Observability,
  routes: ReadonlySet<string>,
  req: IncomingMessage,
  res: ServerResponse,
  serve: () => Promise<void>,
  fetchNames = false,
) {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (unobserved.has(path)) return serve();
  const scope = new RequestScope(obs, req, path, routes.has(path) ? path : 'other', fetchNames);
  res.once('close', () => scope.finish(res));
  return scopes.run(scope, serve);
}

const codeOf = (error: { extensions?: Record<string, unknown> }) => {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
};

// One listener object for every request: it finds the request's scope itself, so nothing is allocated per request.
const listener: GraphQLRequestListener<BaseContext> = {
  async didResolveOperation({ operationName }) {
    const scope = scopes.getStore();
    if (scope) scope.operation = operationName ?? scope.fetchName ?? 'anonymous';
  },
  async didEncounterErrors({ errors, document }) {
    const scope = scopes.getStore();
    if (!scope) return;
    scope.errorCodes = errors.map(codeOf);
    // An operation that failed validation was parsed but never resolved: its name is in the document.
    if (scope.operation === undefined && document) {
      const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      if (operations.length === 1) scope.operation = operations[0]!.name?.value ?? scope.fetchName ?? 'anonymous';
    }
  },
  // The codes the caller reads, once formatError has given each its own: a lost database was logged and counted
  // as INTERNAL_SERVER_ERROR by a network that answered NETWORK_UNAVAILABLE (shared/database-errors.ts).
  async willSendResponse({ response }) {
    const scope = scopes.getStore();
    if (scope?.errorCodes && response.body.kind === 'single' && response.body.singleResult.errors)
      scope.errorCodes = response.body.singleResult.errors.map(codeOf);
  },
};

/** Tells the request's scope which operation ran and which errors it answered; every Apollo Server of the project has it. */
export const observabilityPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart({ request }) {
    const scope = scopes.getStore();
    // What the caller named it, until Apollo has resolved the operation (a name it cannot resolve can be anything: cut short).
    if (scope) scope.operation = request.operationName ? request.operationName.slice(0, 100) : scope.fetchName;
    return listener;
  },
  async contextCreationDidFail({ error }) {
    // The gateway refuses a request (token, rate limit, cost) while it builds the context, before any operation is resolved.
    const scope = scopes.getStore();
    if (scope) scope.errorCodes = [codeOf(error as { extensions?: Record<string, unknown> })];
  },
};

/**
 * With tracing on, a span for one SQL statement of the request, which the ORM reports once it is answered
 * (shared/orm.ts). MikroORM writes the values into the text, so string literals are left out of the span:
 * member names and e-mail addresses stay in the office's database.
 */
export function traceStatement(query: string | undefined, tookMs: number | undefined, failed: boolean) {
  const scope = scopes.getStore();
  if (!scope?.obs.tracing) return;
  const text = query ?? '';
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? 'statement';
  const span = scope.obs.tracing.startSpan(`sql ${verb}`, {
    kind: 'client',
    parent: scope.trace,
    startTime: Date.now() - (tookMs ?? 0),
    attributes: { 'db.system.name': 'postgresql', 'db.query.text': text.replace(/'(?:[^']|'')*'/g, "'?'").slice(0, 2000) },
  });
  span.end(failed ? 'statement failed' : undefined);
}
