import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../shared/errors.ts';
import { findMaterial } from '../../shared/data/materials.ts';
import { processAndDescendants } from '../../shared/data/processes.ts';
import { certificationName, processCodes as validProcessCodes } from '../../shared/validation.ts';
import { scoreScale, searchWords, type FacetCount, type MemberOrder, type PushedDownFilter, type SearchHit, type SearchPage } from '../../shared/search.ts';
import type { MemberOrderKey } from '../../shared/sort-key.ts';
import { selectsField } from '../../shared/selection.ts';
import { joinSql, raw, sql, textArray, type Fragment } from '../../shared/sql.ts';
import { chordMetres, earthPoint, surfaceMetresSql } from './geo.ts';

// The network's half of the region-wide member search: the filter runs here, in
// the owner's database with its indexes, and the page comes back in the
// region-wide order (rank, sort key, network, id) so region can merge exactly.
// At most three statements per search whatever the page size: close spellings
// of the words, the page, and statistics (count and the facets asked for). The
// statistics run only when the caller selected a count or a facet, count only
// the facets selected, and not at all for a count that a first page holding
// every hit already gives: the portal's list without counts costs the page. Every statement reads a
// bounded number of rows however large the network grows (see countLimit, the
// relevance tiers and the nearest-first distance page).

export { searchWords };

/** Words shorter than this match as parts only; longer ones also tolerate a typo. */
const fuzzyMinLength = 4;

/** For each search word, the dictionary's words spelled closely (one wrong or swapped letter in a longer word). */
export type Spellings = Map<string, string[]>;

/**
 * One statement looks up close spellings of every longer word (pg_trgm similarity on the small search_word table); null when no word is long enough.
 * A dictionary word that contains the folded word (the word itself, spelled right, above all) is left out: every text
 * containing it contains the word, so it adds no hit and no tier, only conditions to plan. A rightly spelled word
 * therefore has no close spellings, and its search skips the two typo tiers (planning the page took 4-15 ms with them at 10k members).
 */
export function closeSpellingsStatement(words: string[]): Fragment | null {
  const fuzzy = words.filter((w) => w.length >= fuzzyMinLength);
  return fuzzy.length
    ? joinSql(
        fuzzy.map((w, i) => sql`select ${i}::int as i, word from search_word where word % irm_fold(${w}) and strpos(word, irm_fold(${w})) = 0`),
        ' union all ',
      )
    : null;
}

export function toSpellings(words: string[], rows: { i: number; word: string }[]): Spellings {
  const fuzzy = words.filter((w) => w.length >= fuzzyMinLength);
  return new Map(fuzzy.map((w, i) => [w, rows.filter((r) => r.i === i).map((r) => r.word)]));
}

export async function closeSpellings(em: EntityManager, words: string[]): Promise<Spellings> {
  const statement = closeSpellingsStatement(words);
  return statement ? toSpellings(words, await em.getConnection().execute<{ i: number; word: string }[]>(statement.sql, statement.params)) : new Map();
}

interface Compiled {
  where: Fragment;
  /** The filter without the words' conditions: the relevance tiers (1 and better) state stricter ones of their own. */
  whereButText: Fragment;
  words: string[];
  processCodes: string[][];
  materials: string[][];
  standards: string[];
  /** The centre of filter.near on the earth, when given. */
  point: Fragment | null;
}

/** The word as the documents are folded; PostgreSQL folds the constant once per statement. */
const folded = (word: string) => sql`irm_fold(${word})`;
const anyLike = (column: string, patterns: Fragment[]) =>
  joinSql(
    patterns.map((p) => sql`${raw(column)} like ${p}`),
    ' or ',
  );
const contains = (word: string) => sql`'%' || ${folded(word)} || '%'`;
const containsAny = (spellings: string[]) => spellings.map((s) => sql`${`%${s}%`}`);

function compile(filter: PushedDownFilter, spellings: Spellings): Compiled {
  const where: Fragment[] = [raw('m.archived_at is null')];
  const words = searchWords(filter.text);
  // Word parts via LIKE on the trigram index; a typo via the close spellings the dictionary knows, matched the same way.
  const text = words.map((word) => sql`(${anyLike('m.search_text', [contains(word), ...containsAny(spellings.get(word) ?? [])])})`);
  const processCodes = validProcessCodes('filter.processes', filter.processes ?? []).map(processAndDescendants);
  for (const codes of processCodes) where.push(sql`m.process_codes && ${textArray(codes)}::text[]`);
  const materials = (filter.materials ?? []).map(materialSpellings);
  for (const spellings of materials) where.push(sql`m.materials && ${textArray(spellings)}::text[]`);
  const standards = (filter.certifications ?? []).map((value) => certificationName('filter.certifications', value));
  for (const standard of standards) {
    where.push(
      sql`exists (select 1 from certification c where c.member_id = m.id and c.standard = ${standard} and c.valid_until >= coalesce(${filter.certifiedOn ?? null}::date, current_date))`,
    );
  }
  let point: Fragment | null = null;
  if (filter.near) {
    const { latitude, longitude, radiusKm } = filter.near;
    point = earthPoint(latitude, longitude);
    // The box finds candidates on the GiST index; the straight-line distance keeps those inside the circle.
    where.push(sql`earth_box(${point}, ${radiusKm * 1000}) @> m.location and m.location <-> ${point} <= ${chordMetres(radiusKm * 1000)}`);
  }
  if (filter.employeesMin != null) where.push(sql`m.employees >= ${filter.employeesMin}`);
  if (filter.employeesMax != null) where.push(sql`m.employees <= ${filter.employeesMax}`);
  // The words last: PostgreSQL checks conditions of equal cost in the order written, and a number or an array
  // compared first spares the LIKE over the whole folded text for rows it already rules out.
  return { where: joinSql([...where, ...text], ' and '), whereButText: joinSql(where, ' and '), words, processCodes, materials, standards, point };
}

/**
 * Relevance is a tier: how well the worst-placed search word sits in the
 * member. Tiers (best first) and the score they give: a word of the name
 * starts with it 1.0; the name contains it 0.9; another field contains it 0.6;
 * the name contains a close spelling 0.45; another field does 0.3. A typo
 * never outranks the word as typed. Within a tier members follow the name.
 *
 * Tiers, unlike a score computed per hit, can be read best first: each tier is
 * its own query in name order with the page's limit, and PostgreSQL runs the
 * next tier only while the page is not full. A broad word ("Fräs" in half of
 * all members) therefore costs a page of name hits, not a score per hit.
 */
const tierScores = [0.3, 0.45, 0.6, 0.9, 1.0].map((s) => Math.round(s * scoreScale));

/** For one word, the condition "placed at least as well as tier t". Each tier's set contains the next better one's. */
function atLeast(tier: number, word: string, closeSpellings: string[]): Fragment {
  const close = containsAny(closeSpellings);
  switch (tier) {
    case 4:
      return sql`(m.search_name like ${folded(word)} || '%' or m.search_name like '% ' || ${folded(word)} || '%')`;
    case 3:
      return sql`m.search_name like ${contains(word)}`;
    case 2:
      return sql`m.search_text like ${contains(word)}`;
    case 1:
      return close.length ? sql`(m.search_text like ${contains(word)} or ${anyLike('m.search_name', close)})` : atLeast(2, word, closeSpellings);
    default:
      return sql`(${anyLike('m.search_text', [contains(word), ...close])})`;
  }
}

/** The distance rank: whole metres of straight line, the same in every network. */
function distanceRankSql(point: Fragment): Fragment {
  return sql`round(m.location <-> ${point})::int`;
}

/**
 * Rows after the cursor in (rank, sort key, network, id) order. Within a
 * network the network part is fixed, so it decides how equal (rank, sort key)
 * rows compare: after the cursor's own network they follow it, before it they
 * precede it. `rank` null means the rank is the same constant on both sides.
 */
function keysetSql(network: string, after: MemberOrderKey | null, rank: Fragment | null): Fragment | null {
  if (!after) return null;
  const relation = network === after.network ? 'same' : Buffer.compare(Buffer.from(network), Buffer.from(after.network)) > 0 ? 'later' : 'earlier';
  const left = rank ? sql`${rank}, m.sort_key` : raw('m.sort_key');
  const right = rank ? sql`${after.rank}, ${after.sortKey}` : sql`${after.sortKey}`;
  if (relation === 'same') return sql`(${left}, m.id) > (${right}, ${after.localId})`;
  return sql`(${left}) ${raw(relation === 'later' ? '>=' : '>')} (${right})`;
}

const and = (...parts: (Fragment | null)[]) =>
  joinSql(
    parts.filter((p): p is Fragment => p !== null),
    ' and ',
  );

/** The page in NAME order: the (sort key, id) index serves it, with the filter checked on the way. */
function namePage(network: string, c: Compiled, first: number, after: MemberOrderKey | null): Fragment {
  return sql`select m.id, m.sort_key, null::int as score, 0 as rank from member m
    where ${and(c.where, keysetSql(network, after, null))} order by m.sort_key, m.id limit ${first}`;
}

/** The page in RELEVANCE order, tier by tier (see tierScores). */
function relevancePage(network: string, c: Compiled, first: number, after: MemberOrderKey | null, spellings: Spellings): Fragment {
  const anyClose = c.words.some((w) => (spellings.get(w) ?? []).length > 0);
  const all = (tier: number) =>
    joinSql(
      c.words.map((w) => atLeast(tier, w, spellings.get(w) ?? [])),
      ' and ',
    );
  const branches: Fragment[] = [];
  for (let tier = 4; tier >= 0; tier--) {
    // Without close spellings the typo tiers are empty.
    if (!anyClose && tier < 2) continue;
    const rank = scoreScale - tierScores[tier];
    if (after && rank < after.rank) continue;
    const keyset = after && rank === after.rank ? keysetSql(network, after, null) : null;
    const worse = tier < 4 ? sql`not (${all(tier + 1)})` : null;
    // Tier 0's condition is the filter's own text condition; a better tier's implies it (a close spelling in the name is in the text),
    // so it is not stated twice: each LIKE costs the planner a pass over the column's histogram.
    branches.push(sql`(select m.id, m.sort_key, ${tierScores[tier]}::int as score, ${rank}::int as rank from member m
      where ${and(tier > 0 ? c.whereButText : c.where, tier > 0 ? all(tier) : null, worse, keyset)} order by m.sort_key, m.id limit ${first})`);
  }
  if (branches.length === 0) return raw('select m.id, m.sort_key, null::int as score, 0 as rank from member m where false');
  // Append runs its branches in order and the limit stops it as soon as the page is full
  // (parallel plans, which could interleave branches, are off for the network's connections).
  return sql`select * from (${joinSql(branches, ' union all ')}) tiers limit ${first}`;
}

/**
 * The page in DISTANCE order. The GiST index hands members out nearest first
 * (`<->`); the first `first` of them give the distance the page reaches, and
 * only members within that distance are sorted, so members at equal distance
 * (one postal code, one point) still come in name order.
 */
function distancePage(network: string, c: Compiled, first: number, after: MemberOrderKey | null): Fragment {
  const point = c.point!;
  const distance = distanceRankSql(point);
  const keyset = keysetSql(network, after, distance);
  const reach = sql`(select max(d) from (select ${distance} as d from member m where ${and(c.where, keyset)} order by m.location <-> ${point} limit ${first}) nearest)`;
  // The cube around the point that reaches that far in straight line (plus a metre for the rounding) holds every
  // member the page can contain. Not earth_box: it takes a distance along the surface, which is longer.
  return sql`select m.id, m.sort_key, null::int as score, ${distance} as rank from member m
    where ${and(c.where, keyset, sql`cube_enlarge(${point}, ${reach} + 1, 3) @> m.location`)} order by rank, m.sort_key, m.id limit ${first}`;
}

/** Which searchable fields contain one of the words, for the UI to explain the hit. */
function matchedTextSql(words: string[]): Fragment {
  if (words.length === 0) return raw(`'{}'::text[]`);
  // Each field folded once when written (migrations search_name, search_fields): no irm_fold per row of the page.
  const fields: [label: string, column: string][] = [
    ['name', 'm.search_name'],
    ['city', 'm.search_city'],
    ['description', 'm.search_description'],
    ['services', 'm.search_services'],
    ['processes', 'm.search_processes'],
  ];
  const cases = fields.map(
    ([label, column]) =>
      sql`case when ${joinSql(
        words.map((w) => sql`${raw(column)} like ${contains(w)}`),
        ' or ',
      )} then ${raw(`'${label}'`)} end`,
  );
  return sql`array_remove(array[${joinSql(cases, ', ')}], null)`;
}

export type Statement = Fragment;

/** Which statistics the caller selected. None: no statistics statement; a facet alone still brings the total, which its statement counts anyway. */
export interface SearchStatistics {
  total: boolean;
  processMainGroups: boolean;
  certifications: boolean;
}

export const allStatistics: SearchStatistics = { total: true, processMainGroups: true, certifications: true };

/** The statistics region's query selects (facets only when it passed facets: true, as the API says). */
export function selectedStatistics(info: GraphQLResolveInfo, facets: boolean): SearchStatistics {
  return {
    total: selectsField(info, 'totalCount') || selectsField(info, 'exactCounts'),
    processMainGroups: facets && selectsField(info, 'facets', 'processMainGroups'),
    certifications: facets && selectsField(info, 'facets', 'certifications'),
  };
}

/** What region asks a network for: its next page after the cursor, in the region-wide order. */
export interface SearchRequest {
  network: string;
  filter: PushedDownFilter;
  order: MemberOrder;
  first: number;
  after: MemberOrderKey | null;
  statistics: SearchStatistics;
  /** Hits counted before totalCount and facets become lower bounds; null counts all. */
  countLimit: number | null;
}

/**
 * The statements of a search; separate from running them so the benchmark can
 * EXPLAIN exactly what runs. `countLimit` bounds the counting: past that many
 * hits the total and the facets are lower bounds taken from the hits read so
 * far, so a broad search does not count every member; null counts exactly.
 */
export function searchStatements(request: SearchRequest, spellings: Spellings = new Map()) {
  const { network, filter, order, first, after, statistics, countLimit } = request;
  if (order === 'RELEVANCE' && searchWords(filter.text).length === 0) {
    throw filter.text?.trim()
      ? badInput('filter.text', 'filter.text has no letters or digits to search for.', { reason: 'NO_LETTERS' })
      : badInput('orderBy', 'orderBy RELEVANCE needs filter.text.', { reason: 'COMBINATION' });
  }
  if (order === 'DISTANCE' && !filter.near) throw badInput('orderBy', 'orderBy DISTANCE needs filter.near.', { reason: 'COMBINATION' });
  const compiled = compile(filter, spellings);

  const sample = countLimit === null ? raw('') : sql` limit ${countLimit + 1}`;
  const stats = [raw(`select 'total' as kind, '' as value, count(*)::int as count from hit`)];
  if (statistics.processMainGroups) {
    stats.push(raw(`select 'process', split_part(code, '.', 1), count(distinct hit.id)::int from hit cross join unnest(hit.process_codes) as code group by 2`));
  }
  if (statistics.certifications) {
    // The hits' certificates by member id (the index), rather than a join the planner may turn into a scan of all certificates.
    stats.push(
      sql`select 'certification', c.standard, count(distinct c.member_id)::int from certification c where c.member_id = any(array(select id from hit)) and c.valid_until >= coalesce(${filter.certifiedOn ?? null}::date, current_date) group by 2`,
    );
  }
  const wanted = statistics.total || statistics.processMainGroups || statistics.certifications;
  const statsStatement = wanted
    ? sql`with hit as (select m.id${raw(statistics.processMainGroups ? ', m.process_codes' : '')} from member m where ${compiled.where}${sample}) ${joinSql(stats, ' union all ')}`
    : null;

  const ranked =
    order === 'NAME'
      ? namePage(network, compiled, first, after)
      : order === 'RELEVANCE'
        ? relevancePage(network, compiled, first, after, spellings)
        : distancePage(network, compiled, first, after);
  // What explains a hit, and the distance shown (along the earth's surface), are worked out for the page's rows only.
  const distance = compiled.point ? sql`round(${surfaceMetresSql(compiled.point)})::int` : raw('null::int');
  const page = sql`select p.*, ${distance} as distance_m, m.process_codes, m.materials, ${matchedTextSql(compiled.words)} as matched_text
    from (${ranked}) p join member m on m.id = p.id order by p.rank, p.sort_key, p.id`;
  return { compiled, stats: statsStatement, page };
}

export async function searchMembers(em: EntityManager, request: SearchRequest): Promise<SearchPage> {
  const { filter, statistics, countLimit } = request;
  const spellings = await closeSpellings(em, searchWords(filter.text));
  const { compiled, stats: statsStatement, page } = searchStatements(request, spellings);
  const connection = em.getConnection();
  const rows = await connection.execute<
    {
      id: number;
      sort_key: string;
      process_codes: string[];
      materials: string[];
      score: number | null;
      distance_m: number | null;
      matched_text: string[];
      rank: number;
    }[]
  >(page.sql, page.params);
  // A first page that is not full holds every hit, so it is its own count, and a statement saved: the statistics
  // statement reads up to countLimit hits again (at 10k members 4.2 of the 7.7 ms of PostgreSQL planning and
  // running a search's three statements, by EXPLAIN ANALYZE over 60 of the benchmark's texts). Facets are still counted.
  const countedByPage = request.after === null && rows.length < request.first && !statistics.processMainGroups && !statistics.certifications;
  const stats =
    statsStatement && !countedByPage
      ? await connection.execute<{ kind: string; value: string; count: number }[]>(statsStatement.sql, statsStatement.params)
      : statistics.total
        ? [{ kind: 'total', value: '', count: rows.length }]
        : [];

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
  // Counts not selected were not counted; graphql-js reads only selected fields, so their placeholders are never seen.
  const totalCount = stats.find((s) => s.kind === 'total')?.count ?? 0;
  const facets = statistics.processMainGroups || statistics.certifications;
  return {
    totalCount,
    exactCounts: countedByPage || countLimit === null || totalCount <= countLimit,
    hits,
    facets: facets ? { processMainGroups: facet('process'), certifications: facet('certification') } : null,
  };
}

/** A known material matches by any of its spellings; an unknown one by its exact spelling. */
function materialSpellings(value: string): string[] {
  const material = findMaterial(value);
  return material ? [material.name, ...material.aliases] : [value.trim()];
}
