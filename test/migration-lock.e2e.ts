import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError } from '../shared/config.ts';
import { lockSessionName, migrationLockKey } from '../shared/orm.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { initRegionOrm } from '../subgraphs/region/orm.ts';
import { migrations as networkMigrations } from '../subgraphs/network/migrations/index.ts';
import { regionMigrations } from '../subgraphs/region/migrations/index.ts';
import { until } from './support/wait.ts';

// Two instances of one service starting together on a fresh database (two
// replicas, or a restart overlapping the old process) each run the migrator.
// Without a lock both saw no migration done, both ran the first one, and one
// died on "relation already exists" (or both ran a data migration twice).

const orms: MikroORM[] = [];
afterAll(async () => {
  await Promise.all(orms.map((orm) => orm.close(true)));
});

async function freshDatabase(service: string): Promise<string> {
  return ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_lock_${service}`);
}

/** The names in MikroORM's migrations table, once per row. */
async function executed(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>('select name from mikro_orm_migrations order by id')).rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/** Ends a start's migration-lock session once one is in `state`, as another instance's sweep would; its pid. */
async function endLockSession(observer: pg.Client, state: 'idle' | 'idle in transaction', waitingFor: string): Promise<number> {
  let ended = 0;
  await until(async () => {
    const { rows } = await observer.query<{ pid: number }>(
      `with found as materialized (
         select pid from pg_stat_activity where datname = current_database() and application_name = $1 and state = $2
       ) select pid from found where pg_terminate_backend(pid)`,
      [lockSessionName, state],
    );
    if (rows.length) ended = rows[0].pid;
    return ended !== 0;
  }, waitingFor);
  return ended;
}

describe('migrations take a lock', () => {
  test('three network instances starting at once on a fresh database: all start, each migration ran once', async () => {
    const url = await freshDatabase('network');
    const started = await Promise.allSettled([initNetworkOrm(url), initNetworkOrm(url), initNetworkOrm(url)]);
    for (const result of started) if (result.status === 'fulfilled') orms.push(result.value.orm);
    expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual(['started', 'started', 'started']);
    expect(await executed(url)).toEqual(networkMigrations.map((m) => m.name));
  });

  test('two region instances starting at once on a fresh database: both start, each migration ran once', async () => {
    const url = await freshDatabase('region');
    const key = randomBytes(32);
    const started = await Promise.allSettled([initRegionOrm(url, key), initRegionOrm(url, key)]);
    for (const result of started) if (result.status === 'fulfilled') orms.push(result.value.orm);
    expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual(['started', 'started']);
    expect(await executed(url)).toEqual(regionMigrations(key).map((m) => m.name));
  });

  test('a start waiting for the lock whose session is ended meanwhile opens another and starts', async () => {
    // An instance that changes the database's settings ends every idle session of the role (shared/orm.ts),
    // a waiting start's too between its tries; that start failed with "not queryable".
    const url = await freshDatabase('ended');
    // The holder keeps the lock in a transaction, which sees pg_stat_activity as it was when it began: the observer looks.
    const [holder, observer] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([holder.connect(), observer.connect()]);
    // The start, which sets the search settings on this fresh database, ends both once they sit idle.
    for (const client of [holder, observer]) client.on('error', () => {});
    const lockSessions = async () =>
      (
        await observer.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and application_name = $1`, [
          lockSessionName,
        ])
      ).rows.map((row) => row.pid);
    try {
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock($1)', [migrationLockKey]);
      const starting = initNetworkOrm(url);
      starting.catch(() => {});
      const ended = await endLockSession(observer, 'idle', 'the session of the waiting start is ended between its tries');
      await until(async () => (await lockSessions()).some((pid) => pid !== ended), 'the start waits again in a session of its own');
      await holder.query('commit');
      orms.push((await starting).orm);
      expect(await executed(url)).toEqual(networkMigrations.map((m) => m.name));
    } finally {
      await Promise.all([holder.end().catch(() => {}), observer.end().catch(() => {})]);
    }
  });

  test('a start whose session is ended after it won the lock starts over in a new one and starts', async () => {
    // The instance that changes the settings commits, which releases the lock, and then ends the sessions older
    // than its settings: a start that won the lock in between lost its session at work and failed
    // (test/replay-replicas.e2e.ts, two replicas on a fresh database). Here its session is ended mid-migration.
    const url = await freshDatabase('won');
    // Another role's session, which the start's own sweep of its role's sessions leaves alone.
    const observerUrl = new URL(inject('postgresUrl'));
    observerUrl.pathname = new URL(url).pathname;
    const observer = new pg.Client({ connectionString: observerUrl.toString() });
    await observer.connect();
    try {
      const starting = initNetworkOrm(url);
      starting.catch(() => {});
      // Holding the lock while the migrator works on the pool: idle in its transaction.
      await endLockSession(observer, 'idle in transaction', 'the session that won the lock is ended at work');
      orms.push((await starting).orm);
      expect(await executed(url)).toEqual(networkMigrations.map((m) => m.name));
    } finally {
      await observer.end();
    }
  });

  test('a session at work when a start changes the settings is ended once it is idle, so it keeps no old values', async () => {
    // The start's sweep once looked at each session once and ended only those idle then: one in a transaction,
    // or being reset by PgBouncer for its next client, kept the old settings.
    const url = await freshDatabase('atwork');
    const atWork = new pg.Client({ connectionString: url });
    let endedBy: string | undefined;
    // pg reports the server's FATAL and then the closed connection: the first says who ended it.
    atWork.on('error', (error: Error & { code?: string }) => {
      endedBy ??= error.code ?? error.message;
    });
    await atWork.connect();
    // Another role's session watches, which the sweep of this role's sessions leaves alone.
    const observerUrl = new URL(inject('postgresUrl'));
    observerUrl.pathname = new URL(url).pathname;
    const observer = new pg.Client({ connectionString: observerUrl.toString() });
    await observer.connect();
    try {
      await atWork.query('begin');
      await atWork.query('select 1');
      const starting = initNetworkOrm(url);
      starting.catch(() => {});
      await until(
        async () =>
          (
            await observer.query(`select 1 from pg_stat_activity where datname = current_database() and application_name = $1 and query like 'do $$%'`, [
              lockSessionName,
            ])
          ).rowCount === 1,
        'the start sweeps the sessions older than its settings',
      );
      await atWork.query('commit');
      orms.push((await starting).orm);
      await until(() => endedBy !== undefined, 'the session, idle now, is ended');
      expect(endedBy).toBe('57P01');
    } finally {
      await Promise.all([atWork.end().catch(() => {}), observer.end()]);
    }
  });
});

test('a database a newer release migrated is refused, naming the migration and the way back', async () => {
  // Rolled back onto it, the release before started without a word and wrote rows its schema knew, which the newer
  // migration, run once already, never filled in (the operations probe).
  const url = await freshDatabase('newer');
  const { orm } = await initNetworkOrm(url);
  await orm.close(true);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`insert into mikro_orm_migrations (name, executed_at) values ('Migration29991231000000_from_a_newer_release', now())`);
  await client.end();
  const refused = initNetworkOrm(url);
  await expect(refused).rejects.toBeInstanceOf(ConfigError);
  await expect(refused).rejects.toThrow(
    /^The database t\w+_lock_newer was migrated by a newer release of this service \(migration Migration29991231000000_from_a_newer_release, unknown to this one\): start the newer release again, or restore the backup taken before the update/,
  );
  // Nothing ran on it.
  expect((await executed(url)).at(-1)).toBe('Migration29991231000000_from_a_newer_release');
});
