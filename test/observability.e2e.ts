import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { close, createHttpServer, createMetricsServer, listen } from '../shared/http.ts';
import { createObservability } from '../shared/observability.ts';
import { eventTypes } from '../subgraphs/region/inquiries/outbox-event.entity.ts';
import { startGatewayProcess } from './support/gateway-process.ts';
import { seedEschwegeMembers } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';

// Logs, metrics and their access rule, on the real stack: every service writes its JSON lines to one list
// here, so one request's lines are joined across services by trace id; /metrics is read before and after a
// known number of requests.

interface Line {
  level: string;
  service: string;
  msg: string;
  traceId?: string;
  requestId?: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  operation?: string;
  errors?: string[];
}

const lines: Line[] = [];
const destination = {
  write(chunk: string) {
    for (const line of chunk.split('\n')) if (line) lines.push(JSON.parse(line) as Line);
  },
};
const metricsToken = randomBytes(16).toString('hex');
let stack: Stack;
let token: string;

/**
 * A page of members, which region answers with their fields from its searches of every network, and one member by id,
 * whose processes the gateway fetches at NIWE (set once NIWE's member is seeded).
 */
let membersQuery: string;

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query }),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

function metricsUrl(base: string) {
  return new URL('/metrics', base).toString();
}

async function scrape(base: string): Promise<string> {
  const response = await fetch(metricsUrl(base), { headers: { authorization: `Bearer ${metricsToken}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample, e.g. sample(text, 'http_requests_total', { route: '/graphql' }); 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const given = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => given[key] === value)) total += Number(match[3]);
  }
  return total;
}

beforeAll(async () => {
  stack = await startStack({ observability: { LOG_LEVEL: 'info', METRICS_TOKEN: metricsToken }, logDestination: destination });
  token = await stack.token({ role: 'partner' });
  await seedEschwegeMembers(stack, (code) => `Beobachtbar ${code} GmbH`);
  const niwe = await stack.query('{ members(first: 1, filter: { networks: [NIWE] }) { edges { node { id } } } }');
  const id = niwe.data.members.edges[0].node.id;
  membersQuery = `query ObsMembers { members(first: 10) { edges { node { id name network { code } processes { code } } } } member(id: "${id}") { processes { code } } }`;
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('logs', () => {
  test("one request's lines carry one trace id in the gateway, region and each network it reached", async () => {
    const { response, body } = await post(membersQuery);
    expect(body.errors).toBeUndefined();
    expect(new Set(body.data.members.edges.map((e: { node: { network: { code: string } } }) => e.node.network.code))).toEqual(new Set(['NIWE', 'LINAT']));
    const requestId = response.headers.get('x-request-id')!;
    await until(() => lines.some((l) => l.service === 'gateway' && l.requestId === requestId), "the gateway's line is written");
    const gatewayLine = lines.find((l) => l.service === 'gateway' && l.requestId === requestId)!;
    expect(gatewayLine).toMatchObject({ level: 'info', msg: 'request', method: 'POST', path: '/graphql', status: 200, operation: 'ObsMembers' });
    expect(gatewayLine.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(gatewayLine.durationMs).toBeGreaterThan(0);
    const joined = lines.filter((l) => l.traceId === gatewayLine.traceId && l.msg === 'request');
    // Region searched all three networks; the gateway fetched the member by id's processes from NIWE.
    expect(new Set(joined.map((l) => l.service))).toEqual(new Set(['gateway', 'region', 'niwe', 'linat', 'konat']));
    for (const line of joined) expect(line).toMatchObject({ method: 'POST', status: 200 });
    // The gateway sends its fetches unnamed and their plan names in a header, which region and the networks log.
    expect(joined.find((l) => l.service === 'region')!.operation).toMatch(/^ObsMembers__region__\d+$/);
    expect(joined.find((l) => l.service === 'niwe' && l.path === '/graphql')!.operation).toMatch(/^ObsMembers__niwe__\d+$/);
    // Another request is another trace.
    await post(membersQuery);
    await until(() => lines.filter((l) => l.service === 'gateway' && l.operation === 'ObsMembers').length === 2, 'the second line is written');
    expect(new Set(lines.filter((l) => l.service === 'gateway' && l.operation === 'ObsMembers').map((l) => l.traceId)).size).toBe(2);
  });

  test('the gateway logs an unnamed operation as anonymous, whatever fetch name a client sends', async () => {
    const { response } = await post('{ __typename }', { 'x-irm-fetch': 'Spoofed__region__0' });
    const requestId = response.headers.get('x-request-id')!;
    await until(() => lines.some((l) => l.service === 'gateway' && l.requestId === requestId), "the gateway's line is written");
    expect(lines.find((l) => l.service === 'gateway' && l.requestId === requestId)!.operation).toBe('anonymous');
  });

  test("the gateway takes the caller's traceparent and passes it on", async () => {
    const traceId = randomBytes(16).toString('hex');
    await post(membersQuery, { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
    await until(() => lines.some((l) => l.traceId === traceId && l.service === 'niwe'), 'the trace reaches NIWE');
    expect(new Set(lines.filter((l) => l.traceId === traceId).map((l) => l.service))).toEqual(new Set(['gateway', 'region', 'niwe', 'linat', 'konat']));
    // A malformed one starts a new trace instead of landing in the logs.
    await post(membersQuery, { traceparent: '00-not-a-trace-01' });
    await until(() => lines.filter((l) => l.service === 'gateway' && l.operation === 'ObsMembers').length === 4, 'the line is written');
    expect(lines.filter((l) => l.service === 'gateway' && l.operation === 'ObsMembers').at(-1)!.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  test('an error is logged with its code and no stack reaches the client', async () => {
    const { body } = await post('query ObsBad { network(code: XYZ) { name } }');
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\.ts:\d+/);
    await until(() => lines.some((l) => l.service === 'gateway' && l.operation === 'ObsBad'), 'the line is written');
    expect(lines.find((l) => l.service === 'gateway' && l.operation === 'ObsBad')).toMatchObject({ status: 400, errors: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  test("a caller refused before its operation runs is logged with the refusal's code", async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: membersQuery }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const requestId = response.headers.get('x-request-id');
    await until(() => lines.some((l) => l.requestId === requestId), 'the line is written');
    expect(lines.find((l) => l.requestId === requestId)).toMatchObject({ service: 'gateway', status: response.status, errors: ['UNAUTHENTICATED'] });
  });
});

describe('metrics', () => {
  test('counters move by exactly the requests sent; latency histogram, subgraph fetches, pool and outbox are there', async () => {
    const before = await scrape(stack.gatewayUrl);
    const regionBefore = await scrape(stack.regionUrl);
    for (let i = 0; i < 3; i++) expect((await post(membersQuery)).body.errors).toBeUndefined();
    await post('query ObsBad { network(code: XYZ) { name } }');
    const after = await scrape(stack.gatewayUrl);
    const moved = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);

    expect(moved('http_requests_total', { route: '/graphql', operation: 'ObsMembers', status: '200' })).toBe(3);
    expect(moved('http_request_duration_seconds_count', { route: '/graphql', operation: 'ObsMembers' })).toBe(3);
    expect(moved('http_request_duration_seconds_bucket', { route: '/graphql', operation: 'ObsMembers', le: '+Inf' })).toBe(3);
    expect(after).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(moved('graphql_errors_total', { operation: 'ObsBad', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(moved('graphql_errors_total', { operation: 'ObsMembers' })).toBe(0);
    // One fetch from region per request (the page with its members' fields, and the member by id's reference), and the
    // member's processes from NIWE; none from LINAT, whose members came with region's page.
    expect(moved('upstream_requests_total', { upstream: 'region', status: '200' })).toBe(3);
    expect(moved('upstream_requests_total', { upstream: 'niwe', status: '200' })).toBe(3);
    expect(moved('upstream_request_duration_seconds_count', { upstream: 'niwe' })).toBe(3);
    expect(moved('upstream_request_duration_seconds_count', { upstream: 'linat' })).toBe(0);
    // The scrapes themselves are not counted.
    expect(sample(after, 'http_requests_total', { route: '/metrics' })).toBe(0);
    expect(sample(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(after, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

    const regionAfter = await scrape(stack.regionUrl);
    const regionMoved = (name: string, labels: Record<string, string>) => sample(regionAfter, name, labels) - sample(regionBefore, name, labels);
    expect(regionMoved('http_requests_total', { route: '/graphql', status: '200' })).toBe(3);
    // Region asks each of the three networks once per search.
    for (const upstream of ['NIWE', 'LINAT', 'KONAT']) expect(regionMoved('upstream_requests_total', { upstream, status: '200' })).toBe(3);
    expect(sample(regionAfter, 'db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(regionAfter).toMatch(/^db_pool_connections\{state="waiting"\} 0$/m);
    expect(sample(await scrape(stack.networkUrls.NIWE!), 'db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    // The gateway has no database: it served a db_pool_connections of zeros, which README names for region and the networks.
    expect(after).not.toMatch(/^db_pool_connections/m);
  });

  test("region's outbox backlog is the events not yet fanned out", async () => {
    expect(sample(await scrape(stack.regionUrl), 'outbox_events_pending')).toBe(0);
    // The stack's dispatcher is off, so events written stay pending.
    const em = stack.region.orm.em.fork();
    for (let i = 0; i < 2; i++) {
      await em.execute(`insert into "outbox_event" ("id", "type", "payload", "fanned_out", "created_at") values (gen_random_uuid(), ?, '{}', false, now())`, [
        eventTypes[0],
      ]);
    }
    expect(sample(await scrape(stack.regionUrl), 'outbox_events_pending')).toBe(2);
    await em.execute(`update "outbox_event" set "fanned_out" = true`);
    expect(sample(await scrape(stack.regionUrl), 'outbox_events_pending')).toBe(0);
    expect(await scrape(stack.regionUrl)).toMatch(/^webhook_deliveries_pending 0$/m);
  });
});

describe('who may read /metrics', () => {
  test('only with the bearer token on the service port, at the gateway as everywhere', async () => {
    for (const base of [stack.gatewayUrl, stack.regionUrl, stack.networkUrls.KONAT!]) {
      const anonymous = await fetch(metricsUrl(base));
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await fetch(metricsUrl(base), { headers: { authorization: `Bearer ${metricsToken}x` } })).status).toBe(401);
      expect((await fetch(metricsUrl(base), { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(200);
    }
  });

  test('a service process with METRICS_PORT serves its metrics there, on loopback, and writes JSON lines', async () => {
    const gateway = await startGatewayProcess(stack, { METRICS_PORT: '0', LOG_LEVEL: 'info' });
    try {
      await until(() => /serves its metrics at/.test(gateway.output()), 'the metrics listener is announced');
      const started = gateway
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Line & { url?: string });
      expect(started.find((l) => /listening on/.test(l.msg))).toMatchObject({ level: 'info', service: 'gateway' });
      const metricsAt = started.find((l) => /serves its metrics at/.test(l.msg))!.url!;
      expect(metricsAt).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ networks { code } }' }),
      });
      const text = await (await fetch(metricsUrl(metricsAt))).text();
      expect(sample(text, 'http_requests_total', { route: '/graphql', operation: 'anonymous', status: '200' })).toBe(1);
      // Not on the gateway's own port, which faces the internet; there it is neither metrics nor the portal's page.
      expect((await fetch(metricsUrl(gateway.url))).status).toBe(404);
    } finally {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
  });

  test("SIGUSR2 turns a running service's request lines and request metrics off, and on again with the next", async () => {
    const gateway = await startGatewayProcess(stack, { METRICS_PORT: '0', LOG_LEVEL: 'info' });
    try {
      await until(() => /serves its metrics at/.test(gateway.output()), 'the metrics listener is announced');
      const metricsAt = /serves its metrics at (http:\/\/\S+)"/.exec(gateway.output())![1];
      const parsed = () =>
        gateway
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Line);
      const ask = (operation: string) =>
        fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `query ${operation} { networks { code } }` }),
        });
      const counted = async (operation: string) =>
        sample(await (await fetch(metricsUrl(metricsAt))).text(), 'http_requests_total', { route: '/graphql', operation, status: '200' });

      gateway.child.kill('SIGUSR2');
      await until(() => parsed().some((l) => /request lines and metrics off/.test(l.msg)), 'the gateway says they are off');
      expect((await ask('Quiet')).status).toBe(200);
      expect(await counted('Quiet')).toBe(0);
      gateway.child.kill('SIGUSR2');
      // The line that they are on again is written at once, with any line still held: none is the request's.
      await until(() => parsed().some((l) => /request lines and metrics on/.test(l.msg)), 'the gateway says they are on');
      expect(parsed().filter((l) => l.operation === 'Quiet')).toEqual([]);
      expect(parsed().find((l) => /metrics off/.test(l.msg))).toMatchObject({ level: 'warn', service: 'gateway' });

      expect((await ask('Loud')).status).toBe(200);
      expect(await counted('Loud')).toBe(1);
      await until(() => parsed().some((l) => l.msg === 'request' && l.operation === 'Loud'), "the request's line is written");
    } finally {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
  });

  test('without METRICS_TOKEN not on the service port; METRICS_PORT serves /metrics and nothing else', async () => {
    const observability = await createObservability('probe', { logLevel: 'silent', metrics: true, metricsHost: '127.0.0.1' });
    const service = createHttpServer([], { observability });
    const metrics = createMetricsServer(observability);
    const serviceUrl = await listen(service, 0);
    const metricsServerUrl = await listen(metrics, 0, observability.config.metricsHost);
    try {
      expect((await fetch(metricsUrl(serviceUrl))).status).toBe(404);
      const scraped = await fetch(metricsUrl(metricsServerUrl));
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await scraped.text()).toMatch(/^# TYPE http_requests_total counter$/m);
      expect((await fetch(new URL('/graphql', metricsServerUrl))).status).toBe(404);
    } finally {
      await close(service);
      await close(metrics);
    }
  });
});
