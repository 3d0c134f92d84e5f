import { describe, expect, test } from 'vitest';
import { ConfigError, envReader } from '../shared/config.ts';
import { createServiceMetrics } from '../shared/metrics.ts';
import { observabilityFromEnv } from '../shared/observability.ts';
import { formatTraceparent, parseTraceparent } from '../shared/tracing.ts';

// The rules under logs, metrics and traces that need no service: the settings, the traceparent header, the
// cap on operation labels.

describe('settings', () => {
  test('defaults: info, metrics on, no metrics listener or token, no tracing', () => {
    expect(observabilityFromEnv(envReader({}))).toEqual({
      logLevel: 'info',
      metrics: true,
      metricsHost: '127.0.0.1',
      metricsPort: undefined,
      metricsToken: undefined,
      otlpTracesUrl: undefined,
    });
  });

  test('the OTLP base URL gets /v1/traces; the traces URL is taken as it is', () => {
    expect(observabilityFromEnv(envReader({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/' })).otlpTracesUrl).toBe('http://127.0.0.1:4318/v1/traces');
    expect(
      observabilityFromEnv(envReader({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/spans' }))
        .otlpTracesUrl,
    ).toBe('http://b:4318/spans');
  });

  test('bad values stop the service with what to fix', () => {
    expect(() => observabilityFromEnv(envReader({ LOG_LEVEL: 'verbose' }))).toThrow(ConfigError);
    expect(() => observabilityFromEnv(envReader({ METRICS: 'no' }))).toThrow('METRICS must be on or off, got "no".');
    expect(() => observabilityFromEnv(envReader({ LOG_LEVEL: 'verbose' }))).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info/);
    expect(() => observabilityFromEnv(envReader({ METRICS_TOKEN: 'short' }))).toThrow(/METRICS_TOKEN must be at least 16 characters/);
    expect(() => observabilityFromEnv(envReader({ METRICS_PORT: '70000' }))).toThrow(/METRICS_PORT must be a port number/);
    expect(() => observabilityFromEnv(envReader({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }))).toThrow(
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL, got "collector:4318".',
    );
  });
});

describe('traceparent', () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const spanId = '00f067aa0ba902b7';

  test('read and written as W3C Trace Context version 00', () => {
    expect(parseTraceparent(`00-${traceId}-${spanId}-01`)).toEqual({ traceId, spanId, sampled: true });
    expect(parseTraceparent(`00-${traceId}-${spanId}-00`)).toEqual({ traceId, spanId, sampled: false });
    expect(formatTraceparent({ traceId, spanId, sampled: true })).toBe(`00-${traceId}-${spanId}-01`);
    // A later version may carry more fields; its first four are read.
    expect(parseTraceparent(`01-${traceId}-${spanId}-01-extra`)).toEqual({ traceId, spanId, sampled: true });
  });

  test('anything else starts a new trace', () => {
    for (const header of [
      undefined,
      '',
      'garbage',
      `00-${traceId}-${spanId}`,
      `00-${traceId.toUpperCase()}-${spanId}-01`,
      `00-${'0'.repeat(32)}-${spanId}-01`,
      `00-${traceId}-${'0'.repeat(16)}-01`,
      `ff-${traceId}-${spanId}-01`,
      `00-${traceId}-${spanId}-01-extra`,
      [`00-${traceId}-${spanId}-01`, `00-${traceId}-${spanId}-01`],
    ]) {
      expect(parseTraceparent(header), String(header)).toBeUndefined();
    }
  });
});

describe('operation labels', () => {
  test('the first 200 GraphQL names are kept; later ones and non-names count as other', () => {
    const metrics = createServiceMetrics();
    expect(metrics.operationLabel(undefined)).toBe('none');
    expect(metrics.operationLabel('anonymous')).toBe('anonymous');
    expect(metrics.operationLabel('not a name')).toBe('other');
    for (let i = 0; i < 199; i++) expect(metrics.operationLabel(`Op${i}`)).toBe(`Op${i}`);
    expect(metrics.operationLabel('OneTooMany')).toBe('other');
    expect(metrics.operationLabel('Op7')).toBe('Op7');
  });
});

describe('METRICS=off', () => {
  test('counts no request and no upstream call, and counts again once turned on', async () => {
    const metrics = createServiceMetrics(false);
    const count = async (name: string) => (await metrics.registry.getSingleMetric(name)?.get())?.values.reduce((sum, v) => sum + v.value, 0);
    metrics.request('/graphql', 'Q', 200, 0.01, ['BAD_USER_INPUT']);
    metrics.upstream('niwe', 200, 0.01);
    expect([await count('http_requests_total'), await count('graphql_errors_total'), await count('upstream_requests_total')]).toEqual([0, 0, 0]);
    metrics.enabled = true;
    metrics.request('/graphql', 'Q', 200, 0.01, ['BAD_USER_INPUT']);
    metrics.upstream('niwe', 200, 0.01);
    expect([await count('http_requests_total'), await count('graphql_errors_total'), await count('upstream_requests_total')]).toEqual([1, 1, 1]);
  });
});

describe('gauges read at a scrape', () => {
  test('a reading that does not answer within a second is NaN, and the scrape answers without it', async () => {
    // Region's outbox counts waited for a hung database, and /metrics answered nothing until it resumed.
    const metrics = createServiceMetrics();
    metrics.readAtScrape('hangs', 'Never answers.', () => new Promise<number>(() => {}));
    metrics.readAtScrape('fails', 'Refused.', () => Promise.reject(new Error('down')));
    metrics.readAtScrape('answers', 'Answers.', async () => 7);
    const text = await metrics.registry.metrics();
    // prom-client writes NaN as "Nan", which Prometheus reads case-free.
    expect(text).toMatch(/^hangs NaN$/im);
    expect(text).toMatch(/^fails NaN$/im);
    expect(text).toMatch(/^answers 7$/m);
  });
});
