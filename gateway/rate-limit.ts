import { envInteger } from '../shared/config.ts';

// Per-partner token buckets for requests and cost per minute. They live in the
// gateway process: with several gateway instances each one counts on its own.

export interface RateLimits {
  requestsPerMinute: number;
  costPerMinute: number;
}

export const defaultRateLimits: RateLimits = { requestsPerMinute: 120, costPerMinute: 1_000_000 };

export function rateLimitsFromEnv(): RateLimits {
  return {
    requestsPerMinute: envInteger('PARTNER_REQUESTS_PER_MINUTE', defaultRateLimits.requestsPerMinute, 1),
    costPerMinute: envInteger('PARTNER_COST_PER_MINUTE', defaultRateLimits.costPerMinute, 1),
  };
}

interface Bucket {
  requests: number;
  cost: number;
  at: number;
}

export class RateLimiter {
  readonly limits: RateLimits;
  private readonly buckets = new Map<string, Bucket>();

  constructor(limits: RateLimits) {
    this.limits = limits;
  }

  /** Takes one request and `cost` from the partner's buckets; returns 0, or the seconds to wait when they do not hold enough. */
  take(partner: string, cost: number, now = Date.now()): number {
    const { requestsPerMinute, costPerMinute } = this.limits;
    const bucket = this.buckets.get(partner) ?? { requests: requestsPerMinute, cost: costPerMinute, at: now };
    const minutes = (now - bucket.at) / 60_000;
    bucket.requests = Math.min(requestsPerMinute, bucket.requests + minutes * requestsPerMinute);
    bucket.cost = Math.min(costPerMinute, bucket.cost + minutes * costPerMinute);
    bucket.at = now;
    this.buckets.set(partner, bucket);
    // An operation costlier than a whole minute's budget waits for a full bucket instead of never running.
    const needed = Math.min(cost, costPerMinute);
    const wait = Math.max((1 - bucket.requests) / requestsPerMinute, (needed - bucket.cost) / costPerMinute);
    if (wait > 0) return Math.max(1, Math.ceil(wait * 60));
    bucket.requests -= 1;
    bucket.cost -= needed;
    return 0;
  }
}
