import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ensureDatabase } from '../shared/postgres.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { initRegionOrm } from '../subgraphs/region/orm.ts';
import { migrations as networkMigrations } from '../subgraphs/network/migrations/index.ts';
import { regionMigrations } from '../subgraphs/region/migrations/index.ts';

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
});
