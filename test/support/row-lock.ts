import pg from 'pg';
import { until } from './wait.ts';

/**
 * The interleaving of writers that read a row before either held its lock, made to happen: another transaction
 * locks the row (`lock`, a `select … for update`), the requests start one after another, each once the one before
 * waits for a lock in a statement whose text contains `waitingOn`, and then the row is let go, so they go on in that
 * order. Their answers, in the same order. `whileHeld` runs once all of them wait, before the row is let go: what a
 * request has done before its lock is seen there.
 */
export async function queuedBehindLock<T>(
  databaseUrl: string,
  lock: { sql: string; params: unknown[] },
  waitingOn: string,
  requests: (() => Promise<T>)[],
  whileHeld?: () => Promise<void>,
): Promise<T[]> {
  const holder = new pg.Client({ connectionString: databaseUrl });
  // Outside the holder's transaction, which would see one snapshot of pg_stat_activity throughout.
  const observer = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([holder.connect(), observer.connect()]);
  try {
    await holder.query('begin');
    await holder.query(lock.sql, lock.params);
    const waiting = async () =>
      (
        await observer.query(
          `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() and query like $1`,
          [`%${waitingOn}%`],
        )
      ).rows[0].n as number;
    const started: Promise<T>[] = [];
    for (const request of requests) {
      started.push(request());
      await until(async () => (await waiting()) === started.length, `${started.length} of the requests wait for the lock on ${waitingOn}`);
    }
    // Let go however whileHeld ends: its failure is the test's, and the requests must still finish.
    await (whileHeld?.() ?? Promise.resolve()).finally(() => holder.query('commit'));
    return await Promise.all(started);
  } finally {
    await Promise.all([holder.end(), observer.end()]);
  }
}
