import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import type pg from 'pg';
import { badInput } from '../../shared/errors.ts';
import { familySpellings, findFamily, findMaterial } from '../../shared/data/materials.ts';
import { processAndDescendants } from '../../shared/data/processes.ts';
import { certificationName, processCodes as validProcessCodes } from '../../shared/validation.ts';
import {
  scoreScale,
  searchWords,
  type FacetCount,
  type MemberMatch,
  type MemberOrder,
  type PushedDownFilter,
  type SearchHit,
  type SearchPage,
} from '../../shared/search.ts';
import { regionToday } from '../../shared/region-day.ts';
import type { MemberOrderKey } from '../../shared/sort-key.ts';
import { selectsField } from '../../shared/selection.ts';
import { boundArray, joinSql, raw, sql, textArray, type Fragment } from '../../shared/sql.ts';
import { chordMetres, earthPoint, surfaceMetresSql } from './geo.ts';

// The network's half of the region-wide member search: the filter runs here, in
// the owner's database with its indexes, and the page comes back in the
// region-wide order (rank, sort key, network, id) so region can merge exactly.
// At most four statements per search whatever the page size: close spellings
// of the words, the page, and statistics (count and the facets asked for); a
// RELEVANCE page reads a sample of the hits first, and needs a second statement
// only when the sample does not hold them all. The statistics run only when the
// caller selected a count or a facet, count only the facets selected, and not
// at all for a count that a first page holding every hit, or a RELEVANCE
// sample, already gives: the portal's list without counts costs the page. Every
// statement reads a bounded number of rows however large the network grows (see
// countLimit, rankSamplePages, the relevance tiers and the nearest-first distance page).

export { searchWords };

/** Words shorter than this match as parts only; longer ones also tolerate a typo. */
const fuzzyMinLength = 4;

/**
 * For each longer search word the dictionary does not hold (alone or inside a longer word), the dictionary's words
 * spelled closely, perhaps none; a word it holds has no entry.
 */
export type Spellings = Map<string, string[]>;

/**
 * One statement looks up close spellings of every longer word (pg_trgm similarity on the small search_word table).
 * Only a word the dictionary does not hold, alone or inside a longer word, has any: one it holds is spelled as the
 * members spell it, and LIKE finds it wherever it stands. Its close spellings were mostly its own parts ("stanz" for
 * "stanzen", "klein" for "kleinserie": 38 of the 103 found for the benchmark's 240 texts at 10,000 members), which
 * only widened the search and its count, and cost the page the two typo tiers (planning it took 4-15 ms with them
 * at 10k members). An unknown word keeps every close spelling, its parts too ("werkzeug" for "werkzeugbao"): they
 * stand in for what was meant, and alone, as it is in no text (WordPatterns.absent). NIWE's page and walk
 * statements for the benchmark's 240 texts and filters, planned and run (EXPLAIN ANALYZE, best of three, the three
 * ways in turn per text, 10,000 members): 2.59 ms a search with every close spelling, 2.30 without those of words
 * the dictionary holds, 1.85 with an unknown word's spellings searched alone.
 * One text for any number of words, the words one array parameter, so the service runs it as a prepared statement
 * (MemberReads.closeSpellings) and PostgreSQL plans it once per connection: planning it each time was 0.24 ms of
 * the 0.6 ms it took (EXPLAIN ANALYZE, 560 of the benchmark's searches, 10,000 members). The words are read through a
 * sub-select (shared/sql.ts boundArray): as a bare parameter a plan for one to three words looked cheaper than
 * the generic plan's guess of ten, so PostgreSQL kept planning it on every call (0.11-0.13 ms).
 */
export const closeSpellingsText = (words: string) =>
  `select w.i::int - 1 as i, d.word from unnest(${boundArray(words, 'text')}) with ordinality as w(word, i)
    cross join lateral (select irm_fold(w.word) as folded) f
    left join search_word d on d.word % f.folded
    where not exists (select 1 from search_word k where k.word like '%' || f.folded || '%')
    order by 1, 2`;

/**
 * The rows of the close-spellings statement for the longer words: `i` is the word's place among them. A word the
 * dictionary holds has no row, one it does not hold a row per close spelling, or one with `word` null.
 */
export type SpellingsLookup = (longerWords: string[]) => Promise<{ i: number; word: string | null }[]>;

/** The longer words of a search, which may have close spellings; the statement's array. */
export const fuzzyWords = (words: string[]) => words.filter((w) => w.length >= fuzzyMinLength);

/** The statement as text and parameters, for the benchmark's EXPLAINs (bench/search-scale.ts); null when no word is long enough. */
export function closeSpellingsStatement(words: string[]): Fragment | null {
  const fuzzy = fuzzyWords(words);
  return fuzzy.length ? { sql: closeSpellingsText('?'), params: [textArray(fuzzy)] } : null;
}

/**
 * The spellings found for each longer word the dictionary does not hold, less those that contain another of
 * them: a text containing "spritzgiesswerkzeugen" contains "spritzgiesswerkzeuge", so the longer one adds no hit
 * and no tier, only a LIKE per row read. 18 of the 121 spellings found for the benchmark's 240 texts at 10,000
 * members were such.
 */
export function toSpellings(words: string[], rows: { i: number; word: string | null }[]): Spellings {
  const spellings: Spellings = new Map();
  fuzzyWords(words).forEach((w, i) => {
    const own = rows.filter((r) => r.i === i);
    if (own.length === 0) return;
    const close = own.flatMap((r) => (r.word === null ? [] : [r.word]));
    spellings.set(
      w,
      close.filter((word) => !close.some((other) => other !== word && word.includes(other))),
    );
  });
  return spellings;
}

/** The lookup sent unprepared through `em`, for callers without a service's prepared one (tests, the benchmark's tools). */
export const unpreparedSpellings =
  (em: EntityManager): SpellingsLookup =>
  (longerWords) =>
    em.getConnection().execute(closeSpellingsText('?'), [textArray(longerWords)]);

/** The close spellings of the words; no statement when none is long enough. */
export async function closeSpellings(words: string[], lookup: SpellingsLookup): Promise<Spellings> {
  const fuzzy = fuzzyWords(words);
  return fuzzy.length ? toSpellings(words, await lookup(fuzzy)) : new Map();
}

/**
 * Below this radius a search's filter carries the circle's box (`earth_box @>`), which the location's GiST index
 * serves; from it on only the straight-line distance, a filter, and the words' or the filter's own indexes lead
 * (the distance page still walks the GiST index nearest first, bounded by the box: Compiled.nearestBox). cube has
 * no statistics: the planner takes any box for 0.1 % of the members and reads every page the box touches, while the
 * benchmark's circles of 20-40 km hold most of a network (members sit around the towns of the region). The sample
 * of a RELEVANCE search with totalCount (the search shape's texts, one network of 10,000 members, EXPLAIN ANALYZE,
 * planning and running in ms), through the box and without it: 5 km 4.3 and 4.4, 10 km 5.9 and 4.0, 15 km 8.9 and
 * 5.0, 20 km 10.9 and 4.4, 30 km 14.0 and 3.3 (random_page_cost 1.1, subgraphs/network/orm.ts). Suppliers meet
 * later (narrowCircleKm in suppliers.ts), as their scan without the box reads an index only.
 */
export const narrowSearchCircleKm = 10;

interface Compiled {
  where: Fragment;
  /**
   * For the relevance tiers' walks of the name index: the filter without the words' conditions (the tiers state their
   * own) and without filter.near's box. cube has no statistics, so the planner takes the box for 0.1 % of the members
   * and reads every tier through it: 9,216 of 10,000 rows per tier for 40 km around Eschwege, 85 ms for a page. The walks
   * run only when a sample of the hits is full (see rankSamplePages), where the box rules out too few to be worth an index;
   * the distance still counts.
   */
  walkFilter: Fragment;
  /** The words' conditions. */
  text: Fragment;
  /** Each search word with its patterns, in the text's order. */
  patterns: WordPatterns[];
  processCodes: string[][];
  materials: string[][];
  standards: string[];
  /** The centre of filter.near on the earth, when given. */
  point: Fragment | null;
  /**
   * The circle's box where `where` lacks it (a circle of narrowSearchCircleKm or more), for the distance page's
   * nearest-first walk of the GiST index: with the box as its index condition the walk ends at the box's edge; without
   * it a word that few members inside the circle hold would walk on through every member of the network.
   */
  nearestBox: Fragment | null;
}

// irm_fold (migration search) as translate() and replace() apply it, in order, for the letters whose lower case
// is the same in JavaScript and in the database's locale (wordFolding checks that at the service's start).
const accented = 'äöüáàâãåéèêëíìîïóòôõúùûçñýø';
const plain = 'aouaaaaaeeeeiiiioooouuucnyo';
const foldableWord = new RegExp(`^[\\x01-\\x7fß${accented}${accented.toUpperCase()}]*$`);
const accentedLetter = new RegExp(`[${accented}]`, 'g');

/**
 * A search word folded as irm_fold folds it, or null for a word with a letter outside ASCII, ß and the letters
 * irm_fold translates (and their capitals), whose lower case may differ between JavaScript and a locale. The
 * folded word goes into the statement as one literal pattern: PostgreSQL inlines irm_fold's SQL and runs it while
 * planning, once per call, and a page calls it 9 times for a word (11 with close spellings). Over the benchmark's
 * 240 texts at 10,000 members (EXPLAIN, one network) the page planned in 0.50 ms with the calls and 0.41 with
 * literals, the tiers' walk in 0.69 and 0.59. test/database-locale.e2e.ts checks that both foldings agree.
 */
export function foldWord(word: string): string | null {
  if (!foldableWord.test(word)) return null;
  return word
    .toLowerCase()
    .replace(accentedLetter, (letter) => plain[accented.indexOf(letter)])
    .replaceAll('ß', 'ss')
    .replaceAll('ae', 'a')
    .replaceAll('oe', 'o')
    .replaceAll('ue', 'u')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** How a search folds its words: a word folded here, or null for irm_fold to fold it in the statement. */
export type WordFolding = (word: string) => string | null;

/** Every word left to irm_fold in the statement: where the database's lower() differs from JavaScript's (wordFolding). */
export const sqlFolding: WordFolding = () => null;

/** Every letter foldWord folds: what wordFolding compares. */
export const foldableLetters = [...Array.from({ length: 0x7f }, (_, i) => String.fromCharCode(i + 1)), 'ß', ...accented, ...accented.toUpperCase()];

/**
 * foldWord where the database's lower() lower-cases every letter foldWord accepts as JavaScript does, else
 * sqlFolding. A service accepts any UTF-8 database whose lower() folds umlauts (shared/database-locale.ts), and
 * in some of them lower() differs: in a Turkish or Azerbaijani locale lower('I') is 'ı', which irm_fold makes a
 * word break, so "Ilmenau" is stored as "lmenau"; in ICU's Lithuanian lower('Í') is i with two marks, each a
 * break. lower() is irm_fold's only step that depends on the locale (translate, replace and the a-z range go by
 * code point), and none of these letters lower-cases by its neighbours (that takes a sigma or a combining mark,
 * which foldWord leaves to irm_fold): letters that lower-case alike fold alike in every word. Each letter's
 * irm_fold between two digits is compared as well, where trim() cannot hide a break. One statement at the
 * service's start (MemberReads.foldWords).
 */
export async function wordFolding(database: Pick<pg.ClientBase, 'query'>): Promise<WordFolding> {
  const { rows } = await database.query<{ lowered: string[]; folded: string[] }>(
    `select array_agg(lower(l) order by i) as lowered, array_agg(irm_fold('0' || l || '0') order by i) as folded
       from unnest($1::text[]) with ordinality as t(l, i)`,
    [foldableLetters],
  );
  const [{ lowered, folded }] = rows;
  const agrees = foldableLetters.every((letter, i) => lowered[i] === letter.toLowerCase() && folded[i] === foldWord(`0${letter}0`));
  return agrees ? foldWord : sqlFolding;
}

/** A search word's LIKE patterns, folded once per search: literals, or irm_fold's call for a word the folding leaves. */
interface WordPatterns {
  word: string;
  /**
   * In no active member's text, so only its close spellings can match: the dictionary holds every word of four or
   * more letters and digits of every active member's text (the trigger irm_collect_search_words adds them as a
   * member is written; words no active member holds any more leave it at the next prune, search-words.ts), and it
   * holds this one nowhere, not even inside a longer word. Known only of a word that folds here to one such word;
   * folded to several ("sooden allendorf") or by SQL alone, it may still stand in a text across words.
   */
  absent: boolean;
  /** '%word%' */
  contains: Fragment;
  /** 'word%' */
  starts: Fragment;
  /** '% word%': a later word of the field starts with it. */
  laterStarts: Fragment;
}

function wordPatterns(word: string, fold: WordFolding, spellings: Spellings): WordPatterns {
  const folded = fold(word);
  const pattern = (before: string, after: string) => (folded !== null ? sql`${before + folded + after}` : sql`${before} || irm_fold(${word}) || ${after}`);
  const absent = spellings.has(word) && folded !== null && /^[a-z0-9]{4,}$/.test(folded);
  return { word, absent, contains: pattern('%', '%'), starts: pattern('', '%'), laterStarts: pattern('% ', '%') };
}

const anyLike = (column: string, patterns: Fragment[]) =>
  joinSql(
    patterns.map((p) => sql`${raw(column)} like ${p}`),
    ' or ',
  );
const containsAny = (spellings: string[]) => spellings.map((s) => sql`${`%${s}%`}`);

function compile(filter: PushedDownFilter, spellings: Spellings, fold: WordFolding): Compiled {
  const where: Fragment[] = [raw('m.archived_at is null')];
  const words = searchWords(filter.text);
  // Word parts via LIKE on the trigram index; a typo via the close spellings the dictionary knows, matched the same way.
  const patterns = words.map((word) => wordPatterns(word, fold, spellings));
  const text = patterns.map((p) => atLeast(0, p, spellings.get(p.word) ?? []));
  const processCodes = validProcessCodes('filter.processes', filter.processes ?? []).map(processAndDescendants);
  for (const codes of processCodes) where.push(sql`m.process_codes && ${textArray(codes)}::text[]`);
  const materials = (filter.materials ?? []).map(materialSpellings);
  for (const spellings of materials) where.push(sql`m.materials && ${textArray(spellings)}::text[]`);
  const standards = (filter.certifications ?? []).map((value) => certificationName('filter.certifications', value));
  for (const standard of standards) {
    where.push(
      sql`exists (select 1 from certification c where c.member_id = m.id and c.standard = ${standard} and c.valid_until >= coalesce(${filter.certifiedOn ?? null}::date, ${regionToday}))`,
    );
  }
  let point: Fragment | null = null;
  let box: Fragment | null = null;
  let nearestBox: Fragment | null = null;
  if (filter.near) {
    const { latitude, longitude, radiusKm } = filter.near;
    point = earthPoint(latitude, longitude);
    // A narrow circle's box finds its few candidates on the GiST index; the straight-line distance keeps those inside
    // the circle. A wider one has no box (see narrowSearchCircleKm).
    const circleBox = sql`earth_box(${point}, ${radiusKm * 1000}) @> m.location`;
    if (radiusKm < narrowSearchCircleKm) box = circleBox;
    else nearestBox = circleBox;
    where.push(sql`m.location <-> ${point} <= ${chordMetres(radiusKm * 1000)}`);
  }
  if (filter.employeesMin != null) where.push(sql`m.employees >= ${filter.employeesMin}`);
  if (filter.employeesMax != null) where.push(sql`m.employees <= ${filter.employeesMax}`);
  // The words last: PostgreSQL checks conditions of equal cost in the order written, and a number or an array
  // compared first spares the LIKE over the whole folded text for rows it already rules out.
  return {
    where: joinSql([...(box ? [box] : []), ...where, ...text], ' and '),
    walkFilter: joinSql(where, ' and '),
    text: text.length ? joinSql(text, ' and ') : raw('true'),
    patterns,
    processCodes,
    materials,
    standards,
    point,
    nearestBox,
  };
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
function atLeast(tier: number, word: WordPatterns, closeSpellings: string[]): Fragment {
  const close = containsAny(closeSpellings);
  // A word in no text places a member only by a close spelling: in the name (tier 1) or anywhere (0).
  if (word.absent) return close.length === 0 || tier >= 2 ? raw('false') : sql`(${anyLike(tier === 1 ? 'm.search_name' : 'm.search_text', close)})`;
  switch (tier) {
    case 4:
      return sql`(m.search_name like ${word.starts} or m.search_name like ${word.laterStarts})`;
    case 3:
      return sql`m.search_name like ${word.contains}`;
    case 2:
      return sql`m.search_text like ${word.contains}`;
    case 1:
      return close.length ? sql`(m.search_text like ${word.contains} or ${anyLike('m.search_name', close)})` : atLeast(2, word, closeSpellings);
    default:
      return sql`(${anyLike('m.search_text', [word.contains, ...close])})`;
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

/** For the words of a search, the condition "every word placed at least as well as tier t". */
function allAtLeast(c: Compiled, spellings: Spellings, tier: number): Fragment {
  return joinSql(
    c.patterns.map((p) => atLeast(tier, p, spellings.get(p.word) ?? [])),
    ' and ',
  );
}

/** Whether any word has a close spelling; without one the two typo tiers are empty. */
const hasCloseSpellings = (c: Compiled, spellings: Spellings) => c.patterns.some((p) => (spellings.get(p.word) ?? []).length > 0);

/**
 * The best tier a hit can reach: with a word in no text (WordPatterns.absent) the typo tiers' best, so the three
 * above are neither ranked nor walked. Their conditions read the typed word's trigrams, which match members that
 * hold its letters apart: for "Härteri" 2,372 of 10,000 rows, each read from the table and its whole text compared,
 * 7-12 ms per tier walked (EXPLAIN ANALYZE), to find none.
 */
const bestTier = (c: Compiled) => (c.patterns.some((p) => p.absent) ? 1 : 4);

/** The rank (scoreScale less the score) of a row that matches the filter: the best tier whose condition it meets, tried best first. */
function tierRankSql(c: Compiled, spellings: Spellings): Fragment {
  const floor = hasCloseSpellings(c, spellings) ? 0 : 2;
  const rank = (tier: number) => raw(String(scoreScale - tierScores[tier]));
  const better = [4, 3, 2, 1].filter((tier) => tier > floor && tier <= bestTier(c));
  // No tier above the floor (a word in no text without a close spelling): no hit at all, whatever the rank.
  if (better.length === 0) return rank(floor);
  return sql`case ${joinSql(
    better.map((tier) => sql`when ${allAtLeast(c, spellings, tier)} then ${rank(tier)}`),
    ' ',
  )} else ${rank(floor)} end`;
}

/**
 * How many pages of hits a RELEVANCE page reads first when no count is asked
 * for; with a count, the count's hits (SEARCH_COUNT_LIMIT) are the sample. A
 * sample that holds every hit is ranked whole. Otherwise it tells the tiers'
 * walks which tiers are rare (see relevancePage). A tier read in name order
 * stops when the page is full, but a tier that no hit reaches reads the whole
 * name index in vain: 9-12 ms per empty tier at 10,000 members, 40-100 ms for
 * a page (the planner takes the filter and the words as independent, and
 * expects hundreds). Over the benchmark's 789 texts and filters at 10,000
 * members (EXPLAIN ANALYZE, planning and execution of every statement, first
 * 10, no count): 9.9 ms on average before, p95 49; with a sample of 1,000
 * hits 5.7 (p95 16), of 300 5.0, of 30 4.1-4.8 (p95 13-15). The sample is not
 * free where the first tier fills the page at once: with `employees.min` the
 * only filter, 1.9 ms before, 3.0-3.2 with 30.
 */
const rankSamplePages = 3;

/** How many hits of a RELEVANCE search's sample each tier holds, by rank. */
export type TierCounts = Record<number, number>;

/** The sample's hits in RELEVANCE order, when the sample holds them all (no more than `sampled`); nothing otherwise. */
function rankedSample(network: string, first: number, after: MemberOrderKey | null, sampled: number): Fragment {
  return sql`select m.id, m.sort_key, ${scoreScale} - m.rank as score, m.rank from hit m
    where ${and(sql`(select count(*) from hit) <= ${sampled}`, keysetSql(network, after, raw('m.rank')))} order by m.rank, m.sort_key, m.id limit ${first}`;
}

/**
 * `not (condition)`, which the planner takes for true in 995 of 1,000 rows (its default for a null test of an
 * expression without statistics) instead of estimating each LIKE in it again: a tier's walk excludes the better
 * tiers, and their conditions had been estimated in their own branches already, each a pass of the pattern over the
 * column's histogram (search_text's 101 texts stored compressed, decompressed for every estimate). The better tiers
 * are few of the members, so the estimate barely moves: NIWE's walks for the benchmark's 240 texts and filters (124
 * of them) planned in 0.75 and 0.74 ms with the LIKEs estimated, 0.68 and 0.65 without (two runs, EXPLAIN ANALYZE,
 * best of three, in turn, 10,000 members), ran in 1.54 and 1.64 against 1.53 and 1.52, and gave the same pages.
 * It holds exactly where `not (condition)` does: where the condition is true or null, neither keeps the row.
 */
const notEstimated = (condition: Fragment) => sql`(case when (${condition}) is false then 1 end) is not null`;

/**
 * The page in RELEVANCE order (see tierScores) when its sample is full: the
 * tiers best first, each read in one of two ways, chosen by how many of the
 * sampled hits it holds:
 * - a page or more: the tier is common among the hits, and a walk of the name
 *   index in order fills the page soon;
 * - fewer: the tier is rare, and a walk could read the whole index for it.
 *   Its rows are read by the filter's and the words' own indexes and sorted.
 * A tier that holds a page of the sample and starts after the cursor fills the
 * page, so the tiers after it are left out of the statement, unplanned.
 * Append runs the rest in order and the limit stops it once the page is full
 * (parallel plans, which could interleave branches, are off for the network's connections).
 */
function relevancePage(network: string, c: Compiled, first: number, after: MemberOrderKey | null, spellings: Spellings, counts: TierCounts): Fragment {
  const anyClose = hasCloseSpellings(c, spellings);
  const best = bestTier(c);
  const branches: Fragment[] = [];
  for (let tier = best; tier >= 0; tier--) {
    // Without close spellings the typo tiers are empty.
    if (!anyClose && tier < 2) continue;
    const rank = scoreScale - tierScores[tier];
    if (after && rank < after.rank) continue;
    const keyset = after && rank === after.rank ? keysetSql(network, after, null) : null;
    const worse = tier < best ? notEstimated(allAtLeast(c, spellings, tier + 1)) : null;
    // Tier 0's condition is the filter's own text condition; a better tier's implies it (a close spelling in the name is in the text),
    // so it is not stated twice: each LIKE costs the planner a pass over the column's histogram.
    const rows = sql`select m.id, m.sort_key, ${tierScores[tier]}::int as score, ${rank}::int as rank from member m
      where ${and(c.walkFilter, tier > 0 ? allAtLeast(c, spellings, tier) : c.text, worse, keyset)}`;
    const common = (counts[rank] ?? 0) >= first;
    // offset 0 keeps the order out of the planning of a rare tier's rows, so no walk of the name index is chosen for them.
    branches.push(
      common ? sql`(${rows} order by m.sort_key, m.id limit ${first})` : sql`(select * from (${rows} offset 0) rare order by sort_key, id limit ${first})`,
    );
    if (common && !keyset) break;
  }
  if (branches.length === 0) return raw('select m.id, m.sort_key, null::int as score, 0 as rank from member m where false');
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
  const reach = sql`(select max(d) from (select ${distance} as d from member m where ${and(c.nearestBox, c.where, keyset)} order by m.location <-> ${point} limit ${first}) nearest)`;
  // The cube around the point that reaches that far in straight line (plus a metre for the rounding) holds every
  // member the page can contain. Not earth_box: it takes a distance along the surface, which is longer.
  return sql`select m.id, m.sort_key, null::int as score, ${distance} as rank from member m
    where ${and(c.where, keyset, sql`cube_enlarge(${point}, ${reach} + 1, 3) @> m.location`)} order by rank, m.sort_key, m.id limit ${first}`;
}

/** Which searchable fields contain one of the words, for the UI to explain the hit. */
function matchedTextSql(words: WordPatterns[], spellings: Spellings): Fragment {
  if (words.length === 0) return raw(`'{}'::text[]`);
  // A word in no text matched by its close spellings, which a typo's hit holds; another by itself and any it has.
  const patterns = words.flatMap((w) => [...(w.absent ? [] : [w.contains]), ...containsAny(spellings.get(w.word) ?? [])]);
  if (patterns.length === 0) return raw(`'{}'::text[]`);
  // Each field folded once when written (migrations search_name, search_fields): no irm_fold per row of the page.
  const fields: [label: string, column: string][] = [
    ['name', 'm.search_name'],
    ['city', 'm.search_city'],
    ['description', 'm.search_description'],
    ['services', 'm.search_services'],
    ['processes', 'm.search_processes'],
    ['materials', 'm.search_materials'],
    ['certifications', 'm.search_certifications'],
  ];
  const cases = fields.map(
    ([label, column]) =>
      sql`case when ${joinSql(
        patterns.map((p) => sql`${raw(column)} like ${p}`),
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
  /**
   * Whether each hit says what it matched: region asks only when its client selects `matched`. Without it a
   * page joins no member row for its hits unless a distance is shown.
   */
  matched: boolean;
  /** Words another network's members use (region's knownWords): read as written here too, without close spellings. */
  knownWords?: readonly string[];
}

/**
 * The close spellings to search with, given the words other networks hold: a word this network does not hold but
 * another does was meant as written, so it keeps no close spellings here (WordPatterns.absent with none: no hit).
 * Each network judged alone before: "Werkzeugstahl", a material of a NIWE member, found it at 0.6 and, through a
 * close spelling in KONAT's dictionary, a KONAT grinding shop at 0.3 (test/search.e2e.ts); the search probe met
 * the same with "Laserschneiden" and "Härterei".
 */
export function regionSpellings(local: Spellings, knownWords: readonly string[]): Spellings {
  const known = knownWords.filter((word) => local.has(word));
  if (known.length === 0) return local;
  const spellings = new Map(local);
  for (const word of known) spellings.set(word, []);
  return spellings;
}

/**
 * The statements of a search; separate from running them so the benchmark can
 * EXPLAIN exactly what runs. `countLimit` bounds the counting: past that many
 * hits the total and the facets are lower bounds taken from the hits read so
 * far, so a broad search does not count every member; null counts exactly.
 */
export function searchStatements(request: SearchRequest, spellings: Spellings, fold: WordFolding) {
  const { network, filter, order, first, after, statistics, countLimit, matched } = request;
  if (order === 'RELEVANCE' && searchWords(filter.text).length === 0) {
    throw filter.text?.trim()
      ? badInput('filter.text', 'filter.text has no letters or digits to search for.', { reason: 'NO_LETTERS' })
      : badInput('orderBy', 'orderBy RELEVANCE needs filter.text.', { reason: 'COMBINATION' });
  }
  if (order === 'DISTANCE' && !filter.near) throw badInput('orderBy', 'orderBy DISTANCE needs filter.near.', { reason: 'COMBINATION' });
  const compiled = compile(filter, spellings, fold);

  // A RELEVANCE page reads a sample of the hits first (see rankSamplePages). With a count limit that sample
  // is the count's hits as well, so the count and the facets are taken from it in the same statement.
  const wanted = statistics.total || statistics.processMainGroups || statistics.certifications;
  const countedBySample = order === 'RELEVANCE' && countLimit !== null && wanted;
  const sampled = order !== 'RELEVANCE' ? null : countedBySample ? countLimit : Math.min(countLimit ?? Infinity, rankSamplePages * first);

  const sample = countLimit === null ? raw('') : sql` limit ${countLimit + 1}`;
  const stats = [raw(`select 'total' as kind, '' as value, count(*)::int as count from hit`)];
  if (statistics.processMainGroups) {
    stats.push(raw(`select 'process', split_part(code, '.', 1), count(distinct hit.id)::int from hit cross join unnest(hit.process_codes) as code group by 2`));
  }
  if (statistics.certifications) {
    // The hits' certificates by member id (the index), rather than a join the planner may turn into a scan of all certificates.
    stats.push(
      sql`select 'certification', c.standard, count(distinct c.member_id)::int from certification c where c.member_id = any(array(select id from hit)) and c.valid_until >= coalesce(${filter.certifiedOn ?? null}::date, ${regionToday}) group by 2`,
    );
  }
  const processCodes = raw(statistics.processMainGroups ? ', m.process_codes' : '');
  const statsStatement =
    wanted && !countedBySample
      ? sql`with hit as (select m.id${processCodes} from member m where ${compiled.where}${sample}) ${joinSql(stats, ' union all ')}`
      : null;

  // What explains a hit, and the distance shown (along the earth's surface), are worked out for the page's rows
  // only, and what explains it only when asked: the benchmark's search shape does not select it (the portal's
  // result list does), and the member row each hit of a page then joined (an index probe per row) was 0.2 of a
  // walk's 1.2 ms (EXPLAIN ANALYZE, 10,000 members).
  const distance = compiled.point ? sql`round(${surfaceMetresSql(compiled.point)})::int` : raw('null::int');
  const details = (ranked: Fragment) =>
    matched
      ? sql`select p.*, ${distance} as distance_m, m.process_codes, m.materials, ${matchedTextSql(compiled.patterns, spellings)} as matched_text
    from (${ranked}) p join member m on m.id = p.id`
      : compiled.point
        ? sql`select p.*, ${distance} as distance_m from (${ranked}) p join member m on m.id = p.id`
        : sql`select p.*, null::int as distance_m from (${ranked}) p`;
  const ordered = (ranked: Fragment) => sql`${details(ranked)} order by p.rank, p.sort_key, p.id`;
  if (sampled === null) {
    const ranked = order === 'NAME' ? namePage(network, compiled, first, after) : distancePage(network, compiled, first, after);
    return { compiled, stats: statsStatement, page: ordered(ranked), countedBySample, walk: null };
  }
  // RELEVANCE: the sample, with how many of its hits each tier holds and the statistics asked for, and the page ranked
  // from it when it holds every hit: one row per hit of the page, or one without a hit. Only a sample with more than
  // `sampled` hits needs the tiers' walk, a second statement.
  const sampleStatistics = countedBySample ? sql`(select json_agg(x) from (${joinSql(stats, ' union all ')}) x)` : raw('null::json');
  const page = sql`with hit as materialized (select m.id, m.sort_key, ${tierRankSql(compiled, spellings)} as rank${processCodes} from member m where ${compiled.where} limit ${sampled + 1})
    select s.tiers, ${sampleStatistics} as statistics, r.* from (select json_object_agg(rank, n) as tiers from (select rank, count(*)::int as n from hit group by rank) t) s
    left join lateral (${details(rankedSample(network, first, after, sampled))}) r on true order by r.rank, r.sort_key, r.id`;
  /** The tiers' walk, given the sample's tier counts; null when the sample held every hit. */
  const walk = (counts: TierCounts) =>
    Object.values(counts).reduce((sum, n) => sum + n, 0) > sampled ? ordered(relevancePage(network, compiled, first, after, spellings, counts)) : null;
  return { compiled, stats: statsStatement, page, countedBySample, walk };
}

/** What a search needs of its service's database (MemberReads has both): the close spellings' statement, and how to fold words. */
export interface SearchDatabase {
  closeSpellings: SpellingsLookup;
  foldWords: WordFolding;
}

/** A network's search. */
export async function searchMembers(em: EntityManager, request: SearchRequest, database: SearchDatabase): Promise<SearchPage> {
  const { filter, statistics, countLimit } = request;
  const words = searchWords(filter.text);
  const local = await closeSpellings(words, database.closeSpellings);
  const spellings = regionSpellings(local, request.knownWords ?? []);
  const statements = searchStatements(request, spellings, database.foldWords);
  const { compiled, stats: statsStatement, countedBySample } = statements;
  const connection = em.getConnection();
  type Row = {
    id: number | null;
    sort_key: string;
    score: number | null;
    distance_m: number | null;
    rank: number;
    tiers?: TierCounts | null;
    statistics?: Statistic[] | null;
  };
  /** The columns of each hit that say what it matched: the statement selects them when the request asks (matched). */
  type Explanation = { process_codes: string[]; materials: string[]; matched_text: string[] };
  type Statistic = { kind: string; value: string; count: number };
  let answer = await connection.execute<(Row & Partial<Explanation>)[]>(statements.page.sql, statements.page.params);
  const fromSample = answer[0]?.statistics ?? null;
  const walk = statements.walk?.(answer[0].tiers ?? {});
  if (walk) answer = await connection.execute<(Row & Partial<Explanation>)[]>(walk.sql, walk.params);
  const rows = answer.filter((row): row is Row & { id: number } => row.id !== null);
  // A first page that is not full holds every hit, so it is its own count, and a statement saved: the statistics
  // statement reads up to countLimit hits again (at 10k members 4.2 of the 7.7 ms of PostgreSQL planning and
  // running a search's three statements, by EXPLAIN ANALYZE over 60 of the benchmark's texts). Facets are still counted.
  const countedByPage =
    !countedBySample && request.after === null && rows.length < request.first && !statistics.processMainGroups && !statistics.certifications;
  const stats: Statistic[] = countedBySample
    ? (fromSample ?? [])
    : countedByPage
      ? statistics.total
        ? [{ kind: 'total', value: '', count: rows.length }]
        : []
      : statsStatement
        ? await connection.execute<Statistic[]>(statsStatement.sql, statsStatement.params)
        : [];

  const whatMatched = (row: Explanation): MemberMatch => ({
    text: row.matched_text,
    processes: row.process_codes.filter((code) => compiled.processCodes.some((codes) => codes.includes(code))),
    materials: row.materials.filter((material) => compiled.materials.some((spellings) => spellings.includes(material))),
    certifications: compiled.standards,
    withinRadius: filter.near ? true : null,
    employees: filter.employeesMin != null || filter.employeesMax != null ? true : null,
  });
  const hits: SearchHit[] = rows.map((row) => ({
    localId: row.id,
    sortKey: row.sort_key,
    rank: Number(row.rank),
    score: row.score === null ? null : row.score / scoreScale,
    distanceKm: row.distance_m === null ? null : row.distance_m / 1000,
    matched: request.matched ? whatMatched(row as Row & Explanation) : null,
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
    heldWords: [...new Set(fuzzyWords(words).filter((word) => !local.has(word)))],
  };
}

/** A known material matches by any of its spellings; an unknown one by its exact spelling. */
function materialSpellings(value: string): string[] {
  const material = findMaterial(value);
  if (material) return [material.name, ...material.aliases];
  // A family's word ("Edelstahl", "Alu") finds members that work any material of it, and those that wrote the word
  // itself (a material the list lacks is stored as typed: an import's "Werkstoffe: Edelstahl").
  const families = findFamily(value);
  return families ? [...familySpellings(families), value.trim()] : [value.trim()];
}
