import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { materialMask, processMask } from '../shared/matching.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { seededNetworkDatabase } from './support/network-database.ts';

// findSuppliers' rules test a member's processes and materials as bit strings (shared/matching.ts, "The
// catalogs as bits"). The database computes them with functions the service writes from its catalogs; they
// must give what the TypeScript gives, on a bulk load, on an update, and after the catalogs changed.

let url: string;
let client: pg.Client;

beforeAll(async () => {
  url = await seededNetworkDatabase('masks', 200);
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
});

/** Members whose masks differ from the TypeScript's, and how many were compared. */
async function disagreeing() {
  const { rows } = await client.query<{ id: number; process_codes: string[]; materials: string[]; process_mask: string; material_mask: string }>(
    'select id, process_codes, materials, process_mask::text, material_mask::text from member',
  );
  const wrong = rows.filter((m) => m.process_mask !== processMask(m.process_codes) || m.material_mask !== materialMask(m.materials));
  return { compared: rows.length, wrong: wrong.map((m) => m.id) };
}

test('a bulk load gives every member the masks of its processes and materials', async () => {
  const { compared, wrong } = await disagreeing();
  expect(compared).toBe(200);
  expect(wrong).toEqual([]);
  // Not all zeros: the seed lists processes and materials.
  const { rows } = await client.query(
    `select count(*)::int as n from member where position('1' in process_mask::text) > 0 and position('1' in material_mask::text) > 0`,
  );
  expect(rows[0].n).toBeGreaterThan(150);
});

test('an update of the lists sets the masks again; an alias counts as its material, an unlisted value as nothing', async () => {
  await client.query(`update member set process_codes = '{3.2.1,3.3.4}', materials = '{1.0503,Unobtainium}' where id = 1`);
  await client.query(`update member set process_codes = '{}', materials = '{}' where id = 2`);
  const { rows } = await client.query('select id, process_mask::text, material_mask::text from member where id in (1, 2) order by id');
  expect(rows[0]).toEqual({ id: 1, process_mask: processMask(['3.2.1', '3.3.4']), material_mask: materialMask(['C45']) });
  expect(rows[0].material_mask).toContain('1');
  expect(rows[1].process_mask).toMatch(/^0+$/);
  expect((await disagreeing()).wrong).toEqual([]);
});

test("a start finds the database's functions written from other catalogs and writes them and every mask again", async () => {
  // As a database would look after a catalog of the service was extended: functions of the old catalogs
  // (here: of none) and masks computed by them.
  for (const name of ['irm_process_mask', 'irm_material_mask']) {
    await client.query(`create or replace function ${name}(entries text[]) returns varbit language sql immutable parallel safe as $$ select B'1' $$`);
  }
  await client.query(`update member set process_mask = B'1', material_mask = B'1'`);
  expect((await disagreeing()).wrong).toHaveLength(200);

  const { orm } = await initNetworkOrm(url);
  await orm.close();
  expect((await disagreeing()).wrong).toEqual([]);

  // Unchanged catalogs: the next start writes no member.
  const updated = async () => Number((await client.query(`select n_tup_upd from pg_stat_user_tables where relname = 'member'`)).rows[0].n_tup_upd);
  await client.query('select pg_stat_force_next_flush()');
  const before = await updated();
  const again = await initNetworkOrm(url);
  await again.orm.close();
  await client.query('select pg_stat_clear_snapshot()');
  expect(await updated()).toBe(before);
});
