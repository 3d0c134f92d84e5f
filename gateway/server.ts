import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { apolloServerOptions, withoutApolloDefaults } from '../shared/apollo-plugins.ts';
import { createObservability, currentScope, observabilityPlugin, type Observability, type ObservabilityConfig } from '../shared/observability.ts';
import { createHttpServer, requestIdOf } from '../shared/http.ts';
import type { Identity } from '../shared/identity.ts';
import { createTokenVerifier, createVerifier, type AuthConfig } from './auth.ts';
import { attachmentRoutes, type UploadLimits } from './attachments.ts';
import { gatewayHealth } from './health.ts';
import { calendarRoutes } from './calendar.ts';
import { exportRoutes } from './exports.ts';
import { memberExportRoutes } from './member-export.ts';
import { boothExportRoutes } from './booth-exports.ts';
import { withRequestIds } from './graph-routes.ts';
import { gatewayFormatError, requestIdPlugin } from './errors.ts';
import type { AdmittedOperation } from './document-analysis.ts';
import { inputChecksPlugin } from './input-checks.ts';
import { installIntrospectionFields } from './introspection.ts';
import { withPortal } from './portal.ts';
import { corsCheck } from './cors.ts';
import type { OperationLimits } from './limits.ts';
import { createPolicy, operationRequest, withRequestId } from './policy.ts';
import { analysisShare, operationCaches, type OperationCaches } from '../shared/operation-caches.ts';
import { defaultAnonymousRateLimits, defaultTokenFailuresPerMinute, inProcessLimiters, redisLimiters, type RateLimits } from './rate-limit.ts';
import { loadPortalOperations, persistedQueryCache, type Safelist } from './safelist.ts';
import { installResultShaping } from './result-shaping.ts';
import { installOperationReuse } from './operation-reuse.ts';
import { installQuietApolloSpans } from './apollo-spans.ts';
import { SubgraphSource } from './subgraph-source.ts';
import { supergraphManager, type SupergraphFile } from './supergraph.ts';
import { createTokenExchange, tokenRoute } from './token-exchange.ts';
import { createRequestVerifier, defaultSessionOptions, portalSessions, SignedOutSessions, withSessionRenewal, type SessionOptions } from './sessions.ts';

export interface GatewayOptions {
  supergraphSdl: string;
  /** The file `supergraphSdl` was read from (SUPERGRAPH_PATH, --supergraph): reloaded without a restart when it changes. */
  supergraphFile?: SupergraphFile;
  /** URL of each subgraph by its supergraph name (niwe, linat, konat, region); defaults to the URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  auth: AuthConfig;
  /** Secret shared with each subgraph by its supergraph name; undefined sends unsigned requests (ALLOW_UNSIGNED=1). */
  subgraphSecrets: Record<string, string | undefined>;
  /**
   * NODE_ENV=production: no introspection (unless `introspection`), no field suggestions, subgraph details stripped.
   * The API schema is published as SDL at /graphql/schema.graphql in every mode (gateway/portal.ts).
   */
  production: boolean;
  introspection: boolean;
  limits: OperationLimits;
  rateLimits: RateLimits;
  /** Per client address, for callers without a token (ANONYMOUS_REQUESTS_PER_MINUTE, ANONYMOUS_COST_PER_MINUTE). */
  anonymousRateLimits?: RateLimits;
  /** Proxies in front of the gateway whose X-Forwarded-For names the client (TRUSTED_PROXIES); none by default. */
  trustedProxies?: string[];
  /** Wrong API keys per client address and minute at /auth/token (TOKEN_FAILURES_PER_MINUTE). */
  tokenFailuresPerMinute?: number;
  /** Redis shared by every replica for the rate limits (RATE_LIMIT_REDIS_URL); undefined counts in this process. */
  rateLimitRedisUrl?: string;
  safelist: Safelist | undefined;
  /** Largest inquiry attachment accepted (ATTACHMENT_MAX_BYTES). */
  attachmentMaxBytes: number;
  /** Upload bodies held at once, and uploads per caller (UPLOAD_MEMORY_BYTES, UPLOADS_PER_CALLER); derived from attachmentMaxBytes when absent. */
  uploads?: UploadLimits;
  /** Portal sessions: login limits, whether cookies are Secure, how often a session is renewed (gateway/sessions.ts). */
  sessions?: SessionOptions;
  /** Heap megabytes for parsed operations and query plans together (OPERATION_CACHE_MB); see shared/operation-caches.ts. */
  operationCacheMb: number;
  /** Time budget of each call to a subgraph (SUBGRAPH_TIMEOUT_MS); default defaultSubgraphTimeoutMs. */
  subgraphTimeoutMs?: number;
  /** Origins of partners' browser apps that may call /graphql and /auth/token (CORS_ORIGINS, gateway/cors.ts); none by default. */
  corsOrigins?: string[];
  /** Logs, metrics and traces (LOG_LEVEL, METRICS_*, OTEL_EXPORTER_OTLP_*); defaults: info, no metrics listener, no tracing. */
  observability?: ObservabilityConfig;
}

export interface GatewayContext {
  identity: Identity;
  /** Sent to the client in the x-request-id header and extensions.requestId of every error; logged with every masked error. */
  requestId: string;
  /** What the policy admitted at /graphql, so that the input checks need not look its analysis up again. */
  admitted?: AdmittedOperation;
}

export interface GatewayService {
  http: Server;
  /** Requests sent to each subgraph so far; tests and the benchmark read it. */
  subgraphCalls: Map<string, number>;
  /** Entity representations the query plans asked for so far, and those sent once repeats were collapsed. */
  representations: { asked: number; sent: number };
  /** Parsed operations and query plans kept; tests read them. */
  caches: OperationCaches;
  observability: Observability;
  stop(): Promise<void>;
}

/**
 * Region waits up to NETWORK_TIMEOUT_MS (2 s) for the networks and then answers in part, so the gateway's
 * budget leaves it room for that and its own work; Q3 (findSuppliers, 10,000 members per network) took
 * ~90 ms alone and stays far below it under the benchmark's load.
 */
export const defaultSubgraphTimeoutMs = 10_000;

export async function createGatewayService(options: GatewayOptions): Promise<GatewayService> {
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? defaultSubgraphTimeoutMs;
  const observability = await createObservability('gateway', options.observability);
  const subgraphCalls = new Map<string, number>();
  const representations = { asked: 0, sent: 0 };
  const caches = operationCaches(options.operationCacheMb);
  // The portal sends its operations by hash only; its build's manifest needs no configuration.
  const persisted = persistedQueryCache([options.safelist, loadPortalOperations()]);
  const shared = options.rateLimitRedisUrl ? redisLimiters(options.rateLimitRedisUrl, (line) => observability.log.warn(line)) : undefined;
  await shared?.connected;
  const policy = createPolicy({
    limits: options.limits,
    partnerRateLimits: options.rateLimits,
    anonymousRateLimits: options.anonymousRateLimits ?? defaultAnonymousRateLimits,
    tokenFailuresPerMinute: options.tokenFailuresPerMinute ?? defaultTokenFailuresPerMinute,
    safelist: options.safelist,
    persistedQuery: (id) => persisted.get(id),
    trustedProxies: options.trustedProxies,
    limiters: shared?.limiters,
    analysisCacheMb: options.operationCacheMb * analysisShare,
  });
  // @apollo/gateway starts an OpenTelemetry exporter in its constructor unless this is set: it probed
  // cloud metadata addresses (169.254.169.254, metadata.google.internal) at once and sent usage to
  // Apollo's servers. Set here, where every gateway is built (npm start, alone, tests, benchmark).
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  installResultShaping();
  installOperationReuse();
  installQuietApolloSpans();
  installIntrospectionFields();
  /** Each subgraph's source, as @apollo/gateway last built it (again on a supergraph reload). */
  const sources = new Map<string, SubgraphSource>();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphManager(options.supergraphSdl, options.supergraphFile, new Set(Object.keys(options.subgraphSecrets)), observability.log),
    queryPlannerConfig: { cache: caches.plans },
    // A supergraph is checked once, by supergraphProblem: the file at start (gateway/index.ts) and each reload
    // (gateway/supergraph.ts). Left to its default, @apollo/gateway checked each once more outside production
    // (0.2 of the 0.3 s it takes to read ours) and the file at start not at all under NODE_ENV=production.
    validateSupergraph: false,
    buildService: ({ name, url }) => {
      const source = new SubgraphSource({
        name,
        url: options.subgraphUrls[name] ?? url!,
        secret: options.subgraphSecrets[name],
        onRequest: () => subgraphCalls.set(name, (subgraphCalls.get(name) ?? 0) + 1),
        onRepresentations: (asked, sent) => {
          representations.asked += asked;
          representations.sent += sent;
        },
        timeoutMs: subgraphTimeoutMs,
      });
      sources.set(name, source);
      return source;
    },
  });
  // The schema file GraphiQL and partners read follows a reloaded supergraph.
  let supergraphSdl = options.supergraphSdl;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    supergraphSdl = coreSupergraphSdl;
  });
  const server = new ApolloServer<GatewayContext>({
    ...apolloServerOptions,
    gateway,
    formatError: gatewayFormatError(options.production),
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    hideSchemaDetailsFromClientErrors: options.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: options.limits.tokens },
    documentStore: caches.documents,
    persistedQueries: { cache: persisted },
    plugins: [...withoutApolloDefaults(), requestIdPlugin, policy.plugin, inputChecksPlugin(policy.analyses), observabilityPlugin],
  });
  await server.start();

  const verifyToken = createTokenVerifier(options.auth);
  // Bearer tokens as before; else the portal's session cookie, with its CSRF token on writes.
  const signedOut = new SignedOutSessions();
  const verify = createRequestVerifier(createVerifier(options.auth), verifyToken, signedOut);
  // Identity and policy are settled here, before Apollo parses or validates anything; a refusal carries the request id like every other error.
  const context = async (req: IncomingMessage, http: { method: string; body: unknown; search: string }): Promise<GatewayContext> => {
    const requestId = requestIdOf(req) ?? randomUUID();
    // The request's log line names it too, so a client's requestId leads to the trace id that joins the services' lines.
    const scope = currentScope();
    if (scope) scope.requestId = requestId;
    try {
      const identity = await verify(req);
      const admitted = await policy.admitOperation(policy.caller(identity, req), operationRequest(http));
      return { identity, requestId, admitted };
    } catch (error) {
      throw withRequestId(error, requestId);
    }
  };
  const exchangeToken = createTokenExchange({
    regionInternalUrl: new URL('/internal/graphql', options.subgraphUrls.region).toString(),
    regionSecret: options.subgraphSecrets.region,
    auth: options.auth,
  });
  const sessions = portalSessions(policy, verifyToken, {
    ...(options.sessions ?? defaultSessionOptions),
    regionInternalUrl: new URL('/internal/graphql', options.subgraphUrls.region).toString(),
    regionSecret: options.subgraphSecrets.region,
    auth: options.auth,
    production: options.production,
    limiters: shared?.limiters ?? inProcessLimiters,
    trustedProxies: options.trustedProxies ?? [],
    signedOut,
  });
  let ready = true;
  const regionHealth = gatewayHealth(options.subgraphUrls.region, Math.min(subgraphTimeoutMs, 2000), {
    refused: () => sources.get('region')?.refusesSignature ?? false,
    check: (timeoutMs) => sources.get('region')?.checkSignature(timeoutMs) ?? Promise.resolve(false),
  });
  return {
    http: withSessionRenewal(
      withPortal(
        createHttpServer([{ path: '/graphql', server, context }], {
          healthy: () => (ready ? regionHealth() : 'stopping'),
          observability,
          requestIds: true,
          cors: corsCheck(options.corsOrigins ?? []),
          plainRoutes: withRequestIds([
            tokenRoute(policy, exchangeToken),
            ...sessions.routes,
            ...exportRoutes(server, verify, policy, () => gateway.schema),
            ...memberExportRoutes(server, verify, policy),
            ...boothExportRoutes(server, verify, policy),
            ...calendarRoutes(server, verify, policy),
            ...attachmentRoutes(verify, policy, server, {
              regionUrl: options.subgraphUrls.region,
              regionSecret: options.subgraphSecrets.region,
              maxBytes: options.attachmentMaxBytes,
              uploads: options.uploads,
            }),
          ]),
        }),
        { supergraphSdl: () => supergraphSdl },
      ),
      sessions.renew,
    ),
    subgraphCalls,
    representations,
    caches,
    observability,
    async stop() {
      ready = false;
      await server.stop();
      await shared?.close();
      await observability.shutdown();
    },
  };
}
