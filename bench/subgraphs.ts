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
  /** Logs (at LOG_LEVEL) and metrics on, or both off, in every subgraph, from the next request on. */
  logging(on: boolean): void;
  stop(): Promise<void>;
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
  const countCalls = (server: Server) =>
    server.on('request', (req, res) => {
      if (req.url?.split('?')[0] === '/graphql') calls++;
      inFlight++;
      res.once('close', () => inFlight--);
    });

  await Promise.all(
    networks.map(async (network) => {
      const databaseUrl = await ensureDatabase(options.postgresUrl, `${prefix}_${network.code.toLowerCase()}`);
      databaseUrls[network.code] = databaseUrl;
      const service = await createNetworkService({ network: network.code, databaseUrl, secret: options.secret, observability: benchObservability() });
      services.push(service);
      await seedBulk({ databaseUrl, network, members: options.membersPerNetwork, progress: options.progress(network.code) });
      countCalls(service.http);
      urls[network.code] = await listen(service.http, 0);
    }),
  );
  const region: RegionService = await createRegionService({
    databaseUrl: await ensureDatabase(options.postgresUrl, `${prefix}_region`),
    networkUrls: { ...urls },
    networkTimeoutMs: 10_000,
    secret: options.secret,
    networkSecrets: Object.fromEntries(networks.map((n) => [n.code, options.secret])),
    webhookKey: randomBytes(32),
    observability: benchObservability(),
  });
  countCalls(region.http);
  urls.region = await listen(region.http, 0);

  return {
    urls,
    databaseUrls,
    sqlStatements: () => services.reduce((sum, s) => sum + s.sql.count, 0),
    sqlByNetwork: () => Object.fromEntries(services.map((s) => [s.network, s.sql.count])),
    subgraphCalls: () => calls,
    inFlight: () => inFlight,
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
