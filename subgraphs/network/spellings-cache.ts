import pg from 'pg';
import type { Logger } from 'pino';
import { pgConfig } from '../../shared/pg-connection.ts';
import type { SpellingsLookup } from './search.ts';

// A search's close spellings (search.ts closeSpellings) kept in the service, so a word searched before costs no
// statement. They change only when the dictionary gains a word (search_word only grows: the trigger of migration
// search_words adds a member's new words), and that trigger now notifies this channel (migration
// search_words_notify); PostgreSQL delivers a notification when its transaction commits, to every listening
// session, whichever service or script wrote. A service clears what it kept on each one, and after each of its
// own mutations (server.ts), so a search sent after a write's answer never waits on the notification's way.
//
// Why: the lookup was a statement of its own before every page, waited for in turn. bench/stack-cpu.ts, this
// tree and the one before in turn, three rounds: the stack's CPU per search 0.92-0.99 × (bench/README, "The
// close spellings kept").
//
// Kept only while listening: with no session to hear of new words (not yet connected, PostgreSQL restarted, the
// session terminated, or silent: each check below) every search looks its spellings up as before, and what was
// kept is dropped, since words may have come meanwhile. Behind PgBouncer's transaction pooling a session cannot
// listen, so there is no cache (DATABASE_POOL_MODE=transaction); a service left in session mode there finds
// its LISTEN gone once a check reaches another server session, and keeps nothing from then on.

export const searchWordsChannel = 'irm_search_words';

/** Distinct word lists kept; the oldest goes first. The benchmark's 240 texts make about 200 lists; an entry is a few hundred bytes. */
const maxEntries = 10_000;

export interface SpellingsCacheOptions {
  /** A lost listening session is opened again after this long; meanwhile every search looks its spellings up. */
  reconnectAfterMs?: number;
  /**
   * How often the session is asked whether it still listens. A connection that died without a word (a firewall
   * dropping idle connections, a server gone without a reset) delivers no notification and no error: the
   * longest a new word can go unseen.
   */
  checkEveryMs?: number;
  /** How long a connection or a check may take before the session counts as lost. */
  timeoutMs?: number;
}

export interface SpellingsCache {
  lookup: SpellingsLookup;
  /** Drops what was kept: the service's own writes call it once committed. */
  forget(): void;
  /** Whether a notification would reach the cache now (tests wait for it). */
  readonly listening: boolean;
  /** Word lists kept. */
  readonly size: number;
  /** How often what was kept has been dropped (tests wait for a notification to be heard). */
  readonly dropped: number;
  close(): Promise<void>;
}

export function cachedSpellings(
  lookup: SpellingsLookup,
  databaseUrl: string,
  log: Pick<Logger, 'info' | 'warn'>,
  { reconnectAfterMs = 1_000, checkEveryMs = 30_000, timeoutMs = 5_000 }: SpellingsCacheOptions = {},
): SpellingsCache {
  const kept = new Map<string, Awaited<ReturnType<SpellingsLookup>>>();
  // Bumped whenever the kept spellings become suspect: a lookup that began before keeps nothing, as it may have read the old dictionary.
  let generation = 0;
  let session: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let warned = false;

  const forget = () => {
    kept.clear();
    generation++;
  };
  const lost = (client: pg.Client | undefined, reason: string) => {
    if (session !== client) return;
    session = undefined;
    listening = false;
    forget();
    client?.end().catch(() => {});
    if (closed) return;
    if (!warned) log.warn({ reason }, 'search spellings are looked up on every search until their listening session is back');
    warned = true;
    // Not a reason to keep the process alive on its own.
    retry = setTimeout(listen, reconnectAfterMs).unref();
  };
  /** Whether the session still listens: its connection answers, and LISTEN held (behind transaction pooling it would not). */
  const check = async (client: pg.Client) => {
    const { rows } = await client.query({
      text: 'select count(*)::int as n from pg_listening_channels() c where c = $1',
      values: [searchWordsChannel],
      query_timeout: timeoutMs,
    } as pg.QueryConfig);
    if (rows[0].n !== 1) throw new Error('the session does not listen (transaction pooling without DATABASE_POOL_MODE=transaction?)');
  };
  async function listen() {
    retry = undefined;
    if (closed) return;
    let client: pg.Client | undefined;
    try {
      // In the try: pgConfig reads the URL's certificate files, which may be gone by a reconnect.
      client = new pg.Client({ ...pgConfig(databaseUrl), application_name: 'irm search words', connectionTimeoutMillis: timeoutMs, keepAlive: true });
      const opened = client;
      session = opened;
      opened.on('error', (error) => lost(opened, error.message));
      opened.on('end', () => lost(opened, 'the session ended'));
      opened.on('notification', forget);
      await opened.connect();
      await opened.query(`listen ${searchWordsChannel}`);
      await check(opened);
    } catch (error) {
      // A session the 'error' or 'end' event already gave up is not given up twice (lost ignores it); with no
      // client at all (pgConfig threw) there is no session yet, and the next try is planned all the same.
      return lost(client, (error as Error).message);
    }
    if (session !== client) return;
    // Words may have come while nobody listened.
    forget();
    listening = true;
    if (warned) log.info('search spellings are kept again');
    warned = false;
  }
  void listen();
  const checks = setInterval(() => {
    const client = session;
    if (client && listening) check(client).catch((error: Error) => lost(client, error.message));
  }, checkEveryMs).unref();

  return {
    async lookup(words) {
      if (!listening) return lookup(words);
      const key = words.join(' ');
      const hit = kept.get(key);
      if (hit) return hit;
      const since = generation;
      const rows = await lookup(words);
      if (listening && since === generation) {
        if (kept.size >= maxEntries) kept.delete(kept.keys().next().value!);
        kept.set(key, rows);
      }
      return rows;
    },
    forget,
    get listening() {
      return listening;
    },
    get size() {
      return kept.size;
    },
    get dropped() {
      return generation;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(checks);
      const client = session;
      session = undefined;
      listening = false;
      forget();
      if (!client) return;
      // A connection still opening keeps end() waiting until it gives up: the service stops without waiting that long.
      await Promise.race([client.end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}
