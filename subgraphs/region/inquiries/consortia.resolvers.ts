import type { Resolvers } from '../generated/resolvers-types.ts';
import { requireSignedIn } from '../../../shared/identity.ts';
import { actingMember, assertMembersExist } from '../access.ts';
import { consortiumId, inquiryId, memberRefById, parseConsortiumId } from '../ids.ts';
import { bidding, visibleInquiry } from './access.ts';
import { addPartners, completeness, createConsortium, partnerList, respond } from './consortia.ts';
import { ConsortiumSchema, type ConsortiumPartner } from './entities.ts';

// Consortia (Bietergemeinschaften): formed by an invited member, answered by each partner.

export const consortiumResolvers: Resolvers = {
  Query: {
    async consortium(_, args, ctx) {
      requireSignedIn(ctx.identity);
      const consortium = await ctx.em.findOne(ConsortiumSchema, parseConsortiumId(args.id));
      if (!consortium) return null;
      if (ctx.identity.role === 'admin') return consortium;
      const inquiry = await visibleInquiry(ctx, inquiryId(consortium.inquiry.id));
      const view = inquiry && ctx.inquiryAccess.viewOf(inquiry);
      if (view?.kind === 'owner') return consortium;
      // An office sees the consortia its network's members take part in, a member those it is a partner of.
      const takesPart =
        view?.kind === 'office'
          ? (p: ConsortiumPartner) => p.network === view.network
          : view?.kind === 'bidder'
            ? (p: ConsortiumPartner) => p.memberId === view.memberId
            : null;
      return takesPart && (await ctx.inquiryLoaders.partners.load(consortium.id)).some(takesPart) ? consortium : null;
    },
  },
  Mutation: {
    async createConsortium(_, args, ctx) {
      const lead = await actingMember(ctx, args.memberId, 'memberId', bidding);
      const partners = await assertMembersExist(ctx, partnerList(lead.memberId, args.partners), 'partners');
      return ctx.em.transactional((tx) => createConsortium(tx, ctx.inquiryAccess, args.inquiryId, lead, partners));
    },
    async addConsortiumPartners(_, args, ctx) {
      const lead = await actingMember(ctx, args.memberId, 'memberId', bidding);
      const partners = await assertMembersExist(ctx, partnerList(lead.memberId, args.partners), 'partners');
      const key = parseConsortiumId(args.consortiumId, 'consortiumId');
      return ctx.em.transactional((tx) => addPartners(tx, ctx.inquiryAccess, key, lead.memberId, partners));
    },
    async respondToConsortium(_, args, ctx) {
      // Declining ends a part, which an archived member may still do; joining is something new.
      const partner = await actingMember(ctx, args.memberId, 'memberId', { ...bidding, archived: !args.accept });
      const key = parseConsortiumId(args.consortiumId, 'consortiumId');
      return ctx.em.transactional((tx) => respond(tx, ctx.identity, key, partner.memberId, args));
    },
  },
  Inquiry: {
    async consortia(i, _, ctx) {
      const view = ctx.inquiryAccess.viewOf(i);
      const consortia = await ctx.inquiryLoaders.consortia.load(i.id);
      if (view.kind === 'owner' || view.kind === 'admin') return consortia;
      // As the consortium query decides: an office through its network's members, a member as lead or partner.
      const network = view.kind === 'office' ? view.network : null;
      const memberId = view.kind === 'bidder' ? view.memberId : null;
      const takesPart = (p: ConsortiumPartner) => (network ? p.network === network : p.memberId === memberId);
      const partners = await Promise.all(consortia.map((c) => ctx.inquiryLoaders.partners.load(c.id)));
      return consortia.filter((_c, k) => partners[k].some(takesPart));
    },
  },
  Consortium: {
    id: (c) => consortiumId(c.id),
    inquiryId: (c) => inquiryId(c.inquiry.id),
    lead: (c) => memberRefById(c.leadMemberId),
    partners: (c, _, ctx) => ctx.inquiryLoaders.partners.load(c.id),
    complete: async (c, _, ctx) => completeness(await ctx.inquiryLoaders.partners.load(c.id), c.leadMemberId).complete,
  },
  ConsortiumPartner: {
    member: (p) => memberRefById(p.memberId),
    processes: (p) => p.processCodes,
  },
};
