import { copyFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig as gatewayConfig } from '../gateway/index.ts';
import { createGatewayService, type GatewayService } from '../gateway/server.ts';
import { supergraphPath } from '../gateway/supergraph.ts';
import { close, listen } from '../shared/http.ts';
import { startStack, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';

// The gateway reloads its supergraph file when it changes, without a restart and without dropping a
// request; a file that is not a supergraph it can serve is refused with a log line and the one before
// keeps serving.

let stack: Stack;
let gateway: GatewayService;
let url: string;
const file = join(mkdtempSync(join(tmpdir(), 'irm-supergraph-')), 'supergraph.graphql');
const original = readFileSync(supergraphPath, 'utf8');
/** The gateway's log lines, as it writes them (JSON). */
const logs: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  copyFileSync(supergraphPath, file);
  const env: Record<string, string> = { JWT_SECRET: 'g'.repeat(32), REGION_URL: stack.regionUrl, SUPERGRAPH_PATH: file, SUPERGRAPH_POLL_MS: '50' };
  for (const [code, networkUrl] of Object.entries(stack.networkUrls)) env[`${code}_URL`] = networkUrl;
  for (const [name, secret] of Object.entries(stack.subgraphSecrets)) env[`${name.toUpperCase()}_SUBGRAPH_SECRET`] = secret;
  const config = gatewayConfig(env).gateway;
  gateway = await createGatewayService({
    ...config,
    observability: { ...config.observability!, logDestination: { write: (line: string) => void logs.push(line) } },
    anonymousRateLimits: { requestsPerMinute: 1_000_000, costPerMinute: 1_000_000_000 },
  });
  url = `${await listen(gateway.http, 0)}/graphql`;
});
afterAll(async () => {
  if (gateway) {
    await close(gateway.http);
    await gateway.stop();
  }
  await stack?.stop();
});

async function post(query: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

/** Replaced as a deployment should replace it: written beside it, then renamed over it. */
function replaceSupergraph(sdl: string) {
  writeFileSync(`${file}.next`, sdl);
  renameSync(`${file}.next`, file);
}

async function networksDescription(): Promise<string> {
  const { body } = await post('{ __type(name: "Query") { fields { name description } } }');
  return body.data.__type.fields.find((f: { name: string }) => f.name === 'networks').description;
}

const description = `"""The region's networks."""`;

describe('supergraph reload', () => {
  test('a new supergraph is served without a restart, bad ones are refused with a log line, and no request is dropped', async () => {
    expect(original).toContain(description);
    const logged = (pattern: RegExp) => logs.filter((line) => pattern.test(String(line))).length;

    // A bounded load: four callers, until the swaps are done or 100,000 requests were sent or two minutes passed.
    let swapping = true;
    const deadline = Date.now() + 120_000;
    const results = { sent: 0, answered: 0, failures: [] as string[] };
    const caller = async () => {
      while (swapping && results.sent < 100_000 && Date.now() < deadline) {
        results.sent++;
        const outcome = await post('{ networks { code } }').then(
          ({ status, body }) => (status === 200 && body.data?.networks?.length === 3 ? 'ok' : `${status} ${JSON.stringify(body.errors)}`),
          (failure: Error) => failure.message,
        );
        if (outcome === 'ok') results.answered++;
        else results.failures.push(outcome);
      }
    };
    const load = Promise.all(Array.from({ length: 4 }, caller));
    try {
      await until(() => results.answered > 0, 'the load is answered');

      replaceSupergraph(original.replace(description, `"""The region's networks, as reloaded."""`));
      await until(async () => (await networksDescription()) === "The region's networks, as reloaded.", 'the new supergraph is served');
      expect(logged(/supergraph .* reloaded/)).toBe(1);

      const bad = [
        ['not GraphQL', 'type Query {', /Syntax Error/],
        [
          'a field joined to a graph the supergraph does not have',
          original.replace('networks: [Network!]! @join__field(graph: REGION)', 'networks: [Network!]! @join__field(graph: NOWHERE)'),
          /NOWHERE/,
        ],
        [
          'a subgraph the gateway has no secret for',
          original.replace('enum join__Graph {\n', 'enum join__Graph {\n  EXTRA @join__graph(name: "extra", url: "http://127.0.0.1:9/graphql")\n'),
          /no URL and secret for \(extra\)/,
        ],
      ] as const;
      for (const [what, sdl, reason] of bad) {
        const before = logged(/rejected/);
        const answeredBefore = results.answered;
        replaceSupergraph(sdl);
        await until(() => logged(/rejected/) > before, `${what} is rejected`);
        const rejection = logs.filter((line) => /rejected/.test(String(line))).at(-1);
        expect(rejection, what).toMatch(reason);
        expect(rejection).toMatch(/rejected, the previous one keeps serving/);
        await until(() => results.answered > answeredBefore, 'the gateway still answers');
        expect(await networksDescription()).toBe("The region's networks, as reloaded.");
      }
      expect(logged(/supergraph .* reloaded/)).toBe(1);

      swapping = false;
      await load;
      expect(results.failures).toEqual([]);
      expect(results.answered).toBe(results.sent);
    } finally {
      swapping = false;
      await load;
    }
  }, 180_000);

  test('the schema file at /graphql/schema.graphql follows the reload, under a new ETag', async () => {
    const schemaFile = (headers: Record<string, string> = {}) => fetch(`${url}/schema.graphql`, { headers });
    const before = await schemaFile();
    const etag = before.headers.get('etag')!;
    expect(await before.text()).not.toMatch(/as published anew/);
    replaceSupergraph(original.replace(description, `"""The region's networks, as published anew."""`));
    await until(async () => (await networksDescription()) === "The region's networks, as published anew.", 'the new supergraph is served');
    const after = await schemaFile({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toMatch(/The region's networks, as published anew\./);
  });
});
