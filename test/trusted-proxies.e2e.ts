import { request } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseTrustedProxies } from '../gateway/client-address.ts';
import { startStack, type Stack } from './support/stack.ts';

// Anonymous callers are limited per client address. Behind a TLS proxy every request comes from the
// proxy; a proxy named in TRUSTED_PROXIES says who the client is in X-Forwarded-For, nobody else may.

let stack: Stack;
beforeAll(async () => {
  // 127.0.0.2 plays the office's TLS proxy; two requests a minute per client address.
  stack = await startStack({ trustedProxies: '127.0.0.2', anonymousRateLimits: { requestsPerMinute: 2 } });
});
afterAll(() => stack?.stop());

function query(from: string, forwardedFor?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query: '{ networks { code } }' });
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) };
    const req = request(stack.gatewayUrl, { method: 'POST', headers, localAddress: from }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('behind a trusted proxy each client has its own limit; the proxy cannot exhaust it for all', async () => {
  // Three visitors through the proxy, two requests each: all answered.
  for (const visitor of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
    expect([await query('127.0.0.2', visitor), await query('127.0.0.2', visitor)]).toEqual([200, 200]);
  }
  // A visitor's third is refused, and a proxy chain counts the client before the trusted hop.
  expect(await query('127.0.0.2', '198.51.100.1')).toBe(429);
  expect(await query('127.0.0.2', '198.51.100.2, 127.0.0.2')).toBe(429);
});

test('anyone else writing X-Forwarded-For is limited by their own address', async () => {
  expect(await query('127.0.0.3', '203.0.113.1')).toBe(200);
  expect(await query('127.0.0.3', '203.0.113.2')).toBe(200);
  expect(await query('127.0.0.3', '203.0.113.3')).toBe(429);
});

test('TRUSTED_PROXIES takes IP addresses only', () => {
  expect(parseTrustedProxies('127.0.0.1, ::1')).toEqual(['127.0.0.1', '::1']);
  expect(() => parseTrustedProxies('proxy.local')).toThrow(
    'TRUSTED_PROXIES must list IP addresses separated by commas, such as 127.0.0.1,::1; "proxy.local" is none.',
  );
});
