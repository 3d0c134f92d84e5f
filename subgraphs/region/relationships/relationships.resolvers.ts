import type { Resolvers } from '../generated/resolvers-types.ts';
import { memberTypeName, networks } from '../../../shared/networks.ts';
import type { RegionContext } from '../context.ts';
import type { MemberRef } from '../ids.ts';
import { memberRefById, relationshipId } from '../ids.ts';
import { crossNetworkQuarters } from './statistics.ts';
import { reasonOf } from './complements.ts';
import { partnerSuggestions, type Capabilities } from './suggestions.ts';
import { confirmRelationship, endRelationship, relationshipsOf, requestRelationship } from './relationships.ts';

type SuggestionArgs = { radiusKm?: number | null; first?: number | null };

export const relationshipResolvers: Resolvers = {
  // Each network's member type gets its suggestions from region.
  ...Object.fromEntries(
    networks.map((n) => [
      memberTypeName(n.code),
      {
        partnerSuggestions: (m: MemberRef & Capabilities, args: SuggestionArgs, ctx: RegionContext) =>
          partnerSuggestions(ctx, m, args.radiusKm ?? 50, args.first ?? 10),
      },
    ]),
  ),
  Query: {
    relationships: (_, args, ctx) => relationshipsOf(ctx, args.memberId, args.includeEnded ?? false),
    crossNetworkRelationships: (_, __, ctx) => crossNetworkQuarters(ctx),
  },
  Mutation: {
    requestRelationship: (_, args, ctx) => requestRelationship(ctx, args.partnerId, args.kind),
    confirmRelationship: (_, args, ctx) => confirmRelationship(ctx, args.id),
    endRelationship: (_, args, ctx) => endRelationship(ctx, args.id),
  },
  PartnerSuggestion: {
    reasons: (s) => s.steps.map(reasonOf),
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
