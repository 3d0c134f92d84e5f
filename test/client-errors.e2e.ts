import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';

// Mistakes in a request are the client's: HTTP 400 with a code and a message that says what to fix,
// never a 500 or INTERNAL_SERVER_ERROR (each of these was one before).

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

async function post(body: object) {
  const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] }) };
}

test('an operationName the document does not have', async () => {
  const res = await post({ query: 'query A { networks { code } } query B { networks { name } }', operationName: 'C' });
  expect(res.status).toBe(400);
  expect(res.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
  expect(res.errors[0].message).toBe('Unknown operation named "C"; the document has A, B.');
  const none = await post({ query: 'query A { networks { code } } query B { networks { name } }' });
  expect(none.status).toBe(400);
  expect(none.errors[0].message).toMatch(/say which to run in operationName/);
});

test('a Float literal beyond a double', async () => {
  const res = await post({ query: '{ members(filter: { near: { postalCode: "99817", radiusKm: 1e999 } }) { totalCount } }' });
  expect(res.status).toBe(400);
  expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.errors[0].message).toBe('The number 1e999 at line 1, column 60 is out of range; a Float must be a finite number (at most about 1.8e308).');
});

test('a persisted-query hash that is not the hash of the text', async () => {
  const query = '{ networks { code } }';
  const res = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
  expect(res.status).toBe(400);
  expect(res.errors[0].extensions.code).toBe('BAD_REQUEST');
  expect(res.errors[0].message).toMatch(/not the SHA-256 of the query text/);
  // The right hash registers the text as before.
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  expect((await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } })).status).toBe(200);
});

test('a subscription: the graph has none', async () => {
  // The planner refused it with HTTP 500 INTERNAL_SERVER_ERROR (the fuzz probe).
  for (const body of [
    { query: 'subscription { networks { code } }' },
    { query: 'query A { networks { code } } subscription B { networks { code } }', operationName: 'B' },
  ]) {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors[0].message).toBe('This graph has no subscriptions: ask with a query, or have events sent to you by a webhook (registerWebhook).');
  }
});

test('variables nested deeper than any input, in a body under the size limit', async () => {
  // 100,000 levels overflowed the stack of the gateway's input check: HTTP 500 (the fuzz probe).
  for (const deep of [`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, '['.repeat(200_000) + ']'.repeat(200_000)]) {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"{ networks { code } }","variables":{"a":${deep}}}`,
    });
    const res = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(response.status).toBe(400);
    expect(res.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables', reason: 'TOO_DEEP', max: 32 });
  }
  // Deep in a declared variable, where the walk that names the field runs (a malformed literal beside it sends every
  // request there): TOO_DEEP too, not the stack's RangeError as a message (the review).
  const deepFilter = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
  const declaredResponse = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"query":"query($f: MemberFilter) { members(filter: $f) { totalCount } member(id: \\"NIWE:m-1\\\\u0000\\") { id } }","variables":{"f":{"text":${deepFilter}}}}`,
  });
  const declared = { status: declaredResponse.status, ...((await declaredResponse.json()) as { errors: { extensions: Record<string, unknown> }[] }) };
  expect(declared.status).toBe(400);
  expect(declared.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_DEEP' });
  // As deep as the deepest input, and a little more, is taken.
  const nested = await post({ query: '{ networks { code } }', variables: { a: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) } });
  expect(nested.errors).toBeUndefined();
});

test('headers over the limit and a compressed body: JSON with a code, not a bare status or "not valid JSON"', async () => {
  // Node answered 431 with an empty body (the fuzz probe).
  const big = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-big': 'x'.repeat(20_000) },
    body: JSON.stringify({ query: '{ networks { code } }' }),
  });
  expect(big.status).toBe(431);
  expect(await big.json()).toEqual({
    errors: [{ message: 'The request headers are too large: at most 16 KB in all.', extensions: { code: 'BAD_REQUEST' } }],
  });
  const { gzipSync } = await import('node:zlib');
  const gzipped = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: gzipSync(JSON.stringify({ query: '{ networks { code } }' })),
  });
  expect(gzipped.status).toBe(415);
  const answer = (await gzipped.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(answer.errors[0]).toMatchObject({
    message: 'Content-Encoding gzip is not accepted: send the body uncompressed.',
    extensions: { code: 'BAD_REQUEST' },
  });
});

test('a method other than GET and POST is 405 naming them, not the CSRF refusal', async () => {
  for (const method of ['DELETE', 'PUT', 'PATCH']) {
    const response = await fetch(stack.gatewayUrl, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    const answer = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(answer.errors[0]).toMatchObject({ message: `/graphql takes POST (or GET for a query), not ${method}.`, extensions: { code: 'BAD_REQUEST' } });
  }
});
