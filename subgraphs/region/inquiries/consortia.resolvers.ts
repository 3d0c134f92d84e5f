import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { requireSignedIn } from '../../../shared/identity.ts';
import type { RegionContext } from '../context.ts';
import { actingMember, assertMemberExists } from '../access.ts';
import { consortiumId, inquiryId, parseConsortiumId } from '../ids.ts';
import { memberRefById } from '../members/search.ts';
import { viewOf, visibleInquiry } from './access.ts';
import { consortiumStatus, createConsortium, partnerList, respond } from './consortia.ts';
import { ConsortiumPartnerSchema, ConsortiumSchema, type Consortium, type ConsortiumPartner } from './entities.ts';

// Consortia (Bietergemeinschaften): formed by an invited member, answered by each partner.

export const consortiumResolvers = {
  Query: {
    async consortium(_: unknown, args: { id: string }, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      const consortium = await ctx.em.findOne(ConsortiumSchema, parseConsortiumId(args.id));
      if (!consortium) return null;
      if (ctx.identity.role === 'admin') return consortium;
      const inquiry = await visibleInquiry(ctx, inquiryId(consortium.inquiryId));
      const view = inquiry && viewOf(inquiry);
      if (view?.kind === 'owner') return consortium;
      // An office sees the consortia its network's members take part in, a member those it is a partner of.
      const partner = view?.kind === 'office' ? { network: view.network } : view?.kind === 'bidder' ? { memberId: view.memberId } : null;
      return partner && (await ctx.em.count(ConsortiumPartnerSchema, { consortiumId: consortium.id, ...partner })) > 0 ? consortium : null;
    },
  },
  Mutation: {
    async createConsortium(_: unknown, args: { inquiryId: string; partners: string[]; memberId?: string | null }, ctx: RegionContext) {
      const lead = await actingMember(ctx, args.memberId);
      const partners: { memberId: string; network: string }[] = [];
      for (const id of partnerList(lead.memberId, args.partners)) partners.push({ memberId: id, network: await assertMemberExists(ctx, id, 'partners') });
      return ctx.em.transactional((tx) => createConsortium(tx, ctx.identity, args.inquiryId, lead, partners));
    },
    async respondToConsortium(_: unknown, args: { consortiumId: string; accept: boolean; processes?: string[] | null; sharePercent?: number | null; memberId?: string | null }, ctx: RegionContext) {
      const partner = await actingMember(ctx, args.memberId);
      const key = parseConsortiumId(args.consortiumId, 'consortiumId');
      return ctx.em.transactional((tx) => respond(tx, key, partner.memberId, args));
    },
  },
  Consortium: {
    id: (c: Consortium) => consortiumId(c.id),
    inquiryId: (c: Consortium) => inquiryId(c.inquiryId),
    lead: (c: Consortium) => memberRefById(c.leadMemberId),
    partners: (c: Consortium, _: unknown, ctx: RegionContext) => ctx.em.find(ConsortiumPartnerSchema, { consortiumId: c.id }, { orderBy: { id: 'asc' } }),
    complete: async (c: Consortium, _: unknown, ctx: RegionContext) => (await consortiumStatus(ctx.em, c.id)).complete,
  },
  ConsortiumPartner: {
    member: (p: ConsortiumPartner) => memberRefById(p.memberId),
    processes: (p: ConsortiumPartner) => p.processCodes,
  },
} as GraphQLResolverMap<unknown>;
