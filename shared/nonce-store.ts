import { ConfigError, type EnvReader } from './config.ts';
import { currentLog } from './observability.ts';
import { redisClient } from './redis.ts';

// Where a service remembers the nonces of the signed requests it accepted (shared/signature.ts), so that a
// captured request is refused the second time. In the process by default; with REPLAY_REDIS_URL in one
// Redis for all replicas of a service, since a request replayed to the other replica behind a balancer
// found a memory that had never seen it and was served twice.

export interface NonceStore {
  /** Records the nonce for `service` until `expiresAt` (ms since the epoch); false when it was recorded already: a replay. */
  claim(service: string, nonce: string, expiresAt: number): Promise<boolean>;
  /** Settles once the store can answer (or has failed to connect once). */
  readonly connected: Promise<void>;
  close(): Promise<void>;
}

/** The process's own memory: expired nonces are swept at most once a minute, so a busy service does not walk the map per request. */
export function memoryNonceStore(now = () => Date.now()): NonceStore {
  const seen = new Map<string, number>();
  let nextSweep = 0;
  return {
    async claim(service, nonce, expiresAt) {
      const time = now();
      if (time > nextSweep) {
        for (const [key, expiry] of seen) if (expiry < time) seen.delete(key);
        nextSweep = time + 60_000;
      }
      const key = `${service}\n${nonce}`;
      if (seen.has(key)) return false;
      seen.set(key, expiresAt);
      return true;
    },
    connected: Promise.resolve(),
    async close() {},
  };
}

/**
 * Nonces in Redis: SET NX with the nonce's remaining lifetime, one round trip, atomic across replicas.
 * Each replica keeps its own memory as well, checked first, so a replay to the same replica is refused even
 * while Redis is away. Redis unreachable: the replica goes on with its own memory and says so once per
 * outage (as the shared rate limits do), since refusing every signed call would turn a cache outage into an
 * outage of the service; a replay to another replica stays possible only within that outage and the
 * signature's 60-s window.
 */
export function redisNonceStore(url: string, log: (line: string) => void = (line) => currentLog().warn(line)): NonceStore {
  // A claim while Redis is away fails at once instead of holding the request.
  const client = redisClient(url);
  const local = memoryNonceStore();
  let reachable = true;
  const outage = (error: Error) => {
    if (reachable) log(`replay store ${redactedUrl(url)} unreachable (${error.message}); remembering nonces per replica until it is back.`);
    reachable = false;
  };
  client.on('error', outage);
  client.on('ready', () => {
    reachable = true;
  });
  const connected = new Promise<void>((resolve) => {
    client.once('ready', resolve);
    client.once('error', () => resolve());
  });
  return {
    async claim(service, nonce, expiresAt) {
      if (!(await local.claim(service, nonce, expiresAt))) return false;
      try {
        const stored = await client.set(`nonce:${service}:${nonce}`, '1', 'PX', Math.max(1, expiresAt - Date.now()), 'NX');
        return stored === 'OK';
      } catch (error) {
        outage(error as Error);
        return true;
      }
    },
    connected,
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** REPLAY_REDIS_URL of a network or region, checked at start-up; the value is not repeated, since it may hold a password. */
export function replayRedisUrlFromEnv(read: EnvReader): string | undefined {
  const url = read.optional('REPLAY_REDIS_URL');
  if (url !== undefined && (!URL.canParse(url) || !/^rediss?:$/.test(new URL(url).protocol))) {
    throw new ConfigError('REPLAY_REDIS_URL must be a URL starting with redis:// or rediss://, such as redis://127.0.0.1:6379.');
  }
  return url;
}

function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
