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
