import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import pg from 'pg';
import { networks } from '../shared/networks.ts';
import { startEmbeddedPostgres } from '../shared/postgres.ts';
import { postalCodeLocation } from '../shared/data/postal-codes.ts';
import { positional } from '../shared/sql.ts';
import { closeSpellingsStatement, searchStatements, searchWords, toSpellings, wordFolding } from '../subgraphs/network/search.ts';
import type { PushedDownFilter, MemberOrder } from '../shared/search.ts';
import { defaultSearchCountLimit } from '../subgraphs/region/server.ts';
import { progressReporter, seedBulk } from '../scripts/seed-bulk.ts';
import { freePort } from '../test/support/free-port.ts';
import { ensureBenchDependencies } from './dependencies.ts';
import { load } from './load.ts';
import { defaultOutDir } from './run.ts';
import { startSubgraphs } from './subgraphs.ts';
import { startTargets } from './targets.ts';

// npm run bench:search [-- --sizes 1000,10000,100000 --requests 100 --out DIR]
// Search latency as the data grows: the same searches through our gateway at
// 1k, 10k and 100k members per network, at concurrency 1. The budget: p95 at
// the largest size at most twice p95 at the smallest. It also records the
// PostgreSQL plan of each search's page query at the largest size, so a
// missing index shows up as a sequential scan.

interface SearchShape {
  name: string;
  description: string;
  query: string;
  /** What region pushes down to a network for it, to EXPLAIN the statements the network runs. */
  explain: { filter: PushedDownFilter; order: MemberOrder; facets: boolean };
}

const eisenach = postalCodeLocation('99817')!;

const searchShapes: SearchShape[] = [
  {
    name: 'S1 text',
    description: 'text "Fräs" (word part), relevance order',
    query: '{ members(first: 20, filter: { text: "Fräs" }) { totalCount exactCounts edges { score node { id name } } } }',
    explain: { filter: { text: 'Fräs' }, order: 'RELEVANCE', facets: false },
  },
  {
    name: 'S2 typo',
    description: 'text "Eisenahc" (typo), relevance order',
    query: '{ members(first: 20, filter: { text: "Eisenahc" }) { totalCount exactCounts edges { score node { id name } } } }',
    explain: { filter: { text: 'Eisenahc' }, order: 'RELEVANCE', facets: false },
  },
  {
    name: 'S3 near',
    description: 'within 15 km of Eisenach, distance order',
    query: '{ members(first: 20, filter: { near: { postalCode: "99817", radiusKm: 15 } }) { totalCount exactCounts edges { distanceKm node { id name } } } }',
    explain: { filter: { near: { ...eisenach, radiusKm: 15 } }, order: 'DISTANCE', facets: false },
  },
  {
    name: 'S4 structured',
    description: 'process 3.2.3 (Fräsen), IATF 16949, 50+ employees, name order, with facets',
    query:
      '{ members(first: 20, filter: { processes: ["3.2.3"], certifications: ["IATF 16949"], employees: { min: 50 } }) { totalCount exactCounts facets { processMainGroups { value count } } edges { node { id name } } } }',
    explain: { filter: { processes: ['3.2.3'], certifications: ['IATF 16949'], employeesMin: 50 }, order: 'NAME', facets: true },
  },
  {
    name: 'S5 page',
    description: 'no filter, name order (the directory listing)',
    query: '{ members(first: 20) { totalCount exactCounts edges { node { id name } } } }',
    explain: { filter: {}, order: 'NAME', facets: false },
  },
];

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      requests: { type: 'string', default: '100' },
      out: { type: 'string', default: defaultOutDir },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const requests = Number(values.requests);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || sizes.some((n, i) => i > 0 && n <= sizes[i - 1]))
    throw new Error('--sizes takes increasing member counts, e.g. 1000,10000,100000');
  ensureBenchDependencies((line) => console.log(line));

  const dir = mkdtempSync(join(tmpdir(), 'irm-search-scale-'));
  const postgres = await startEmbeddedPostgres(join(dir, 'pg'), await freePort(), { persistent: false });
  const secret = randomBytes(32).toString('hex');
  const subgraphSecret = randomBytes(32).toString('hex');
  const subgraphs = await startSubgraphs({ postgresUrl: postgres.url, membersPerNetwork: 0, secret: subgraphSecret, progress: () => () => {} });
  const [gateway] = await startTargets({ serviceUrls: subgraphs.urls, jwtSecret: secret, subgraphSecret }, ['gateway']);
  const token = await new SignJWT({ role: 'office', network: 'NIWE', sub: 'bench' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1d')
    .sign(new TextEncoder().encode(secret));

  const rows: { shape: string; membersPerNetwork: number; totalCount: number; exactCounts: boolean; p50Ms: number; p95Ms: number }[] = [];
  const plans: Record<string, string> = {};
  try {
    let current = 0;
    for (const size of sizes) {
      for (const n of networks) {
        await seedBulk({
          databaseUrl: subgraphs.databaseUrls[n.code],
          network: n,
          members: size - current,
          progress: progressReporter(`${n.code} to ${size}`, size - current),
        });
      }
      current = size;
      // Every size starts from the same state. Without this a run measured whatever autovacuum had done so far:
      // the trigram indexes' pending entries (GIN fastupdate, up to 4 MB, read in full by every text search until
      // flushed; 'Eisenahc' counted in 60 ms before the vacuum, 5.5 ms after, at 100k) and the planner's statistics.
      for (const n of networks) {
        const client = new pg.Client({ connectionString: subgraphs.databaseUrls[n.code] });
        await client.connect();
        await client.query('vacuum analyze');
        await client.end();
      }
      // And every search is warmed at every size before any is measured: the first size otherwise also paid for
      // cold caches, connections and query plans in gateway, region and networks, which made the ratio vary.
      for (const shape of searchShapes) {
        await load({
          url: gateway.url(shape.name),
          headers: { authorization: `Bearer ${token}` },
          body: () => ({ query: shape.query }),
          connections: 1,
          duration: 0,
          amount: 20,
        });
      }
      for (const shape of searchShapes) {
        const body = () => ({ query: shape.query });
        const probe = await fetch(gateway.url(shape.name), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body()),
        });
        const answer = (await probe.json()) as { data?: { members: { totalCount: number; exactCounts: boolean } }; errors?: unknown };
        if (answer.errors || !answer.data) throw new Error(`${shape.name}: ${JSON.stringify(answer.errors)}`);
        await load({ url: gateway.url(shape.name), headers: { authorization: `Bearer ${token}` }, body, connections: 1, duration: 0, amount: 10 });
        const result = await load({
          url: gateway.url(shape.name),
          headers: { authorization: `Bearer ${token}` },
          body,
          connections: 1,
          duration: 0,
          amount: requests,
        });
        rows.push({
          shape: shape.name,
          membersPerNetwork: size,
          totalCount: answer.data.members.totalCount,
          exactCounts: answer.data.members.exactCounts,
          p50Ms: Math.round(result.p50Ms * 10) / 10,
          p95Ms: Math.round(result.p95Ms * 10) / 10,
        });
        console.log(
          `${shape.name.padEnd(14)} ${String(size).padStart(7)} per network: total ${answer.data.members.totalCount}, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms${result.failures ? `, ${result.failures} failed` : ''}`,
        );
      }
    }
    const client = new pg.Client({ connectionString: subgraphs.databaseUrls.NIWE });
    await client.connect();
    const explain = async (statement: { sql: string; params: unknown[] }) => {
      const plan = await client.query(`explain (analyze, costs off, timing off, summary off) ${positional(statement.sql)}`, statement.params);
      return plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
    };
    // The words folded as the service folds them in this database.
    const fold = await wordFolding(client);
    for (const shape of searchShapes) {
      const { filter, order, facets } = shape.explain;
      const words = searchWords(filter.text);
      const lookup = closeSpellingsStatement(words);
      let rows: { i: number; word: string | null }[] = [];
      if (lookup) rows = (await client.query(positional(lookup.sql), lookup.params)).rows;
      const statements = searchStatements(
        {
          network: 'NIWE',
          filter,
          order,
          first: 21,
          after: null,
          statistics: { total: true, processMainGroups: facets, certifications: facets },
          countLimit: defaultSearchCountLimit,
          // None of the shapes selects what each hit matched.
          matched: false,
        },
        toSpellings(words, rows),
        fold,
      );
      const { stats, page } = statements;
      let walk = '';
      if (statements.walk) {
        // The tiers' walk runs when the sample does not hold every hit; it is planned from the sample's tier counts.
        const tiers = statements.walk((await client.query(positional(page.sql), page.params)).rows[0].tiers ?? {});
        walk = tiers ? `\n\n-- the tiers' walk\n${await explain(tiers)}` : '\n\n-- (the sample held every hit: no walk)';
      }
      plans[shape.name] =
        `-- counts and facets\n${stats ? await explain(stats) : '(none selected)'}\n\n-- page${statements.walk ? ', from a sample of the hits' : ''}\n${await explain(page)}${walk}`;
    }
    await client.end();
  } finally {
    await gateway.stop();
    await subgraphs.stop();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const smallest = sizes[0];
  const largest = sizes.at(-1)!;
  const budget = searchShapes.map((shape) => {
    const small = rows.find((r) => r.shape === shape.name && r.membersPerNetwork === smallest)!;
    const large = rows.find((r) => r.shape === shape.name && r.membersPerNetwork === largest)!;
    const ratio = Math.round((large.p95Ms / small.p95Ms) * 100) / 100;
    // How p95 grows per tenfold size between each size and the next, so a search that grows shows where.
    const perTenfold = sizes.slice(1).map((size, i) => {
      const before = rows.find((r) => r.shape === shape.name && r.membersPerNetwork === sizes[i])!;
      const after = rows.find((r) => r.shape === shape.name && r.membersPerNetwork === size)!;
      return Math.round((after.p95Ms / before.p95Ms) ** (1 / Math.log10(size / sizes[i])) * 100) / 100;
    });
    return { shape: shape.name, ratio, perTenfold, pass: ratio <= 2 };
  });
  mkdirSync(values.out, { recursive: true });
  writeFileSync(
    join(values.out, 'search-scale.json'),
    `${JSON.stringify({ generatedAt: new Date().toISOString(), sizes, requests, rows, budget }, null, 2)}\n`,
  );
  const md = [
    '# Search latency as the data grows',
    '',
    `Our gateway, concurrency 1, ${requests} requests per search and size; at every size the networks' databases are vacuumed and analysed after seeding and every search is warmed (20 requests each, then 10 more right before its own measurement); members per network as given (three networks). ` +
      `Hits are counted up to the count limit (${defaultSearchCountLimit} per network); "at least" marks a lower bound.`,
    '',
    `| search | ${sizes.map((s) => `p50 / p95 at ${s}`).join(' | ')} | p95 growth per tenfold size | p95 ${largest} ÷ p95 ${smallest} | budget (≤ 2) |`,
    `|---|${sizes.map(() => '---').join('|')}|---|---|---|`,
    ...searchShapes.map((shape) => {
      const cells = sizes.map((size) => {
        const r = rows.find((row) => row.shape === shape.name && row.membersPerNetwork === size)!;
        return `${r.p50Ms} / ${r.p95Ms} ms (${r.exactCounts ? '' : 'at least '}${r.totalCount} hits)`;
      });
      const b = budget.find((x) => x.shape === shape.name)!;
      const growth = b.perTenfold.map((g, i) => `${sizes[i]}→${sizes[i + 1]}: ×${g}`).join(', ');
      return `| ${shape.name}: ${shape.description} | ${cells.join(' | ')} | ${growth} | ${b.ratio} | ${b.pass ? 'pass' : 'FAIL'} |`;
    }),
    '',
    `## Plans at ${largest} members (NIWE), with the rows each step read`,
    '',
    ...searchShapes.flatMap((shape) => [`### ${shape.name}`, '', '```', plans[shape.name], '```', '']),
  ].join('\n');
  writeFileSync(join(values.out, 'search-scale.md'), `${md}\n`);
  console.log(`Wrote ${join(values.out, 'search-scale.md')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
