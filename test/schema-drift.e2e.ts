import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ensureDatabase } from '../shared/postgres.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { initRegionOrm } from '../subgraphs/region/orm.ts';

// Entities and migrations describe one schema twice. After the committed
// migrations ran, MikroORM's schema diff against the entities must be empty,
// so an entity changed without a migration (or a migration without its
// entity) fails here. Safe mode: the diff would never drop a table or column.

const orms: MikroORM[] = [];

async function migratedOrm(service: 'network' | 'region'): Promise<MikroORM> {
  const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_drift_${service}`);
  const { orm } = service === 'network' ? await initNetworkOrm(url) : await initRegionOrm(url, randomBytes(32));
  orms.push(orm);
  return orm;
}

/** The statements that would bring the migrated database to the entities; empty when they agree. */
async function drift(orm: MikroORM): Promise<string> {
  return (await orm.schema.getUpdateSchemaSQL({ safe: true, wrap: false })).trim();
}

let network: MikroORM;
let region: MikroORM;

beforeAll(async () => {
  [network, region] = await Promise.all([migratedOrm('network'), migratedOrm('region')]);
});
afterAll(async () => {
  await Promise.all(orms.map((orm) => orm.close(true)));
});

describe('schema drift', () => {
  test("the network's entities match its migrations", async () => {
    expect(await drift(network)).toBe('');
  });

  test("region's entities match its migrations", async () => {
    expect(await drift(region)).toBe('');
  });
});
