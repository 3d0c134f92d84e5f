import { randomUUID } from 'node:crypto';

// One request's trace across the services: the gateway takes the W3C `traceparent` a caller sends (or starts a
// trace), and every call it and region make to another service carries it on (shared/http-client.ts), so the
// log lines and spans of one request share its trace id in every process.
//
// Spans are made only when OTEL_EXPORTER_OTLP_ENDPOINT is set: then shared/otel.ts, and with it the
// OpenTelemetry SDK, is imported; otherwise nothing of it is loaded and a request costs two random ids.

export const traceparentHeader = 'traceparent';

export interface TraceContext {
  /** 32 lower-case hex digits, never all zero. */
  traceId: string;
  /** The span the next hop is a child of: 16 hex digits. */
  spanId: string;
  sampled: boolean;
}

// version 00, trace id, parent id, flags; a later version may append fields (W3C Trace Context §4.3).
const pattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** The trace a `traceparent` header names, or undefined for a missing or malformed one (which then starts a new trace). */
export function parseTraceparent(header: string | string[] | undefined): TraceContext | undefined {
  if (typeof header !== 'string' || header.length > 512) return undefined;
  const match = pattern.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (/^0+$/.test(traceId!) || /^0+$/.test(spanId!)) return undefined;
  return { traceId: traceId!, spanId: spanId!, sampled: (Number.parseInt(flags!, 16) & 1) === 1 };
}

export function formatTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? '01' : '00'}`;
}

// randomUUID draws from a buffered pool (randomBytes asks the kernel each time, see shared/signature.ts); its
// fixed version digit leaves 122 random bits of 128, plenty for a trace id.
export const newTraceId = () => randomUUID().replaceAll('-', '');
export const newSpanId = () => randomUUID().replaceAll('-', '').slice(16);

/** A span under way; ends once. */
export interface SpanHandle {
  readonly spanId: string;
  setAttribute(name: string, value: string | number | boolean): void;
  /** `error` marks the span failed, with the error code or message as its status message. */
  end(error?: string): void;
}

export type SpanKind = 'server' | 'client' | 'internal';

export interface SpanStart {
  kind: SpanKind;
  parent: TraceContext | undefined;
  attributes?: Record<string, string | number | boolean>;
  /** Epoch milliseconds; now when absent (SQL spans start when their statement was sent, which the ORM reports afterwards). */
  startTime?: number;
}

/** What the services ask of a trace exporter; shared/otel.ts gives it. */
export interface Tracing {
  /** A new span: its trace id is the parent's, or a new one when there is none. */
  startSpan(name: string, start: SpanStart): SpanHandle & { traceId: string; sampled: boolean };
  /** Sends the spans buffered so far (they go out every second by themselves). */
  flush(): Promise<void>;
  /** Sends the spans still buffered, then stops; called when a service stops. */
  shutdown(): Promise<void>;
}

/** Tracing to the OTLP/HTTP endpoint, or undefined (no SDK loaded) when none is configured. */
export async function startTracing(service: string, endpoint: string | undefined): Promise<Tracing | undefined> {
  if (!endpoint) return undefined;
  const { otlpTracing } = await import('./otel.ts');
  return otlpTracing(service, endpoint);
}
