import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  ConfigError,
  defaultAttachmentMaxBytes,
  envReader,
  loadOrExit,
  serviceFromEnv,
  serviceUrlVariable,
  subgraphSecret,
  type Env,
  type ServiceConfig,
} from '../shared/config.ts';
import { runService } from '../shared/main.ts';
import { currentLog, observabilityFromEnv } from '../shared/observability.ts';
import { gatewayService, networks, regionService } from '../shared/networks.ts';
import { defaultOperationCacheMb } from '../shared/operation-caches.ts';
import { tokenMaxLifetimeS } from './auth.ts';
import { limitsFromEnv } from './limits.ts';
import { uploadLimitsFromEnv } from './attachments.ts';
import { anonymousRateLimitsFromEnv, defaultTokenFailuresPerMinute, rateLimitRedisUrlFromEnv, rateLimitsFromEnv } from './rate-limit.ts';
import { loadSafelist } from './safelist.ts';
import { parseTrustedProxies } from './client-address.ts';
import { parseCorsOrigins } from './cors.ts';
import { createGatewayService, defaultSubgraphTimeoutMs, type GatewayOptions } from './server.ts';
import { supergraphSubgraphNames } from './subgraph-source.ts';
import { defaultSupergraphPollMs, supergraphPath, supergraphProblem } from './supergraph.ts';
import { partnerTokenSeconds } from './token-exchange.ts';
import { sessionOptionsFromEnv } from './sessions.ts';

// The gateway: node gateway/index.ts [--supergraph path]

export interface GatewayConfig extends ServiceConfig {
  gateway: GatewayOptions;
}

/** Everything the gateway reads from its environment and arguments, checked; the only place that does. */
/** The signing key kept in a file (JWT_SECRET_FILE): a file that is missing or a folder said ENOENT or EISDIR with a stack. */
function secretFromFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'it may not be read' : String(code);
    throw new ConfigError(`JWT_SECRET_FILE ${path} cannot be read (${why}): give the file that holds the signing key, or set JWT_SECRET.`);
  }
}

export function loadConfig(env: Env, args: string[] = []): GatewayConfig {
  const read = envReader(env);
  const { values } = parseArgs({ args, options: { supergraph: { type: 'string' } } });
  const path = values.supergraph ?? read.optional('SUPERGRAPH_PATH') ?? supergraphPath;
  if (!existsSync(path)) throw new ConfigError(`Supergraph file ${String(path)} does not exist; run npm run compose or pass --supergraph.`);
  const subgraphUrls: Record<string, string> = {
    [regionService.name]: `${read.url(serviceUrlVariable(regionService.name), `http://localhost:${regionService.port}`)}/graphql`,
  };
  for (const n of networks) subgraphUrls[n.code.toLowerCase()] = `${read.url(serviceUrlVariable(n.code), `http://localhost:${n.port}`)}/graphql`;
  const secretFile = read.optional('JWT_SECRET_FILE');
  const jwksUrl = read.optional('JWKS_URL');
  const auth = {
    secret: read.optional('JWT_SECRET') ?? (secretFile ? secretFromFile(secretFile) : undefined),
    // Checked as a URL, kept as written: a key set's URL may end in a slash that matters.
    jwksUrl: jwksUrl === undefined || !read.url('JWKS_URL', jwksUrl) ? undefined : jwksUrl,
    issuer: read.optional('JWT_ISSUER'),
    audience: read.optional('JWT_AUDIENCE'),
    // Tokens from /auth/token live 15 minutes; a shorter maximum would refuse them.
    maxLifetimeS: read.integer('JWT_MAX_LIFETIME_S', tokenMaxLifetimeS, partnerTokenSeconds),
  };
  const supergraphSdl = readFileSync(path, 'utf8');
  // Every subgraph the supergraph names is called signed, one beyond the registry included.
  const names = new Set([...Object.keys(subgraphUrls), ...supergraphSubgraphNames(supergraphSdl)]);
  // Checked here, once and in every environment (the gateway itself is told not to: gateway/server.ts).
  const problem = supergraphProblem(supergraphSdl, names);
  if (problem)
    throw new ConfigError(`Supergraph file ${String(path)} is refused: ${problem}. Run npm run compose, or pass --supergraph with a composed supergraph.`);
  const production = read.optional('NODE_ENV') === 'production';
  const attachmentMaxBytes = read.integer('ATTACHMENT_MAX_BYTES', defaultAttachmentMaxBytes, 1);
  const manifest = read.optional('PERSISTED_OPERATIONS');
  return {
    ...serviceFromEnv(read, gatewayService.port),
    gateway: {
      supergraphSdl,
      supergraphFile: { path, pollMs: read.integer('SUPERGRAPH_POLL_MS', defaultSupergraphPollMs, 1) },
      subgraphUrls,
      auth,
      subgraphSecrets: Object.fromEntries([...names].map((name) => [name, subgraphSecret(env, name)])),
      production,
      introspection: !production || read.flag('INTROSPECTION'),
      limits: limitsFromEnv(read),
      rateLimits: rateLimitsFromEnv(read),
      anonymousRateLimits: anonymousRateLimitsFromEnv(read),
      tokenFailuresPerMinute: read.integer('TOKEN_FAILURES_PER_MINUTE', defaultTokenFailuresPerMinute, 1),
      rateLimitRedisUrl: rateLimitRedisUrlFromEnv(read),
      safelist: manifest ? loadSafelist(manifest) : undefined,
      attachmentMaxBytes,
      uploads: uploadLimitsFromEnv(read, attachmentMaxBytes),
      operationCacheMb: read.integer('OPERATION_CACHE_MB', defaultOperationCacheMb, 1),
      subgraphTimeoutMs: read.integer('SUBGRAPH_TIMEOUT_MS', defaultSubgraphTimeoutMs, 1),
      trustedProxies: parseTrustedProxies(read.optional('TRUSTED_PROXIES')),
      corsOrigins: parseCorsOrigins(read.optional('CORS_ORIGINS')),
      observability: observabilityFromEnv(read),
      sessions: sessionOptionsFromEnv(read),
    },
  };
}

if (import.meta.main) {
  const config = loadOrExit(gatewayService.name, () => loadConfig(process.env, process.argv.slice(2)));
  if (!config.gateway.auth.secret && !config.gateway.auth.jwksUrl)
    currentLog().warn('gateway: no JWT_SECRET or JWKS_URL; every caller is anonymous and writes are refused.');
  await runService(gatewayService.name, config, () => createGatewayService(config.gateway));
}
