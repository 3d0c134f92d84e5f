import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultLimits } from '../gateway/limits.ts';
import { startStack, type Stack } from './support/stack.ts';

// Operation limits and the narrow HTTP surface of the gateway, with the default limits.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function expectLimit(query: string, limit: string, message: RegExp) {
  const res = await stack.query(query);
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors?.[0].extensions, res.errors?.[0].message).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit });
  expect(res.errors?.[0].message).toMatch(message);
  return res;
}

const repeat = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join(' ');

describe('operation limits', () => {
  test('the documented defaults', () => {
    expect(defaultLimits).toEqual({ depth: 10, aliases: 30, rootFields: 20, fields: 300, directives: 20, tokens: 2000, cost: 100_000, defaultListSize: 20 });
  });

  test('101 aliases', async () => {
    await expectLimit(`{ networks { ${repeat(101, (i) => `c${i}: code`)} } }`, 'aliases', /^Number of aliases 101 exceeds the limit of 30 by 71\.$/);
  });

  test('500 duplicated fields', async () => {
    await expectLimit(`{ networks { ${repeat(500, () => 'code')} } }`, 'fields', /^Number of selected fields 501 exceeds the limit of 300 by 201\.$/);
  });

  test('too many root fields', async () => {
    await expectLimit(`{ ${repeat(21, () => `networks { code }`)} }`, 'rootFields', /^Number of root fields 21 exceeds the limit of 20 by 1\.$/);
  });

  test('repeated and too many directives', async () => {
    const repeated = await stack.query(`{ networks ${repeat(10, () => '@include(if: true)')} { code } }`);
    expect(repeated.status).toBe(400);
    expect(repeated.data).toBeUndefined();
    expect(repeated.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await expectLimit(
      `{ networks { ${repeat(21, (i) => `c${i}: code @include(if: true)`)} } }`,
      'directives',
      /^Number of directives 21 exceeds the limit of 20 by 1\.$/,
    );
  });

  test('deep nesting', async () => {
    const deep = `{ members { edges { node { network { members { edges { node { network { members { edges { node { id } } } } } } } } } } } }`;
    await expectLimit(deep, 'depth', /^Query depth 12 exceeds the limit of 10 by 2\.$/);
  });

  test('oversized documents', async () => {
    await expectLimit(`{ networks { ${repeat(2500, () => 'code')} } }`, 'tokens', /more than 2000 tokens, the limit/);
    const huge = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ networks { code } } #${'x'.repeat(1_100_000)}` }),
    });
    expect(huge.status).toBe(413);
    // The limit named (it said "Request body is too large." alone: the inquiry probe).
    const [error] = ((await huge.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors;
    expect([error.message, error.extensions.code, error.extensions.max]).toEqual([
      'Request body is too large: at most 1 MB (1048576 bytes); send files as attachments.',
      'BAD_REQUEST',
      1048576,
    ]);
  });

  test('cost counts list sizes: first multiplies what is below it, known lists their size, a fan-out field each network and row it reads', async () => {
    const costly = `{ members(first: 100) { edges { node { id services { processes { code name } } network { members(first: 100) { edges { node { id name city } } } } } } } }`;
    const res = await expectLimit(costly, 'cost', /^Estimated query cost \d+ exceeds the limit of 100000 by \d+\.$/);
    // A member has up to 6 services of up to 6 processes (gateway/field-costs.ts).
    const services = 1 + 6 * (1 + 6 * 2);
    // Network.members asks one network, which reads up to 1,000 rows; Query.members asks all three.
    const network = 1 + (1 + 1000 + 100 * (1 + (1 + 3)));
    expect(res.errors?.[0].extensions?.actual).toBe(1 + 3 * 1000 + 100 * (1 + (1 + (1 + services + network))));
    // The same shape with small pages is fine.
    const cheap = await stack.query(costly.replaceAll('first: 100', 'first: 5'));
    expect(cheap.errors).toBeUndefined();
  });

  test('three nested lists without first pass: networks, services and processes have known sizes', async () => {
    // 20 per level made this 337,641; with 3 networks, 6 services and 6 processes it is 8,287.
    const nested = `{ networks { code members { edges { node { name services { title processes { code name } } } } } } }`;
    const res = await stack.query(nested);
    expect(res.errors).toBeUndefined();
    expect(res.data.networks).toHaveLength(3);
  });

  test('aliased findSuppliers are refused before any subgraph is called: each ranks every candidate of every network it asks', async () => {
    const find = (i: number, networks = '') =>
      `f${i}: findSuppliers(requirements: { processes: ["3.2.3"]${networks} }, first: 100) { edges { score node { id name } } }`;
    const before = JSON.stringify([...stack.gateway.subgraphCalls]);
    const aliased = await expectLimit(`{ ${repeat(20, (i) => find(i))} }`, 'cost', /^Estimated query cost 610020 exceeds the limit of 100000 by 510020\.$/);
    expect(aliased.errors).toHaveLength(1);
    // Four asking all three networks are too many; the same four asking one network each are not.
    await expectLimit(`{ ${repeat(4, (i) => find(i))} }`, 'cost', /^Estimated query cost 122004 exceeds/);
    expect(JSON.stringify([...stack.gateway.subgraphCalls])).toBe(before);
    const oneNetwork = await stack.query(`{ ${repeat(4, (i) => find(i, ', networks: [NIWE]'))} }`);
    expect(oneNetwork.errors).toBeUndefined();
    expect(Object.keys(oneNetwork.data)).toHaveLength(4);
  });

  test('limits are checked before validation: 50 unknown directives get one error', async () => {
    const res = await expectLimit(
      `{ networks ${repeat(50, (i) => `@unknown${i}`)} { code } }`,
      'directives',
      /^Number of directives 50 exceeds the limit of 20 by 30\.$/,
    );
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a fragment spread inside itself is measured once and left to validation', async () => {
    const res = await stack.query(`query { ...Loop } fragment Loop on Query { networks { code } ...Loop }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/Cannot spread fragment "Loop" within itself/);
  });
});

describe('HTTP surface', () => {
  test('array batching is refused', async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ networks { code } }' }, { query: '{ networks { name } }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/NIWE/);
  });

  test('GET serves queries only, and only with a CSRF-safe header', async () => {
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent('{ networks { code } }')}`;
    const ok = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).data.networks).toHaveLength(3);
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/Cross-Site Request Forgery/);
    const mutation = `${stack.gatewayUrl}?query=${encodeURIComponent('mutation { archiveMember(id: "NIWE:m-1") { id } }')}`;
    const refused = await fetch(mutation, { headers: { 'apollo-require-preflight': 'true' } });
    expect(refused.status).toBe(405);
    expect(await refused.text()).toMatch(/GET requests only support query operations/);
  });

  test('form-encoded and plain-text POSTs are refused', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: `query=${encodeURIComponent('{ networks { code } }')}`,
      });
      expect(res.status, contentType).toBe(400);
      expect(await res.text()).not.toMatch(/NIWE/);
    }
  });
});
