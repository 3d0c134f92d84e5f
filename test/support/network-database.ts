import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { findNetwork } from '../../shared/networks.ts';
import { ensureDatabase } from '../../shared/postgres.ts';
import { seedBulk } from '../../scripts/seed-bulk.ts';
import { initNetworkOrm } from '../../subgraphs/network/orm.ts';

/**
 * A database of the test's own with a network's schema (the committed migrations) and `members` generated
 * NIWE members, vacuumed and analysed as a bulk load leaves it (scripts/seed-bulk.ts); answers its URL.
 */
export async function seededNetworkDatabase(name: string, members: number): Promise<string> {
  const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_${name}`);
  const { orm } = await initNetworkOrm(url);
  await orm.close();
  await seedBulk({ databaseUrl: url, network: findNetwork('NIWE')!, members });
  return url;
}
