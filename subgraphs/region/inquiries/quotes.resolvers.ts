import type { Resolvers } from '../generated/resolvers-types.ts';
import { notFound } from '../../../shared/errors.ts';
import { requireSignedIn } from '../../../shared/identity.ts';
import { actingMember, assertMembersExist } from '../access.ts';
import { replayed } from '../../../shared/idempotency.ts';
import { idempotency, remember } from '../idempotency.ts';
import { inquiryId, memberRefById, parseConsortiumId, parseQuoteId, quoteId } from '../ids.ts';
import { bidding, requireOwner, visibleInquiry } from './access.ts';
import { ConsortiumPartnerSchema, ConsortiumSchema, InquirySchema, InvitationSchema, QuoteSchema } from './entities.ts';
import { comparisonOrder, submitQuote, quoteTerms, unitPriceFor, withdrawQuote } from './quotes.ts';

// Quotes: submitted, revised and withdrawn by invited members (or a consortium's lead), compared by the owner.

export const quoteResolvers: Resolvers = {
  Query: {
    async quoteComparison(_, args, ctx) {
      requireSignedIn(ctx.identity);
      const inquiry = await visibleInquiry(ctx, args.inquiryId, 'inquiryId');
      if (!inquiry) throw notFound(`Inquiry ${args.inquiryId} does not exist.`);
      requireOwner(ctx.inquiryAccess.viewOf(inquiry), args.inquiryId);
      // A withdrawn quote is no offer: it leaves the comparison (and cannot be awarded, inquiries.ts award).
      const [quotes, invitations] = await Promise.all([
        ctx.em.find(QuoteSchema, { inquiry, status: { $ne: 'WITHDRAWN' } }),
        ctx.em.find(InvitationSchema, { inquiry }),
      ]);
      const largest = Math.max(...inquiry.quantities.map((q) => q.quantity));
      return quotes
        .map((quote) => {
          const invitation = invitations.find((i) => i.memberId === quote.memberId);
          return {
            quote,
            unitPrice: unitPriceFor(quote.priceTiers, largest),
            currency: quote.currency,
            leadTimeDays: quote.leadTimeDays,
            distanceKm: invitation?.distanceKm ?? null,
            score: invitation?.score ?? null,
            certifications: invitation?.certifications ?? [],
          };
        })
        .sort(comparisonOrder(quotes));
    },
  },
  Mutation: {
    async submitQuote(_, args, ctx) {
      const bidder = await actingMember(ctx, args.input.memberId, 'input.memberId', bidding);
      const terms = quoteTerms(args.input);
      const consortiumKey = args.input.consortiumId ? parseConsortiumId(args.input.consortiumId, 'input.consortiumId') : null;
      if (consortiumKey !== null) {
        // Its lead's question alone: a joint offer names no partner that has left its network since it accepted.
        const consortium = await ctx.em.findOne(ConsortiumSchema, consortiumKey);
        if (consortium?.leadMemberId === bidder.memberId) {
          const partners = await ctx.em.find(ConsortiumPartnerSchema, { consortium: consortiumKey });
          await assertMembersExist(
            ctx,
            partners.map((p) => p.memberId),
            'input.consortiumId',
          );
        }
      }
      const key = idempotency(ctx.identity, 'submitQuote', args.idempotencyKey, {
        inquiryId: args.inquiryId,
        input: args.input,
        version: args.version ?? null,
      });
      return ctx.em.transactional(async (tx) => {
        const prior = await replayed(tx, key);
        if (prior !== null) return tx.findOneOrFail(QuoteSchema, prior);
        const quote = await submitQuote(tx, ctx.inquiryAccess, args.inquiryId, bidder, terms, consortiumKey, args.version, args.input.priceTiers);
        await tx.flush();
        remember(tx, key, quote.id);
        return quote;
      });
    },
    async withdrawQuote(_, args, ctx) {
      // A malformed id first, as every id argument (it read FORBIDDEN for a customer: the review).
      const quoteKey = parseQuoteId(args.quoteId, 'quoteId');
      // Withdrawing ends a part, which an archived member may still do (as declining).
      const bidder = await actingMember(ctx, args.memberId, 'memberId', { ...bidding, archived: true });
      return ctx.em.transactional((tx) => withdrawQuote(tx, ctx.inquiryAccess, quoteKey, args.version, bidder.memberId));
    },
  },
  Quote: {
    id: (q) => quoteId(q.id),
    inquiryId: (q) => inquiryId(q.inquiry.id),
    member: (q) => memberRefById(q.memberId),
    consortium: (q, _, ctx) => (q.consortium == null ? null : ctx.inquiryLoaders.consortium.load(q.consortium.id)),
    async revisions(q, _, ctx) {
      const revisions = await ctx.inquiryLoaders.revisions.load(q.id);
      // A partner sees the quote through its consortium, and of its revisions only those submitted for it: it read
      // the lead's own prices from before the consortium (the inquiry probe).
      // The inquiry is in the request's identity map already (the quote was reached through it): no statement.
      const view = await ctx.inquiryAccess.resolve(ctx.em, await ctx.em.findOneOrFail(InquirySchema, q.inquiry.id));
      const partnerOnly = view?.kind === 'bidder' && view.memberId !== q.memberId;
      return partnerOnly ? revisions.filter((r) => q.consortium != null && r.consortiumId === q.consortium.id) : revisions;
    },
    submittedAt: (q) => q.updatedAt.toISOString(),
  },
  QuoteRevision: {
    submittedAt: (r) => r.createdAt.toISOString(),
  },
};
