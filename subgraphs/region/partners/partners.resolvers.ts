import type { Resolvers } from '../generated/resolvers-types.ts';
import type { Resolvers as InternalResolvers } from '../generated/internal-resolvers-types.ts';
import { sessionEnded } from '../accounts/ended-sessions.ts';
import { apiKeyId } from '../ids.ts';
import { createApiKey, grantForKey, grantForKeyId, listApiKeys, revokeApiKey } from './api-keys.ts';

export const partnerResolvers: Resolvers = {
  Query: {
    apiKeys: (_, _args, ctx) => listApiKeys(ctx.em, ctx.identity),
  },
  Mutation: {
    createApiKey: (_, args, ctx) => createApiKey(ctx.em, ctx.identity, args),
    revokeApiKey: (_, args, ctx) => revokeApiKey(ctx.em, ctx.identity, args.id),
  },
  ApiKey: {
    id: (k) => apiKeyId(k.id),
    createdAt: (k) => k.createdAt.toISOString(),
    revokedAt: (k) => k.revokedAt?.toISOString() ?? null,
  },
};

/** The internal API the gateway calls to exchange an API key for a token, and to renew a session signed in with one. */
export const partnerInternalResolvers: InternalResolvers = {
  Query: {
    apiKeyGrant: (_, args, ctx) => grantForKey(ctx.em, args.key),
    apiKeySession: async (_, args, ctx) => ((await sessionEnded(ctx.em, args.session)) ? null : grantForKeyId(ctx.em, args.keyId)),
  },
};
