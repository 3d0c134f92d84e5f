import { GraphQLError } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import { requireSignedIn } from '../../../shared/identity.ts';
import { text } from '../../../shared/validation.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import type { Tolerance } from '../../../shared/matching.ts';
import type { RegionContext } from '../context.ts';
import { actingMember, assertMemberExists, assertOwnCompanyTakesPart, requireOfficeOrAdmin } from '../access.ts';
import { replayed } from '../../../shared/idempotency.ts';
import { idempotency, remember } from '../idempotency.ts';
import { attachmentId, inquiryId, memberRefById, parseQuoteId } from '../ids.ts';
import { findSuppliers } from '../members/suppliers.ts';
import { pageSize } from '../pages.ts';
import { bidding, requireOwner, visibleInquiry } from './access.ts';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { InquirySchema, InvitationSchema, QuoteSchema, type Inquiry, type InquiryStatus } from './entities.ts';
import {
  applyPatch,
  award,
  checkPublishable,
  close,
  effectiveStatus,
  extendDeadline,
  lockForOwner,
  lockInquiry,
  newInquiry,
  publish,
  quantityClass,
  requireStatus,
} from './inquiries.ts';
import { answerProposal, inviteMember, proposeInvitee, requireProposer, visibleProposals } from './proposals.ts';
import { visibleQuotes } from './quotes.ts';
import { leftNetworkReason } from '../trade-fairs/registrations.ts';

// Inquiries: created, changed, published (which invites the best suppliers), given a later deadline, closed and awarded by their
// owner; invitees added, proposed, removed and declining. Quotes, consortia and webhooks have their own maps.

/** QUOTING_CLOSED is OPEN past the deadline, so OPEN is only before it (inquiries.ts effectiveStatus). */
function statusWhere(status: InquiryStatus | 'QUOTING_CLOSED' | null | undefined, now: Date): FilterQuery<Inquiry> {
  if (status === 'QUOTING_CLOSED') return { status: 'OPEN', quoteDeadline: { $lte: now } };
  if (status === 'OPEN') return { status: 'OPEN', quoteDeadline: { $gt: now } };
  return status ? { status } : {};
}

async function markViewed(ctx: RegionContext, inquiry: Inquiry): Promise<void> {
  const view = ctx.inquiryAccess.viewOf(inquiry);
  if (view.kind !== 'bidder') return;
  await ctx.em.nativeUpdate(InvitationSchema, { inquiry: inquiry.id, memberId: view.memberId, status: 'INVITED' }, { status: 'VIEWED' });
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

/** No bidder could be ranked while networks were down: the first network's error, with the write's outcome (none). */
function notPublished(errors: GraphQLError[], id: string): GraphQLError {
  // A network of another internal API version will not answer later either: its own error says what to do.
  const lasting = errors.find((e) => e.extensions?.code !== 'NETWORK_UNAVAILABLE');
  if (lasting) return new GraphQLError(lasting.message, { extensions: { ...lasting.extensions, writeOutcome: 'NOT_APPLIED' } });
  const networks = errors.map((e) => e.extensions?.network).filter(Boolean);
  return new GraphQLError(
    `No member could be ranked for inquiry ${id} while ${networks.join(', ') || 'the networks'} could not be reached; nothing was published. Retry later.`,
    {
      extensions: { ...errors[0].extensions, writeOutcome: 'NOT_APPLIED' },
    },
  );
}

export const inquiryResolvers: Resolvers = {
  Query: {
    async inquiries(_, args, ctx) {
      const size = pageSize(args.first, 100);
      const where = await ctx.inquiryAccess.visibleWhere(ctx.em);
      // The newest 100 were all a partner could read (the partner probe). The cursor is the last inquiry's id, as for
      // capacity posts: the list stays a plain list, so every query of it keeps working. created_at <= repeats the
      // keyset's first half, which PostgreSQL takes as the bound of its index scan (inquiry_owner_created_idx for a
      // partner, inquiry_created_idx for admin); the or alone it tests row by row from the newest on.
      const after = args.after != null ? await visibleInquiry(ctx, args.after, 'after') : null;
      if (args.after != null && !after)
        throw badInput('after', `after "${args.after.slice(0, 30)}" is not an inquiry of this list; pass the id of the previous page's last inquiry.`, {
          reason: 'NOT_A_CURSOR',
        });
      const keyset = after ? [{ createdAt: { $lte: after.createdAt } }, { $or: [{ createdAt: { $lt: after.createdAt } }, { id: { $lt: after.id } }] }] : [];
      const found = await ctx.em.find(
        InquirySchema,
        { $and: [where, statusWhere(args.status, new Date()), ...keyset] },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: size },
      );
      for (const inquiry of found) await ctx.inquiryAccess.resolve(ctx.em, inquiry);
      return found;
    },
    async inquiry(_, args, ctx) {
      requireSignedIn(ctx.identity);
      const inquiry = await visibleInquiry(ctx, args.id);
      if (inquiry) await markViewed(ctx, inquiry);
      return inquiry;
    },
  },
  Mutation: {
    async createInquiry(_, args, ctx) {
      await assertOwnCompanyTakesPart(ctx);
      const key = idempotency(ctx.identity, 'createInquiry', args.idempotencyKey, args.input);
      const inquiry = await ctx.em.transactional(async (tx) => {
        const prior = await replayed(tx, key);
        if (prior !== null) return tx.findOneOrFail(InquirySchema, prior);
        const created = newInquiry(tx, ctx.identity, args.input);
        await tx.flush();
        remember(tx, key, created.id);
        return created;
      });
      await ctx.inquiryAccess.resolve(ctx.em, inquiry);
      return inquiry;
    },
    async updateInquiry(_, args, ctx) {
      return ctx.em.transactional(async (tx) => {
        // The state before the version, as the owner's other steps: a draft published or withdrawn elsewhere says so.
        const inquiry = await lockForOwner(tx, ctx.inquiryAccess, args.id, args.version, 'changed', ['DRAFT']);
        applyPatch(inquiry, args.input);
        return inquiry;
      });
    },
    async publishInquiry(_, args, ctx) {
      await assertOwnCompanyTakesPart(ctx);
      // Only an office or admin invites by hand after publishing (addInvitee): a customer's or member's inquiry that
      // invites nobody stays OPEN with no bidder, and its owner cannot change that (the portal sent 0 for an empty field).
      const byHand = ctx.identity.role === 'office' || ctx.identity.role === 'admin';
      const min = byHand ? 0 : 1;
      const invite = args.invite ?? 10;
      if (!Number.isInteger(invite) || invite < min || invite > 100)
        throw badInput(
          'invite',
          `invite must lie between ${min} and 100, got ${invite}${byHand ? '' : ': only an office or admin invites by hand after publishing'}.`,
          { reason: 'OUT_OF_RANGE', min, max: 100, integer: true },
        );
      requireSignedIn(ctx.identity);
      const inquiry = await visibleInquiry(ctx, args.id);
      if (!inquiry) throw notFound(`Inquiry ${args.id} does not exist.`);
      checkPublishable(ctx.inquiryAccess, inquiry, args.id);
      const candidates = invite === 0 ? [] : await suppliersFor(ctx, inquiry, invite);
      if (candidates.length === 0 && !byHand) {
        // No one ranked because networks are down is ours to say, and nothing was published.
        const down = ctx.partialErrors.splice(0);
        if (down.length) throw notPublished(down, args.id);
        const wanted = inquiry.certifications.length
          ? ` holds every certificate inquiry ${args.id} asks for (${inquiry.certifications.join(', ')})`
          : ` matches inquiry ${args.id}`;
        throw badInput(
          'id',
          `No member of any network${wanted}, so publishing would invite nobody; nothing was published. Ask for fewer certificates (updateInquiry), or ask a network office to propose members.`,
          { reason: 'NO_MATCH' },
        );
      }
      return ctx.em.transactional((tx) => publish(tx, ctx.inquiryAccess, args.id, args.version, candidates));
    },
    extendQuoteDeadline: (_, args, ctx) =>
      ctx.em.transactional((tx) => extendDeadline(tx, ctx.inquiryAccess, args.id, args.version, args.quoteDeadline, args.deliveryDate ?? null)),
    cancelInquiry: (_, args, ctx) => ctx.em.transactional((tx) => close(tx, ctx.inquiryAccess, args.id, args.version, 'CANCELLED')),
    closeInquiryWithoutAward: (_, args, ctx) => ctx.em.transactional((tx) => close(tx, ctx.inquiryAccess, args.id, args.version, 'CLOSED_WITHOUT_AWARD')),
    async awardQuote(_, args, ctx) {
      const quoteKey = parseQuoteId(args.quoteId, 'quoteId');
      // No order to a bidder that has left its network since it quoted; asked of the owner only, so that no one else
      // learns a quote's member here (award checks the rest under the inquiry's lock).
      const inquiry = await visibleInquiry(ctx, args.inquiryId, 'inquiryId');
      if (inquiry) {
        requireOwner(ctx.inquiryAccess.viewOf(inquiry), args.inquiryId);
        const quote = await ctx.em.findOne(QuoteSchema, quoteKey);
        if (quote?.inquiry.id === inquiry.id) await assertMemberExists(ctx, quote.memberId, 'quoteId');
      }
      return ctx.em.transactional((tx) => award(tx, ctx.inquiryAccess, args.inquiryId, quoteKey, args.version, args.quoteVersion ?? null));
    },
    async addInvitee(_, args, ctx) {
      requireSignedIn(ctx.identity);
      const { network } = parseMemberId(args.memberId, 'memberId');
      requireOfficeOrAdmin(ctx.identity, network.code, `invite ${args.memberId}`);
      await assertMemberExists(ctx, args.memberId, 'memberId');
      return ctx.em.transactional(async (tx) => {
        // Only into an inquiry the office already sees (its own, or one its members are invited to); any other is NOT_FOUND.
        const inquiry = await lockInquiry(tx, ctx.inquiryAccess, args.inquiryId, null, 'inquiryId');
        requireStatus(inquiry, args.inquiryId, 'given new invitees', ['OPEN']);
        return inviteMember(tx, inquiry, args.inquiryId, args.memberId, network.code);
      });
    },
    async proposeInvitee(_, args, ctx) {
      requireProposer(ctx.identity, args.memberId);
      await assertMemberExists(ctx, args.memberId, 'memberId');
      return ctx.em.transactional((tx) => proposeInvitee(tx, ctx.identity, args.inquiryId, args.memberId));
    },
    async acceptInviteeProposal(_, args, ctx) {
      // Proposed before it left its network, it is not invited after; asked of the owner only (answerProposal says the rest).
      requireSignedIn(ctx.identity);
      const inquiry = await visibleInquiry(ctx, args.inquiryId, 'inquiryId');
      if (inquiry) {
        requireOwner(ctx.inquiryAccess.viewOf(inquiry), args.inquiryId);
        await assertMemberExists(ctx, args.memberId, 'memberId');
      }
      return ctx.em.transactional((tx) => answerProposal(tx, ctx.inquiryAccess, args.inquiryId, args.memberId, true));
    },
    rejectInviteeProposal: (_, args, ctx) => ctx.em.transactional((tx) => answerProposal(tx, ctx.inquiryAccess, args.inquiryId, args.memberId, false)),
    async removeInvitee(_, args, ctx) {
      requireSignedIn(ctx.identity);
      const { network } = parseMemberId(args.memberId, 'memberId');
      requireOfficeOrAdmin(ctx.identity, network.code, `withdraw the invitation of ${args.memberId}`);
      return ctx.em.transactional(async (tx) => {
        const inquiry = await lockInquiry(tx, ctx.inquiryAccess, args.inquiryId, null, 'inquiryId');
        requireStatus(inquiry, args.inquiryId, 'changed', ['OPEN']);
        const invitation = await tx.findOne(InvitationSchema, { inquiry, memberId: args.memberId });
        if (!invitation) throw notFound(`${args.memberId} is not invited to ${args.inquiryId}.`);
        if (invitation.status === 'QUOTED')
          throw conflict(`${args.memberId} has already quoted on ${args.inquiryId}; its invitation stays.`, { reason: 'STATUS', status: 'QUOTED' });
        tx.remove(invitation);
        return true;
      });
    },
    async declineInquiry(_, args, ctx) {
      // Declining ends a part, which an archived member may still do.
      const bidder = await actingMember(ctx, args.memberId, 'memberId', { ...bidding, archived: true });
      const reason = text('reason', args.reason, 2000, true)!;
      return ctx.em.transactional(async (tx) => {
        const inquiry = await lockInquiry(tx, ctx.inquiryAccess, args.inquiryId, null, 'inquiryId');
        requireStatus(inquiry, args.inquiryId, 'declined', ['OPEN', 'QUOTING_CLOSED']);
        const invitation = await tx.findOne(InvitationSchema, { inquiry, memberId: bidder.memberId });
        if (!invitation) throw forbidden(`${bidder.memberId} is not invited to ${args.inquiryId}.`);
        // Declined for it when it was archived (quotes.ts leaveInvitedInquiries): its own reason then replaces that one.
        const declinedOnLeaving = invitation.status === 'DECLINED' && invitation.declineReason === leftNetworkReason;
        if (!declinedOnLeaving && (invitation.status === 'QUOTED' || invitation.status === 'DECLINED'))
          throw conflict(`${bidder.memberId} has ${invitation.status.toLowerCase()} on ${args.inquiryId} already.`, {
            reason: 'STATUS',
            status: invitation.status,
          });
        invitation.status = 'DECLINED';
        invitation.declineReason = reason;
        return invitation;
      });
    },
  },
  Inquiry: {
    id: (i) => inquiryId(i.id),
    // The portal guessed an office's part from the invitations it saw, and read its own published inquiry that
    // invites only its own members as one it follows (no compare, award or end).
    viewerIsOwner: (i, _, ctx) => ['owner', 'admin'].includes(ctx.inquiryAccess.viewOf(i).kind),
    processes: (i) => i.processCodes,
    deliveryPostalCode: (i) => i.postalCode,
    deliveryLocation: (i) => ({ latitude: i.latitude, longitude: i.longitude }),
    quoteDeadline: (i) => i.quoteDeadline.toISOString(),
    status: (i) => effectiveStatus(i),
    createdAt: (i) => i.createdAt.toISOString(),
    attachments: (i, _, ctx) => ctx.inquiryLoaders.attachments.load(i.id),
    async invitations(i, _, ctx) {
      // A bidder sees its own invitation, an office its network's (their decline reasons are theirs); owner and admin all.
      const view = ctx.inquiryAccess.viewOf(i);
      const invitations = await ctx.inquiryLoaders.invitations.load(i.id);
      if (view.kind === 'bidder') return invitations.filter((inv) => inv.memberId === view.memberId);
      if (view.kind === 'office') return invitations.filter((inv) => inv.network === view.network);
      return invitations;
    },
    quotes: (i, _, ctx) => visibleQuotes(ctx, i),
    inviteeProposals: (i, _, ctx) => visibleProposals(ctx, i),
    async awardedQuote(i, _, ctx) {
      if (i.awardedQuoteId == null) return null;
      return (await visibleQuotes(ctx, i)).find((q) => q.id === i.awardedQuoteId) ?? null;
    },
  },
  InquiryInvitation: {
    member: (i) => memberRefById(i.memberId),
  },
  InviteeProposal: {
    member: (p) => memberRefById(p.memberId),
    proposedAt: (p) => p.createdAt.toISOString(),
  },
  Attachment: {
    id: (a) => attachmentId(a.id),
    downloadPath: (a) => `/attachments?id=${attachmentId(a.id)}`,
  },
};
