import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';

// NODE_ENV=production at the gateway: nothing about the schema or the services behind it leaks.

let production: Stack;
let development: Stack;

beforeAll(async () => {
  [production, development] = await Promise.all([startStack({ production: true }), startStack()]);
});
afterAll(async () => {
  await Promise.all([production?.stop(), development?.stop()]);
});

const leaks = /stacktrace|127\.0\.0\.1|localhost|serviceName|ECONNREFUSED|at .*\.ts:\d+/;

describe('production mode', () => {
  test('introspection is off', async () => {
    const res = await production.query(`{ __schema { types { name } } }`);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/introspection is not allowed/i);
    expect((await development.query(`{ __schema { queryType { name } } }`)).data.__schema.queryType.name).toBe('Query');
  });

  test('validation errors make no suggestions', async () => {
    const query = `{ networks { cod } }`;
    const dev = await development.query(query);
    expect(dev.errors?.[0].message).toMatch(/Did you mean "code"\?/);
    const res = await production.query(query);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/Cannot query field "cod" on type "Network"/);
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  test('client errors keep their code and message, without internal details', async () => {
    const res = await production.query(`{ member(id: "NIWE:m-999") { name } }`);
    expect(res.errors?.[0]).toMatchObject({ message: 'Member NIWE:m-999 does not exist.', extensions: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(res)).not.toMatch(leaks);
  });

  test('a killed subgraph yields a masked error with the request id the log names', async () => {
    await production.stopRegion();
    const response = await fetch(production.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ networks { code name } }' }) });
    const body: any = await response.json();
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }]);
    expect(JSON.stringify(body)).not.toMatch(leaks);
  });
});
