import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, defaultAttachmentMaxBytes, envInteger, envOptional, envPort, envString, envUrl, serviceUrlVariable } from '../shared/config.ts';
import { runService } from '../shared/main.ts';
import { subgraphSecret } from '../shared/signature.ts';
import { networks, regionService } from '../shared/networks.ts';
import { supergraphPath } from './supergraph.ts';
import { limitsFromEnv } from './limits.ts';
import { anonymousRateLimitsFromEnv, defaultTokenFailuresPerMinute, rateLimitsFromEnv } from './rate-limit.ts';
import { loadSafelist } from './safelist.ts';
import { defaultOperationCacheMb } from '../shared/operation-caches.ts';
import { createGatewayService, defaultSubgraphTimeoutMs } from './server.ts';
import { tokenMaxLifetimeS } from './auth.ts';
import { partnerTokenSeconds } from './token-exchange.ts';
import { supergraphSubgraphNames } from './subgraph-source.ts';

// The gateway: node gateway/index.ts [--supergraph path]
const { values } = parseArgs({ options: { supergraph: { type: 'string' } } });

await runService('gateway', envPort('PORT', 4000), envString('HOST', '127.0.0.1'), async () => {
  const path = values.supergraph ?? envOptional('SUPERGRAPH_PATH') ?? supergraphPath;
  if (!existsSync(path)) throw new ConfigError(`Supergraph file ${String(path)} does not exist; run npm run compose or pass --supergraph.`);
  const subgraphUrls: Record<string, string> = {
    region: `${envUrl(serviceUrlVariable('region'), `http://localhost:${regionService.port}`)}/graphql`,
  };
  for (const n of networks) subgraphUrls[n.code.toLowerCase()] = `${envUrl(serviceUrlVariable(n.code), `http://localhost:${n.port}`)}/graphql`;
  const secretFile = envOptional('JWT_SECRET_FILE');
  const auth = {
    secret: envOptional('JWT_SECRET') ?? (secretFile ? readFileSync(secretFile, 'utf8').trim() : undefined),
    jwksUrl: envOptional('JWKS_URL'),
    issuer: envOptional('JWT_ISSUER'),
    audience: envOptional('JWT_AUDIENCE'),
    // Tokens from /auth/token live 15 minutes; a shorter maximum would refuse them.
    maxLifetimeS: envInteger('JWT_MAX_LIFETIME_S', tokenMaxLifetimeS, partnerTokenSeconds),
  };
  if (!auth.secret && !auth.jwksUrl) console.warn('gateway: no JWT_SECRET or JWKS_URL; every caller is anonymous and writes are refused.');
  const supergraphSdl = readFileSync(path, 'utf8');
  const names = new Set([...Object.keys(subgraphUrls), ...supergraphSubgraphNames(supergraphSdl)]);
  const subgraphSecrets = Object.fromEntries([...names].map((name) => [name, subgraphSecret(name)]));
  const production = process.env.NODE_ENV === 'production';
  const manifest = envOptional('PERSISTED_OPERATIONS');
  return createGatewayService({
    supergraphSdl,
    subgraphUrls,
    auth,
    subgraphSecrets,
    production,
    introspection: !production || process.env.INTROSPECTION === '1',
    limits: limitsFromEnv(),
    rateLimits: rateLimitsFromEnv(),
    anonymousRateLimits: anonymousRateLimitsFromEnv(),
    tokenFailuresPerMinute: envInteger('TOKEN_FAILURES_PER_MINUTE', defaultTokenFailuresPerMinute, 1),
    safelist: manifest ? loadSafelist(manifest) : undefined,
    attachmentMaxBytes: envInteger('ATTACHMENT_MAX_BYTES', defaultAttachmentMaxBytes, 1),
    operationCacheMb: envInteger('OPERATION_CACHE_MB', defaultOperationCacheMb, 1),
    subgraphTimeoutMs: envInteger('SUBGRAPH_TIMEOUT_MS', defaultSubgraphTimeoutMs, 1),
  });
});
