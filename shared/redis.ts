import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';

// ioredis is loaded when a service is given a Redis (REPLAY_REDIS_URL, RATE_LIMIT_REDIS_URL), not at every
// start: it is 39 modules, 30-80 ms of a service's start-up, and `npm start` starts five services at once on
// two cores, none of them with a Redis unless an office runs replicas. It is CommonJS, so a require at the
// first client keeps the callers synchronous.
const require = createRequire(import.meta.url);

/**
 * A client without an offline queue: while Redis is away a command fails at once, and the caller falls
 * back to the replica's own memory, instead of the request waiting for the connection.
 */
export function redisClient(url: string): Redis {
  const { Redis } = require('ioredis') as typeof import('ioredis');
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
}
