import type { MutationDeclineCapacityBookingArgs, Resolvers } from '../generated/resolvers-types.ts';
import { badInput, notFound } from '../../../shared/errors.ts';
import { memberTypeName, networks } from '../../../shared/networks.ts';
import { AvailabilitySchema, CapacityBookingSchema, CapacityPostSchema, type CapacityPost } from './entities.ts';
import type { RegionContext } from '../context.ts';
import { pageSize } from '../pages.ts';
import { boundedList, isoDate, listLimits, processCodes } from '../../../shared/validation.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import { replayed } from '../../../shared/idempotency.ts';
import { idempotency, remember } from '../idempotency.ts';
import { actingMember, assertMemberExists, assertMembersExist, canActFor, requireCooperation } from '../access.ts';
import { capacityBalance } from './balance.ts';
import { book, transition, type Transition } from './bookings.ts';
import { hoursPerWeek } from './calendar.ts';
import { findMatches } from './matches.ts';
import { applyPatch, createPost, postForChange, processOf } from './posts.ts';
import { bookingId, memberRefById, parseBookingId, parsePostId, postId, type MemberRef } from '../ids.ts';

/** Confirm and cancel take the same arguments without the reason. */
type BookingChange = MutationDeclineCapacityBookingArgs;

/** A retried confirm, decline or cancel answers the booking it changed, not CONFLICT for the state it left behind. */
async function changeBooking(ctx: RegionContext, args: BookingChange, action: Transition) {
  requireCooperation(ctx.identity);
  const key = idempotency(ctx.identity, `${action}CapacityBooking`, args.idempotencyKey, { id: args.id, reason: args.reason ?? null });
  if (action === 'confirm') {
    // Not for a booker or an offerer that has left its network since; asked of those who may confirm only (transition says the rest).
    const booking = await ctx.em.findOne(CapacityBookingSchema, parseBookingId(args.id), { populate: ['offer'] });
    if (booking && canActFor(ctx.identity, booking.offer.memberId, booking.offer.network))
      await assertMembersExist(ctx, [booking.offer.memberId, booking.memberId], 'id');
  }
  return transition(ctx.em, ctx.identity, args.id, action, args.reason, key);
}

async function loadPost(ctx: RegionContext, id: string, field = 'id'): Promise<CapacityPost> {
  const post = await ctx.em.findOne(CapacityPostSchema, parsePostId(id, field));
  if (!post) throw notFound(`Capacity post ${id} does not exist.`);
  return post;
}

export const capacityResolvers: Resolvers = {
  Query: {
    async capacityPosts(_, args, ctx) {
      requireCooperation(ctx.identity);
      const size = pageSize(args.first, 100);
      const f = args.filter ?? {};
      if (f.process != null) processCodes('filter.process', [f.process]);
      if (f.from != null) isoDate('filter.from', f.from);
      if (f.to != null) isoDate('filter.to', f.to);
      // A reversed window overlaps nothing here but matched every post whose window spans it, as if turned round.
      if (f.from != null && f.to != null && f.to < f.from)
        throw badInput('filter.to', `filter.to (${f.to}) lies before filter.from (${f.from}).`, { reason: 'ORDER', other: 'filter.from' });
      if (f.networks) boundedList('filter.networks', f.networks, listLimits.networks);
      if (f.member != null) parseMemberId(f.member, 'filter.member');
      const where = {
        status: 'OPEN' as const,
        ...(f.side ? { side: f.side } : {}),
        ...(f.kind ? { kind: f.kind } : {}),
        ...(f.cadSystem ? { cadSystem: f.cadSystem } : {}),
        ...(f.process ? { processCode: { $like: `${f.process}%` } } : {}),
        ...(f.from ? { toDate: { $gte: f.from } } : {}),
        ...(f.to ? { fromDate: { $lte: f.to } } : {}),
        ...(f.networks?.length ? { network: { $in: f.networks } } : {}),
        ...(f.member != null ? { memberId: f.member } : {}),
      };
      // Newest first by creation time (ids are random), the id breaking ties; the cursor is the last post's id.
      const after = args.after ? await ctx.em.findOne(CapacityPostSchema, parsePostId(args.after, 'after'), { fields: ['createdAt'] }) : null;
      if (args.after && !after)
        throw badInput('after', `after "${args.after.slice(0, 30)}" is not a post of this list; pass the endCursor of a previous page.`, {
          reason: 'NOT_A_CURSOR',
        });
      const keyset = after ? { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] } : {};
      const [nodes, totalCount] = await Promise.all([
        ctx.em.find(CapacityPostSchema, { ...where, ...keyset }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: size + 1 }),
        ctx.em.count(CapacityPostSchema, where),
      ]);
      const page = nodes.slice(0, size);
      return { totalCount, nodes: page, pageInfo: { hasNextPage: nodes.length > size, endCursor: page.length ? postId(page.at(-1)!.id) : null } };
    },
    async capacityPost(_, args, ctx) {
      requireCooperation(ctx.identity);
      // null for an id that names no post, as the schema says (a malformed id is still BAD_USER_INPUT).
      return ctx.em.findOne(CapacityPostSchema, parsePostId(args.id, 'id'));
    },
    async capacityMatches(_, args, ctx) {
      requireCooperation(ctx.identity);
      return findMatches(ctx.em, await loadPost(ctx, args.postId, 'postId'), pageSize(args.first, 50, 10));
    },
    async capacityBookings(_, args, ctx) {
      requireCooperation(ctx.identity);
      const { identity } = ctx;
      const mine =
        identity.role === 'admin'
          ? {}
          : identity.role === 'office'
            ? { $or: [{ network: identity.network }, { offer: { network: identity.network } }] }
            : { $or: [{ memberId: identity.memberId }, { offer: { memberId: identity.memberId } }] };
      return ctx.em.find(CapacityBookingSchema, mine, {
        populate: ['offer'],
        orderBy: { createdAt: 'desc', id: 'desc' },
        limit: pageSize(args.first, 200, 50),
      });
    },
    capacityBalance(_, args, ctx) {
      requireCooperation(ctx.identity);
      return capacityBalance(ctx.em, args.from, args.to, args.kind);
    },
  },
  Mutation: {
    async postCapacity(_, args, ctx) {
      const owner = await actingMember(ctx, args.input.memberId, 'input.memberId');
      const key = idempotency(ctx.identity, 'postCapacity', args.idempotencyKey, args.input);
      return ctx.em.transactional(async (tx) => {
        const prior = await replayed(tx, key);
        if (prior !== null) return tx.findOneOrFail(CapacityPostSchema, prior);
        const post = createPost(tx, args.input, owner);
        await tx.flush();
        remember(tx, key, post.id);
        return post;
      });
    },
    async updateCapacityPost(_, args, ctx) {
      requireCooperation(ctx.identity);
      const key = idempotency(ctx.identity, 'updateCapacityPost', args.idempotencyKey, { id: args.id, version: args.version, input: args.input });
      return ctx.em.transactional(async (tx) => {
        // A retry of an applied update would find its own version stale; the key answers it first.
        const prior = await replayed(tx, key);
        if (prior !== null) return tx.findOneOrFail(CapacityPostSchema, prior);
        const post = await postForChange(tx, ctx.identity, args.id, args.version);
        await applyPatch(tx, post, args.input);
        await tx.flush();
        remember(tx, key, post.id);
        return post;
      });
    },
    async withdrawCapacityPost(_, args, ctx) {
      requireCooperation(ctx.identity);
      const key = idempotency(ctx.identity, 'withdrawCapacityPost', args.idempotencyKey, { id: args.id, version: args.version });
      return ctx.em.transactional(async (tx) => {
        const prior = await replayed(tx, key);
        if (prior !== null) return tx.findOneOrFail(CapacityPostSchema, prior);
        const post = await postForChange(tx, ctx.identity, args.id, args.version);
        post.status = 'WITHDRAWN';
        await tx.flush();
        remember(tx, key, post.id);
        return post;
      });
    },
    async bookCapacity(_, args, ctx) {
      const booker = await actingMember(ctx, args.memberId);
      // An offer of a member that has left its network takes no bookings, though it was archived elsewhere than
      // through region and its offers are still open (members/members.ts withdraws them otherwise).
      const offer = await ctx.em.findOne(CapacityPostSchema, parsePostId(args.offerId, 'offerId'));
      if (offer) await assertMemberExists(ctx, offer.memberId, 'offerId');
      const { idempotencyKey, ...request } = args;
      return book(ctx.em, request, booker, idempotency(ctx.identity, 'bookCapacity', idempotencyKey, request));
    },
    confirmCapacityBooking: (_, args, ctx) => changeBooking(ctx, args, 'confirm'),
    declineCapacityBooking: (_, args, ctx) => changeBooking(ctx, args, 'decline'),
    cancelCapacityBooking: (_, args, ctx) => changeBooking(ctx, args, 'cancel'),
    async setAvailability(_, args, ctx) {
      const { memberId, network } = await actingMember(ctx, args.memberId);
      await ctx.em.upsert(AvailabilitySchema, { memberId, network, status: args.status, updatedAt: new Date() });
      return args.status;
    },
  },
  CapacityPost: {
    id: (p) => postId(p.id),
    member: (p) => memberRefById(p.memberId),
    process: (p) => processOf(p),
    remainingHours: (p) => (p.side === 'OFFER' ? p.hours - p.bookedHours : 0),
    from: (p) => p.fromDate,
    to: (p) => p.toDate,
    weeks: (p) => [...hoursPerWeek(p.hours, p.fromDate, p.toDate, p.fromDate, p.toDate).keys()],
    location: (p) => (p.latitude == null || p.longitude == null ? null : { latitude: Number(p.latitude), longitude: Number(p.longitude) }),
    pricePerHour: (p) => (p.pricePerHour == null ? null : Number(p.pricePerHour)),
    createdAt: (p) => p.createdAt.toISOString(),
  },
  CapacityBooking: {
    id: (b) => bookingId(b.id),
    member: (b) => memberRefById(b.memberId),
    from: (b) => b.fromDate,
    to: (b) => b.toDate,
    createdAt: (b) => b.createdAt.toISOString(),
  },
  // Region contributes each member's availability to the member types of every network.
  ...Object.fromEntries(
    networks.map((n) => [memberTypeName(n.code), { availability: (m: MemberRef, _: unknown, ctx: RegionContext) => ctx.availability.load(m.id) }]),
  ),
};
