import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../shared/errors.ts';
import { findMaterial } from '../../shared/data/materials.ts';
import { processAndDescendants } from '../../shared/data/processes.ts';
import { certificationName, processCodes as validProcessCodes } from '../../shared/validation.ts';
import { scoreScale, type FacetCount, type MemberOrder, type PushedDownFilter, type SearchHit, type SearchPage } from '../../shared/search.ts';
import type { MemberOrderKey } from '../../shared/sort-key.ts';
import { textArray } from './sql.ts';

// The network's half of the region-wide member search: the filter runs here, in
// the owner's database with its indexes, and the page comes back in the
// region-wide order (rank, sort key, network, id) so region can merge exactly.
// Two statements per search whatever the page size: statistics (count and
// facets) and the page.

/** Words shorter than this match as parts only; longer ones also tolerate a typo. */
const fuzzyMinLength = 4;

/** For each search word, the dictionary's words spelled closely (one wrong or swapped letter in a longer word). */
type Spellings = Map<string, string[]>;

/** One statement looks up close spellings of every longer word (pg_trgm similarity on the small search_word table). */
export async function closeSpellings(em: EntityManager, words: string[]): Promise<Spellings> {
  const fuzzy = words.filter((w) => w.length >= fuzzyMinLength);
  if (fuzzy.length === 0) return new Map();
  const rows = await em.getConnection().execute<{ i: number; word: string }[]>(
    fuzzy.map(() => `select ?::int as i, word from search_word where word % irm_fold(?)`).join(' union all '),
    fuzzy.flatMap((w, i) => [i, w]),
  );
  return new Map(fuzzy.map((w, i) => [w, rows.filter((r) => r.i === i).map((r) => r.word)]));
}
const maxWords = 10;

class Sql {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]) {
    this.parts.push(sql);
    this.params.push(...params);
  }
}

interface Compiled {
  where: Sql;
  words: string[];
  processCodes: string[][];
  materials: string[][];
  standards: string[];
}

export function searchWords(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, maxWords);
}

function compile(filter: PushedDownFilter, spellings: Spellings): Compiled {
  const where = new Sql();
  where.add('m.archived_at is null');
  const words = searchWords(filter.text);
  for (const word of words) {
    // Word parts via LIKE, typos via trigram word similarity; both use the trigram index on the folded text.
    // Word parts via LIKE on the trigram index; a typo via the close spellings the dictionary knows, matched the same way.
    const alternatives = spellings.get(word) ?? [];
    where.add(`(m.search_text like '%' || irm_fold(?) || '%'${alternatives.map(() => ` or m.search_text like ?`).join('')})`, word, ...alternatives.map((a) => `%${a}%`));
  }
  const processCodes = validProcessCodes('filter.processes', filter.processes ?? []).map(processAndDescendants);
  for (const codes of processCodes) where.add('m.process_codes && ?::text[]', textArray(codes));
  const materials = (filter.materials ?? []).map(materialSpellings);
  for (const spellings of materials) where.add('m.materials && ?::text[]', textArray(spellings));
  const standards = (filter.certifications ?? []).map((value) => certificationName('filter.certifications', value));
  for (const standard of standards) {
    where.add('exists (select 1 from certification c where c.member_id = m.id and c.standard = ? and c.valid_until >= coalesce(?::date, current_date))', standard, filter.certifiedOn ?? null);
  }
  if (filter.near) {
    const { latitude, longitude, radiusKm } = filter.near;
    where.add(
      'm.latitude is not null and earth_box(ll_to_earth(?, ?), ?) @> ll_to_earth(m.latitude, m.longitude) and earth_distance(ll_to_earth(m.latitude, m.longitude), ll_to_earth(?, ?)) <= ?',
      latitude, longitude, radiusKm * 1000, latitude, longitude, radiusKm * 1000,
    );
  }
  if (filter.employeesMin != null) where.add('m.employees >= ?', filter.employeesMin);
  if (filter.employeesMax != null) where.add('m.employees <= ?', filter.employeesMax);
  return { where, words, processCodes, materials, standards };
}

/**
 * Relevance in 0..scoreScale, averaged over the words. A word found in the
 * name counts most (at the start of the name, then at a word start, then
 * anywhere), found elsewhere less; only a word matched by typo tolerance pays
 * for a trigram similarity, so broad searches stay cheap per row.
 */
function scoreSql(words: string[], params: unknown[]): string {
  const perWord = words.map((word) => {
    const cases = [
      [`m.search_name like W || '%'`, '1.0'],
      [`m.search_name like '% ' || W || '%'`, '0.95'],
      [`m.search_name like '%' || W || '%'`, '0.9'],
      [`m.search_text like W || '%' or m.search_text like '% ' || W || '%'`, '0.7'],
      [`m.search_text like '%' || W || '%'`, '0.6'],
    ];
    const sql = `case ${cases.map(([test, value]) => `when ${test} then ${value}`).join(' ')} else greatest(word_similarity(W, m.search_name), 0.8 * word_similarity(W, m.search_text)) end`;
    // The word is folded by the same SQL function as the documents; PostgreSQL folds the constant once per statement.
    return sql.replace(/W/g, () => {
      params.push(word);
      return 'irm_fold(?)';
    });
  });
  return `round((${perWord.join(' + ')}) / ${words.length} * ${scoreScale})::int`;
}

function distanceSql(near: NonNullable<PushedDownFilter['near']>, params: unknown[]): string {
  params.push(near.latitude, near.longitude);
  return `round(earth_distance(ll_to_earth(m.latitude, m.longitude), ll_to_earth(?, ?)))::int`;
}

/** Which searchable fields contain one of the words, for the UI to explain the hit. */
function matchedTextSql(words: string[], params: unknown[]): string {
  const fields: [label: string, column: string][] = [
    ['name', 'm.name'],
    ['city', 'm.city'],
    ['description', `coalesce(m.description, '')`],
    ['services', 'm.services_text'],
    ['processes', 'm.processes_text'],
  ];
  const cases = fields.map(([label, column]) => {
    const alternatives = words.map((word) => {
      params.push(word);
      return `irm_fold(${column}) like '%' || irm_fold(?) || '%'`;
    });
    return `case when ${alternatives.join(' or ')} then '${label}' end`;
  });
  return `array_remove(array[${cases.join(', ')}], null)`;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The two statements of a search; separate from running them so the benchmark can EXPLAIN exactly what runs. */
export function searchStatements(network: string, filter: PushedDownFilter, order: MemberOrder, first: number, after: MemberOrderKey | null, withFacets: boolean, spellings: Spellings = new Map()) {
  if (order === 'RELEVANCE' && searchWords(filter.text).length === 0) throw badInput('orderBy', 'orderBy RELEVANCE needs filter.text.');
  if (order === 'DISTANCE' && !filter.near) throw badInput('orderBy', 'orderBy DISTANCE needs filter.near.');
  const compiled = compile(filter, spellings);
  const filterSql = compiled.where.parts.join(' and ');

  const statsSql = [`select 'total' as kind, '' as value, count(*)::int as count from member m where ${filterSql}`];
  const statsParams = [...compiled.where.params];
  if (withFacets) {
    statsSql.push(`select 'process', split_part(code, '.', 1), count(distinct m.id)::int from member m cross join unnest(m.process_codes) as code where ${filterSql} group by 2`);
    statsSql.push(
      `select 'certification', c.standard, count(distinct m.id)::int from member m join certification c on c.member_id = m.id and c.valid_until >= coalesce(?::date, current_date) where ${filterSql} group by 2`,
    );
    statsParams.push(...compiled.where.params, filter.certifiedOn ?? null, ...compiled.where.params);
  }

  const selectParams: unknown[] = [];
  const score = compiled.words.length ? scoreSql(compiled.words, selectParams) : 'null::int';
  const distance = filter.near ? distanceSql(filter.near, selectParams) : 'null::int';
  const matchedParams: unknown[] = [];
  const matchedText = compiled.words.length ? matchedTextSql(compiled.words, matchedParams) : `'{}'::text[]`;
  const rank = order === 'RELEVANCE' ? `${scoreScale} - score` : order === 'DISTANCE' ? 'distance_m' : '0';

  const keyset = new Sql();
  if (after) {
    // This network's code relative to the cursor's decides whether equal (rank, sort key) rows come before or after it.
    const relation = network === after.network ? 'same' : Buffer.compare(Buffer.from(network), Buffer.from(after.network)) > 0 ? 'later' : 'earlier';
    // In name order the rank is always 0 and is left out, so the (sort_key, id) index serves the page.
    const [columns, values] = order === 'NAME' ? ['sort_key', [after.sortKey]] : ['rank, sort_key', [after.rank, after.sortKey]];
    if (relation === 'same') keyset.add(`where (${columns}, id) > (${values.map(() => '?').join(', ')}, ?)`, ...values, after.localId);
    else keyset.add(`where (${columns}) ${relation === 'later' ? '>=' : '>'} (${values.map(() => '?').join(', ')})`, ...values);
  }
  const inner = `select m.id, m.sort_key, ${score} as score, ${distance} as distance_m from member m where ${filterSql}`;
  const ranked = `select * from (select *, ${rank} as rank from (${inner}) scored) ranked ${keyset.parts.join('')} order by ${order === 'NAME' ? '' : 'rank, '}sort_key, id limit ?`;
  // What explains a hit is worked out for the page's rows only, after the limit.
  const page: Statement = {
    sql: `select p.*, m.process_codes, m.materials, ${matchedText} as matched_text from (${ranked}) p join member m on m.id = p.id order by p.rank, p.sort_key, p.id`,
    params: [...matchedParams, ...selectParams, ...compiled.where.params, ...keyset.params, first],
  };
  return { compiled, stats: { sql: statsSql.join(' union all '), params: statsParams } as Statement, page };
}

export async function searchMembers(
  em: EntityManager,
  network: string,
  filter: PushedDownFilter,
  order: MemberOrder,
  first: number,
  after: MemberOrderKey | null,
  withFacets: boolean,
): Promise<SearchPage> {
  const spellings = await closeSpellings(em, searchWords(filter.text));
  const { compiled, stats: statsStatement, page } = searchStatements(network, filter, order, first, after, withFacets, spellings);
  const connection = em.getConnection();
  const stats = await connection.execute<{ kind: string; value: string; count: number }[]>(statsStatement.sql, statsStatement.params);
  const rows = await connection.execute<{ id: number; sort_key: string; process_codes: string[]; materials: string[]; score: number | null; distance_m: number | null; matched_text: string[]; rank: number }[]>(page.sql, page.params);

  const hits: SearchHit[] = rows.map((row) => ({
    localId: row.id,
    sortKey: row.sort_key,
    rank: Number(row.rank),
    score: row.score === null ? null : row.score / scoreScale,
    distanceKm: row.distance_m === null ? null : row.distance_m / 1000,
    matched: {
      text: row.matched_text,
      processes: row.process_codes.filter((code) => compiled.processCodes.some((codes) => codes.includes(code))),
      materials: row.materials.filter((material) => compiled.materials.some((spellings) => spellings.includes(material))),
      certifications: compiled.standards,
      withinRadius: filter.near ? true : null,
      employees: filter.employeesMin != null || filter.employeesMax != null ? true : null,
    },
  }));
  const facet = (kind: string): FacetCount[] => stats.filter((s) => s.kind === kind).map((s) => ({ value: s.value, count: s.count }));
  return {
    totalCount: stats.find((s) => s.kind === 'total')?.count ?? 0,
    hits,
    facets: withFacets ? { processMainGroups: facet('process'), certifications: facet('certification') } : null,
  };
}


/** A known material matches by any of its spellings; an unknown one by its exact spelling. */
function materialSpellings(value: string): string[] {
  const material = findMaterial(value);
  return material ? [material.name, ...material.aliases] : [value.trim()];
}
