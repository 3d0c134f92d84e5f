import { responsePathAsArray } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import { findNetwork, networks } from '../../../shared/networks.ts';
import { auditActor, auditLog, regionAuditLog } from './audit.ts';
import { assertMemberExists } from '../access.ts';
import { memberRef } from '../ids.ts';
import { memberCount, searchMembers, searchSelection } from './search.ts';
import { findSuppliers } from './suppliers.ts';
import { providedFieldsAsked } from './provided.ts';
import { archiveMember, createMember, deleteContactPerson, updateMember } from './members.ts';

// The region's members: one member by id, the search across networks, supplier
// ranking, the writes passed on to the owning network, and the audit logs.

export const memberResolvers: Resolvers = {
  Query: {
    networks: () => [...networks],
    network: (_, args) => findNetwork(args.code) ?? null,
    async member(_, args, ctx) {
      const { network, localId } = parseMemberId(args.id);
      // An archived member is still read: its profile says since when (archivedAt).
      await assertMemberExists(ctx, args.id, 'id', { archived: true });
      return memberRef(network.code, localId);
    },
    findSuppliers: (_, args, ctx, info) => findSuppliers(ctx, args, responsePathAsArray(info.path), providedFieldsAsked(info)),
    members: (_, args, ctx, info) => searchMembers(ctx, args, searchSelection(info), responsePathAsArray(info.path)),
    auditLog: (_, args, ctx) => auditLog(ctx, args.network, args.first, args.after),
    regionAuditLog: (_, args, ctx) => regionAuditLog(ctx, args.first, args.after),
  },
  Mutation: {
    createMember: (_, args, ctx) => createMember(ctx, args),
    updateMember: (_, args, ctx) => updateMember(ctx, args),
    archiveMember: (_, args, ctx) => archiveMember(ctx, args.id),
    deleteContactPerson: (_, args, ctx) => deleteContactPerson(ctx, args.id),
  },
  AuditEntry: {
    actor: (entry, _, ctx) => auditActor(ctx, entry),
  },
  // Member needs no __resolveType: every member region returns is a reference with its __typename (ids.ts memberRef), which graphql-js's default type resolver reads.
  Network: {
    __resolveReference: (ref) => findNetwork(ref.code) ?? null,
    memberCount: (network, _, ctx) => memberCount(ctx, network.code),
    members: (network, args, ctx, info) =>
      searchMembers(ctx, { ...args, filter: { networks: [network.code] } }, searchSelection(info), responsePathAsArray(info.path)),
  },
};
