import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../shared/errors.ts';
import { canonicalStandard } from '../../shared/data/certifications.ts';
import { findProcess, processes } from '../../shared/data/processes.ts';
import type { MemberOrderKey } from '../../shared/sort-key.ts';

// The network's half of the region-wide member search: the filter runs here, in
// the owner's database, and the page comes back in the region-wide order so
// region can merge the networks' pages exactly.

export interface SearchFilter {
  text?: string | null;
  processes?: string[] | null;
  certifications?: string[] | null;
}

export interface Hit {
  localId: number;
  sortKey: string;
}

export interface SearchPage {
  totalCount: number;
  hits: Hit[];
}

export async function searchMembers(em: EntityManager, network: string, filter: SearchFilter, first: number, after: MemberOrderKey | null): Promise<SearchPage> {
  const where: string[] = ['m.archived_at is null'];
  const params: unknown[] = [];

  const text = filter.text?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push('(m.name ilike ? or m.city ilike ? or m.description ilike ?)');
    params.push(pattern, pattern, pattern);
  }
  for (const code of filter.processes ?? []) {
    // A code matches itself and every process below it in the DIN 8580 hierarchy; && uses the GIN index.
    where.push('m.process_codes && ?::text[]');
    params.push(textArrayLiteral(processWithDescendants(code)));
  }
  for (const value of filter.certifications ?? []) {
    const standard = canonicalStandard(value);
    if (!standard) throw badInput('filter.certifications', `Unknown certification "${value.slice(0, 30)}".`);
    where.push('exists (select 1 from certification c where c.member_id = m.id and c.standard = ? and c.valid_until >= current_date)');
    params.push(standard);
  }

  const connection = em.getConnection();
  const filterSql = where.join(' and ');
  const countRows = await connection.execute<{ count: string }[]>(`select count(*) as count from member m where ${filterSql}`, params);

  const pageWhere = [...where];
  const pageParams = [...params];
  if (after) {
    // Order is (sort_key, network, id); this network's position relative to the cursor's network decides the comparison.
    if (network === after.network) {
      pageWhere.push('(m.sort_key, m.id) > (?, ?)');
      pageParams.push(after.sortKey, after.localId);
    } else {
      pageWhere.push(Buffer.compare(Buffer.from(network), Buffer.from(after.network)) > 0 ? 'm.sort_key >= ?' : 'm.sort_key > ?');
      pageParams.push(after.sortKey);
    }
  }
  const rows = await connection.execute<{ id: number; sort_key: string }[]>(
    `select m.id, m.sort_key from member m where ${pageWhere.join(' and ')} order by m.sort_key, m.id limit ?`,
    [...pageParams, first],
  );
  return { totalCount: Number(countRows[0].count), hits: rows.map((r) => ({ localId: r.id, sortKey: r.sort_key })) };
}

/** MikroORM expands JS arrays in raw SQL into lists, so arrays travel as PostgreSQL array literals. */
function textArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

function processWithDescendants(code: string): string[] {
  if (!findProcess(code)) throw badInput('filter.processes', `"${code.slice(0, 20)}" is not a DIN 8580 process code of the code list (for example 3.2.3 for Fräsen).`);
  return [...processes.keys()].filter((c) => c === code || c.startsWith(`${code}.`));
}
