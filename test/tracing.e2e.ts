import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { close, listen } from '../shared/http.ts';
import { seedEschwegeMembers } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';

// Traces across the services: a local OTLP/HTTP collector (JSON, as @opentelemetry/exporter-trace-otlp-http
// sends it) receives the spans of one query that goes through the gateway to region and on to the networks,
// and the test checks that they form one tree: gateway root → subgraph fetches → region → network → SQL.

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpRequest {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: OtlpAttribute[] }[] }[];
  }[];
}

const server = 2;
const client = 3;

const spans: ReceivedSpan[] = [];
const contentTypes = new Set<string>();
let collector: Server;
let stack: Stack;

const attributes = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, a.value.stringValue ?? a.value.intValue ?? a.value.boolValue]));

beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      contentTypes.add(req.headers['content-type'] ?? '');
      const request = JSON.parse(body) as OtlpRequest;
      for (const resourceSpans of request.resourceSpans) {
        const service = String(attributes(resourceSpans.resource.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans)
          for (const span of scope.spans)
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              kind: span.kind,
              attributes: attributes(span.attributes),
            });
      }
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  const collectorUrl = await listen(collector, 0);
  stack = await startStack({ observability: { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl } });
  await seedEschwegeMembers(stack, (code) => `Verfolgt ${code} GmbH`);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  if (collector) await close(collector);
});

describe('tracing', () => {
  test('one query is one tree of spans: gateway root, subgraph fetches, region, networks, SQL', async () => {
    const token = await stack.token({ role: 'partner' });
    const niwe = await stack.query('{ members(first: 1, filter: { networks: [NIWE] }) { edges { node { id } } } }', {}, token);
    // A page of members, whose fields region answers from its searches, and one member by id, fetched at NIWE.
    const res = await stack.query(
      `query TraceMembers($id: ID!) { members(first: 10) { edges { node { id name network { code } processes { code } } } } member(id: $id) { processes { code } } }`,
      { id: niwe.data.members.edges[0].node.id },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.members.edges).toHaveLength(2);
    const services = [stack.gateway, stack.region, ...stack.networks.values()];
    const isRoot = (s: ReceivedSpan) => s.service === 'gateway' && s.attributes['graphql.operation.name'] === 'TraceMembers';
    await until(async () => {
      await Promise.all(services.map((s) => s.observability.tracing!.flush()));
      return spans.some(isRoot);
    }, 'the gateway root span is received');
    expect([...contentTypes]).toEqual(['application/json']);
    const root = spans.find(isRoot)!;
    expect(root).toMatchObject({ name: 'POST /graphql', kind: server, parentSpanId: undefined });
    expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
    const trace = spans.filter((s) => s.traceId === root.traceId);
    expect(new Set(trace.map((s) => s.service))).toEqual(new Set(['gateway', 'region', 'niwe', 'linat', 'konat']));

    // Every span but the root hangs from a span of the same trace.
    const ids = new Set(trace.map((s) => s.spanId));
    expect(ids.size).toBe(trace.length);
    for (const span of trace) if (span !== root) expect(ids.has(span.parentSpanId!), `${span.service} ${span.name}`).toBe(true);
    const childrenOf = (parent: ReceivedSpan) => trace.filter((s) => s.parentSpanId === parent.spanId);
    const one = (list: ReceivedSpan[], what: string) => {
      expect(list, what).toHaveLength(1);
      return list[0]!;
    };

    // The gateway fetches from region (the page with its members' fields), then the member by id's processes from NIWE.
    const fetches = childrenOf(root);
    expect(fetches.map((s) => s.name).sort()).toEqual(['POST niwe', 'POST region']);
    for (const fetch of fetches) expect(fetch).toMatchObject({ service: 'gateway', kind: client });
    const regionFetch = fetches.find((s) => s.name === 'POST region')!;
    const regionServer = one(childrenOf(regionFetch), 'region serves the fetch');
    expect(regionServer).toMatchObject({ service: 'region', kind: server, name: 'POST /graphql' });

    // Region searches each network's internal API, and asks NIWE whether the member by id exists; each network runs SQL.
    const regionCalls = childrenOf(regionServer).filter((s) => s.kind === client && s.name.startsWith('POST '));
    expect(regionCalls.map((s) => s.name).sort()).toEqual(['POST KONAT', 'POST LINAT', 'POST NIWE', 'POST NIWE']);
    for (const call of regionCalls) {
      const network = one(childrenOf(call), `${call.name} is served`);
      expect(network).toMatchObject({ service: call.name.slice(5).toLowerCase(), kind: server, name: 'POST /internal/graphql' });
      const sql = childrenOf(network).filter((s) => s.name.startsWith('sql '));
      expect(sql.length, `${network.service} runs SQL`).toBeGreaterThan(0);
      for (const statement of sql) {
        expect(statement).toMatchObject({ service: network.service, kind: client });
        expect(statement.attributes['db.system.name']).toBe('postgresql');
        // Literal values stay out of the spans.
        expect(String(statement.attributes['db.query.text'])).not.toMatch(/Verfolgt/);
      }
    }
    // The gateway's entity fetch to NIWE is served by NIWE's /graphql, which loads the processes with SQL.
    const niweFetch = fetches.find((s) => s.name === 'POST niwe')!;
    const niweServer = one(childrenOf(niweFetch), 'NIWE serves the entity fetch');
    expect(niweServer).toMatchObject({ service: 'niwe', name: 'POST /graphql' });
    expect(childrenOf(niweServer).some((s) => s.name === 'sql select')).toBe(true);
  });

  test('off by default: without an OTLP endpoint the OpenTelemetry SDK is not even loaded', async () => {
    // A fresh process records the packages of every module it resolves while a service's observability is set up.
    const loaded = async (endpoint: string | undefined) => {
      const script = `
        import { registerHooks } from 'node:module';
        const packages = new Set();
        registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); const name = /@opentelemetry\\/[^/]+/.exec(result.url); if (name) packages.add(name[0]); return result; } });
        const { createObservability } = await import('./shared/observability.ts');
        const observability = await createObservability('probe', { logLevel: 'silent', metrics: true, metricsHost: '127.0.0.1', otlpTracesUrl: ${JSON.stringify(endpoint)} });
        await observability.shutdown();
        console.log(JSON.stringify({ tracing: observability.tracing !== undefined, packages: [...packages].sort() }));
      `;
      const output = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd() }, (error, stdout, stderr) =>
          error ? reject(new Error(stderr)) : resolve(stdout),
        ),
      );
      return JSON.parse(output) as { tracing: boolean; packages: string[] };
    };
    // prom-client loads the API, a set of no-op functions, for exemplars; the SDK and exporter stay out.
    expect(await loaded(undefined)).toEqual({ tracing: false, packages: ['@opentelemetry/api'] });
    const on = await loaded('http://127.0.0.1:9/v1/traces');
    expect(on.tracing).toBe(true);
    expect(on.packages).toEqual(expect.arrayContaining(['@opentelemetry/sdk-trace-base', '@opentelemetry/exporter-trace-otlp-http']));
  });
});
