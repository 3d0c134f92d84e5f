import { readFileSync } from 'node:fs';
import type { AuthConfig } from '../../gateway/auth.ts';
import { supergraphPath } from '../../gateway/supergraph.ts';
import { defaultLimits } from '../../gateway/limits.ts';
import { defaultRateLimits, type RateLimits } from '../../gateway/rate-limit.ts';
import { createGatewayService, type GatewayService } from '../../gateway/server.ts';
import { defaultAttachmentMaxBytes } from '../../shared/config.ts';
import { envReader } from '../../shared/config.ts';
import { close, listen } from '../../shared/http.ts';
import { observabilityFromEnv } from '../../shared/observability.ts';
import { defaultOperationCacheMb } from '../../shared/operation-caches.ts';

// The gateway alone on the committed supergraph, for tests of what it decides
// by itself (tokens, error masking): no database, subgraphs only where a test
// puts a stand-in.

export interface LoneGateway {
  service: GatewayService;
  /** The /graphql URL. */
  url: string;
  stop(): Promise<void>;
}

export async function startGatewayOnly(options: {
  auth: AuthConfig;
  production?: boolean;
  subgraphUrls?: Record<string, string>;
  introspection?: boolean;
  corsOrigins?: string[];
  anonymousRateLimits?: RateLimits;
}): Promise<LoneGateway> {
  const service = await createGatewayService({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    // Port 9 (discard) answers nothing: a test that needs no subgraph calls none.
    subgraphUrls: options.subgraphUrls ?? { region: 'http://127.0.0.1:9/graphql' },
    auth: options.auth,
    subgraphSecrets: {},
    production: options.production ?? false,
    introspection: options.introspection ?? false,
    corsOrigins: options.corsOrigins,
    anonymousRateLimits: options.anonymousRateLimits,
    limits: defaultLimits,
    rateLimits: defaultRateLimits,
    safelist: undefined,
    attachmentMaxBytes: defaultAttachmentMaxBytes,
    operationCacheMb: defaultOperationCacheMb,
    // A test's request lines would bury its output; warnings and errors still show (as test/support/stack.ts).
    observability: observabilityFromEnv(envReader({ LOG_LEVEL: 'warn' })),
  });
  const url = `${await listen(service.http, 0)}/graphql`;
  return {
    service,
    url,
    async stop() {
      await close(service.http);
      await service.stop();
    },
  };
}
