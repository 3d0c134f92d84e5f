import {
  ConfigError,
  envReader,
  loadOrExit,
  previousSubgraphSecret,
  serviceFromEnv,
  subgraphSecret,
  type Env,
  type ServiceConfig,
} from '../../shared/config.ts';
import { runService } from '../../shared/main.ts';
import { nameProcessLog, observabilityFromEnv } from '../../shared/observability.ts';
import { replayRedisUrlFromEnv } from '../../shared/nonce-store.ts';
import { findNetwork, networks } from '../../shared/networks.ts';
import { defaultQueryTimeoutMs, poolModeFromEnv } from '../../shared/pg-connection.ts';
import { defaultSearchWordsPruneMs } from './search-words.ts';
import { seedDemoData } from './seeders/demo.seeder.ts';
import { createNetworkService, type NetworkOptions } from './server.ts';

// One network's subgraph: NETWORK=NIWE node subgraphs/network/index.ts

export interface NetworkConfig extends ServiceConfig {
  /** DEMO_DATA=1: seed fictional demo members into an empty database. */
  demoData: boolean;
  network: NetworkOptions;
}

/** Everything a network's process reads from its environment, checked; the only place that does. */
export function loadConfig(env: Env): NetworkConfig {
  const read = envReader(env);
  const code = read.string('NETWORK', '');
  const network = findNetwork(code);
  if (!network) throw new ConfigError(`NETWORK must name a registered network (${networks.map((n) => n.code).join(', ')}), got "${code}".`);
  const databaseUrl = read.optional(`${network.code}_DATABASE_URL`) ?? read.optional('DATABASE_URL');
  if (!databaseUrl) throw new ConfigError(`Set DATABASE_URL (or ${network.code}_DATABASE_URL) to this network's PostgreSQL database.`);
  return {
    ...serviceFromEnv(read, network.port),
    demoData: read.flag('DEMO_DATA'),
    network: {
      network: network.code,
      databaseUrl,
      secret: subgraphSecret(env, network.code),
      previousSecret: previousSubgraphSecret(env, network.code),
      observability: observabilityFromEnv(read),
      replayRedisUrl: replayRedisUrlFromEnv(read),
      sqlDebug: read.flag('SQL_DEBUG'),
      queryTimeoutMs: read.integer('DATABASE_QUERY_TIMEOUT_MS', defaultQueryTimeoutMs),
      databasePoolMode: poolModeFromEnv(read),
      // From 100 ms: below, the known words (known-words.ts, kept as long) would be looked up on nearly every search.
      searchWordsPruneMs: read.integer('SEARCH_WORDS_PRUNE_MS', defaultSearchWordsPruneMs, 100),
    },
  };
}

if (import.meta.main) {
  const name = `${process.env.NETWORK || 'network'} subgraph`;
  const config = loadOrExit(name, () => loadConfig(process.env));
  nameProcessLog(config.network.network.toLowerCase(), config.network.observability);
  await runService(name, config, async () => {
    const service = await createNetworkService(config.network);
    // Said at every start: a previous secret left set keeps the old, perhaps leaked, one valid for good.
    if (config.network.previousSecret)
      service.observability.log.warn(
        `${name}: ${config.network.network}_SUBGRAPH_SECRET_PREVIOUS is set, so the old secret is still taken; remove it once region and the gateways sign with the new one.`,
      );
    if (config.demoData) {
      const seeded = await seedDemoData(service.orm.em.fork(), findNetwork(config.network.network)!);
      if (seeded > 0) service.observability.log.info({ seeded }, `${config.network.network}: seeded ${seeded} fictional demo members`);
    }
    return service;
  });
}
