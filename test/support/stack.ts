import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { expect, inject } from 'vitest';
import { createGatewayService, type GatewayService } from '../../gateway/server.ts';
import { supergraphPath } from '../../gateway/supergraph.ts';
import { defaultLimits, type OperationLimits } from '../../gateway/limits.ts';
import { defaultRateLimits, type RateLimits } from '../../gateway/rate-limit.ts';
import { loadSafelist } from '../../gateway/safelist.ts';
import { defaultOperationCacheMb } from '../../shared/operation-caches.ts';
import { defaultAttachmentMaxBytes } from '../../shared/config.ts';
import { close, listen } from '../../shared/http.ts';
import { networks } from '../../shared/networks.ts';
import { ensureDatabase } from '../../shared/postgres.ts';
import { createNetworkService, type NetworkService } from '../../subgraphs/network/server.ts';
import { createRegionService, type RegionService } from '../../subgraphs/region/server.ts';

// The whole graph for one test file: fresh databases on the test PostgreSQL,
// every service on a real HTTP port 0, the gateway on the committed supergraph.

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
  tokenFailuresPerMinute?: number;
  /** Path of a persisted-operation manifest (PERSISTED_OPERATIONS). */
  manifest?: string;
  /** Starts region's webhook dispatcher, polling every 50 ms with short backoffs. */
  dispatcher?: boolean;
  attachmentMaxBytes?: number;
  /** Region's SEARCH_COUNT_LIMIT (default 1000). */
  searchCountLimit?: number | null;
  /** The gateway's OPERATION_CACHE_MB. */
  operationCacheMb?: number;
  /** The gateway's SUBGRAPH_TIMEOUT_MS. */
  subgraphTimeoutMs?: number;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const postgresUrl = inject('postgresUrl');
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(32).toString('hex');
  // One secret per service, as under npm start: a request signed for one service is no good at another.
  const subgraphSecrets = Object.fromEntries([...networks.map((n) => n.code.toLowerCase()), 'region'].map((name) => [name, randomBytes(32).toString('hex')]));

  const networkServices = new Map<string, NetworkService>();
  const networkUrls: Record<string, string> = {};
  await Promise.all(
    networks.map(async (n) => {
      const service = await createNetworkService({ network: n.code, databaseUrl: await ensureDatabase(postgresUrl, `${prefix}_${n.code.toLowerCase()}`), secret: subgraphSecrets[n.code.toLowerCase()] });
      networkServices.set(n.code, service);
      networkUrls[n.code] = await listen(service.http, 0);
    }),
  );
  const networkSecrets = Object.fromEntries(networks.map((n) => [n.code, subgraphSecrets[n.code.toLowerCase()]]));
  const webhookKey = randomBytes(32);
  const regionDatabaseUrl = await ensureDatabase(postgresUrl, `${prefix}_region`);
  const attachmentMaxBytes = options.attachmentMaxBytes ?? defaultAttachmentMaxBytes;
  const attachmentsDir = await mkdtemp(join(tmpdir(), 'irm-attachments-'));
  const region = await createRegionService({
    networkUrls,
    networkTimeoutMs: options.networkTimeoutMs ?? 2000,
    secret: subgraphSecrets.region,
    networkSecrets,
    webhookKey,
    databaseUrl: regionDatabaseUrl,
    searchCountLimit: options.searchCountLimit,
    inquiries: {
      attachmentsDir,
      attachmentMaxBytes,
      allowLoopbackWebhooks: true,
      dispatcher: options.dispatcher ? { intervalMs: 50, backoffMs: 100, maxAttempts: 5, deadlineNoticeMs: 24 * 3600_000 } : null,
    },
  });
  const regionUrl = await listen(region.http, 0);

  const subgraphUrls: Record<string, string> = { region: `${regionUrl}/graphql` };
  for (const [code, url] of Object.entries(networkUrls)) subgraphUrls[code.toLowerCase()] = `${url}/graphql`;
  const gateway = await createGatewayService({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    subgraphUrls,
    auth: { secret },
    subgraphSecrets,
    production: options.production ?? false,
    introspection: options.introspection ?? !options.production,
    limits: { ...defaultLimits, ...options.limits },
    rateLimits: { ...defaultRateLimits, ...options.rateLimits },
    anonymousRateLimits: { requestsPerMinute: 1_000_000, costPerMinute: 1_000_000_000, ...options.anonymousRateLimits },
    tokenFailuresPerMinute: options.tokenFailuresPerMinute,
    safelist: options.manifest ? loadSafelist(options.manifest) : undefined,
    attachmentMaxBytes,
    operationCacheMb: options.operationCacheMb ?? defaultOperationCacheMb,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
  });
  const gatewayUrl = `${await listen(gateway.http, 0)}/graphql`;

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
    async query(query, variables, token) {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    token: (claims) => {
      const sub = (claims.sub as string | undefined) ?? [claims.role, claims.network, claims.memberId].filter(Boolean).join('-');
      const jwt = new SignJWT({ ...claims, sub }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
      return (claims.exp === undefined ? jwt.setExpirationTime('1h') : jwt).sign(new TextEncoder().encode(secret));
    },
    async stopNetwork(code) {
      stopped.add(code);
      await close(networkServices.get(code)!.http);
    },
    async stopRegion() {
      stopped.add('region');
      await close(region.http);
    },
    async stop() {
      await close(gateway.http);
      await gateway.stop();
      if (!stopped.has('region')) await close(region.http);
      await region.stop();
      for (const service of networkServices.values()) {
        if (!stopped.has(service.network)) await close(service.http);
        await service.stop();
      }
      await rm(attachmentsDir, { recursive: true, force: true });
    },
  };
}
