import type pg from 'pg';
import { maskFunctions } from '../../shared/matching.ts';

/**
 * Brings the database's mask functions to this service's catalogs and, where one changed, computes every
 * member's masks again (migration supplier_masks). Run at every start under the migration lock, so one
 * instance of several does it: a catalog extended in code reaches the masks with the next start, and a start
 * with unchanged catalogs reads two rows and writes nothing.
 */
export async function keepCatalogMasks(session: pg.Client): Promise<boolean> {
  const functions = maskFunctions();
  const { rows } = await session.query<{ name: string; body: string }>(
    'select proname as name, prosrc as body from pg_proc where oid = any($1::regprocedure[])',
    [functions.map((f) => `${f.name}(text[])`)],
  );
  const stale = functions.filter((f) => rows.find((row) => row.name === f.name)?.body !== f.body);
  if (stale.length === 0) return false;
  for (const f of stale) await session.query(f.create);
  // The arrays are left as they are, so the trigger does not fire; the masks are set by the same functions.
  await session.query('update member set process_mask = irm_process_mask(process_codes), material_mask = irm_material_mask(materials)');
  return true;
}
