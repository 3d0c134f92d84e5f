import type pg from 'pg';
import type { Logger } from 'pino';
import { startPoller } from '../../shared/poller.ts';

// The dictionary's prune (migration search_words_prune, irm_prune_search_words): the words that a member's write took
// away and no active member holds any more leave search_word, so a search reads them as typos again. The service
// runs it every SEARCH_WORDS_PRUNE_MS while words are queued; the caches of known words (known-words.ts, region's
// members/known-words.ts) forget a word after as long, so a typo taken back gets its close spellings again within
// about two intervals.

/**
 * SEARCH_WORDS_PRUNE_MS: two minutes at most from a typo taken back to its close spellings in a network's own search
 * (three through region, which keeps a word a minute longer), at one `exists` a minute while nothing is queued.
 */
export const defaultSearchWordsPruneMs = 60_000;

/**
 * Queue rows one prune reads: every one of the 260 words of 10,000 seed:bulk members took 315-574 ms, 1.2-2.2 ms a
 * word, so a prune of 1,000 stays well within the statement timeout (DATABASE_QUERY_TIMEOUT_MS, 30 s). Archiving a
 * member queues about 40; a fuller queue is pruned batch after batch.
 */
const batchRows = 1000;

/**
 * How long a prune waits for search_word's lock: member writes that come meanwhile wait behind it, and region gives a
 * write 2 s (NETWORK_TIMEOUT_MS). A writer that holds the lock longer (an import) leaves the words queued for the next
 * prune.
 */
const lockWaitMs = 100;

/**
 * Absent words one prune looks up while it holds search_word's lock, which member writes wait for: 50 at the 22 ms a
 * word took at most (10,000 seed:bulk members) are 1.1 s, within region's 2 s for a write with the 100 ms of
 * lockWaitMs; at the median 0.4 ms, 20 ms. A batch of up to 1,000 absent words under one hold took up to seconds. The
 * rest waits for the next call, a transaction and a lock hold of its own (migration search_words_prune_batches).
 */
const absentPerHold = 50;

export interface Pruned {
  /** Queue rows read. */
  taken: number;
  /** Distinct words among them, each looked up in the active members' texts. */
  checked: number;
  /** Words no active member holds, gone from the dictionary. */
  pruned: number;
  /** Words no active member held that stay queued, as the lock did not come within the wait. */
  postponed: number;
  /** Queued rows this prune did not reach (past maxRows, or past maxAbsent absent words): another call takes them. */
  more: boolean;
}

type Database = Pick<pg.ClientBase, 'query'>;

/**
 * One prune of up to `maxRows` queued rows (null: all), reading them until it has `maxAbsent` words no active member
 * holds (null: no cap), waiting for search_word's lock at most `lockWaitMs` (null or 0: as long as it takes). Outside a
 * transaction of the caller's: the lock is held until the prune's statement commits.
 */
export async function pruneSearchWords(
  database: Database,
  options: { maxRows?: number | null; lockWaitMs?: number | null; maxAbsent?: number | null } = {},
): Promise<Pruned> {
  const { maxRows = batchRows, lockWaitMs: wait = lockWaitMs, maxAbsent = absentPerHold } = options;
  const { rows } = await database.query<Pruned>('select * from irm_prune_search_words($1, $2, $3)', [maxRows, wait, maxAbsent]);
  return rows[0];
}

export interface SearchWordsPruning {
  stop(): Promise<void>;
}

/**
 * Prunes every `intervalMs` while the queue has rows (one `exists` otherwise), through `database` (the service's pool:
 * these statements are no request's, so MikroORM's counter does not see them). A database out of reach is said once,
 * and once when it answers again, as region's webhook dispatcher does; the next interval tries again.
 */
export function startSearchWordsPruning(
  database: Database,
  options: { intervalMs: number; log: Pick<Logger, 'error' | 'info' | 'debug'> },
): SearchWordsPruning {
  const { intervalMs, log } = options;
  const poller = startPoller({
    intervalMs,
    poll: prune,
    log: () => log,
    lost: (message) => `search words: the database is out of reach (${message}); words taken out of members' texts stay known until it answers`,
    back: 'search words: the database answers again; the dictionary is pruned again',
    failed: (error) => log.error({ err: error }, 'search words: the prune failed; it is tried again'),
    unref: true,
  });

  async function prune(): Promise<void> {
    const { rows } = await database.query<{ queued: boolean }>('select exists (select 1 from search_word_stale) as queued');
    if (!rows[0].queued) return;
    // Call after call, each its own transaction and lock hold, until the queue is read. A postponed prune ends the
    // round: a writer held the lock past the wait, and calling again at once read the same rows again, without pause,
    // for as long as the writer held it (an import); the next interval tries again.
    for (;;) {
      const pruned = await pruneSearchWords(database);
      if (pruned.pruned > 0 || pruned.postponed > 0) log.debug(pruned, 'search words pruned');
      if (!pruned.more || pruned.postponed > 0 || poller.stopped) return;
    }
  }

  return poller;
}
