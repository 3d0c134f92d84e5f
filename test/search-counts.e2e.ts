import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { foldWord, searchStatements, type SearchStatistics } from '../subgraphs/network/search.ts';
import { createMember } from './support/members.ts';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// Broad searches stop counting at the count limit (SEARCH_COUNT_LIMIT): past
// it totalCount and the facets are lower bounds and say so, while pages stay
// exact. Here the limit is 2 hits per network.

let stack: Stack;
const perNetwork = { NIWE: 5, LINAT: 2, KONAT: 1 };

beforeAll(async () => {
  stack = await startStack({ searchCountLimit: 2 });
  const admin = await stack.token({ role: 'admin' });
  for (const [network, count] of Object.entries(perNetwork)) {
    for (let i = 0; i < count; i++) {
      const input = { name: `${network} Drehteile ${i}`, postalCode: '99817', city: 'Eisenach', processes: i === 0 ? ['3.2.3'] : ['3.2.1'] };
      await createMember(stack, admin, network, input);
    }
  }
});
afterAll(async () => {
  await stack?.stop();
});

const query = `query($filter: MemberFilter, $first: Int, $after: String) {
  members(filter: $filter, first: $first, after: $after) {
    totalCount exactCounts
    edges { node { id } }
    pageInfo { hasNextPage endCursor }
    facets { networks { value count } processMainGroups { value count } }
  }
  networks { code memberCount }
}`;

test('past the limit the counts are lower bounds and say so; the walk still yields every member once', async () => {
  const res = await stack.query(query, { filter: { text: 'Drehteile' }, first: 2 });
  expect(res.errors).toBeUndefined();
  const { totalCount, exactCounts, facets } = res.data.members;
  expect(exactCounts).toBe(false);
  // NIWE stopped at limit + 1 = 3 of its 5; LINAT (2) and KONAT (1) counted exactly.
  expect(totalCount).toBe(3 + 2 + 1);
  expect(facets.networks).toEqual(
    expect.arrayContaining([
      { value: 'NIWE', count: 3 },
      { value: 'LINAT', count: 2 },
      { value: 'KONAT', count: 1 },
    ]),
  );
  const trennen = facets.processMainGroups.find((f: { value: string }) => f.value === '3');
  expect(trennen.count).toBe(totalCount);

  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const next: GraphQLResponse = await stack.query(query, { filter: { text: 'Drehteile' }, first: 2, after });
    seen.push(...next.data.members.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!next.data.members.pageInfo.hasNextPage) break;
    after = next.data.members.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(5 + 2 + 1);
  expect(new Set(seen).size).toBe(seen.length);

  // A network's member count is always exact.
  const counts = Object.fromEntries(res.data.networks.map((n: { code: string; memberCount: number }) => [n.code, n.memberCount]));
  expect(counts).toEqual(perNetwork);
});

test('the list without a filter is counted to the limit as well, and says so; memberCount is the exact number', async () => {
  // As after seed:bulk, where members without a filter said 333 of 510 (the partner probe): a lower bound, marked as one.
  const res = await stack.query(query, { first: 1 });
  expect(res.errors).toBeUndefined();
  expect(res.data.members).toMatchObject({ totalCount: 3 + 2 + 1, exactCounts: false });
  const exact = res.data.networks.reduce((sum: number, n: { memberCount: number }) => sum + n.memberCount, 0);
  expect(exact).toBe(5 + 2 + 1);
});

test('within the limit the counts are exact', async () => {
  const res = await stack.query(query, { filter: { processes: ['3.2.3'] }, first: 10 });
  expect(res.errors).toBeUndefined();
  expect(res.data.members.exactCounts).toBe(true);
  expect(res.data.members.totalCount).toBe(3);
  expect(res.data.members.edges).toHaveLength(3);
});

// What the client selects decides what the networks count: no count or facet selected, no statistics statement
// at all; one facet, only that one. Filtered by process (no text, so no close-spelling lookup): per network the
// page is one statement and the statistics one more.
describe('the statistics follow the selection', () => {
  const sqlCount = () => [...stack.networks.values()].reduce((sum, s) => sum + s.sql.count, 0);
  async function statements(selection: string, first = 3) {
    const before = sqlCount();
    const res = await stack.query(`query($filter: MemberFilter, $first: Int) { members(filter: $filter, first: $first) { ${selection} } }`, {
      filter: { processes: ['3.2'] },
      first,
    });
    expect(res.errors).toBeUndefined();
    return { members: res.data.members, sql: sqlCount() - before };
  }

  test('a page without counts or facets runs no statistics statement', async () => {
    const { members, sql } = await statements('edges { node { id } } pageInfo { hasNextPage }');
    expect(members.edges).toHaveLength(3);
    expect(members.pageInfo.hasNextPage).toBe(true);
    expect(sql).toBe(3);
  });

  // Region asks each network for 4 (first + 1): NIWE's page is full, LINAT's 2 and KONAT's 1 hits are their
  // whole answer, and for a count alone that page is the count.
  test.each([
    ['totalCount', 'totalCount edges { node { id } }', 4],
    ['exactCounts', 'exactCounts edges { node { id } }', 4],
    ['the networks facet', 'facets { networks { value count } } edges { node { id } }', 4],
    ['one facet', 'facets { certifications { value count } } edges { node { id } }', 6],
    [
      'everything',
      'totalCount exactCounts facets { networks { value count } processMainGroups { value count } certifications { value count } } edges { node { id } }',
      6,
    ],
  ])('%s: a statistics statement per network whose page does not hold every hit, or for a facet, per network', async (_, selection, sql) => {
    expect((await statements(selection)).sql).toBe(sql);
  });

  test('a first page that holds every hit is its own count, exact even past the count limit', async () => {
    const whole = await statements('totalCount exactCounts edges { node { id } } pageInfo { hasNextPage }', 50);
    expect(whole.members.pageInfo.hasNextPage).toBe(false);
    // NIWE's 5 hits are past its count limit (2), and the page read them all: no lower bound.
    expect(whole.members).toMatchObject({ totalCount: 5 + 2 + 1, exactCounts: true });
    expect(whole.members.edges).toHaveLength(5 + 2 + 1);
    // The three pages only (no text: no close spellings to look up).
    expect(whole.sql).toBe(3);
    const networks = await statements('facets { networks { value count } } edges { node { id } }', 50);
    expect(networks.sql).toBe(3);
    expect(networks.members.facets.networks).toEqual(
      expect.arrayContaining([
        { value: 'NIWE', count: 5 },
        { value: 'LINAT', count: 2 },
        { value: 'KONAT', count: 1 },
      ]),
    );
    expect((await statements('totalCount facets { certifications { value count } } edges { node { id } }', 50)).sql).toBe(6);
  });

  test('one facet alone counts what the full statement counts', async () => {
    const all = await statements('totalCount facets { processMainGroups { value count } certifications { value count } networks { value count } }');
    const processes = await statements('facets { processMainGroups { value count } }');
    const certifications = await statements('facets { certifications { value count } }');
    expect(processes.members.facets.processMainGroups).toEqual(all.members.facets.processMainGroups);
    expect(certifications.members.facets.certifications).toEqual(all.members.facets.certifications);
    // Every member of the fixture does turning or milling (3.2.x): the main group 3 holds them all, up to the limit.
    expect(all.members.facets.processMainGroups).toEqual([{ value: '3', count: all.members.totalCount }]);
  });

  test('the statistics statement holds only the parts selected', () => {
    const request = { network: 'NIWE', filter: { processes: ['3.2'] }, order: 'NAME' as const, first: 10, after: null, countLimit: 100, matched: true };
    const statement = (statistics: SearchStatistics) => searchStatements({ ...request, statistics }, new Map(), foldWord).stats?.sql ?? null;
    expect(statement({ total: false, processMainGroups: false, certifications: false })).toBeNull();
    expect(statement({ total: true, processMainGroups: false, certifications: false })).not.toMatch(/unnest|certification c/);
    expect(statement({ total: false, processMainGroups: true, certifications: false })).toMatch(/unnest/);
    expect(statement({ total: false, processMainGroups: true, certifications: false })).not.toMatch(/certification c/);
    expect(statement({ total: false, processMainGroups: false, certifications: true })).toMatch(/certification c/);
    expect(statement({ total: false, processMainGroups: false, certifications: true })).not.toMatch(/unnest/);
  });
});

// What a hit matched (which fields, processes, materials) is worked out only for a client that selects `matched`:
// region asks the networks for it only then, and a network's page then joins no member row for its hits.
describe('what each hit matched follows the selection', () => {
  const page = (selection: string) =>
    stack.query(`query($filter: MemberFilter) { members(filter: $filter, first: 4) { totalCount edges { score ${selection} node { id } } } }`, {
      filter: { text: 'Drehteile' },
    });

  /** The page; whether region asked each network for what the hits matched, and whether each network's pages worked it out. */
  async function asked(selection: string) {
    const requests = [...stack.region.clients.values()].map((client) => vi.spyOn(client, 'request'));
    const statements = [...stack.networks.values()].map((service) => vi.spyOn(service.orm.em.getConnection(), 'execute'));
    try {
      const res = await page(selection);
      expect(res.errors).toBeUndefined();
      const searches = requests.flatMap((spy) => spy.mock.calls.map(([query]) => query)).filter((query) => /\bsearch\(/.test(query));
      expect(searches).toHaveLength(3);
      // Each network's sample and page (with the close spellings' lookup, sent prepared, not through MikroORM).
      const pages = statements.map((spy) => spy.mock.calls.map(([sql]) => String(sql)).filter((sql) => sql.startsWith('with hit as')));
      for (const sqls of pages) expect(sqls).toHaveLength(1);
      return { res, matched: searches.map((query) => /\bmatched\b/.test(query)), explained: pages.map(([sql]) => sql.includes('matched_text')) };
    } finally {
      for (const spy of [...requests, ...statements]) spy.mockRestore();
    }
  }

  test('region asks for it only when selected, by any name or fragment, and the page is the same', async () => {
    const bare = await asked('');
    expect(bare.matched).toEqual([false, false, false]);
    expect(bare.explained).toEqual([false, false, false]);
    const explained = await asked('matched { text processes }');
    expect(explained.matched).toEqual([true, true, true]);
    expect(explained.explained).toEqual([true, true, true]);
    expect((await asked('why: matched { text }')).matched).toEqual([true, true, true]);
    expect((await asked('... on MemberEdge { matched { text } }')).matched).toEqual([true, true, true]);

    const edges = (res: GraphQLResponse) => res.data.members.edges.map((e: { score: number; node: { id: string } }) => [e.node.id, e.score]);
    expect(edges(bare.res)).toHaveLength(4);
    expect(edges(bare.res)).toEqual(edges(explained.res));
    expect(bare.res.data.members.totalCount).toBe(explained.res.data.members.totalCount);
    for (const edge of explained.res.data.members.edges) expect(edge.matched.text).toContain('name');
  });

  test("the network's statements leave it out when not asked", () => {
    const request = {
      network: 'NIWE',
      filter: { text: 'Drehteile' },
      order: 'RELEVANCE' as const,
      first: 10,
      after: null,
      statistics: { total: true, processMainGroups: false, certifications: false },
      countLimit: 100,
    };
    const statements = (matched: boolean, near: boolean) => {
      const filter = near ? { ...request.filter, near: { latitude: 50.97, longitude: 10.32, radiusKm: 20 } } : request.filter;
      const { page, walk } = searchStatements({ ...request, filter, matched }, new Map(), foldWord);
      return [page.sql, walk!({ 0: 150, 4000: 150 })!.sql];
    };
    for (const sql of statements(true, false)) expect(sql).toMatch(/matched_text\s+from \(.*\) p join member m on m\.id = p\.id/s);
    for (const sql of statements(false, false)) {
      expect(sql).not.toMatch(/matched_text|join member m on m\.id = p\.id/);
    }
    // The distance shown still comes from the member's location.
    for (const sql of statements(false, true)) {
      expect(sql).not.toMatch(/matched_text/);
      expect(sql).toMatch(/as distance_m from \(.*\) p join member m on m\.id = p\.id/s);
    }
  });
});
