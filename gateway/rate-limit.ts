import { isIPv6 } from 'node:net';
import type { EnvReader } from '../shared/config.ts';

// Token buckets for requests and cost per minute: partners per key (token
// `sub`), anonymous callers per client address. They live in the gateway
// process: with several gateway instances each one counts on its own.

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
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

interface Bucket {
  requests: number;
  cost: number;
  at: number;
}

// A bucket untouched for a minute is full again, the same as no bucket; past this many
// keys those are dropped, so a flood of addresses cannot grow the map without bound.
const pruneAbove = 10_000;

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

  /** The seconds until the key may make a request, taking nothing: for limits that count only failures. */
  wait(key: string, now = Date.now()): number {
    return this.secondsUntil(this.refill(key, now), 0);
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
