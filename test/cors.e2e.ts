import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGatewayOnly, type LoneGateway } from './support/gateway-only.ts';

// CORS for partners' browser apps (CORS_ORIGINS): a listed origin's preflight to /graphql or /auth/token is
// answered, and every answer to it, errors and 429s included, carries the headers its script needs to read it;
// any other origin, any other path, and every gateway without CORS_ORIGINS answer as before (OPTIONS is 405). Only
// the gateway runs: `{ __typename }` and the refusals are answered there.

const partner = 'https://app.partner.example';

let off: LoneGateway;
let on: LoneGateway;
let limited: LoneGateway;

beforeAll(async () => {
  const auth = { secret: randomBytes(32).toString('hex') };
  const corsOrigins = [partner, 'http://localhost:5173'];
  [off, on, limited] = await Promise.all([
    startGatewayOnly({ auth }),
    startGatewayOnly({ auth, corsOrigins }),
    startGatewayOnly({ auth, corsOrigins, anonymousRateLimits: { requestsPerMinute: 1, costPerMinute: 1_000_000 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([off?.stop(), on?.stop(), limited?.stop()]);
});

const at = (gateway: LoneGateway, path: string) => new URL(path, gateway.url).toString();

function preflight(gateway: LoneGateway, path: string, origin = partner, method = 'POST') {
  return fetch(at(gateway, path), {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' },
  });
}

function post(gateway: LoneGateway, path: string, body: string, origin = partner) {
  return fetch(at(gateway, path), { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body });
}

const list = (value: string | null) => (value ?? '').split(',').map((s) => s.trim().toLowerCase());

/** The headers of an answer a listed origin's script may read. */
function expectReadable(response: Response) {
  expect(response.headers.get('access-control-allow-origin')).toBe(partner);
  expect(list(response.headers.get('vary'))).toContain('origin');
  expect(list(response.headers.get('access-control-expose-headers'))).toEqual(
    expect.arrayContaining([
      'retry-after',
      'x-request-id',
      'www-authenticate',
      'ratelimit',
      'ratelimit-policy',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
    ]),
  );
  expect(response.headers.get('access-control-allow-credentials')).toBeNull();
}

describe('CORS_ORIGINS', () => {
  test.each([
    ['/graphql', 'GET, POST'],
    ['/auth/token', 'POST'],
  ])("a listed origin's preflight to %s is answered with the methods and headers it may send, never with credentials", async (path, methods) => {
    const response = await preflight(on, path);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe(partner);
    expect(response.headers.get('access-control-allow-methods')).toBe(methods);
    expect(list(response.headers.get('access-control-allow-headers'))).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id']),
    );
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(list(response.headers.get('vary'))).toContain('origin');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    // Another listed origin gets its own name back, not the first one's.
    expect((await preflight(on, path, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  test('answers to a listed origin carry the headers its script reads: data, GraphQL errors, refusals of /auth/token', async () => {
    const ok = await post(on, '/graphql', JSON.stringify({ query: '{ __typename }' }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
    expectReadable(ok);
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const badJson = await post(on, '/graphql', '{');
    expect(badJson.status).toBe(400);
    expectReadable(badJson);

    const invalid = await post(on, '/graphql', JSON.stringify({ query: '{ nothing }' }));
    expect(invalid.status).toBe(400);
    expectReadable(invalid);

    const noKey = await post(on, '/auth/token', '{}');
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expectReadable(noKey);

    const get = await fetch(at(on, '/graphql?query=%7B__typename%7D'), { headers: { origin: partner, 'apollo-require-preflight': '1' } });
    expect(get.status).toBe(200);
    expectReadable(get);
  });

  test('a 429 is readable too, with its Retry-After', async () => {
    expect((await post(limited, '/graphql', JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
    const refused = await post(limited, '/graphql', JSON.stringify({ query: '{ __typename }' }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expectReadable(refused);
  });

  test('an origin not listed gets no CORS header, and its preflight the 405 of any OPTIONS', async () => {
    for (const origin of ['https://evil.example', 'https://app.partner.example:8443', 'http://app.partner.example', 'null']) {
      const refused = await preflight(on, '/graphql', origin);
      expect(refused.status).toBe(405);
      expect(refused.headers.get('allow')).toBe('GET, POST');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const answered = await post(on, '/graphql', JSON.stringify({ query: '{ __typename }' }), origin);
      expect(answered.status).toBe(200);
      expect(answered.headers.get('access-control-allow-origin')).toBeNull();
      expect(answered.headers.get('access-control-expose-headers')).toBeNull();
      // The answer depends on the origin all the same: a cache must not give it to a listed one.
      expect(list(answered.headers.get('vary'))).toContain('origin');
    }
  });

  test('an OPTIONS that is no preflight, and a preflight to another path, are answered as before', async () => {
    const plain = await fetch(on.url, { method: 'OPTIONS', headers: { origin: partner } });
    expect(plain.status).toBe(405);
    expect(((await plain.json()) as { errors: { message: string }[] }).errors[0].message).toBe('/graphql takes POST (or GET for a query), not OPTIONS.');
    expect((await fetch(at(on, '/auth/token'), { method: 'OPTIONS' })).status).toBe(405);
    for (const path of ['/auth/login', '/auth/session', '/export/members.csv', '/attachments']) {
      const response = await preflight(on, path, partner, 'GET');
      expect(response.status, path).not.toBe(204);
      expect(response.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});

describe('without CORS_ORIGINS', () => {
  test('no origin gets a CORS header, and a preflight is 405 as every OPTIONS', async () => {
    for (const path of ['/graphql', '/auth/token']) {
      const response = await preflight(off, path);
      expect(response.status, path).toBe(405);
      expect(response.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    const answered = await post(off, '/graphql', JSON.stringify({ query: '{ __typename }' }));
    expect(answered.status).toBe(200);
    expect([...answered.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(answered.headers.get('vary')).toBeNull();
  });
});
