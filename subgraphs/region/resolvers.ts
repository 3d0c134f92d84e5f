import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { notFound } from '../../shared/errors.ts';
import { parseMemberId } from '../../shared/ids.ts';
import { findNetwork, networks, type NetworkInfo } from '../../shared/networks.ts';
import type { RegionContext } from './context.ts';
import { memberCount, memberRef, searchMembers, type SearchArgs } from './members.ts';
import { selectsField } from './selection.ts';
import { findSuppliers, type SupplierRequirements } from './suppliers.ts';

const writeQueries = {
  create: `mutation($input: MemberInput!) { createMember(input: $input) { localId } }`,
  update: `mutation($localId: Int!, $input: MemberPatch!) { updateMember(localId: $localId, input: $input) { localId } }`,
  archive: `mutation($localId: Int!) { archiveMember(localId: $localId) { localId } }`,
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
  },
  Mutation: {
    async createMember(_: unknown, args: { network: string; input: unknown }, ctx: RegionContext) {
      const data = await ctx.client(args.network).request<{ createMember: Hit }>(writeQueries.create, { input: args.input }, ctx.identityHeader);
      return memberRef(args.network, data.createMember.localId);
    },
    async updateMember(_: unknown, args: { id: string; input: unknown }, ctx: RegionContext) {
      const { network, localId } = parseMemberId(args.id);
      await ctx.client(network.code).request<{ updateMember: Hit }>(writeQueries.update, { localId, input: args.input }, ctx.identityHeader);
      return memberRef(network.code, localId);
    },
    async archiveMember(_: unknown, args: { id: string }, ctx: RegionContext) {
      const { network, localId } = parseMemberId(args.id);
      await ctx.client(network.code).request<{ archiveMember: Hit }>(writeQueries.archive, { localId }, ctx.identityHeader);
      return memberRef(network.code, localId);
    },
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
