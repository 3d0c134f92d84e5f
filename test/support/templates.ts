import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, ensureDatabase } from '../../shared/postgres.ts';
import { initNetworkOrm } from '../../subgraphs/network/orm.ts';
import { initRegionOrm } from '../../subgraphs/region/orm.ts';

// Databases migrated once per test run, which every test stack copies (CREATE DATABASE … TEMPLATE) instead of
// running every migration again: four databases set up and migrated took a stack 1.7-2.0 s of its start on the
// 2-core machine, and about 70 e2e files start one. A copy keeps the template's objects, which the copy's own
// role takes over (shared/postgres.ts), and none of its database settings, which the network service sets at
// its first start as on a fresh database.

export interface Templates {
  network: string;
  region: string;
}

export async function prepareTemplates(serverUrl: string): Promise<Templates> {
  const templates = { network: 'irm_template_network', region: 'irm_template_region' };
  // A server named by DATABASE_URL may hold templates of an earlier run, migrated by older code.
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    for (const name of Object.values(templates)) await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
  const [network, region] = await Promise.all([
    ensureDatabase(serverUrl, templates.network).then((url) => initNetworkOrm(url)),
    ensureDatabase(serverUrl, templates.region).then((url) => initRegionOrm(url, randomBytes(32))),
  ]);
  // Nobody may be connected to a template while it is copied.
  await Promise.all([network.orm.close(true), region.orm.close(true)]);
  return templates;
}
