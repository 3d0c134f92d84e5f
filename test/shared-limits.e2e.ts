import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRedis } from './support/redis.ts';
import { startStack, type Stack } from './support/stack.ts';

// Two gateway replicas on one stack's subgraphs, counting their rate limits in
// one Redis (RATE_LIMIT_REDIS_URL): a caller's budget is the same however its
// requests are spread over the replicas.

let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
let stack: Stack;
let replicas: string[];

beforeAll(async () => {
  // Killed in afterAll whatever happened.
  redis = await startRedis();
  const limits = { requestsPerMinute: 4, costPerMinute: 100_000 };
  stack = await startStack({ rateLimitRedisUrl: redis.url, rateLimits: limits, anonymousRateLimits: limits });
  replicas = [stack.gatewayUrl, (await stack.startGatewayReplica()).gatewayUrl];
}, 60_000);

afterAll(async () => {
  try {
    await stack?.stop();
  } finally {
    redis?.kill();
  }
});

/** A GraphQL request to one replica from one loopback address, so the anonymous limit sees distinct clients. */
function graphql(url: string, from: string, token?: string): Promise<{ status: number; remaining: string | undefined; body: any }> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const req = httpRequest(url, { method: 'POST', headers, localAddress: from }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, remaining: res.headers['ratelimit-remaining'] as string | undefined, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ networks { code } }' }));
  });
}

/** Four requests alternating between the replicas are served, each told what is left of the one budget; the fifth is refused on either. */
async function expectSharedLimit(from: string, token: string | undefined, per: RegExp) {
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await graphql(replicas[i % 2], from, token));
  expect(answers.map((a) => [a.status, a.remaining])).toEqual([
    [200, '3'],
    [200, '2'],
    [200, '1'],
    [200, '0'],
  ]);
  for (const url of replicas) {
    const refused = await graphql(url, from, token);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.errors[0].message).toMatch(per);
  }
}

describe('rate limits across two gateway replicas', () => {
  test("a partner's four requests a minute hold across both replicas", async () => {
    const partner = await stack.token({ role: 'partner', sub: 'zwei-tore' });
    await expectSharedLimit('127.0.0.1', partner, /^Rate limit reached: the 4 requests per minute per partner are used up; retry in \d+ s\.$/);
    // Another partner has its own budget.
    expect((await graphql(replicas[1], '127.0.0.1', await stack.token({ role: 'partner', sub: 'anderer' }))).status).toBe(200);
  });

  test("an anonymous address's four requests a minute hold across both replicas", async () => {
    await expectSharedLimit('127.0.0.2', undefined, /per client address without a token are used up/);
    expect((await graphql(replicas[0], '127.0.0.3')).status).toBe(200);
  });
});
