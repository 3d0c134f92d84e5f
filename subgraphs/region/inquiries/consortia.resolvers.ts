import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { requireSignedIn } from '../../../shared/identity.ts';
import type { RegionContext } from '../context.ts';
import { actingMember, assertMembersExist } from '../access.ts';
import { consortiumId, inquiryId, memberRefById, parseConsortiumId } from '../ids.ts';
import { visibleInquiry } from './access.ts';
import { completeness, createConsortium, partnerList, respond } from './consortia.ts';
import { ConsortiumSchema, type Consortium, type ConsortiumPartner } from './entities.ts';

// Consortia (Bietergemeinschaften): formed by an invited member, answered by each partner.

export const consortiumResolvers = {
  Query: {
    async consortium(_: unknown, args: { id: string }, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      const consortium = await ctx.em.findOne(ConsortiumSchema, parseConsortiumId(args.id));
      if (!consortium) return null;
      if (ctx.identity.role === 'admin') return consortium;
      const inquiry = await visibleInquiry(ctx, inquiryId(consortium.inquiryId));
      const view = inquiry && ctx.inquiryAccess.viewOf(inquiry);
      if (view?.kind === 'owner') return consortium;
      // An office sees the consortia its network's members take part in, a member those it is a partner of.
      const takesPart = view?.kind === 'office' ? (p: ConsortiumPartner) => p.network === view.network : view?.kind === 'bidder' ? (p: ConsortiumPartner) => p.memberId === view.memberId : null;
      return takesPart && (await ctx.inquiryLoaders.partners.load(consortium.id)).some(takesPart) ? consortium : null;
    },
  },
  Mutation: {
    async createConsortium(_: unknown, args: { inquiryId: string; partners: string[]; memberId?: string | null }, ctx: RegionContext) {
      const lead = await actingMember(ctx, args.memberId);
      const partners = await assertMembersExist(ctx, partnerList(lead.memberId, args.partners), 'partners');
      return ctx.em.transactional((tx) => createConsortium(tx, ctx.inquiryAccess, args.inquiryId, lead, partners));
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
    partners: (c: Consortium, _: unknown, ctx: RegionContext) => ctx.inquiryLoaders.partners.load(c.id),
    complete: async (c: Consortium, _: unknown, ctx: RegionContext) => completeness(await ctx.inquiryLoaders.partners.load(c.id)).complete,
  },
  ConsortiumPartner: {
    member: (p: ConsortiumPartner) => memberRefById(p.memberId),
    processes: (p: ConsortiumPartner) => p.processCodes,
  },
} as GraphQLResolverMap<unknown>;
