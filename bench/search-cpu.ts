import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { networks } from '../shared/networks.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../shared/postgres.ts';
import { progressReporter, seedBulk } from '../scripts/seed-bulk.ts';
import { searchMembers, type SearchStatistics } from '../subgraphs/network/search.ts';
import { prepareMemberReads } from '../subgraphs/network/loaders.ts';
import { createNetworkService } from '../subgraphs/network/server.ts';
import { defaultSearchCountLimit } from '../subgraphs/region/server.ts';
import { freePort } from '../test/support/free-port.ts';
import { postmasterPid, treeCpuMs } from './cpu.ts';

// npx node bench/search-cpu.ts [-- --members 10000 --searches 300]
//   [--count-limit 200]
// CPU per varied text search in one network: the network service's search
// (in this process: its SQL, the pg driver, building hits) plus every
// PostgreSQL process, read before and after N searches (this process from
// process.cpuUsage, PostgreSQL's tree from /proc). The searches are what the
// benchmark's search shape sends: the texts of bench/fixtures/search-texts.json
// in turn, `employees: { min }` varying, relevance order, first 10, with the
// total counted up to the count limit (region's default, or --count-limit);
// and the same without the total (the portal's next page). CPU, not latency:
// a shared, noisy machine changes the wait, and the work less, but still:
// compare two trees by running them in turn (a, b, a, b; a tree from
// `git archive` in a temporary folder). So
// measured for issue 20, 3ca5a50 against bb358d2: with the total 10.28 and
// 11.96 against 8.18 and 9.07 ms, page only 5.38 and 5.99 against 3.44 and 3.47 ms.

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '10000' },
    searches: { type: 'string', default: '300' },
    'count-limit': { type: 'string', default: String(defaultSearchCountLimit) },
  },
});
const members = Number(values.members);
const searches = Number(values.searches);
// As SEARCH_COUNT_LIMIT: 0 counts every hit.
const countLimitArgument = Number(values['count-limit']);
if (!Number.isInteger(countLimitArgument) || countLimitArgument < 0) {
  console.error(`--count-limit must be a whole number of hits, 0 counting all; got "${values['count-limit']}".`);
  process.exit(2);
}
const countLimit = countLimitArgument === 0 ? null : countLimitArgument;

const fixture = JSON.parse(readFileSync(new URL('./fixtures/search-texts.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const texts = Object.values(fixture).filter(Array.isArray).flat() as string[];
const minimums = [1, 5, 10, 20, 50];

const dir = mkdtempSync(join(tmpdir(), 'irm-search-cpu-'));
const postgres = await startEmbeddedPostgres(join(dir, 'pg'), await freePort(), { persistent: false });
const network = networks[0];
const databaseUrl = await ensureDatabase(postgres.url, `search_cpu_${network.code.toLowerCase()}`);
const service = await createNetworkService({ network: network.code, databaseUrl, secret: 'search-cpu' });
try {
  await seedBulk({ databaseUrl, network, members, progress: progressReporter(`${network.code} to ${members}`, members) });
  const connection = service.orm.em.getConnection();
  await connection.execute('vacuum analyze');
  const postmaster = (await postmasterPid(databaseUrl))!;
  // The close spellings as the service looks them up (its prepared statement), the words folded as it folds them.
  const reads = await prepareMemberReads(service.orm);

  const run = async (statistics: SearchStatistics) => {
    const search = (n: number) =>
      searchMembers(
        service.orm.em.fork(),
        {
          network: network.code,
          filter: { text: texts[n % texts.length], employeesMin: minimums[n % minimums.length] },
          order: 'RELEVANCE',
          first: 11,
          after: null,
          statistics,
          countLimit,
          // The search shape does not select what each hit matched.
          matched: false,
        },
        reads,
      );
    // Warm: every text once, so each size of cache and plan is as in a running service.
    for (let n = 0; n < texts.length; n++) await search(n);
    const own = process.cpuUsage();
    const pgBefore = treeCpuMs(postmaster);
    const started = performance.now();
    for (let n = 0; n < searches; n++) await search(n);
    const wallMs = performance.now() - started;
    const ownUsage = process.cpuUsage(own);
    const nodeMs = (ownUsage.user + ownUsage.system) / 1000;
    const pgMs = treeCpuMs(postmaster) - pgBefore;
    return { nodeMs: nodeMs / searches, pgMs: pgMs / searches, wallMs: wallMs / searches };
  };
  const round = (x: number) => Math.round(x * 100) / 100;
  for (const [label, statistics] of [
    ['with totalCount', { total: true, processMainGroups: false, certifications: false }],
    ['page only', { total: false, processMainGroups: false, certifications: false }],
  ] as const) {
    const r = await run(statistics);
    console.log(
      `${label.padEnd(16)} ${members} members, ${searches} searches over ${texts.length} texts: CPU ${round(r.nodeMs + r.pgMs)} ms per search (PostgreSQL ${round(r.pgMs)}, service ${round(r.nodeMs)}), wall ${round(r.wallMs)} ms`,
    );
  }
} finally {
  await service.stop();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
