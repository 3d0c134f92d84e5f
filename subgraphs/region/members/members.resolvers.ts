import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { notFound } from '../../../shared/errors.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import { findNetwork, networks, type NetworkInfo } from '../../../shared/networks.ts';
import type { RegionContext } from '../context.ts';
import { auditLog, regionAuditLog } from './audit.ts';
import { memberRef } from '../ids.ts';
import { memberCount, searchMembers, type SearchArgs } from './search.ts';
import { selectsField } from './selection.ts';
import { findSuppliers, type SupplierRequirements } from './suppliers.ts';
import { archiveMember, createMember, deleteContactPerson, updateMember } from './members.ts';

// The region's members: one member by id, the search across networks, supplier
// ranking, the writes passed on to the owning network, and the audit logs.

const existingQuery = `query($localIds: [Int!]!) { existing(localIds: $localIds) }`;

export const memberResolvers = {
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
  },
  Mutation: {
    createMember: (_: unknown, args: Parameters<typeof createMember>[1], ctx: RegionContext) => createMember(ctx, args),
    updateMember: (_: unknown, args: Parameters<typeof updateMember>[1], ctx: RegionContext) => updateMember(ctx, args),
    archiveMember: (_: unknown, args: { id: string }, ctx: RegionContext) => archiveMember(ctx, args.id),
    deleteContactPerson: (_: unknown, args: { id: string }, ctx: RegionContext) => deleteContactPerson(ctx, args.id),
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
