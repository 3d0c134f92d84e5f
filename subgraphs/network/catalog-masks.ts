import type pg from 'pg';
import { maskFunctions } from '../../shared/matching.ts';
import { currentLog } from '../../shared/observability.ts';

/**
 * Brings the database's mask functions to this service's catalogs and, where one changed, writes the masks of
 * every member whose masks differ (migration supplier_masks). Run at every start under the migration lock, so
 * one instance of several does it; a start with unchanged catalogs reads two rows and writes nothing. Answers
 * how many members it wrote.
 */
export async function keepCatalogMasks(session: pg.Client): Promise<number> {
  const functions = maskFunctions();
  const stale = async () => {
    const { rows } = await session.query<{ name: string; body: string }>(
      'select proname as name, prosrc as body from pg_proc where oid in (select to_regprocedure(f) from unnest($1::text[]) f)',
      [functions.map((f) => `${f.name}(text[])`)],
    );
    return functions.filter((f) => rows.find((row) => row.name === f.name)?.body !== f.body);
  };
  if ((await stale()).length === 0) return 0;
  // Writers wait from here to the lock's commit: a member written meanwhile by another instance would get its
  // masks from the old functions, which the update below, reading what was committed when it began, would not
  // see, and one mask of another length fails every `&` of findSuppliers in this network. Exclusive, not share
  // row exclusive, so row locks wait too: updateMember locks its row (`for update`) before it writes it, and a
  // row locked first would have the update below wait for that writer while the writer waits for this lock, a
  // deadlock (test/catalog-masks.e2e.ts). Plain reads go on.
  await session.query('lock table member in exclusive mode');
  const changed = await stale();
  for (const f of changed) await session.query(f.create);
  // The arrays are left as they are, so the trigger does not fire. Only members whose masks change are written:
  // an added alias changes the function but few masks, a catalog entry more changes every mask's length.
  const { rowCount } = await session.query(
    `update member set process_mask = irm_process_mask(process_codes), material_mask = irm_material_mask(materials)
      where process_mask is distinct from irm_process_mask(process_codes) or material_mask is distinct from irm_material_mask(materials)`,
  );
  currentLog().info({ functions: changed.map((f) => f.name), members: rowCount }, 'catalog masks brought to the catalogs of this code');
  return rowCount ?? 0;
}
