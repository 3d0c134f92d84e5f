import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { postalCodeLocation } from '../shared/data/postal-codes.ts';
import { findNetwork } from '../shared/networks.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import type { PushedDownFilter, SearchHit } from '../shared/search.ts';
import type { MemberOrderKey } from '../shared/sort-key.ts';
import { seedBulk } from '../scripts/seed-bulk.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { foldWord, searchMembers, sqlFolding, unpreparedSpellings, type SearchDatabase, type SearchStatistics } from '../subgraphs/network/search.ts';

// A RELEVANCE page comes one of two ways (subgraphs/network/search.ts): from a
// sample that holds every hit, ranked whole, or, past the sample, from walks
// of the tiers, each tier read in name order or collected and sorted. Here
// every way must give the same hits in the same order, page after page, on a
// generated network large enough for all of them.

let orm: MikroORM;
const statements: string[] = [];
// The close spellings sent through the spied connection, so they count among the statements.
const database: SearchDatabase = { closeSpellings: (words) => unpreparedSpellings(orm.em)(words), foldWords: foldWord };
const inSql: SearchDatabase = { ...database, foldWords: sqlFolding };

beforeAll(async () => {
  const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_ranking`);
  ({ orm } = await initNetworkOrm(url));
  await seedBulk({ databaseUrl: url, network: findNetwork('NIWE')!, members: 800 });
  await orm.em.getConnection().execute('analyze member');
  const connection = orm.em.getConnection();
  const execute = connection.execute.bind(connection);
  vi.spyOn(connection, 'execute').mockImplementation((query, ...rest) => {
    if (typeof query === 'string') statements.push(query);
    return execute(query, ...rest);
  });
}, 120_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await orm?.close();
});

const eisenach = postalCodeLocation('99817')!;
const texts = ['Fräsen', 'Werkzeugbau', 'Eschwge', 'GmbH', 'Drehteile', 'Kunstoff', 'Härterei Eisenach', 'Präzision'];
const filters: PushedDownFilter[] = [
  {},
  { processes: ['3.2.1'] },
  { materials: ['42CrMo4'] },
  { near: { latitude: eisenach.latitude, longitude: eisenach.longitude, radiusKm: 30 } },
  { employeesMin: 50 },
];

/** Ways to read the same pages: the count as the sample (large, small), a small sample without a count, the sample of its own size. */
const ways: { name: string; countLimit: number | null; statistics: SearchStatistics }[] = [
  { name: 'sample of every hit', countLimit: 100_000, statistics: { total: true, processMainGroups: false, certifications: false } },
  { name: 'sample of 3', countLimit: 2, statistics: { total: false, processMainGroups: false, certifications: false } },
  { name: 'count of 31 as sample', countLimit: 30, statistics: { total: true, processMainGroups: false, certifications: false } },
  { name: 'sample of three pages', countLimit: null, statistics: { total: false, processMainGroups: false, certifications: false } },
];

const key = (hit: SearchHit): MemberOrderKey => ({ network: 'NIWE', rank: hit.rank, sortKey: hit.sortKey, localId: hit.localId });
const brief = (hit: SearchHit) => `${hit.localId}/${hit.rank}/${hit.score}`;

async function page(filter: PushedDownFilter, way: (typeof ways)[number], first: number, after: MemberOrderKey | null, db = database) {
  return searchMembers(
    orm.em.fork(),
    { network: 'NIWE', filter, order: 'RELEVANCE', first, after, statistics: way.statistics, countLimit: way.countLimit, matched: true },
    db,
  );
}

async function walk(filter: PushedDownFilter, way: (typeof ways)[number], first: number, db = database) {
  const hits: SearchHit[] = [];
  for (let after: MemberOrderKey | null = null; ; ) {
    const { hits: more } = await page(filter, way, first, after, db);
    hits.push(...more);
    if (more.length < first) return hits;
    after = key(more.at(-1)!);
  }
}

describe.each(filters)('RELEVANCE pages with %j', (base) => {
  test.each(texts)('"%s": every way gives the same pages', async (text) => {
    const filter = { ...base, text };
    const [whole, ...others] = ways;
    const expected = await walk(filter, whole, 25);
    const total = (await page(filter, whole, 25, null)).totalCount;
    expect(expected.length).toBe(total);
    // The order itself: rank, then name key, then id.
    const sorted = [...expected].sort((a, b) => a.rank - b.rank || Buffer.compare(Buffer.from(a.sortKey), Buffer.from(b.sortKey)) || a.localId - b.localId);
    expect(expected.map(brief)).toEqual(sorted.map(brief));
    for (const way of others) {
      expect((await walk(filter, way, 25)).map(brief), way.name).toEqual(expected.map(brief));
    }
    // The words folded by irm_fold in the statement, as a database whose lower() differs from JavaScript's has
    // them: through the sample and through the tiers' walks.
    for (const way of [whole, ways[1]]) {
      expect((await walk(filter, way, 25, inSql)).map(brief), `${way.name}, folded in SQL`).toEqual(expected.map(brief));
    }
    // A page after a cursor from a network before and one after this one, at the rank and name of a hit in the middle.
    const middle = expected[Math.floor(expected.length / 2)];
    if (!middle) return;
    for (const network of ['AAAA', 'ZZZZ']) {
      const after = { ...key(middle), network, localId: 0 };
      const pages = await Promise.all(ways.map((way) => page(filter, way, 7, after)));
      for (const p of pages.slice(1)) expect(p.hits.map(brief)).toEqual(pages[0].hits.map(brief));
    }
    const counted = await page(filter, ways[2], 25, null);
    expect({ totalCount: counted.totalCount, exactCounts: counted.exactCounts }).toEqual({ totalCount: Math.min(total, 31), exactCounts: total <= 30 });
    // The facets a RELEVANCE sample counts are those the statistics statement of another order counts.
    const statistics = { total: true, processMainGroups: true, certifications: true };
    const [sampledFacets, byName] = await Promise.all(
      (['RELEVANCE', 'NAME'] as const).map((order) =>
        searchMembers(orm.em.fork(), { network: 'NIWE', filter, order, first: 5, after: null, statistics, countLimit: 100_000, matched: true }, database),
      ),
    );
    const byValue = (facets: typeof sampledFacets.facets) =>
      facets && Object.fromEntries(Object.entries(facets).map(([name, counts]) => [name, [...counts].sort((a, b) => a.value.localeCompare(b.value))]));
    expect(byValue(sampledFacets.facets)).toEqual(byValue(byName.facets));
    expect(sampledFacets.facets?.processMainGroups.length).toBeGreaterThan(0);
    expect(sampledFacets.totalCount).toBe(total);
  });
});

test('a word in no text and close to none finds nothing, with a known word or alone, in every order and way', async () => {
  // Its condition is false (search.ts WordPatterns.absent): every statement a search can send must still be valid.
  const statistics = { total: true, processMainGroups: true, certifications: true };
  for (const text of ['Qwrtzpf', 'Qwrtzpf Fräsen']) {
    for (const base of filters) {
      const filter = { ...base, text };
      for (const way of ways) expect(await walk(filter, way, 5), `${text} ${JSON.stringify(base)} ${way.name}`).toEqual([]);
      const after = { network: 'AAAA', rank: 0, sortKey: 'm', localId: 0 };
      expect((await page(filter, ways[1], 5, after)).hits).toEqual([]);
      for (const order of ['RELEVANCE', 'NAME', ...(base.near ? ['DISTANCE' as const] : [])] as const) {
        const found = await searchMembers(
          orm.em.fork(),
          { network: 'NIWE', filter, order, first: 5, after: null, statistics, countLimit: 100_000, matched: true },
          database,
        );
        expect({ hits: found.hits, totalCount: found.totalCount }, `${text} ${order}`).toEqual({ hits: [], totalCount: 0 });
      }
    }
  }
});

test('the pages above read tiers both ways and ranked samples whole', () => {
  // Walks come in a second statement after the sample; a rare tier is collected and sorted, a common one walked in name order.
  const walks = statements.filter((s) => s.includes('from (select * from (('));
  expect(walks.some((s) => s.includes(') rare order by sort_key, id limit'))).toBe(true);
  expect(walks.some((s) => /\border by m\.sort_key, m\.id limit \?\)/.test(s))).toBe(true);
  expect(statements.filter((s) => s.includes('with hit as materialized')).length).toBeGreaterThan(walks.length);
});
