import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { notFound } from '../../shared/errors.ts';
import { parseContactId, parseMemberId } from '../../shared/ids.ts';
import { findNetwork, networks, type NetworkInfo } from '../../shared/networks.ts';
import { createApiKey, grantForKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { auditLog, regionAuditLog } from './audit.ts';
import type { ApiKey } from './entities/api-key.entity.ts';
import type { RegionContext } from './context.ts';
import { createMember, memberCount, memberRef, searchMembers, updateMember, type SearchArgs } from './members.ts';
import { selectsField } from './selection.ts';
import { findSuppliers, type SupplierRequirements } from './suppliers.ts';

const writeQueries = {
  archive: `mutation($localId: Int!) { archiveMember(localId: $localId) { localId } }`,
  deleteContact: `mutation($localId: Int!) { deleteContactPerson(localId: $localId) { localId } }`,
};
const existingQuery = `query($localIds: [Int!]!) { existing(localIds: $localIds) }`;

type Hit = { localId: number };

export const resolvers = {
  Query: {
    networks: () => networks,
    network: (_: unknown, args: { code: string }) => findNetwork(args.code) ?? null,
    async member(_: unknown, args: { id: string }, ctx: RegionContext) {
      const { network, localId } = parseMemberId(args.id);
      const found = await ctx.client(network.code).request<{ existing: number[] }>(existingQuery, { localIds: [localId] }, ctx.identityHeader);
      if (!found.existing.includes(localId)) throw notFound(`Member ${args.id} does not exist.`);
      return memberRef(network.code, localId);
    },
    findSuppliers: (_: unknown, args: { requirements: SupplierRequirements; first?: number | null }, ctx: RegionContext) => findSuppliers(ctx, args),
    members: (_: unknown, args: SearchArgs, ctx: RegionContext, info: GraphQLResolveInfo) => searchMembers(ctx, args, selectsField(info, 'facets')),
    auditLog: (_: unknown, args: { network: string; first?: number | null; after?: string | null }, ctx: RegionContext) => auditLog(ctx, args.network, args.first, args.after),
    regionAuditLog: (_: unknown, args: { first?: number | null; after?: string | null }, ctx: RegionContext) => regionAuditLog(ctx, args.first, args.after),
    apiKeys: (_: unknown, _args: unknown, ctx: RegionContext) => listApiKeys(ctx.em, ctx.identity),
  },
  Mutation: {
    createMember: (_: unknown, args: Parameters<typeof createMember>[1], ctx: RegionContext) => createMember(ctx, args),
    updateMember: (_: unknown, args: Parameters<typeof updateMember>[1], ctx: RegionContext) => updateMember(ctx, args),
    async archiveMember(_: unknown, args: { id: string }, ctx: RegionContext) {
      const { network, localId } = parseMemberId(args.id);
      await ctx.client(network.code).request<{ archiveMember: Hit }>(writeQueries.archive, { localId }, ctx.identityHeader, { write: true });
      return memberRef(network.code, localId);
    },
    async deleteContactPerson(_: unknown, args: { id: string }, ctx: RegionContext) {
      const { network, localId } = parseContactId(args.id);
      const data = await ctx.client(network.code).request<{ deleteContactPerson: Hit }>(writeQueries.deleteContact, { localId }, ctx.identityHeader, { write: true });
      return memberRef(network.code, data.deleteContactPerson.localId);
    },
    createApiKey: (_: unknown, args: { partner: string; name: string; safelist?: boolean | null }, ctx: RegionContext) => createApiKey(ctx.em, ctx.identity, args),
    revokeApiKey: (_: unknown, args: { id: string }, ctx: RegionContext) => revokeApiKey(ctx.em, ctx.identity, args.id),
  },
  ApiKey: {
    id: (k: ApiKey) => `k-${k.id}`,
    createdAt: (k: ApiKey) => k.createdAt.toISOString(),
    revokedAt: (k: ApiKey) => k.revokedAt?.toISOString() ?? null,
  },
  Member: {
    __resolveType: (ref: { __typename: string }) => ref.__typename,
  },
  Network: {
    __resolveReference: (ref: { code: string }) => findNetwork(ref.code) ?? null,
    memberCount: (network: NetworkInfo, _: unknown, ctx: RegionContext) => memberCount(ctx, network.code),
    members: (network: NetworkInfo, args: { first?: number | null; after?: string | null }, ctx: RegionContext, info: GraphQLResolveInfo) =>
      searchMembers(ctx, { ...args, filter: { networks: [network.code] } }, selectsField(info, 'facets')),
  },
} as GraphQLResolverMap<unknown>;

/** The internal API the gateway calls to exchange an API key for a token. */
export const internalResolvers = {
  Query: {
    apiKeyGrant: (_: unknown, args: { key: string }, ctx: RegionContext) => grantForKey(ctx.em, args.key),
  },
} as GraphQLResolverMap<unknown>;
