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
    await expectLimit(`{ networks { ${repeat(21, (i) => `c${i}: code @include(if: true)`)} } }`, 'directives', /^Number of directives 21 exceeds the limit of 20 by 1\.$/);
  });

  test('deep nesting', async () => {
    const deep = `{ members { edges { node { network { members { edges { node { network { members { edges { node { id } } } } } } } } } } } }`;
    await expectLimit(deep, 'depth', /^Query depth 12 exceeds the limit of 10 by 2\.$/);
  });

  test('oversized documents', async () => {
    await expectLimit(`{ networks { ${repeat(2500, () => 'code')} } }`, 'tokens', /more than 2000 tokens, the limit/);
    const huge = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ networks { code } } #${'x'.repeat(1_100_000)}` }) });
    expect(huge.status).toBe(413);
  });

  test('cost counts list sizes: first multiplies what is below it, other lists count 20', async () => {
    const costly = `{ members(first: 100) { edges { node { id services { processes { code name } } network { members(first: 100) { edges { node { id name city } } } } } } } }`;
    const res = await expectLimit(costly, 'cost', /^Estimated query cost \d+ exceeds the limit of 100000 by \d+\.$/);
    const services = 1 + 20 * (1 + 20 * 2);
    const network = 1 + (1 + 100 * (1 + (1 + 3)));
    expect(res.errors?.[0].extensions?.actual).toBe(1 + 100 * (1 + (1 + (1 + services + network))));
    // The same shape with small pages is fine.
    const cheap = await stack.query(costly.replaceAll('first: 100', 'first: 5'));
    expect(cheap.errors).toBeUndefined();
  });
});

describe('HTTP surface', () => {
  test('array batching is refused', async () => {
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ networks { code } }' }, { query: '{ networks { name } }' }]) });
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
      const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': contentType }, body: `query=${encodeURIComponent('{ networks { code } }')}` });
      expect(res.status, contentType).toBe(400);
      expect(await res.text()).not.toMatch(/NIWE/);
    }
  });
});
