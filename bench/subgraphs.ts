import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import pg from 'pg';
import { pino } from 'pino';
import { close, listen } from '../shared/http.ts';
import { defaultObservabilityConfig, logDestination, type ObservabilityConfig } from '../shared/observability.ts';
import { networks } from '../shared/networks.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { createNetworkService, type NetworkService } from '../subgraphs/network/server.ts';
import { createRegionService, type RegionService } from '../subgraphs/region/server.ts';
import { seedBulk } from '../scripts/seed-bulk.ts';
import type { Busy, StatementTime } from './time-shares.ts';

// The subgraphs every target calls, in the benchmark's own process so their
// work can be counted: SQL statements from the network services' counters,
// subgraph calls from the requests arriving at their /graphql endpoints
// (region's calls to /internal/graphql are region's own work, not a gateway's).

// The subgraphs log as deployed (LOG_LEVEL, default info: a JSON line per request), while any target but
// unobserved is measured. They run in the benchmark's own process, where tens of thousands of lines would
// flood its output (and CI's log of the dry run): every line is made and written to /dev/null, and warnings
// and errors to standard output as well. The gateway under test logs to its own output, which is read until
// it listens and then dropped.
const logLevel = (process.env.LOG_LEVEL ?? defaultObservabilityConfig.logLevel) as ObservabilityConfig['logLevel'];

function benchObservability(): ObservabilityConfig {
  const streams = [
    { level: 'warn' as const, stream: pino.destination({ dest: 1, sync: false }) },
    // Buffered as a service's own standard output is (shared/observability.ts).
    { level: 'trace' as const, stream: logDestination('/dev/null') },
  ];
  return { ...defaultObservabilityConfig, logLevel, logDestination: pino.multistream(streams) };
}

export interface Subgraphs {
  /** Base URL of each service: region, NIWE, LINAT, KONAT. */
  urls: Record<string, string>;
  /** Each network's database, for growing the data set between runs. */
  databaseUrls: Record<string, string>;
  sqlStatements(): number;
  /** Statements sent so far by each network service, by code. */
  sqlByNetwork(): Record<string, number>;
  subgraphCalls(): number;
  /** Requests the subgraph servers are still answering. */
  inFlight(): number;
  /** Statements PostgreSQL is running for any client but this question, in any database. */
  activeQueries(): Promise<number>;
  /** Marks each request the subgraphs answer from now on, until `busy()` takes the marks. */
  markBusy(): void;
  busy(): Busy[];
  /**
   * PostgreSQL's planning and running time so far for each service's statements (region, NIWE, LINAT, KONAT),
   * from pg_stat_statements; null when the server does not keep them (shared/postgres.ts loads it).
   */
  statementTime(): Promise<StatementTimes | null>;
  /** Logs (at LOG_LEVEL) and metrics on, or both off, in every subgraph, from the next request on. */
  logging(on: boolean): void;
  stop(): Promise<void>;
}

/** PostgreSQL's account of each service's statements so far, and how many entries it has dropped for room. */
export interface StatementTimes {
  services: Record<string, StatementTime>;
  /**
   * pg_stat_statements keeps 5,000 statements and drops the least used for new ones: a server shared with other
   * work (the test suite's, hundreds of databases) can drop the benchmark's between two readings, which then
   * cannot be compared.
   */
  evictions: number;
}

export async function startSubgraphs(options: {
  postgresUrl: string;
  membersPerNetwork: number;
  secret: string;
  progress: (network: string) => (written: number) => void;
}): Promise<Subgraphs> {
  const prefix = `bench_${randomBytes(4).toString('hex')}`;
  const services: NetworkService[] = [];
  const urls: Record<string, string> = {};
  const databaseUrls: Record<string, string> = {};
  const watcher = new pg.Pool({ connectionString: options.postgresUrl, max: 1 });
  // An idle connection that PostgreSQL ends (a server stopped before the watcher) must not end the benchmark.
  watcher.on('error', () => {});
  let calls = 0;
  let inFlight = 0;
  let marks: Busy[] | null = null;
  const countCalls = (service: string, server: Server) =>
    server.on('request', (req, res) => {
      const internal = req.url?.split('?')[0] !== '/graphql';
      if (!internal) calls++;
      inFlight++;
      const start = performance.now();
      res.once('close', () => {
        inFlight--;
        marks?.push({ service, internal, start, end: performance.now() });
      });
    });
  const statistics = await statementStatistics(watcher);
  const database = async (service: string) => {
    const name = `${prefix}_${service.toLowerCase()}`;
    const url = await ensureDatabase(options.postgresUrl, name);
    // Planning is most of a search's statements (1.5 of 2.6 ms for the page at 10k members): counted too, in
    // the benchmark's databases only, before their services connect.
    if (statistics) await watcher.query(`alter database "${name}" set pg_stat_statements.track_planning = on`);
    return url;
  };

  await Promise.all(
    networks.map(async (network) => {
      const databaseUrl = await database(network.code);
      databaseUrls[network.code] = databaseUrl;
      const service = await createNetworkService({ network: network.code, databaseUrl, secret: options.secret, observability: benchObservability() });
      services.push(service);
      await seedBulk({ databaseUrl, network, members: options.membersPerNetwork, progress: options.progress(network.code) });
      countCalls(network.code, service.http);
      urls[network.code] = await listen(service.http, 0);
    }),
  );
  const region: RegionService = await createRegionService({
    databaseUrl: await database('region'),
    networkUrls: { ...urls },
    networkTimeoutMs: 10_000,
    secret: options.secret,
    networkSecrets: Object.fromEntries(networks.map((n) => [n.code, options.secret])),
    webhookKey: randomBytes(32),
    observability: benchObservability(),
    // Every member read is a first one, as in the runs before region remembered members found: the targets take
    // turns on the same ids, and whichever ran first would pay every network's answer for the others.
    knownMembersTtlMs: 0,
  });
  countCalls('region', region.http);
  urls.region = await listen(region.http, 0);

  return {
    urls,
    databaseUrls,
    sqlStatements: () => services.reduce((sum, s) => sum + s.sql.count, 0),
    sqlByNetwork: () => Object.fromEntries(services.map((s) => [s.network, s.sql.count])),
    subgraphCalls: () => calls,
    inFlight: () => inFlight,
    markBusy() {
      marks = [];
    },
    busy() {
      const taken = marks ?? [];
      marks = null;
      return taken;
    },
    async statementTime() {
      if (!statistics) return null;
      const { rows } = await watcher.query<{ database: string; plan: number; exec: number }>(
        `select d.datname as database, sum(s.total_plan_time)::float8 as plan, sum(s.total_exec_time)::float8 as exec
         from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname like $1 group by 1`,
        [`${prefix}\\_%`],
      );
      const { rows: info } = await watcher.query<{ dealloc: string }>('select dealloc from pg_stat_statements_info');
      const services: Record<string, StatementTime> = {};
      for (const service of ['region', ...networks.map((n) => n.code)]) {
        const row = rows.find((r) => r.database === `${prefix}_${service.toLowerCase()}`);
        services[service] = { planMs: row?.plan ?? 0, execMs: row?.exec ?? 0 };
      }
      return { services, evictions: Number(info[0].dealloc) };
    },
    async activeQueries() {
      // On a connection of its own: the services' statements are counted, this one must not be.
      const { rows } = await watcher.query(
        `select count(*) as active from pg_stat_activity where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
      return Number(rows[0].active);
    },
    logging(on) {
      for (const { observability } of [region, ...services]) {
        observability.log.level = on ? logLevel : 'silent';
        observability.metrics.enabled = on;
      }
    },
    async stop() {
      await watcher.end();
      await close(region.http);
      await region.stop();
      for (const service of services) {
        await close(service.http);
        await service.stop();
      }
    },
  };
}

/**
 * Whether the server keeps statement statistics, with the extension that reads them made where missing. Several
 * benchmarks (the tests' dry runs) may make it at once in one server: the loser of that race finds it made.
 */
async function statementStatistics(watcher: pg.Pool): Promise<boolean> {
  const { rows } = await watcher.query(
    `select 1 from pg_settings where name = 'shared_preload_libraries' and 'pg_stat_statements' = any(string_to_array(replace(setting, ' ', ''), ','))`,
  );
  if (rows.length === 0) return false;
  await watcher.query('create extension if not exists pg_stat_statements').catch(async (error: Error) => {
    const { rows: made } = await watcher.query(`select 1 from pg_extension where extname = 'pg_stat_statements'`);
    if (made.length === 0) throw error;
  });
  return true;
}
