import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { migrationsOrm } from '../shared/orm.ts';
import { isDatabaseUnavailable } from '../shared/database-errors.ts';
import { databaseHealth, limitStatements, poolWatchOf } from '../shared/pg-connection.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { until } from './support/wait.ts';

// What a service's pool and /ready do when the server ends or refuses its sessions (the faults probe): PostgreSQL
// killed under a write load left a network with every connection held by a transaction whose COMMIT or ROLLBACK
// could not run, so kysely never gave it back; the network answered nothing until it was killed, and /ready said ok.

let url: string;
let orm: MikroORM;
let admin: pg.Client;

beforeAll(async () => {
  url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_pool`);
  orm = await migrationsOrm(url, []);
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});
afterAll(async () => {
  await orm?.close(true);
  await admin?.end();
});

test('a connection the server ended inside a transaction goes back to the pool: twice the pool of such transactions, then work as before', async () => {
  const pool: pg.Pool = await orm.em.getConnection().getNativeClient();
  // The backend is ended between two statements of the transaction, as a server killed mid-write ends it: the
  // statement fails, and so does the ROLLBACK after it, which kysely waits for before it releases.
  for (let i = 0; i < 2 * 10; i++) {
    const failed = orm.em.transactional(async (tx) => {
      const [{ pid }] = await tx.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await tx.execute('select 1');
    });
    await expect(failed).rejects.toThrow();
    // Before the guard, the eleventh transaction waited for a connection that nothing would give back.
  }
  await until(() => pool.totalCount - pool.idleCount === 0, 'every connection back in the pool');
  expect(await orm.em.getConnection().execute('select 42 as answer')).toEqual([{ answer: 42 }]);
  expect(poolWatchOf(url).stalledMs()).toBe(0);
});

test('a statement unanswered past the limit fails as the database unavailable, inside a transaction too, and its connection and server process go', async () => {
  const pool: pg.Pool = await orm.em.getConnection().getNativeClient();
  limitStatements(url, 300);
  try {
    const sleeping = () => orm.em.transactional((tx) => tx.execute('select pg_sleep(60)'));
    const [first, second] = await Promise.allSettled([sleeping(), sleeping()]);
    for (const given of [first, second]) {
      expect(given.status).toBe('rejected');
      // A failure of ours (the service answers DATABASE_UNAVAILABLE), never the request's.
      expect(isDatabaseUnavailable((given as PromiseRejectedResult).reason), String((given as PromiseRejectedResult).reason)).toBe(true);
    }
    await until(() => pool.totalCount - pool.idleCount === 0, 'both connections back in the pool');
    await until(
      async () => (await admin.query("select count(*)::int as n from pg_stat_activity where query = 'select pg_sleep(60)'")).rows[0].n === 0,
      'the sleeping server processes ended',
    );
  } finally {
    limitStatements(url, 0);
  }
  expect(await orm.em.getConnection().execute('select 42 as answer')).toEqual([{ answer: 42 }]);
});

test('/ready says the pool is stalled while callers wait and nothing comes back, and that the server refuses new sessions', async () => {
  // A pool where callers have waited 20 s with nothing given back: the kept session still answers.
  const stalled = databaseHealth(url, { pool: { stalledMs: () => 20_000 } });
  try {
    expect(await stalled.reachable()).toBe('database pool stalled');
  } finally {
    await stalled.close();
  }
  // A role whose sessions the server refuses past the first, as a server shutting down or out of connections refuses
  // them: the kept session answers, a new one is refused.
  const role = `t_${randomBytes(4).toString('hex')}_limited`;
  const superuser = new pg.Client({ connectionString: inject('postgresUrl') });
  await superuser.connect();
  await superuser.query(`create role ${role} login password 'limited' connection limit 1`);
  await superuser.query(`grant connect on database "${new URL(url).pathname.slice(1)}" to ${role}`);
  const limited = new URL(url);
  limited.username = role;
  limited.password = 'limited';
  const health = databaseHealth(limited.toString(), { freshEveryMs: 0 });
  try {
    expect(await health.reachable()).toBe('database refuses new sessions');
    await superuser.query(`alter role ${role} connection limit 2`);
    expect(await health.reachable()).toBe(true);
  } finally {
    await health.close();
    await until(
      async () => (await superuser.query('select count(*)::int as n from pg_stat_activity where usename = $1', [role])).rows[0].n === 0,
      'its sessions gone',
    );
    await superuser.query(`drop owned by ${role}`);
    await superuser.query(`drop role ${role}`);
    await superuser.end();
  }
});
