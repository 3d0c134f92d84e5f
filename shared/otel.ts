import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanKind as OurKind, Tracing } from './tracing.ts';

// The OpenTelemetry SDK behind shared/tracing.ts, imported only when an OTLP endpoint is configured. Spans are
// made by hand where a request enters a service (shared/http.ts), leaves it (shared/http-client.ts) and sends
// SQL (shared/orm.ts), with the parent passed explicitly: no global provider, context manager or module
// patching, so several services in one process (the tests) each keep their own service name, and nothing
// needs a `--import` hook under Node's ES modules.
//
// The SDK is the line @apollo/gateway 2.14 already installs for its usage reporting (1.30 with exporters
// 0.57, API < 1.10). With the newer 3.x line beside it, npm nested a copy of core, resources and semantic
// conventions under each of the gateway's eight OpenTelemetry packages: 96 MB of every `npm ci` (845 -> 749
// MB), for the four calls made here, which are the same in both lines.

const kinds: Record<OurKind, SpanKind> = { server: SpanKind.SERVER, client: SpanKind.CLIENT, internal: SpanKind.INTERNAL };

export function otlpTracing(service: string, endpoint: string): Tracing {
  const provider = new BasicTracerProvider({
    resource: new Resource({ 'service.name': service }),
    // Batches of up to 512 spans every second: one export per second at most, whatever the request rate.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }), { scheduledDelayMillis: 1000 })],
  });
  const tracer = provider.getTracer('irm');
  return {
    startSpan(name, start) {
      const parent = start.parent
        ? trace.setSpanContext(ROOT_CONTEXT, {
            traceId: start.parent.traceId,
            spanId: start.parent.spanId,
            traceFlags: start.parent.sampled ? 1 : 0,
            isRemote: true,
          })
        : ROOT_CONTEXT;
      const span = tracer.startSpan(name, { kind: kinds[start.kind], attributes: start.attributes, startTime: start.startTime }, parent);
      const { traceId, spanId, traceFlags } = span.spanContext();
      return {
        traceId,
        spanId,
        sampled: (traceFlags & 1) === 1,
        setAttribute: (key, value) => void span.setAttribute(key, value),
        end(error) {
          if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
          span.end();
        },
      };
    },
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
