import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { expect, inject } from 'vitest';
import { loadConfig as gatewayConfig } from '../../gateway/index.ts';
import { createGatewayService, type GatewayService } from '../../gateway/server.ts';
import type { OperationLimits } from '../../gateway/limits.ts';
import type { RateLimits } from '../../gateway/rate-limit.ts';
import type { Env } from '../../shared/config.ts';
import { close, listen } from '../../shared/http.ts';
import type { ObservabilityConfig } from '../../shared/observability.ts';
import { networks, regionService, serviceDatabase, subgraphNames } from '../../shared/networks.ts';
import { ensureDatabase } from '../../shared/postgres.ts';
import { loadConfig as networkConfig } from '../../subgraphs/network/index.ts';
import { createNetworkService, type NetworkService } from '../../subgraphs/network/server.ts';
import { loadConfig as regionConfig } from '../../subgraphs/region/index.ts';
import { createRegionService, type RegionService } from '../../subgraphs/region/server.ts';
import { startHostsStack } from './hosts.ts';

// The whole graph for one test file: fresh databases on the test PostgreSQL,
// every service on a real HTTP port 0, the gateway on the committed supergraph.
// Each service gets its configuration from its own loadConfig, as in production,
// from an environment written here; only what no variable says is overridden.

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** The data of a response that must have succeeded; the errors are shown when it did not. */
export async function ok(res: GraphQLResponse | Promise<GraphQLResponse>) {
  const r = await res;
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

export interface Stack {
  gatewayUrl: string;
  networkUrls: Record<string, string>;
  regionUrl: string;
  regionDatabaseUrl: string;
  /** Region's attachment store, a fresh temporary directory. */
  attachmentsDir: string;
  /** The secret each subgraph of this stack verifies requests with, by the gateway's name for it (niwe, …, region). */
  subgraphSecrets: Record<string, string>;
  /** Region's key for webhook secrets at rest. */
  webhookKey: Buffer;
  networks: Map<string, NetworkService>;
  region: RegionService;
  gateway: GatewayService;
  /** Another gateway on the same subgraphs and options, as a second replica; stopped with the stack. */
  startGatewayReplica(): Promise<{ gatewayUrl: string; gateway: GatewayService }>;
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** A token signed with the gateway's key: iat now, exp in 1 h, sub from role, network and memberId unless the claims give them. */
  token(claims: Record<string, unknown>): Promise<string>;
  /** Stops one network's HTTP server, to see how the rest copes. */
  stopNetwork(code: string): Promise<void>;
  stopRegion(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  networkTimeoutMs?: number;
  /** The gateway as under NODE_ENV=production. */
  production?: boolean;
  introspection?: boolean;
  limits?: Partial<OperationLimits>;
  rateLimits?: Partial<RateLimits>;
  /** Per client address for callers without a token; by default none, since every test request comes from 127.0.0.1. */
  anonymousRateLimits?: Partial<RateLimits>;
  /** The gateway's TRUSTED_PROXIES. */
  trustedProxies?: string;
  tokenFailuresPerMinute?: number;
  /** Path of a persisted-operation manifest (PERSISTED_OPERATIONS). */
  manifest?: string;
  /** Starts region's webhook dispatcher, polling every 50 ms with short backoffs. */
  dispatcher?: boolean;
  attachmentMaxBytes?: number;
  /** Region's SEARCH_COUNT_LIMIT (default 200). */
  searchCountLimit?: number | null;
  /** Region's KNOWN_MEMBERS_TTL_MS (default ten minutes); 0 asks the member's network every time. */
  knownMembersTtlMs?: number;
  /** The gateway's OPERATION_CACHE_MB. */
  operationCacheMb?: number;
  /** The gateway's SUBGRAPH_TIMEOUT_MS. */
  subgraphTimeoutMs?: number;
  /** The gateway's RATE_LIMIT_REDIS_URL: limits counted in that Redis, shared with replicas. */
  rateLimitRedisUrl?: string;
  /** The gateway's SESSION_RENEWAL_S: how long a portal session token lives before region is asked to renew it. */
  sessionRenewalSeconds?: number;
  /** Every service's LOG_LEVEL (warn unless given), METRICS_TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT and the like. */
  observability?: Env;
  /** Where every service writes its log lines, instead of standard output. */
  logDestination?: ObservabilityConfig['logDestination'];
  /** A network's own secret, other than the one region and the gateway sign its requests with (changed at one side only). */
  ownSecrets?: Partial<Record<string, string>>;
  /** With ownSecrets: each such network also takes the callers' secret as its previous one (a change under way). */
  previousSecrets?: boolean;
  /** The secrets the gateway signs a subgraph's requests with, other than the subgraph's own (changed at the gateway only). */
  gatewaySecrets?: Partial<Record<string, string>>;
}

/** Stack.query against the gateway at `gatewayUrl` (…/graphql): the HTTP status and the GraphQL answer. */
export function gatewayQuery(gatewayUrl: string): Stack['query'] {
  return async (query, variables, token) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
}

/** Signs tokens for a gateway with HS256 key `secret`: iat now, exp in 1 h, sub from role, network and memberId unless the claims give them. */
export function tokenSigner(secret: string): Stack['token'] {
  return (claims) => {
    const sub = (claims.sub as string | undefined) ?? [claims.role, claims.network, claims.memberId].filter(Boolean).join('-');
    const jwt = new SignJWT({ ...claims, sub }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
    return (claims.exp === undefined ? jwt.setExpirationTime('1h') : jwt).sign(new TextEncoder().encode(secret));
  };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // The vitest project hosts runs the same test bodies with every service on a host of its own (test/support/hosts.ts).
  if (process.env.TEST_STACK === 'hosts') return startHostsStack(options);
  const postgresUrl = inject('postgresUrl');
  const templates = inject('templates');
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(32).toString('hex');
  // One secret per service, as under npm start: a request signed for one service is no good at another.
  const subgraphSecrets = Object.fromEntries(subgraphNames().map((name) => [name, randomBytes(32).toString('hex')]));
  const secretVariables = Object.fromEntries(Object.entries(subgraphSecrets).map(([name, value]) => [`${name.toUpperCase()}_SUBGRAPH_SECRET`, value]));
  const given = (name: string, value: number | string | undefined): Env => (value === undefined ? {} : { [name]: String(value) });
  // A test's request lines would bury its output; warnings and errors still show.
  const observabilityEnv: Env = { LOG_LEVEL: 'warn', ...options.observability };
  const observed = (config: ObservabilityConfig | undefined) =>
    config && options.logDestination ? { ...config, logDestination: options.logDestination } : config;

  // A start that fails part way stops what it had started: a test worker runs file after file in one process
  // (vitest.config.ts), where a service left listening would stay for every file after.
  const undo: (() => Promise<unknown>)[] = [];
  const undoAll = async (error: unknown): Promise<never> => {
    for (const step of undo.reverse()) await step().catch(() => {});
    throw error;
  };

  try {
    const networkServices = new Map<string, NetworkService>();
    const networkUrls: Record<string, string> = {};
    // Settled, not all: undone only once every network has started or failed, none starting on after it.
    const networkStarts = await Promise.allSettled(
      networks.map(async (n) => {
        const databaseUrl = await ensureDatabase(postgresUrl, serviceDatabase(n.code, prefix), { template: templates?.network });
        const own = options.ownSecrets?.[n.code];
        const callers = secretVariables[`${n.code}_SUBGRAPH_SECRET`];
        const previous = own && options.previousSecrets ? { [`${n.code}_SUBGRAPH_SECRET_PREVIOUS`]: callers } : {};
        const secrets = own ? { ...secretVariables, [`${n.code}_SUBGRAPH_SECRET`]: own, ...previous } : secretVariables;
        const config = networkConfig({ NETWORK: n.code, DATABASE_URL: databaseUrl, ...secrets, ...observabilityEnv });
        const service = await createNetworkService({ ...config.network, observability: observed(config.network.observability) });
        networkServices.set(n.code, service);
        undo.push(() => service.stop());
        networkUrls[n.code] = await listen(service.http, 0);
        undo.push(() => close(service.http));
      }),
    );
    const failedNetwork = networkStarts.find((start) => start.status === 'rejected');
    if (failedNetwork) throw failedNetwork.reason;
    const networkUrlVariables = Object.fromEntries(Object.entries(networkUrls).map(([code, url]) => [`${code}_URL`, url]));
    const webhookKey = randomBytes(32);
    const regionDatabaseUrl = await ensureDatabase(postgresUrl, serviceDatabase(regionService.name, prefix), { template: templates?.region });
    const attachmentsDir = await mkdtemp(join(tmpdir(), 'irm-attachments-'));
    undo.push(() => rm(attachmentsDir, { recursive: true, force: true }));
    const regionEnv: Env = {
      REGION_DATABASE_URL: regionDatabaseUrl,
      ...networkUrlVariables,
      ...secretVariables,
      WEBHOOK_KEY: webhookKey.toString('hex'),
      ATTACHMENTS_DIR: attachmentsDir,
      WEBHOOK_ALLOW_LOOPBACK: '1',
      // The dispatcher, when a test starts it, polls every 50 ms with short backoffs.
      WEBHOOK_POLL_MS: '50',
      WEBHOOK_BACKOFF_MS: '100',
      WEBHOOK_MAX_ATTEMPTS: '5',
      // Uploads are not refused for the disk's free space, which is the machine's and not the test's (a shared /tmp
      // with less than ATTACHMENTS_MIN_FREE_BYTES' 1 GiB would fail every upload test); test/upload-disk.e2e.ts sets it.
      ATTACHMENTS_MIN_FREE_BYTES: '0',
      ...given('NETWORK_TIMEOUT_MS', options.networkTimeoutMs),
      ...given('ATTACHMENT_MAX_BYTES', options.attachmentMaxBytes),
      ...given('SEARCH_COUNT_LIMIT', options.searchCountLimit === null ? 0 : options.searchCountLimit),
      ...given('KNOWN_MEMBERS_TTL_MS', options.knownMembersTtlMs),
      ...observabilityEnv,
    };
    const regionOptions = regionConfig(regionEnv).region;
    const region = await createRegionService({
      ...regionOptions,
      observability: observed(regionOptions.observability),
      inquiries: { ...regionOptions.inquiries, dispatcher: options.dispatcher ? regionOptions.inquiries!.dispatcher : null },
    });
    undo.push(() => region.stop());
    const regionUrl = await listen(region.http, 0);
    undo.push(() => close(region.http));

    const gatewayOptions = gatewayConfig({
      JWT_SECRET: secret,
      REGION_URL: regionUrl,
      ...networkUrlVariables,
      ...secretVariables,
      ...Object.fromEntries(Object.entries(options.gatewaySecrets ?? {}).map(([name, value]) => [`${name.toUpperCase()}_SUBGRAPH_SECRET`, value])),
      ...given('NODE_ENV', options.production ? 'production' : undefined),
      ...given('PERSISTED_OPERATIONS', options.manifest),
      ...given('TOKEN_FAILURES_PER_MINUTE', options.tokenFailuresPerMinute),
      ...given('ATTACHMENT_MAX_BYTES', options.attachmentMaxBytes),
      ...given('OPERATION_CACHE_MB', options.operationCacheMb),
      ...given('SUBGRAPH_TIMEOUT_MS', options.subgraphTimeoutMs),
      ...given('TRUSTED_PROXIES', options.trustedProxies),
      ...given('RATE_LIMIT_REDIS_URL', options.rateLimitRedisUrl),
      ...given('SESSION_RENEWAL_S', options.sessionRenewalSeconds),
      ...observabilityEnv,
    }).gateway;
    const gateways: GatewayService[] = [];
    const startGateway = async () => {
      const gateway = await createGatewayService({
        ...gatewayOptions,
        observability: observed(gatewayOptions.observability),
        introspection: options.introspection ?? gatewayOptions.introspection,
        limits: { ...gatewayOptions.limits, ...options.limits },
        rateLimits: { ...gatewayOptions.rateLimits, ...options.rateLimits },
        // Every test request comes from 127.0.0.1: no limit per address unless a test sets one.
        anonymousRateLimits: { requestsPerMinute: 1_000_000, costPerMinute: 1_000_000_000, ...options.anonymousRateLimits },
      });
      gateways.push(gateway);
      return { gateway, gatewayUrl: `${await listen(gateway.http, 0)}/graphql` };
    };
    undo.push(async () => {
      for (const replica of gateways) {
        await close(replica.http).catch(() => {});
        await replica.stop();
      }
    });
    const { gateway, gatewayUrl } = await startGateway();

    const stopped = new Set<string>();
    return {
      gatewayUrl,
      networkUrls,
      regionUrl,
      regionDatabaseUrl,
      attachmentsDir,
      subgraphSecrets,
      webhookKey,
      networks: networkServices,
      region,
      gateway,
      startGatewayReplica: startGateway,
      query: gatewayQuery(gatewayUrl),
      token: tokenSigner(secret),
      async stopNetwork(code) {
        stopped.add(code);
        await close(networkServices.get(code)!.http);
      },
      async stopRegion() {
        stopped.add('region');
        await close(region.http);
      },
      async stop() {
        for (const replica of gateways) {
          await close(replica.http);
          await replica.stop();
        }
        if (!stopped.has('region')) await close(region.http);
        await region.stop();
        for (const service of networkServices.values()) {
          if (!stopped.has(service.network)) await close(service.http);
          await service.stop();
        }
        await rm(attachmentsDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    return undoAll(error);
  }
}
