import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, Server } from 'node:http';
import { resolve } from 'node:path';
import { Kind } from 'graphql';
import { defaultAttachmentMaxBytes } from '../../shared/config.ts';
import { apolloServerOptions, withoutApolloDefaults } from '../../shared/apollo-plugins.ts';
import { createObservability, observabilityPlugin, type Observability, type ObservabilityConfig } from '../../shared/observability.ts';
import { watchOutbox } from './outbox-metrics.ts';
import { lostDatabaseWritesPlugin, regionFormatError } from '../../shared/database-errors.ts';
import { createHttpServer } from '../../shared/http.ts';
import { databaseHealth, defaultQueryTimeoutMs, limitStatements, poolWatchOf } from '../../shared/pg-connection.ts';
import { decodeIdentity, identityHeader } from '../../shared/identity.ts';
import { dataPaths, networks } from '../../shared/networks.ts';
import { documentStore, subgraphDocumentCacheMb } from '../../shared/operation-caches.ts';
import { createSignatureVerifier } from '../../shared/signature.ts';
import { redisNonceStore } from '../../shared/nonce-store.ts';
import { requestState, type RegionContext } from './context.ts';
import { RegionWords } from './members/known-words.ts';
import { KnownMembers } from './known-members.ts';
import { NetworkClient } from './network-client.ts';
import { attachmentRoute, defaultInquiryQuota, type InquiryQuota } from './inquiries/attachments.ts';
import { defaultFileStoreLimits, prepareAttachmentsDir, uploadMemory, type FileStoreLimits } from './files.ts';
import { defaultDispatcherOptions, startDispatcher, type Dispatcher, type DispatcherOptions } from './inquiries/dispatcher.ts';
import { initRegionOrm } from './orm.ts';
import { minutesRoute } from './working-groups/minutes.ts';
import type { SqlCounter } from '../../shared/orm.ts';
import type { MikroORM } from '@mikro-orm/postgresql';
import { regionInternalModule, regionModules } from './schema.ts';
import { cachedSubgraphSchema } from '../../shared/subgraph-schema.ts';

export interface RegionOptions {
  /** Region's own database: the capacity exchange, partners' API keys and what else crosses networks. */
  databaseUrl: string;
  /** Base URL of each network service by code, e.g. { NIWE: 'http://localhost:4001' }. */
  networkUrls: Record<string, string>;
  /** Time budget for each call to a network. */
  networkTimeoutMs: number;
  /** Secret this service verifies requests with; undefined accepts unsigned requests (ALLOW_UNSIGNED=1). */
  secret: string | undefined;
  /** The secret before a change, accepted beside `secret` until every caller signs with the new one (REGION_SUBGRAPH_SECRET_PREVIOUS). */
  previousSecret?: string;
  /** REPLAY_REDIS_URL: nonces of signed requests remembered in this Redis, so a request replayed to another replica is refused too; else in the process. */
  replayRedisUrl?: string;
  /** Secret region signs its calls to each network with, by code. */
  networkSecrets: Record<string, string | undefined>;
  /** AES-256 key that seals webhook secrets at rest (WEBHOOK_KEY or DATA_DIR/webhook-key). */
  webhookKey: Buffer;
  /** Logs, metrics and traces (LOG_LEVEL, METRICS_*, OTEL_EXPORTER_OTLP_*); defaults: info, no metrics listener, no tracing. */
  observability?: ObservabilityConfig;
  /** SQL_DEBUG=1: every SQL statement logged. */
  sqlDebug?: boolean;
  /** DATABASE_QUERY_TIMEOUT_MS: how long a statement may go unanswered before its connection is given up (0: no limit). Default 30 s. */
  queryTimeoutMs?: number;
  /** Hits each network counts per member search before totalCount and facets become lower bounds; null counts all (default 200). */
  searchCountLimit?: number | null;
  /** How long region takes a member its network found as existing (KNOWN_MEMBERS_TTL_MS, default ten minutes); 0 asks every time. */
  knownMembersTtlMs?: number;
  /** Customer inquiries: attachment store, webhook targets, the outbox dispatcher (off when absent). */
  inquiries?: Partial<InquiryOptions>;
}

export interface InquiryOptions extends Partial<FileStoreLimits>, Partial<InquiryQuota> {
  /** Directory of the attachment files (ATTACHMENTS_DIR). */
  attachmentsDir: string;
  /** Largest attachment (ATTACHMENT_MAX_BYTES); the store's limits and the inquiry's quota left out are derived from it. */
  attachmentMaxBytes: number;
  allowLoopbackWebhooks: boolean;
  /** Polls the outbox and delivers webhooks; null leaves it off (tests start it where they need it). */
  dispatcher: Omit<DispatcherOptions, 'allowLoopback' | 'webhookKey'> | null;
}

/**
 * Enough to count any network of this region exactly (NIWE has about 60 members, the demo networks 40-80),
 * and more hits than anyone pages through (20 pages of 10) before narrowing the search; past it the count
 * says "at least". It bounds the work of a broad search in a large network: counting up to 1,000 hits cost
 * a network of 10,000 members 2.2-3.1 ms of CPU per search over the page alone (6.96-7.05 against
 * 3.82-4.89 ms), up to 200 about 0.7 (4.6 against 3.88, one run; page-only runs scatter by 1 ms, so 100
 * was not told apart from 200), and the benchmark's search shape 30.4 ms of the stack's CPU per request
 * with 1,000, 27.1 with 200 (portal 22.4 and 19.7; bench/search-cpu.ts, bench/README).
 */
export const defaultSearchCountLimit = 200;

export const defaultInquiryOptions: InquiryOptions = {
  // index.ts passes DATA_DIR's or ATTACHMENTS_DIR; this is the folder under the default DATA_DIR.
  attachmentsDir: resolve(dataPaths.defaultDataDir, dataPaths.attachments),
  attachmentMaxBytes: defaultAttachmentMaxBytes,
  allowLoopbackWebhooks: false,
  dispatcher: null,
};

export interface RegionService {
  http: Server;
  clients: Map<string, NetworkClient>;
  orm: MikroORM;
  sql: SqlCounter;
  /** The outbox dispatcher, when started. */
  dispatcher: Dispatcher | null;
  observability: Observability;
  stop(): Promise<void>;
}

/** Adds the errors of networks that did not answer to an otherwise good response. */
const partialErrorsPlugin: ApolloServerPlugin<RegionContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.partialErrors.length === 0) return;
        const result = response.body.singleResult;
        const seen = new Set<string>();
        const extra = contextValue.partialErrors
          .filter((e) => !seen.has(e.message) && seen.add(e.message))
          .map((e) => ({ message: e.message, ...(e.path && { path: e.path }), extensions: e.extensions }));
        result.errors = [...(result.errors ?? []), ...extra];
      },
    };
  },
};

/**
 * Tells the resolvers whether they serve a mutation and whether it names an idempotency key (RegionContext.mutation,
 * keyed), before any of them runs.
 */
const operationKindPlugin: ApolloServerPlugin<RegionContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue, request }) {
        contextValue.mutation = operation?.operation === 'mutation';
        contextValue.keyed =
          contextValue.mutation &&
          operation!.selectionSet.selections.some(
            (field) =>
              field.kind === Kind.FIELD &&
              field.arguments?.some(
                (a) =>
                  a.name.value === 'idempotencyKey' &&
                  (a.value.kind === Kind.VARIABLE ? request.variables?.[a.value.name.value] != null : a.value.kind !== Kind.NULL),
              ),
          );
      },
    };
  },
};

export async function createRegionService(options: RegionOptions): Promise<RegionService> {
  const clients = new Map(
    networks.map((n) => {
      const url = options.networkUrls[n.code];
      if (!url) throw new Error(`No URL configured for network ${n.code}.`);
      return [n.code, new NetworkClient(n.code, url, options.networkTimeoutMs, options.networkSecrets[n.code])];
    }),
  );
  const given = { ...defaultInquiryOptions, ...options.inquiries };
  // The store's limits and the inquiry's quota follow the largest file unless given.
  const inquiries = { ...defaultFileStoreLimits(given.attachmentMaxBytes), ...defaultInquiryQuota(given.attachmentMaxBytes), ...given };
  // The schemas first: they need no database, which `npm start` sets up meanwhile (shared/processes.ts).
  const server = new ApolloServer<RegionContext>({
    schema: cachedSubgraphSchema(regionModules()),
    // The gateway sends a new operation here for every new selection of a client's operation, whatever the client
    // named it (gateway/subgraph-source.ts); kept from its second request on (shared/operation-caches.ts).
    documentStore: documentStore(subgraphDocumentCacheMb),
    ...apolloServerOptions,
    formatError: regionFormatError,
    includeStacktraceInErrorResponses: false,
    plugins: [operationKindPlugin, partialErrorsPlugin, lostDatabaseWritesPlugin, ...withoutApolloDefaults(), observabilityPlugin],
  });
  const internal = new ApolloServer<RegionContext>({
    schema: cachedSubgraphSchema([regionInternalModule]),
    ...apolloServerOptions,
    formatError: regionFormatError,
    includeStacktraceInErrorResponses: false,
    plugins: [...withoutApolloDefaults(), observabilityPlugin],
  });
  await Promise.all([server.start(), internal.start()]);
  const { orm, counter } = await initRegionOrm(options.databaseUrl, options.webhookKey, options.sqlDebug);
  limitStatements(options.databaseUrl, options.queryTimeoutMs ?? defaultQueryTimeoutMs);
  const observability = await createObservability('region', options.observability);
  observability.metrics.watchPool(await orm.em.getConnection().getNativeClient());
  watchOutbox(observability.metrics, orm, inquiries.dispatcher?.maxAttempts ?? defaultDispatcherOptions.maxAttempts);

  const knownMembers = new KnownMembers({ ttlMs: options.knownMembersTtlMs });
  const regionWords = new RegionWords();
  const context = async (req: IncomingMessage): Promise<RegionContext> => {
    const header = req.headers[identityHeader] as string | undefined;
    const em = orm.em.fork();
    const identity = decodeIdentity(header);
    return {
      em,
      ...requestState(em, identity),
      identity,
      identityHeader: header,
      client: (code) => clients.get(code)!,
      knownMembers,
      regionWords,
      mutation: false,
      keyed: false,
      partialErrors: [],
      allowLoopbackWebhooks: inquiries.allowLoopbackWebhooks,
      webhookKey: options.webhookKey,
      searchCountLimit: options.searchCountLimit === undefined ? defaultSearchCountLimit : options.searchCountLimit,
    };
  };
  const routes = [
    { path: '/graphql', server, context },
    { path: '/internal/graphql', server: internal, context },
  ];
  const dispatcher = inquiries.dispatcher
    ? startDispatcher(orm, { ...inquiries.dispatcher, allowLoopback: inquiries.allowLoopbackWebhooks, webhookKey: options.webhookKey, log: observability.log })
    : null;
  const nonces = options.replayRedisUrl ? redisNonceStore(options.replayRedisUrl) : undefined;
  await nonces?.connected;
  const verifySignature = options.secret ? createSignatureVerifier('region', options.secret, { nonces, previousSecret: options.previousSecret }) : undefined;
  // A meeting's minutes lie in the same store as inquiries' drawings (working-groups/minutes.ts).
  const store = {
    orm,
    dir: inquiries.attachmentsDir,
    maxBytes: inquiries.attachmentMaxBytes,
    verifySignature,
    memory: uploadMemory(inquiries.uploadMemoryBytes),
    minFreeBytes: inquiries.attachmentsMinFreeBytes,
  };
  await prepareAttachmentsDir(store.dir);
  const health = databaseHealth(options.databaseUrl, { pool: poolWatchOf(options.databaseUrl) });
  return {
    http: createHttpServer(routes, {
      verifySignature,
      plainRoutes: [attachmentRoute(store, inquiries), minutesRoute(store)],
      healthy: health.reachable,
      observability,
      fetchNames: true,
    }),
    clients,
    orm,
    sql: counter,
    dispatcher,
    observability,
    async stop() {
      await dispatcher?.stop();
      await Promise.all([server.stop(), internal.stop()]);
      await health.close();
      await orm.close(true);
      await observability.shutdown();
      await nonces?.close();
    },
  };
}
