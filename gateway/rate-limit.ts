import { createRequire } from 'node:module';
import { isIPv6 } from 'node:net';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import { ConfigError, type EnvReader } from '../shared/config.ts';
import { currentLog } from '../shared/observability.ts';
import { redisClient } from '../shared/redis.ts';

// Requests and cost per minute: partners per key (token `sub`), anonymous
// callers per client address. By default token buckets in the gateway process,
// each instance counting on its own; with RATE_LIMIT_REDIS_URL every replica
// counts in one Redis, so a limit holds however requests are spread.

const require = createRequire(import.meta.url);

export interface RateLimits {
  requestsPerMinute: number;
  costPerMinute: number;
}

export const defaultRateLimits: RateLimits = { requestsPerMinute: 120, costPerMinute: 1_000_000 };

// Half a partner's requests, and about ten findSuppliers (some 30,000 each, see field-costs.ts) a minute:
// enough to try the graph by hand, too little for one address to keep the networks busy.
export const defaultAnonymousRateLimits: RateLimits = { requestsPerMinute: 60, costPerMinute: 300_000 };

/** Wrong API keys one address may send to /auth/token per minute; guessing a 32-character key stays hopeless. */
export const defaultTokenFailuresPerMinute = 10;

export function rateLimitsFromEnv(read: EnvReader): RateLimits {
  return {
    requestsPerMinute: read.integer('PARTNER_REQUESTS_PER_MINUTE', defaultRateLimits.requestsPerMinute, 1),
    costPerMinute: read.integer('PARTNER_COST_PER_MINUTE', defaultRateLimits.costPerMinute, 1),
  };
}

export function anonymousRateLimitsFromEnv(read: EnvReader): RateLimits {
  return {
    requestsPerMinute: read.integer('ANONYMOUS_REQUESTS_PER_MINUTE', defaultAnonymousRateLimits.requestsPerMinute, 1),
    costPerMinute: read.integer('ANONYMOUS_COST_PER_MINUTE', defaultAnonymousRateLimits.costPerMinute, 1),
  };
}

/** RATE_LIMIT_REDIS_URL, checked at start-up; the value is not repeated in the message, since it may hold a password. */
export function rateLimitRedisUrlFromEnv(read: EnvReader): string | undefined {
  const url = read.optional('RATE_LIMIT_REDIS_URL');
  if (url !== undefined && !URL.canParse(url)) throw new ConfigError('RATE_LIMIT_REDIS_URL must be a URL such as redis://127.0.0.1:6379.');
  if (url !== undefined && !/^rediss?:$/.test(new URL(url).protocol)) throw new ConfigError('RATE_LIMIT_REDIS_URL must start with redis:// or rediss://.');
  return url;
}

/**
 * The bucket key of an anonymous caller: its IPv4 address, or the /64 of an
 * IPv6 address, since one host usually holds a whole /64 and could rotate through it.
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

interface Bucket {
  requests: number;
  cost: number;
  at: number;
}

// A bucket untouched for a minute is full again, the same as no bucket; past this many
// keys those are dropped, so a flood of addresses cannot grow the map without bound.
const pruneAbove = 10_000;

/** What the policy asks of a limit, wherever it is counted. */
export interface Limiter {
  readonly limits: RateLimits;
  /** Takes one request and `cost`; resolves 0, or the seconds to wait when the key's budget does not hold enough. */
  take(key: string, cost: number): Promise<number>;
  /**
   * Gives back one request taken: for a limit that counts failures only, whose requests are taken before their outcome
   * is known (checked first and counted after, 40 wrong keys sent at once all passed a limit of 10).
   */
  give(key: string): Promise<void>;
}

/** Builds the limiter of one kind of caller; `name` keeps the kinds apart in a shared store. */
export type LimiterFactory = (name: string, limits: RateLimits) => Limiter;

export const inProcessLimiters: LimiterFactory = (_name, limits) => {
  const buckets = new RateLimiter(limits);
  return { limits, take: async (key, cost) => buckets.take(key, cost), give: async (key) => buckets.give(key) };
};

export interface SharedLimiters {
  limiters: LimiterFactory;
  /** Settles once the first connection succeeded or failed, so a gateway with a reachable Redis counts in it from its first request. */
  connected: Promise<void>;
  close(): Promise<void>;
}

/**
 * Limiters counted in Redis (rate-limiter-flexible), one-minute windows per key rather than
 * token buckets. When Redis cannot be reached each replica counts in its own memory
 * (the insurance limiter) and says so once per outage: the limits protect the
 * networks' capacity, and one replica's own count still does that, where refusing
 * every partner with 503 would turn a cache outage into an outage of the API.
 */
export function redisLimiters(url: string, log: (line: string) => void = (line) => currentLog().warn(line)): SharedLimiters {
  // While Redis is away a call fails at once and the insurance limiter answers, instead of the request waiting.
  const client = redisClient(url);
  // Loaded with the client, for the same reason (shared/redis.ts): 36 more modules that only Redis needs.
  const { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } = require('rate-limiter-flexible') as typeof import('rate-limiter-flexible');
  let reachable = true;
  client.on('error', (error: Error) => {
    if (reachable) log(`gateway: rate-limit store ${redactedUrl(url)} unreachable (${error.message}); counting per replica until it is back.`);
    reachable = false;
  });
  client.on('ready', () => {
    reachable = true;
  });
  const connected = new Promise<void>((resolve) => {
    client.once('ready', resolve);
    client.once('error', () => resolve());
  });
  const limiters: LimiterFactory = (name, limits) => {
    const insurance = new RateLimiterMemory({ points: limits.requestsPerMinute, duration: 60 });
    const counter = (kind: string, points: number, insuranceLimiter = new RateLimiterMemory({ points, duration: 60 })) =>
      new RateLimiterRedis({ storeClient: client, keyPrefix: `rl:${name}:${kind}`, points, duration: 60, insuranceLimiter });
    const requests = counter('requests', limits.requestsPerMinute, insurance);
    const cost = counter('cost', limits.costPerMinute);
    return {
      limits,
      async take(key, taken) {
        // As the buckets do, an operation costlier than a whole minute's budget waits for a fresh window instead of never running.
        const wait = await secondsRefused(requests.consume(key, 1), RateLimiterRes);
        return wait || (taken > 0 ? secondsRefused(cost.consume(key, Math.min(taken, limits.costPerMinute)), RateLimiterRes) : 0);
      },
      async give(key) {
        // Only into the window it was taken from. rate-limiter-flexible's reward creates a window that has ended
        // anew with one unit less, so a key checked as the minute turned let one more through in the next.
        try {
          await client.eval(giveBackScript, 1, requests.getKey(key));
        } catch {
          // Redis away: the unit was taken from this replica's own count (the insurance limiter), given back there,
          // into its window too (its reward would likewise start an ended one with one unit less).
          if (await insurance.get(key)) await insurance.reward(key, 1);
        }
      },
    };
  };
  return {
    limiters,
    connected,
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** One unit back into a window that is still open; none into one that has ended (its key expired). */
const giveBackScript = `if redis.call('exists', KEYS[1]) == 1 then return redis.call('decrby', KEYS[1], 1) end return false`;

/** 0 when the points were taken; the seconds until the window turns when they were refused. */
async function secondsRefused(consumed: Promise<RateLimiterRes>, Refusal: typeof RateLimiterRes): Promise<number> {
  try {
    await consumed;
    return 0;
  } catch (refusal) {
    if (refusal instanceof Refusal) return secondsOf(refusal);
    throw refusal;
  }
}

function secondsOf(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** The URL without its password, for log lines. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'RATE_LIMIT_REDIS_URL';
  }
}

export class RateLimiter {
  readonly limits: RateLimits;
  private readonly buckets = new Map<string, Bucket>();

  constructor(limits: RateLimits) {
    this.limits = limits;
  }

  /** Takes one request and `cost` from the key's buckets; returns 0, or the seconds to wait when they do not hold enough. */
  take(key: string, cost: number, now = Date.now()): number {
    const bucket = this.refill(key, now);
    // An operation costlier than a whole minute's budget waits for a full bucket instead of never running.
    const needed = Math.min(cost, this.limits.costPerMinute);
    const wait = this.secondsUntil(bucket, needed);
    if (wait > 0) return wait;
    bucket.requests -= 1;
    bucket.cost -= needed;
    return 0;
  }

  /** Gives back one request taken (Limiter.give). */
  give(key: string, now = Date.now()): void {
    const bucket = this.refill(key, now);
    bucket.requests = Math.min(this.limits.requestsPerMinute, bucket.requests + 1);
  }

  private refill(key: string, now: number): Bucket {
    const { requestsPerMinute, costPerMinute } = this.limits;
    if (this.buckets.size > pruneAbove && !this.buckets.has(key)) this.prune(now);
    const bucket = this.buckets.get(key) ?? { requests: requestsPerMinute, cost: costPerMinute, at: now };
    const minutes = (now - bucket.at) / 60_000;
    bucket.requests = Math.min(requestsPerMinute, bucket.requests + minutes * requestsPerMinute);
    bucket.cost = Math.min(costPerMinute, bucket.cost + minutes * costPerMinute);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  private secondsUntil(bucket: Bucket, cost: number): number {
    const wait = Math.max((1 - bucket.requests) / this.limits.requestsPerMinute, (cost - bucket.cost) / this.limits.costPerMinute);
    return wait > 0 ? Math.max(1, Math.ceil(wait * 60)) : 0;
  }

  private prune(now: number) {
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= 60_000) this.buckets.delete(key);
  }
}
