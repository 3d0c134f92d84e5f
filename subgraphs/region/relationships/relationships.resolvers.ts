import type { Resolvers } from '../generated/resolvers-types.ts';
import { memberRefById, relationshipId } from '../ids.ts';
import { confirmRelationship, endRelationship, relationshipsOf, requestRelationship } from './relationships.ts';

export const relationshipResolvers: Resolvers = {
  Query: {
    relationships: (_, args, ctx) => relationshipsOf(ctx, args.memberId, args.includeEnded ?? false),
  },
  Mutation: {
    requestRelationship: (_, args, ctx) => requestRelationship(ctx, args.partnerId, args.kind),
    confirmRelationship: (_, args, ctx) => confirmRelationship(ctx, args.id),
    endRelationship: (_, args, ctx) => endRelationship(ctx, args.id),
  },
  BusinessRelationship: {
    id: (r) => relationshipId(r.id),
    requester: (r) => memberRefById(r.requesterId),
    partner: (r) => memberRefById(r.partnerId),
    crossNetwork: (r) => r.requesterNetwork !== r.partnerNetwork,
    createdAt: (r) => r.createdAt.toISOString(),
    confirmedAt: (r) => r.confirmedAt?.toISOString() ?? null,
    endedAt: (r) => r.endedAt?.toISOString() ?? null,
  },
};
