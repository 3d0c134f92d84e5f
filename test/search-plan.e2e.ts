import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postalCodeLocation } from '../shared/data/postal-codes.ts';
import type { MemberOrder, PushedDownFilter } from '../shared/search.ts';
import { positional, textArray } from '../shared/sql.ts';
import { closeSpellingsText, foldWord, fuzzyWords, narrowSearchCircleKm, searchStatements, searchWords, toSpellings } from '../subgraphs/network/search.ts';
import { defaultSearchCountLimit } from '../subgraphs/region/server.ts';
import { seededNetworkDatabase } from './support/network-database.ts';

// How a network's search finds the sample of its hits (subgraphs/network/search.ts) is PostgreSQL's choice, so
// it is checked here on a network large enough for the choice to matter: a circle of narrowSearchCircleKm or
// more carries no box, which the planner would read through the location's index whole; a narrower one does; the
// distance page's nearest-first walk keeps the box as its bound; and a word that few members hold, with a filter
// that the planner takes for independent of it, is read through the trigram index rather than by a scan of the
// table (random_page_cost, subgraphs/network/orm.ts). That the hits are the same either way is the search tests' part.

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: await seededNetworkDatabase('search_plan', 3000) });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
});

/** A search's statements, with totalCount, as the search shape sends it. */
async function statementsOf(filter: PushedDownFilter, order: MemberOrder = 'RELEVANCE') {
  const words = searchWords(filter.text);
  const fuzzy = fuzzyWords(words);
  const { rows: close } = await client.query(positional(closeSpellingsText('?')), [textArray(fuzzy)]);
  return searchStatements(
    {
      network: 'NIWE',
      filter,
      order,
      first: 10,
      after: null,
      statistics: { total: true, processMainGroups: false, certifications: false },
      countLimit: defaultSearchCountLimit,
      matched: false,
    },
    toSpellings(words, close),
    foldWord,
  );
}

/** The plan of a search's first statement (for RELEVANCE its sample). */
async function firstPlan(filter: PushedDownFilter, order: MemberOrder = 'RELEVANCE'): Promise<PlanNode> {
  const { page } = await statementsOf(filter, order);
  const { rows } = await client.query(`explain (format json) ${positional(page.sql)}`, page.params);
  return rows[0]['QUERY PLAN'][0].Plan;
}

/** The scans below the sample of a RELEVANCE search: node type and index. */
async function sampleScans(filter: PushedDownFilter): Promise<string[]> {
  const find = (node: PlanNode): PlanNode | undefined => (node['Subplan Name'] === 'CTE hit' ? node : node.Plans?.map(find).find(Boolean));
  const scans: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Node Type'].includes('Scan')) scans.push(`${node['Node Type']}${node['Index Name'] ? ` on ${node['Index Name']}` : ''}`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(find(await firstPlan(filter))!);
  return scans;
}

/** Every node of a plan. */
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

const eschwege = postalCodeLocation('37269')!;

describe("a network's search plans", () => {
  test.each([narrowSearchCircleKm, 25])("a circle of %s km is not read through the location's index", async (radiusKm) => {
    const scans = await sampleScans({ text: 'Drehteile', near: { ...eschwege, radiusKm } });
    expect(scans.some((s) => s.includes('member_location_idx'))).toBe(false);
    expect(scans).toContain('Bitmap Index Scan on member_search_text_trgm_idx');
  });

  test(`a circle narrower than ${narrowSearchCircleKm} km is`, async () => {
    const scans = await sampleScans({ text: 'Drehteile', near: { ...eschwege, radiusKm: narrowSearchCircleKm - 5 } });
    expect(scans.some((s) => s.includes('member_location_idx'))).toBe(true);
  });

  test.each([
    ['a word alone', { text: 'Formenbau' }],
    ['a word with a material that the planner takes for independent of it', { text: 'Sondermaschinenbau', materials: ['1.4301'] }],
  ])('%s, through the trigram index rather than a scan of the table', async (_, filter) => {
    const scans = await sampleScans(filter);
    expect(scans).not.toContain('Seq Scan');
    expect(scans.some((s) => s.includes('member_search_text_trgm_idx'))).toBe(true);
  });

  test('the distance page walks the location index nearest first within the box of a wide circle', async () => {
    // A word that few members near Eschwege hold: unbounded, the walk would read on through the whole network.
    const walks = nodes(await firstPlan({ text: 'Sondermaschinenbau', near: { ...eschwege, radiusKm: 25 } }, 'DISTANCE')).filter(
      (n) => n['Index Name'] === 'member_location_idx' && n['Node Type'] === 'Index Scan',
    );
    expect(walks.length).toBeGreaterThan(0);
    for (const walk of walks) expect(walk['Index Cond']).toMatch(/<@|@>/);
  });

  test("a word in no member's text is searched by its close spellings alone: no statement reads its own trigrams", async () => {
    // The patterns a search's sample and its tiers' walk (forced: more hits than the sample holds) look for.
    const patterns = async (text: string) => {
      const statements = await statementsOf({ text });
      const walk = statements.walk!({ 7000: defaultSearchCountLimit + 1 })!;
      return [...statements.page.params, ...walk.params].filter((p): p is string => typeof p === 'string' && p.includes('%'));
    };
    // "Härteri": the dictionary holds "harterei", not "harteri". Its trigrams match members that hold its letters
    // apart (2,372 of the benchmark's 10,000, none of them a hit), and reading them cost a tier's walk 7-12 ms.
    const typo = await patterns('Härteri');
    expect(typo.some((p) => p.includes('harteri'))).toBe(false);
    expect(typo).toContain('%harterei%');
    // Spelled as members spell it, the word itself is searched, and nothing else.
    expect(new Set(await patterns('Härterei'))).toEqual(new Set(['harterei%', '% harterei%', '%harterei%']));
    // Folded to two words, a text may hold it across them: searched as typed, besides its close spellings.
    expect((await patterns('Bad.Soodn')).some((p) => p.includes('bad soodn'))).toBe(true);
    // A hyphen parts words as a space does (shared/search.ts searchWords): each part is a word of its own.
    const hyphened = await patterns('Bad-Soodn');
    expect(hyphened.some((p) => p.includes('bad soodn'))).toBe(false);
    expect(hyphened).toContain('%bad%');
  });
});
