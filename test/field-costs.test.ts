import { readFileSync } from 'node:fs';
import federation from '@apollo/federation-internals';
import { parse } from 'graphql';
import { describe, expect, test } from 'vitest';
import { supergraphPath } from '../gateway/supergraph.ts';
import { fanOut, listSizes } from '../gateway/field-costs.ts';
import { checkFieldCosts, defaultLimits, measureOperation } from '../gateway/limits.ts';
import { clientAddressKey, RateLimiter, rateLimitRedisUrlFromEnv, redisLimiters, type BudgetLeft } from '../gateway/rate-limit.ts';
import { envReader } from '../shared/config.ts';
import { redisClient } from '../shared/redis.ts';
import { freePort } from './support/free-port.ts';
import { startRedis } from './support/redis.ts';

const schema = federation.Supergraph.build(readFileSync(supergraphPath, 'utf8')).apiSchema().toGraphQLJSSchema();

function cost(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return measureOperation(schema as never, document, document.definitions[0] as never, variables, defaultLimits).cost;
}

describe('field costs', () => {
  test('every entry of the tables names a field of the supergraph', () => {
    expect(() => checkFieldCosts(schema as never)).not.toThrow();
    expect(Object.keys(listSizes).length + Object.keys(fanOut).length).toBeGreaterThan(5);
  });

  test('a fan-out field costs per network asked, from a literal or a variable', () => {
    const query = 'query($n: [NetworkCode!]) { findSuppliers(requirements: { processes: ["3.2.3"], networks: $n }, first: 1) { totalCount } }';
    expect(cost(query)).toBe(1 + 3 * 10_000 + 1 * 1);
    expect(cost(query, { n: ['NIWE', 'LINAT'] })).toBe(1 + 2 * 10_000 + 1);
    expect(cost(query, { n: ['NIWE', 'NIWE'] })).toBe(1 + 10_000 + 1);
  });

  test('a field that asks every network costs for each of them, under every item of the list above it', () => {
    const one = '{ member(id: "NIWE:m-1") { ... on NiweMember { partnerSuggestions(first: 5) { distanceKm } } } }';
    expect(cost(one)).toBe(1 + (1 + 3 * 1_000 + 5 * 1));
    const many = '{ network(code: NIWE) { members(first: 60) { edges { node { ... on NiweMember { partnerSuggestions(first: 50) { distanceKm } } } } } } }';
    expect(cost(many)).toBeGreaterThan(60 * 3 * 1_000);
  });

  test("a variable left out costs as the operation's default for it, not as the argument's own default", () => {
    const query = 'query($n: Int = 100) { inquiries(first: $n) { id } }';
    expect(cost(query)).toBe(1 + 100 * 1);
    expect(cost(query, { n: 5 })).toBe(1 + 5 * 1);
    // An explicit null is a value: the argument's own default (20) applies, as it does when the field runs.
    expect(cost(query, { n: null })).toBe(1 + 20 * 1);
    expect(cost('query($n: Int) { inquiries(first: $n) { id } }')).toBe(1 + 20 * 1);
  });

  test("the lists of each item of a list sized by `first` cost by their own size, not once as if a connection's edges", () => {
    // Counted once, these 100 inquiries' invitations cost as 100 invitations.
    expect(cost('{ inquiries(first: 100) { invitations { status } } }')).toBe(1 + 100 * (1 + 10 * 1));
    expect(cost('{ inquiries(first: 100) { consortia { partners { status } } } }')).toBe(1 + 100 * (1 + 3 * (1 + 5 * 1)));
    expect(cost('{ capacityMatches(postId: "CapacityPost:1", first: 50) { breakdown { status } } }')).toBe(1 + 1_000 + 50 * (1 + 4 * 1));
    // A connection's edges are still sized by `first` alone.
    expect(cost('{ members(first: 10) { edges { node { name } } } }')).toBe(1 + 3 * 1_000 + 10 * (1 + 1 * (1 + 1)));
  });

  test('a long text costs by its size: 20 aliases of a feed page of 100 full texts are refused', () => {
    const page = '{ feed(first: 100) { edges { node { id text } } } }';
    expect(cost(page)).toBe(1 + 3 * 100 + 100 * (1 + (1 + (1 + (1 + 200)))));
    const aliased = `{ ${Array.from({ length: 20 }, (_, i) => `f${i}: feed(first: 100) { edges { node { text } } }`).join(' ')} }`;
    expect(cost(aliased)).toBeGreaterThan(defaultLimits.cost);
    // One network's page costs its one network; a short field beside the text costs 1.
    expect(cost('{ feed(first: 20, filter: { networks: [NIWE] }) { edges { node { title } } } }')).toBe(1 + 100 + 20 * (1 + (1 + 1)));
    expect(cost('{ member(id: "NIWE:m-1") { description services { description } } }')).toBe(1 + (1 + 50 + (1 + 6 * (1 + 50))));
  });

  test("the capacity balance costs the posts it reads and a year's rows", () => {
    expect(cost('{ capacityBalance(from: "2027-01-04", to: "2027-12-31") { week offeredHours } }')).toBe(1 + 1_000 + 1_000 * 2);
  });

  test('an interface entry covers the types that implement it', () => {
    expect(cost('{ member(id: "NIWE:m-1") { ... on NiweMember { services { title } } } }')).toBe(cost('{ member(id: "NIWE:m-1") { services { title } } }'));
    expect(cost('{ member(id: "NIWE:m-1") { services { title } } }')).toBe(1 + (1 + 6 * 1));
  });
});

describe('rate-limit keys and buckets', () => {
  test('IPv4, IPv4-mapped IPv6 and an IPv6 /64', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64');
    expect(clientAddressKey('2001:0db8:0000:0012:ffff::9')).toBe('2001:db8:0:12::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
  });

  test('take refills with time; give returns a request taken', () => {
    const limiter = new RateLimiter({ requestsPerMinute: 2, costPerMinute: 100 });
    expect(limiter.take('a', 60, 0)).toBe(0);
    expect(limiter.take('a', 60, 0)).toBe(12);
    expect(limiter.take('a', 40, 0)).toBe(0);
    expect(limiter.take('a', 0, 0)).toBe(30);
    expect(limiter.take('a', 0, 30_000)).toBe(0);
    limiter.give('a', 30_000);
    expect(limiter.take('a', 0, 30_000)).toBe(0);
    expect(limiter.take('a', 0, 30_000)).toBe(30);
    // Never above the minute's budget.
    limiter.give('b', 0);
    expect([limiter.take('b', 0, 0), limiter.take('b', 0, 0), limiter.take('b', 0, 0)]).toEqual([0, 0, 30]);
  });

  test('take says what is left of the budget closest to running out, or which one refused (the RateLimit headers)', () => {
    const limiter = new RateLimiter({ requestsPerMinute: 4, costPerMinute: 100 });
    const left: BudgetLeft = { budget: undefined, budgetLimit: 0, budgetRemaining: 0, budgetReset: 0 };
    // 3 of 4 requests and 99 of 100 cost left: the requests are the closer, whole again in a quarter of a minute.
    expect(limiter.take('a', 1, 0, left)).toBe(0);
    expect(left).toEqual({ budget: 'requests', budgetLimit: 4, budgetRemaining: 3, budgetReset: 15 });
    // 2 of 4 requests, 39 of 100 cost: the cost is the closer, whole in 61 % of a minute.
    expect(limiter.take('a', 60, 0, left)).toBe(0);
    expect(left).toEqual({ budget: 'cost', budgetLimit: 100, budgetRemaining: 39, budgetReset: 37 });
    expect(limiter.take('a', 50, 0, left)).toBe(7);
    expect(left).toEqual({ budget: 'cost', budgetLimit: 100, budgetRemaining: 0, budgetReset: 7 });
    expect([limiter.take('a', 0, 0), limiter.take('a', 0, 0), limiter.take('a', 0, 0, left)]).toEqual([0, 0, 15]);
    expect(left).toEqual({ budget: 'requests', budgetLimit: 4, budgetRemaining: 0, budgetReset: 15 });
  });

  test('RATE_LIMIT_REDIS_URL is a redis:// or rediss:// URL, never repeated in the error since it may hold a password', () => {
    const url = (value: string | undefined) => rateLimitRedisUrlFromEnv(envReader({ RATE_LIMIT_REDIS_URL: value }));
    expect(url(undefined)).toBeUndefined();
    expect(url('rediss://:geheim@cache.example:6380/2')).toBe('rediss://:geheim@cache.example:6380/2');
    expect(() => url('http://:geheim@cache.example')).toThrow(/^RATE_LIMIT_REDIS_URL must start with redis:\/\/ or rediss:\/\/\.$/);
    expect(() => url('geheim')).toThrow(/^RATE_LIMIT_REDIS_URL must be a URL such as redis:\/\/127\.0\.0\.1:6379\.$/);
  });

  test('a unit given back in Redis goes into the window it was taken from, not into the next', async () => {
    const redis = await startRedis();
    const shared = redisLimiters(redis.url);
    const store = redisClient(redis.url);
    try {
      await Promise.all([shared.connected, new Promise((resolve) => store.once('ready', resolve))]);
      const limiter = shared.limiters('keys', { requestsPerMinute: 2, costPerMinute: 100 });
      expect(await limiter.take('a', 0)).toBe(0);
      await limiter.give('a');
      expect(await limiter.take('a', 0)).toBe(0);
      expect(await limiter.take('a', 0)).toBe(0);
      expect(await limiter.take('a', 0)).toBeGreaterThan(0);
      // Taken as the minute turns, given back after: its window's key has expired (deleted here, not waited for).
      expect(await limiter.take('b', 0)).toBe(0);
      await store.del('rl:keys:requests:b');
      await limiter.give('b');
      expect(await limiter.take('b', 0)).toBe(0);
      expect(await limiter.take('b', 0)).toBe(0);
      expect(await limiter.take('b', 0)).toBeGreaterThan(0);
    } finally {
      store.disconnect();
      await shared.close();
      redis.kill();
    }
  });

  test('with RATE_LIMIT_REDIS_URL unreachable, each replica counts in its own memory and says so once', async () => {
    const lines: string[] = [];
    const shared = redisLimiters(`redis://127.0.0.1:${await freePort()}`, (line) => lines.push(line));
    try {
      await shared.connected;
      const limiter = shared.limiters('partner', { requestsPerMinute: 2, costPerMinute: 100 });
      expect(await limiter.take('a', 60)).toBe(0);
      expect(await limiter.take('a', 60)).toBeGreaterThan(0);
      expect(await limiter.take('b', 60)).toBe(0);
      await limiter.give('a');
      expect(await limiter.take('a', 0)).toBe(0);
      expect(lines).toEqual([
        expect.stringMatching(/^gateway: rate-limit store redis:\/\/127\.0\.0\.1:\d+\/? unreachable \(.*\); counting per replica until it is back\.$/),
      ]);
    } finally {
      await shared.close();
    }
  });
});
