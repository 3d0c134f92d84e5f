import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRedis } from './support/redis.ts';
import { postJson } from './support/sessions.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// The login limits hold across gateway replicas with RATE_LIMIT_REDIS_URL: the attempts at one e-mail
// address are counted in one Redis (one-minute windows), however a load balancer spreads them.

let stack: Stack;
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
let replica: string;
const password = 'Werra-Meissner-2026';

beforeAll(async () => {
  redis = await startRedis();
  stack = await startStack({ rateLimitRedisUrl: redis.url, trustedProxies: '127.0.0.1' });
  replica = (await stack.startGatewayReplica()).gatewayUrl;
  const admin = await stack.token({ role: 'admin', sub: 'admin' });
  await ok(
    stack.query(
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { email: 'geteilt@niwe.example', name: 'Geteilt', password, kind: 'OFFICE', network: 'NIWE' } },
      admin,
    ),
  );
});
afterAll(async () => {
  await stack?.stop();
  redis?.kill();
});

test("an e-mail address's five attempts a minute are counted across both replicas", async () => {
  const gateways = [stack.gatewayUrl, replica].map((url) => url.replace(/\/graphql$/, '/auth/login'));
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    // Each attempt from another client address, so only the per-address-independent e-mail limit can refuse.
    const answer = await postJson(gateways[i % 2], { email: 'geteilt@niwe.example', password: 'falsches-passwort-1' }, { 'x-forwarded-for': `10.1.0.${i}` });
    statuses.push(answer.status);
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  for (const gateway of gateways) {
    const refused = await postJson(gateway, { email: 'geteilt@niwe.example', password }, { 'x-forwarded-for': '10.1.1.1' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  }
});
