import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import { requireSignedIn } from '../../../shared/identity.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import type { Tolerance } from '../../../shared/matching.ts';
import {
  AttachmentSchema,
  ConsortiumPartnerSchema,
  ConsortiumSchema,
  InquirySchema,
  InvitationSchema,
  QuoteRevisionSchema,
  QuoteSchema,
  type Attachment,
  type Consortium,
  type ConsortiumPartner,
  type Inquiry,
  type Invitation,
  type InviteeProposal,
  type Quote,
  type QuoteRevision,
  type Webhook,
  type WebhookDelivery,
  WebhookDeliverySchema,
  WebhookSchema,
} from '../entities/index.ts';
import type { RegionContext } from '../context.ts';
import { actingMember, assertMemberExists } from '../capacity/access.ts';
import { memberRefById } from '../members.ts';
import { findSuppliers } from '../suppliers.ts';
import { callerKey, requireOfficeOrAdmin, requireOwner, resolveView, viewOf, visibleWhere } from './access.ts';
import { consortiumStatus, createConsortium, partnerList, respond } from './consortia.ts';
import { idempotency, remember, replayed } from './idempotency.ts';
import { attachmentId, consortiumId, inquiryId, parseConsortiumId, parseInquiryId, parseQuoteId, parseWebhookId, quoteId, webhookId } from './ids.ts';
import { applyPatch, award, checkPublishable, close, effectiveStatus, lockInquiry, newInquiry, publish, quantityClass, requireStatus, type InquiryInput, type InquiryPatch } from './inquiries.ts';
import { answerProposal, inviteMember, proposeInvitee, requireProposer, visibleProposals } from './proposals.ts';
import { quoteTerms, submitQuote, unitPriceFor, type QuoteInput } from './quotes.ts';
import { deleteWebhook, ownedWhere, registerWebhook, webhookOwner } from './webhooks.ts';

/** Loads an inquiry the caller may see, or null; an invited member's first read marks its invitation VIEWED. */
async function visibleInquiry(ctx: RegionContext, id: string, field = 'id'): Promise<Inquiry | null> {
  const inquiry = await ctx.em.findOne(InquirySchema, parseInquiryId(id, field));
  if (!inquiry || !(await resolveView(ctx.em, ctx.identity, inquiry))) return null;
  return inquiry;
}

async function markViewed(ctx: RegionContext, inquiry: Inquiry): Promise<void> {
  const view = viewOf(inquiry);
  if (view.kind !== 'bidder') return;
  await ctx.em.nativeUpdate(InvitationSchema, { inquiryId: inquiry.id, memberId: view.memberId, status: 'INVITED' }, { status: 'VIEWED' });
}

/** Ids are random: lists in the order of creation sort by time, the id breaking ties. */
const oldestFirst = { orderBy: { createdAt: 'asc', id: 'asc' } } as const;

/** Quotes of an inquiry the caller may see: all for owner and admin, its members' for an office, its own (or its consortium's) for a bidder. */
async function visibleQuotes(ctx: RegionContext, inquiry: Inquiry): Promise<Quote[]> {
  const view = viewOf(inquiry);
  if (view.kind === 'office') return ctx.em.find(QuoteSchema, { inquiryId: inquiry.id, network: view.network }, oldestFirst);
  if (view.kind !== 'bidder') return ctx.em.find(QuoteSchema, { inquiryId: inquiry.id }, oldestFirst);
  const partnerships = await ctx.em.find(ConsortiumPartnerSchema, { memberId: view.memberId }, { fields: ['consortiumId'] });
  return ctx.em.find(QuoteSchema, { inquiryId: inquiry.id, $or: [{ memberId: view.memberId }, { consortiumId: { $in: partnerships.map((p) => p.consortiumId) } }] }, oldestFirst);
}

async function suppliersFor(ctx: RegionContext, inquiry: Inquiry, invite: number) {
  const ranked = await findSuppliers(ctx, {
    requirements: {
      processes: inquiry.processCodes,
      material: inquiry.material,
      quantity: quantityClass(inquiry),
      tolerance: inquiry.tolerance as Tolerance | null,
      certifications: inquiry.certifications,
      deliveryLocation: { latitude: inquiry.latitude, longitude: inquiry.longitude },
    },
    first: invite,
  });
  return ranked.edges.map((e) => ({ memberId: e.node.id, network: parseMemberId(e.node.id).network.code, score: e.score, distanceKm: e.distanceKm }));
}

function pageSize(first: number | null | undefined, max: number): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > max) throw badInput('first', `first must lie between 1 and ${max}, got ${size}.`);
  return size;
}

export const inquiryResolvers = {
  Query: {
    async inquiries(_: unknown, args: { status?: string | null; first?: number | null }, ctx: RegionContext) {
      const size = pageSize(args.first, 100);
      const where = await visibleWhere(ctx.em, ctx.identity);
      const now = new Date();
      const status =
        args.status === 'QUOTING_CLOSED' ? { status: 'OPEN', quoteDeadline: { $lte: now } } : args.status === 'OPEN' ? { status: 'OPEN', quoteDeadline: { $gt: now } } : args.status ? { status: args.status } : {};
      const found = await ctx.em.find(InquirySchema, { $and: [where, status] }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: size });
      for (const inquiry of found) await resolveView(ctx.em, ctx.identity, inquiry);
      return found;
    },
    async inquiry(_: unknown, args: { id: string }, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      const inquiry = await visibleInquiry(ctx, args.id);
      if (inquiry) await markViewed(ctx, inquiry);
      return inquiry;
    },
    async quoteComparison(_: unknown, args: { inquiryId: string }, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      const inquiry = await visibleInquiry(ctx, args.inquiryId, 'inquiryId');
      if (!inquiry) throw notFound(`Inquiry ${args.inquiryId} does not exist.`);
      requireOwner(viewOf(inquiry), args.inquiryId);
      const [quotes, invitations] = await Promise.all([ctx.em.find(QuoteSchema, { inquiryId: inquiry.id }), ctx.em.find(InvitationSchema, { inquiryId: inquiry.id })]);
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
        .sort((a, b) => a.unitPrice - b.unitPrice || a.leadTimeDays - b.leadTimeDays || a.quote.createdAt.getTime() - b.quote.createdAt.getTime() || a.quote.id - b.quote.id);
    },
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
    webhooks(_: unknown, __: unknown, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      return ctx.em.find(WebhookSchema, ownedWhere(ctx.identity), oldestFirst);
    },
  },
  Mutation: {
    async createInquiry(_: unknown, args: { input: InquiryInput; idempotencyKey?: string | null }, ctx: RegionContext) {
      const key = idempotency(callerKey(ctx.identity), 'createInquiry', args.idempotencyKey, args.input);
      const inquiry = await ctx.em.transactional(async (tx) => {
        const prior = await replayed(tx, key);
        if (prior !== null) return tx.findOneOrFail(InquirySchema, prior);
        const created = newInquiry(tx, ctx.identity, args.input);
        await tx.flush();
        remember(tx, key, created.id);
        return created;
      });
      await resolveView(ctx.em, ctx.identity, inquiry);
      return inquiry;
    },
    async updateInquiry(_: unknown, args: { id: string; version: number; input: InquiryPatch }, ctx: RegionContext) {
      return ctx.em.transactional(async (tx) => {
        const inquiry = await lockInquiry(tx, ctx.identity, args.id, args.version);
        requireOwner(viewOf(inquiry), args.id);
        requireStatus(inquiry, args.id, 'changed', ['DRAFT']);
        applyPatch(inquiry, args.input);
        return inquiry;
      });
    },
    async publishInquiry(_: unknown, args: { id: string; version: number; invite?: number | null }, ctx: RegionContext) {
      const invite = args.invite ?? 10;
      if (!Number.isInteger(invite) || invite < 0 || invite > 100) throw badInput('invite', `invite must lie between 0 and 100, got ${invite}.`);
      requireSignedIn(ctx.identity);
      const inquiry = await visibleInquiry(ctx, args.id);
      if (!inquiry) throw notFound(`Inquiry ${args.id} does not exist.`);
      checkPublishable(inquiry, args.id);
      const candidates = invite === 0 ? [] : await suppliersFor(ctx, inquiry, invite);
      return ctx.em.transactional((tx) => publish(tx, ctx.identity, args.id, args.version, candidates));
    },
    cancelInquiry: (_: unknown, args: { id: string; version: number }, ctx: RegionContext) => ctx.em.transactional((tx) => close(tx, ctx.identity, args.id, args.version, 'CANCELLED')),
    closeInquiryWithoutAward: (_: unknown, args: { id: string; version: number }, ctx: RegionContext) =>
      ctx.em.transactional((tx) => close(tx, ctx.identity, args.id, args.version, 'CLOSED_WITHOUT_AWARD')),
    awardQuote: (_: unknown, args: { inquiryId: string; quoteId: string; version: number }, ctx: RegionContext) =>
      ctx.em.transactional((tx) => award(tx, ctx.identity, args.inquiryId, parseQuoteId(args.quoteId, 'quoteId'), args.version)),
    async addInvitee(_: unknown, args: { inquiryId: string; memberId: string }, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      const { network } = parseMemberId(args.memberId, 'memberId');
      requireOfficeOrAdmin(ctx.identity, network.code, `invite ${args.memberId}`);
      await assertMemberExists(ctx, args.memberId, 'memberId');
      return ctx.em.transactional(async (tx) => {
        // Only into an inquiry the office already sees (its own, or one its members are invited to); any other is NOT_FOUND.
        const inquiry = await lockInquiry(tx, ctx.identity, args.inquiryId, null, 'inquiryId');
        requireStatus(inquiry, args.inquiryId, 'given new invitees', ['OPEN']);
        return inviteMember(tx, inquiry, args.inquiryId, args.memberId, network.code);
      });
    },
    async proposeInvitee(_: unknown, args: { inquiryId: string; memberId: string }, ctx: RegionContext) {
      requireProposer(ctx.identity, args.memberId);
      await assertMemberExists(ctx, args.memberId, 'memberId');
      return ctx.em.transactional((tx) => proposeInvitee(tx, ctx.identity, args.inquiryId, args.memberId));
    },
    acceptInviteeProposal: (_: unknown, args: { inquiryId: string; memberId: string }, ctx: RegionContext) =>
      ctx.em.transactional((tx) => answerProposal(tx, ctx.identity, args.inquiryId, args.memberId, true)),
    rejectInviteeProposal: (_: unknown, args: { inquiryId: string; memberId: string }, ctx: RegionContext) =>
      ctx.em.transactional((tx) => answerProposal(tx, ctx.identity, args.inquiryId, args.memberId, false)),
    async removeInvitee(_: unknown, args: { inquiryId: string; memberId: string }, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      const { network } = parseMemberId(args.memberId, 'memberId');
      requireOfficeOrAdmin(ctx.identity, network.code, `withdraw the invitation of ${args.memberId}`);
      return ctx.em.transactional(async (tx) => {
        const inquiry = await lockInquiry(tx, ctx.identity, args.inquiryId, null, 'inquiryId');
        requireStatus(inquiry, args.inquiryId, 'changed', ['OPEN']);
        const invitation = await tx.findOne(InvitationSchema, { inquiryId: inquiry.id, memberId: args.memberId });
        if (!invitation) throw notFound(`${args.memberId} is not invited to ${args.inquiryId}.`);
        if (invitation.status === 'QUOTED') throw conflict(`${args.memberId} has already quoted on ${args.inquiryId}; its invitation stays.`);
        tx.remove(invitation);
        return true;
      });
    },
    async declineInquiry(_: unknown, args: { inquiryId: string; reason: string; memberId?: string | null }, ctx: RegionContext) {
      const bidder = await actingMember(ctx, args.memberId);
      const reason = args.reason.trim();
      if (reason === '' || reason.length > 2000) throw badInput('reason', 'reason must be 1 to 2000 characters: say why, so the customer learns from it.');
      return ctx.em.transactional(async (tx) => {
        const inquiry = await lockInquiry(tx, ctx.identity, args.inquiryId, null, 'inquiryId');
        requireStatus(inquiry, args.inquiryId, 'declined', ['OPEN', 'QUOTING_CLOSED']);
        const invitation = await tx.findOne(InvitationSchema, { inquiryId: inquiry.id, memberId: bidder.memberId });
        if (!invitation) throw forbidden(`${bidder.memberId} is not invited to ${args.inquiryId}.`);
        if (invitation.status === 'QUOTED' || invitation.status === 'DECLINED') throw conflict(`${bidder.memberId} has ${invitation.status.toLowerCase()} on ${args.inquiryId} already.`);
        invitation.status = 'DECLINED';
        invitation.declineReason = reason;
        return invitation;
      });
    },
    async submitQuote(_: unknown, args: { inquiryId: string; input: QuoteInput; version?: number | null; idempotencyKey?: string | null }, ctx: RegionContext) {
      const bidder = await actingMember(ctx, args.input.memberId, 'input.memberId');
      const terms = quoteTerms(args.input);
      const consortiumKey = args.input.consortiumId ? parseConsortiumId(args.input.consortiumId, 'input.consortiumId') : null;
      const key = idempotency(callerKey(ctx.identity), 'submitQuote', args.idempotencyKey, { inquiryId: args.inquiryId, input: args.input, version: args.version ?? null });
      return ctx.em.transactional(async (tx) => {
        const prior = await replayed(tx, key);
        if (prior !== null) return tx.findOneOrFail(QuoteSchema, prior);
        const quote = await submitQuote(tx, ctx.identity, args.inquiryId, bidder, terms, consortiumKey, args.version);
        await tx.flush();
        remember(tx, key, quote.id);
        return quote;
      });
    },
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
    async registerWebhook(_: unknown, args: { url: string; events: string[]; memberId?: string | null }, ctx: RegionContext) {
      const owner = await webhookOwner(ctx, args.memberId);
      return registerWebhook(ctx.em, ctx.identity, owner, args.url, args.events, ctx.allowLoopbackWebhooks, ctx.webhookKey);
    },
    deleteWebhook(_: unknown, args: { id: string }, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      return deleteWebhook(ctx.em, ctx.identity, parseWebhookId(args.id));
    },
  },
  Inquiry: {
    id: (i: Inquiry) => inquiryId(i.id),
    processes: (i: Inquiry) => i.processCodes,
    deliveryPostalCode: (i: Inquiry) => i.postalCode,
    deliveryLocation: (i: Inquiry) => ({ latitude: i.latitude, longitude: i.longitude }),
    quoteDeadline: (i: Inquiry) => i.quoteDeadline.toISOString(),
    status: (i: Inquiry) => effectiveStatus(i),
    createdAt: (i: Inquiry) => i.createdAt.toISOString(),
    attachments: (i: Inquiry, _: unknown, ctx: RegionContext) => ctx.em.find(AttachmentSchema, { inquiryId: i.id }, oldestFirst),
    invitations(i: Inquiry, _: unknown, ctx: RegionContext) {
      // A bidder sees its own invitation, an office its network's (their decline reasons are theirs); owner and admin all.
      const view = viewOf(i);
      const mine = view.kind === 'bidder' ? { memberId: view.memberId } : view.kind === 'office' ? { network: view.network } : {};
      return ctx.em.find(InvitationSchema, { inquiryId: i.id, ...mine }, { orderBy: { score: 'desc nulls last', id: 'asc' } });
    },
    quotes: (i: Inquiry, _: unknown, ctx: RegionContext) => visibleQuotes(ctx, i),
    inviteeProposals: (i: Inquiry, _: unknown, ctx: RegionContext) => visibleProposals(ctx.em, i),
    async awardedQuote(i: Inquiry, _: unknown, ctx: RegionContext) {
      if (i.awardedQuoteId == null) return null;
      return (await visibleQuotes(ctx, i)).find((q) => q.id === i.awardedQuoteId) ?? null;
    },
  },
  InquiryInvitation: {
    member: (i: Invitation) => memberRefById(i.memberId),
  },
  InviteeProposal: {
    member: (p: InviteeProposal) => memberRefById(p.memberId),
    proposedAt: (p: InviteeProposal) => p.createdAt.toISOString(),
  },
  Quote: {
    id: (q: Quote) => quoteId(q.id),
    inquiryId: (q: Quote) => inquiryId(q.inquiryId),
    member: (q: Quote) => memberRefById(q.memberId),
    consortium: (q: Quote, _: unknown, ctx: RegionContext) => (q.consortiumId == null ? null : ctx.em.findOne(ConsortiumSchema, q.consortiumId)),
    revisions: (q: Quote, _: unknown, ctx: RegionContext) => ctx.em.find(QuoteRevisionSchema, { quoteId: q.id }, { orderBy: { revision: 'asc' } }),
    submittedAt: (q: Quote) => q.updatedAt.toISOString(),
  },
  QuoteRevision: {
    submittedAt: (r: QuoteRevision) => r.createdAt.toISOString(),
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
  Webhook: {
    id: (w: Webhook) => webhookId(w.id),
    createdAt: (w: Webhook) => w.createdAt.toISOString(),
    deliveries: (w: Webhook, args: { first?: number | null }, ctx: RegionContext) =>
      ctx.em.find(WebhookDeliverySchema, { webhookId: w.id }, { orderBy: { id: 'desc' }, limit: pageSize(args.first, 100) }),
  },
  WebhookDelivery: {
    nextAttemptAt: (d: WebhookDelivery) => d.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: (d: WebhookDelivery) => d.deliveredAt?.toISOString() ?? null,
  },
  Attachment: {
    id: (a: Attachment) => attachmentId(a.id),
    downloadPath: (a: Attachment) => `/attachments?id=${attachmentId(a.id)}`,
  },
} as GraphQLResolverMap<unknown>;
