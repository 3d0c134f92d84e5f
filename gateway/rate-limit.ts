import { createRequire } from 'node:module';
import { isIPv6 } from 'node:net';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import { ConfigError, type EnvReader } from '../shared/config.ts';
import { currentLog } from '../shared/observability.ts';
import { redisClient } from '../shared/redis.ts';

// Requests and cost per minute: a partner's per organisation (the token's `sub`,
// shared by all its API keys and customer accounts, not one budget per key),
// an anonymous caller's per client address; members, offices and admin have
// none. A key's exchange has its own: wrong keys per client address, and
// exchanges per key (Policy.checkKey). By default token buckets in the gateway
// process, each instance counting on its own; with RATE_LIMIT_REDIS_URL every
// replica counts in one Redis, so a limit holds however requests are spread.

const require = createRequire(import.meta.url);

export interface RateLimits {
  requestsPerMinute: number;
  costPerMinute: number;
}

export const defaultRateLimits: RateLimits = { requestsPerMinute: 120, costPerMinute: 1_000_000 };

// Half a partner's requests, and about ten findSuppliers (some 30,000 each, see field-costs.ts) a minute:
// enough to try the graph by hand, too little for one address to keep the networks busy.
export const defaultAnonymousRateLimits: RateLimits = { requestsPerMinute: 60, costPerMinute: 300_000 };

/** Wrong API keys one address may send per minute (/auth/token, /auth/login with a key); guessing a 32-character key stays hopeless. */
export const defaultTokenFailuresPerMinute = 10;

/**
 * Exchanges of one API key per minute (/auth/token, /auth/login with the key), wherever they come from. A token
 * lives 15 minutes, so a job needs one exchange per 15 minutes; ten a minute lets ten workers sharing a key start
 * at once, and stops a client that exchanges its key before every request from asking region each time.
 */
export const keyExchangesPerMinute = 10;

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
  // An IPv4 address (every address without a colon) is its own key: isIPv6's expression took 0.5 % of the gateway's
  // CPU profile on benchmark Q2.1 at concurrency 1, for an anonymous caller at 127.0.0.1.
  if (!address.includes(':')) return address;
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

/**
 * What a take left of the key's budget closest to running out (the smaller share of its limit), or on a refusal
 * which budget ran out: the RateLimit headers and the 429's message say it. The caller passes the object and the
 * limiter writes into it, so a request allocates nothing for it (the benchmark counts the gateway's CPU per request).
 */
export interface BudgetLeft {
  /** Requests or cost per minute; undefined until a limiter wrote it (staff callers have no limit). */
  budget: 'requests' | 'cost' | undefined;
  /** That budget's limit per minute. */
  budgetLimit: number;
  /** What is left of it, rounded down; 0 on a refusal. */
  budgetRemaining: number;
  /** Seconds until it is whole again (a bucket) or its window turns (Redis); on a refusal, the seconds to wait. */
  budgetReset: number;
}

/** What the policy asks of a limit, wherever it is counted. */
export interface Limiter {
  readonly limits: RateLimits;
  /**
   * Takes one request and `cost`; resolves 0, or the seconds to wait when the key's budget does not hold enough.
   * `left`, when given, is told what is left (BudgetLeft), or which budget refused.
   */
  take(key: string, cost: number, left?: BudgetLeft): Promise<number>;
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
  return { limits, take: async (key, cost, left) => buckets.take(key, cost, Date.now(), left), give: async (key) => buckets.give(key) };
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
      async take(key, taken, left) {
        // As the buckets do, an operation costlier than a whole minute's budget waits for a fresh window instead of never running.
        // What is left comes with each answer (RateLimiterRes): the headers cost no round trip of their own. Without a
        // cost taken, the cost window is not asked, and the requests' window stands for the budget.
        const counted = await outcome(requests.consume(key, 1), RateLimiterRes);
        if (counted.refused) return refusedBy('requests', limits.requestsPerMinute, counted.res, left);
        if (taken <= 0) return leftOf('requests', limits.requestsPerMinute, counted.res, left);
        const spent = await outcome(cost.consume(key, Math.min(taken, limits.costPerMinute)), RateLimiterRes);
        if (spent.refused) return refusedBy('cost', limits.costPerMinute, spent.res, left);
        const requestsShare = counted.res.remainingPoints / limits.requestsPerMinute;
        const costShare = spent.res.remainingPoints / limits.costPerMinute;
        return costShare < requestsShare
          ? leftOf('cost', limits.costPerMinute, spent.res, left)
          : leftOf('requests', limits.requestsPerMinute, counted.res, left);
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

/** The window's answer, whether it took the points or refused them. */
async function outcome(consumed: Promise<RateLimiterRes>, Refusal: typeof RateLimiterRes): Promise<{ refused: boolean; res: RateLimiterRes }> {
  try {
    return { refused: false, res: await consumed };
  } catch (refusal) {
    if (refusal instanceof Refusal) return { refused: true, res: refusal };
    throw refusal;
  }
}

/** A window that took the points: 0, and what it has left in `left`. */
function leftOf(budget: 'requests' | 'cost', limit: number, res: RateLimiterRes, left: BudgetLeft | undefined): number {
  if (left) tell(left, budget, limit, Math.max(0, res.remainingPoints), secondsOf(res));
  return 0;
}

/** A window that refused the points: the seconds until it turns, and that it ran out in `left`. */
function refusedBy(budget: 'requests' | 'cost', limit: number, res: RateLimiterRes, left: BudgetLeft | undefined): number {
  const wait = secondsOf(res);
  if (left) tell(left, budget, limit, 0, wait);
  return wait;
}

/** Writes one budget's state into `left`: the buckets and both Redis windows say it alike. */
function tell(left: BudgetLeft, budget: 'requests' | 'cost', limit: number, remaining: number, reset: number): void {
  left.budget = budget;
  left.budgetLimit = limit;
  left.budgetRemaining = remaining;
  left.budgetReset = reset;
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

  /**
   * Takes one request and `cost` from the key's buckets; returns 0, or the seconds to wait when they do not hold
   * enough. `left` is told what is left of the emptier bucket, or which one refused (BudgetLeft).
   */
  take(key: string, cost: number, now = Date.now(), left?: BudgetLeft): number {
    const { requestsPerMinute, costPerMinute } = this.limits;
    const bucket = this.refill(key, now);
    // An operation costlier than a whole minute's budget waits for a full bucket instead of never running.
    const needed = Math.min(cost, costPerMinute);
    // In minutes: each bucket refills at its whole limit a minute.
    const requestsWait = (1 - bucket.requests) / requestsPerMinute;
    const costWait = (needed - bucket.cost) / costPerMinute;
    const wait = Math.max(requestsWait, costWait);
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait * 60));
      if (left) {
        const byRequests = requestsWait >= costWait;
        tell(left, byRequests ? 'requests' : 'cost', byRequests ? requestsPerMinute : costPerMinute, 0, seconds);
      }
      return seconds;
    }
    bucket.requests -= 1;
    bucket.cost -= needed;
    if (left) {
      const requestsShare = bucket.requests / requestsPerMinute;
      const costShare = bucket.cost / costPerMinute;
      const byCost = costShare < requestsShare;
      // Whole again after the missing share of a minute.
      const reset = Math.ceil((1 - (byCost ? costShare : requestsShare)) * 60);
      if (byCost) tell(left, 'cost', costPerMinute, Math.floor(bucket.cost), reset);
      else tell(left, 'requests', requestsPerMinute, Math.floor(bucket.requests), reset);
    }
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

  private prune(now: number) {
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= 60_000) this.buckets.delete(key);
  }
}
