import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { RegionContext } from '../context.ts';
import { apiKeyId } from '../ids.ts';
import { createApiKey, grantForKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import type { ApiKey } from './api-key.entity.ts';

export const partnerResolvers = {
  Query: {
    apiKeys: (_: unknown, _args: unknown, ctx: RegionContext) => listApiKeys(ctx.em, ctx.identity),
  },
  Mutation: {
    createApiKey: (_: unknown, args: { partner: string; name: string; safelist?: boolean | null }, ctx: RegionContext) => createApiKey(ctx.em, ctx.identity, args),
    revokeApiKey: (_: unknown, args: { id: string }, ctx: RegionContext) => revokeApiKey(ctx.em, ctx.identity, args.id),
  },
  ApiKey: {
    id: (k: ApiKey) => apiKeyId(k.id),
    createdAt: (k: ApiKey) => k.createdAt.toISOString(),
    revokedAt: (k: ApiKey) => k.revokedAt?.toISOString() ?? null,
  },
} as GraphQLResolverMap<unknown>;

/** The internal API the gateway calls to exchange an API key for a token. */
export const partnerInternalResolvers = {
  Query: {
    apiKeyGrant: (_: unknown, args: { key: string }, ctx: RegionContext) => grantForKey(ctx.em, args.key),
  },
} as GraphQLResolverMap<unknown>;
