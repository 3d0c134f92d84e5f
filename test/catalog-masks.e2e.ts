import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { maskFunctions, materialMask, processMask } from '../shared/matching.ts';
import { keepCatalogMasks } from '../subgraphs/network/catalog-masks.ts';
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

/** The process function as a start of older code would have left it (here: of no catalog), and every process mask by it. */
async function oldProcessFunction() {
  await client.query(`create or replace function irm_process_mask(entries text[]) returns varbit language sql immutable parallel safe as $$ select B'1' $$`);
  await client.query('update member set process_codes = process_codes');
}

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

  // Unchanged catalogs write nothing; a function changed in a way that leaves the masks (as an added alias
  // nobody uses would) is written again, the members are not.
  const session = new pg.Client({ connectionString: url });
  await session.connect();
  const inTransaction = async <T>(work: () => Promise<T>) => {
    await session.query('begin');
    const done = await work();
    await session.query('commit');
    return done;
  };
  const functionVersions = async () =>
    (await client.query(`select proname, xmin::text from pg_proc where proname in ('irm_process_mask', 'irm_material_mask') order by 1`)).rows;
  try {
    const versions = await functionVersions();
    expect(await inTransaction(() => keepCatalogMasks(session))).toBe(0);
    expect(await functionVersions()).toEqual(versions);
    const material = maskFunctions().find((f) => f.name === 'irm_material_mask')!;
    await client.query(material.create.replace(material.body, `${material.body} `));
    expect(await inTransaction(() => keepCatalogMasks(session))).toBe(0);
    const { rows } = await client.query(`select prosrc from pg_proc where oid = 'irm_material_mask(text[])'::regprocedure`);
    expect(rows[0].prosrc).toBe(material.body);

    // While one start writes the masks, another instance's write of a member waits for it: written before
    // the new functions are committed, its masks would come from the old ones.
    await oldProcessFunction();
    // Member 3's mask is already right, so the start leaves its row (and the row's lock) alone.
    const codes = (await client.query('select process_codes from member where id = 3')).rows[0].process_codes;
    await client.query('update member set process_mask = $1::varbit where id = 3', [processMask(codes)]);
    await session.query('begin');
    expect(await keepCatalogMasks(session)).toBe(199);
    await client.query(`set lock_timeout = '200ms'`);
    await expect(client.query(`update member set process_codes = '{1.2}' where id = 3`)).rejects.toMatchObject({ code: '55P03' });
    await session.query('commit');
    await client.query(`update member set process_codes = '{1.2}' where id = 3`);
    await client.query('reset lock_timeout');
    expect((await disagreeing()).wrong).toEqual([]);

    // A writer that locked its member row before the start began (as updateMember does, `for update`) and
    // writes it while the start waits: the start waits for the writer, then writes the row's masks too.
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    try {
      await oldProcessFunction();
      await writer.query('begin');
      await writer.query('select id from member where id = 5 for update');
      const pid = (await session.query('select pg_backend_pid() as pid')).rows[0].pid;
      await session.query('begin');
      const start = keepCatalogMasks(session);
      start.catch(() => {});
      await expect
        .poll(async () => (await client.query('select wait_event_type from pg_stat_activity where pid = $1', [pid])).rows[0]?.wait_event_type, {
          timeout: 30_000,
        })
        .toBe('Lock');
      await writer.query(`update member set process_codes = '{6.2}' where id = 5`);
      await writer.query('commit');
      expect(await start).toBe(200);
      await session.query('commit');
    } finally {
      await writer.end();
    }
    expect((await disagreeing()).wrong).toEqual([]);
  } finally {
    await session.end();
  }
});
