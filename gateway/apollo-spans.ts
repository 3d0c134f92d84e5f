import { trace, type Span, type Tracer } from '@opentelemetry/api';
import apolloTelemetry from '@apollo/gateway/dist/utilities/opentelemetry.js';

// @apollo/gateway wraps each step of a request in an OpenTelemetry span (the
// request, its execution, every fetch, the result's post-processing: five for
// a Q2.1 request) through the global tracer of @opentelemetry/api. Our
// tracing has a provider of its own (shared/otel.ts) and registers none
// globally, so those spans go to OpenTelemetry's no-op tracer, which still
// makes a span object, a context holding it (a copy of the context's Map) and
// its closures for each: about 1.5 % of the gateway's CPU profile on benchmark
// Q2.1 at concurrency 1 (@opentelemetry/api's own functions), for nothing that
// anyone reads. Where nothing is registered globally, the steps run with one
// shared span that records nothing; a process that registered a provider
// before the gateway started (an OpenTelemetry SDK loaded with --import) keeps
// Apollo's spans as they were.

/** What Apollo's code calls on its spans; the non-recording span does nothing on any of them. */
const nothing: Span = trace.wrapSpanContext({ traceId: '00000000000000000000000000000000', spanId: '0000000000000000', traceFlags: 0 });

type StartActiveSpan = (name: string, ...rest: unknown[]) => unknown;

/** Runs each step at once, its function (the last argument, as startActiveSpan takes it) given the span that records nothing. */
const quietTracer = {
  startActiveSpan: ((_name: string, ...rest: unknown[]) => (rest[rest.length - 1] as (span: Span) => unknown)(nothing)) as StartActiveSpan,
  startSpan: () => nothing,
} as unknown as Tracer;

/**
 * Whether a tracer provider was registered globally: then Apollo's spans are somebody's, and stay. Asked by what its
 * tracer does, not by a class name, which a bundler may change: OpenTelemetry's no-op one gives a span with no ids.
 * The probe span is never ended, so no provider exports it.
 */
function globalProviderRegistered(): boolean {
  return trace.isSpanContextValid(trace.getTracer('irm-gateway-probe').startSpan('probe').spanContext());
}

/** Once per process, as installResultShaping (gateway/result-shaping.ts): @apollo/gateway reads `tracer` from the module's exports at every step. */
export function installQuietApolloSpans(): void {
  if (globalProviderRegistered()) return;
  (apolloTelemetry as { tracer: Tracer }).tracer = quietTracer;
}
