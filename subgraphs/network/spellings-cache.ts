import pg from 'pg';
import type { Logger } from 'pino';
import { pgConfig } from '../../shared/pg-connection.ts';
import type { SpellingsLookup } from './search.ts';

// A search's close spellings (search.ts closeSpellings) kept in the service, so a word searched before costs no
// statement. They change only when the dictionary gains a word (search_word only grows: the trigger of migration
// search_words adds a member's new words), and that trigger now notifies this channel (migration
// search_words_notify); PostgreSQL delivers a notification when its transaction commits, to every listening
// session, whichever service or script wrote. A service clears what it kept on each one.
//
// Why: the lookup was a statement of its own before every page, waited for in turn. Toggling the cache between
// rounds of one running stack (npm start, 10,000 members per network, the benchmark's search shape one request at
// a time, eight pairs of 8 s rounds): the stack's CPU per search 0.94 × on average, 0.975 × in the median pair.
//
// Kept only while listening: with no session to hear of new words (not yet connected, PostgreSQL restarted, the
// session terminated) every search looks its spellings up as before, and what was kept is dropped, since words
// may have come meanwhile. Behind PgBouncer's transaction pooling a session cannot listen, so there is no cache.

export const searchWordsChannel = 'irm_search_words';

/** Distinct word lists kept; the oldest goes first. The benchmark's 240 texts make about 200 lists; an entry is a few hundred bytes. */
const maxEntries = 10_000;
/** A lost listening session is opened again after this long; meanwhile every search looks its spellings up. */
const reconnectAfterMs = 1_000;

export interface SpellingsCache {
  lookup: SpellingsLookup;
  /** Whether a notification would reach the cache now (tests wait for it). */
  readonly listening: boolean;
  /** Word lists kept. */
  readonly size: number;
  close(): Promise<void>;
}

export function cachedSpellings(lookup: SpellingsLookup, databaseUrl: string, log: Pick<Logger, 'info' | 'warn'>): SpellingsCache {
  const kept = new Map<string, { i: number; word: string }[]>();
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
  const lost = (client: pg.Client) => {
    if (session !== client) return;
    session = undefined;
    listening = false;
    forget();
    client.end().catch(() => {});
    if (closed) return;
    if (!warned) log.warn('search spellings are looked up on every search until the database answers again');
    warned = true;
    // Not a reason to keep the process alive on its own.
    retry = setTimeout(listen, reconnectAfterMs).unref();
  };
  async function listen() {
    retry = undefined;
    if (closed) return;
    const client = new pg.Client({ ...pgConfig(databaseUrl), application_name: 'irm search words' });
    session = client;
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    client.on('notification', forget);
    try {
      await client.connect();
      await client.query(`listen ${searchWordsChannel}`);
    } catch {
      return lost(client);
    }
    if (session !== client) return;
    // Words may have come while nobody listened.
    forget();
    listening = true;
    if (warned) log.info('search spellings are kept again');
    warned = false;
  }
  void listen();

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
    get listening() {
      return listening;
    },
    get size() {
      return kept.size;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = session;
      session = undefined;
      listening = false;
      forget();
      await client?.end().catch(() => {});
    },
  };
}
