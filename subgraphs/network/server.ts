import { ApolloServer } from '@apollo/server';
import { parse, type DocumentNode } from 'graphql';
import type { IncomingMessage, Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { apolloServerOptions, withoutApolloDefaults } from '../../shared/apollo-plugins.ts';
import { createObservability, observabilityPlugin, type Observability, type ObservabilityConfig } from '../../shared/observability.ts';
import { createHttpServer } from '../../shared/http.ts';
import { databaseHealth, defaultQueryTimeoutMs, limitStatements, poolWatchOf, type PoolMode } from '../../shared/pg-connection.ts';
import { decodeIdentity, identityHeader } from '../../shared/identity.ts';
import { documentStore, subgraphDocumentCacheMb, type SecondSightingCache } from '../../shared/operation-caches.ts';
import { createSignatureVerifier } from '../../shared/signature.ts';
import { redisNonceStore } from '../../shared/nonce-store.ts';
import { internalApiVersionPlugin } from '../../shared/internal-api.ts';
import { networkFormatError } from './database-errors.ts';
import { createLoaders, prepareMemberReads } from './loaders.ts';
import { knownWords, type KnownWords } from './known-words.ts';
import { defaultSearchWordsPruneMs, startSearchWordsPruning } from './search-words.ts';
import { initNetworkOrm, type SqlCounter } from './orm.ts';
import { federatedResolvers, internalResolvers, type NetworkContext } from './resolvers.ts';
import { networkInternalSdl, networkSubgraphSdl } from './schema.ts';
import { withNewsResolvers } from './news/news.resolvers.ts';
import { cachedSubgraphSchema } from '../../shared/subgraph-schema.ts';

export interface NetworkService {
  network: string;
  http: Server;
  orm: MikroORM;
  /** SQL statements sent so far by this service. */
  sql: SqlCounter;
  /** The operations the subgraph keeps parsed and validated (at /graphql), from their second request on. */
  documents: SecondSightingCache<DocumentNode>;
  /** The search words known to the dictionary, which need no close-spellings lookup. */
  knownWords: KnownWords;
  observability: Observability;
  stop(): Promise<void>;
}

/** Builds one network's subgraph (at /graphql) and its internal API for region (at /internal/graphql). Does not listen. */
export interface NetworkOptions {
  network: string;
  databaseUrl: string;
  /** Secret the gateway and region sign requests with; undefined accepts unsigned requests (ALLOW_UNSIGNED=1). */
  secret: string | undefined;
  /** The secret before a change, accepted beside `secret` until every caller signs with the new one (<NETWORK>_SUBGRAPH_SECRET_PREVIOUS). */
  previousSecret?: string;
  /** Logs, metrics and traces (LOG_LEVEL, METRICS_*, OTEL_EXPORTER_OTLP_*); defaults: info, no metrics listener, no tracing. */
  observability?: ObservabilityConfig;
  /** REPLAY_REDIS_URL: nonces of signed requests remembered in this Redis, so a request replayed to another replica is refused too; else in the process. */
  replayRedisUrl?: string;
  /** SQL_DEBUG=1: every SQL statement logged. */
  sqlDebug?: boolean;
  /** DATABASE_QUERY_TIMEOUT_MS: how long a statement may go unanswered before its connection is given up (0: no limit). Default 30 s. */
  queryTimeoutMs?: number;
  /** DATABASE_POOL_MODE=transaction behind PgBouncer's transaction pooling: no named prepared statements. Default session. */
  databasePoolMode?: PoolMode;
  /** SEARCH_WORDS_PRUNE_MS: how often words no active member holds leave the dictionary, and how long a known word is kept. Default 60 s. */
  searchWordsPruneMs?: number;
}

export async function createNetworkService(options: NetworkOptions): Promise<NetworkService> {
  const { network } = options;
  // The schemas first: they need no database, which `npm start` sets up meanwhile (shared/processes.ts).
  const serverOptions = {
    ...apolloServerOptions,
    formatError: networkFormatError(network),
    includeStacktraceInErrorResponses: false,
    plugins: [...withoutApolloDefaults(), observabilityPlugin],
  };
  // The gateway sends a new operation here for every new selection of a client's operation, whatever the client named
  // it (gateway/subgraph-source.ts); kept from its second request on (shared/operation-caches.ts).
  const documents = documentStore(subgraphDocumentCacheMb);
  const subgraph = new ApolloServer<NetworkContext>({
    schema: cachedSubgraphSchema([{ typeDefs: parse(networkSubgraphSdl(network)), resolvers: federatedResolvers(network) }]),
    documentStore: documents,
    ...serverOptions,
  });
  const internal = new ApolloServer<NetworkContext>({
    schema: cachedSubgraphSchema([{ typeDefs: parse(networkInternalSdl()), resolvers: withNewsResolvers(internalResolvers(network), network) }]),
    ...serverOptions,
    plugins: [...serverOptions.plugins, internalApiVersionPlugin(network)],
  });
  await Promise.all([subgraph.start(), internal.start()]);
  const { orm, counter } = await initNetworkOrm(options.databaseUrl, options.sqlDebug);
  limitStatements(options.databaseUrl, options.queryTimeoutMs ?? defaultQueryTimeoutMs);
  const prepared = await prepareMemberReads(orm, options.databasePoolMode);
  const observability = await createObservability(network.toLowerCase(), options.observability);
  const pruneMs = options.searchWordsPruneMs ?? defaultSearchWordsPruneMs;
  // Kept as long as the prune's interval: a word pruned is read as a typo again within two (known-words.ts).
  const known = knownWords(prepared.closeSpellings, { ttlMs: pruneMs });
  const reads = { ...prepared, closeSpellings: known.lookup };
  observability.metrics.watchPool(await orm.em.getConnection().getNativeClient());
  const nonces = options.replayRedisUrl ? redisNonceStore(options.replayRedisUrl) : undefined;
  await nonces?.connected;

  const context = async (req: IncomingMessage): Promise<NetworkContext> => {
    const em = orm.em.fork();
    return { network, em, identity: decodeIdentity(req.headers[identityHeader] as string | undefined), loaders: createLoaders(reads) };
  };

  const health = databaseHealth(options.databaseUrl, { pool: poolWatchOf(options.databaseUrl) });
  const pruning = startSearchWordsPruning(await orm.em.getConnection().getNativeClient(), { intervalMs: pruneMs, log: observability.log });
  const http = createHttpServer(
    [
      { path: '/graphql', server: subgraph, context },
      { path: '/internal/graphql', server: internal, context },
    ],
    {
      verifySignature: options.secret ? createSignatureVerifier(network, options.secret, { nonces, previousSecret: options.previousSecret }) : undefined,
      healthy: health.reachable,
      observability,
      fetchNames: true,
    },
  );
  return {
    network,
    http,
    orm,
    sql: counter,
    documents,
    knownWords: known,
    observability,
    async stop() {
      await Promise.all([subgraph.stop(), internal.stop()]);
      await pruning.stop();
      await health.close();
      await orm.close(true);
      await observability.shutdown();
      await nonces?.close();
    },
  };
}
