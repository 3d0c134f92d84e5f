import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import type { Identity } from '../../../shared/identity.ts';
import { CapacityBookingSchema, CapacityPostSchema, holdingStatuses, type BookingStatus, type CapacityBooking } from './entities.ts';
import { text } from '../../../shared/validation.ts';
import { replayed, type Idempotency } from '../../../shared/idempotency.ts';
import { remember } from '../idempotency.ts';
import { parseDate } from './calendar.ts';
import { canActFor } from '../access.ts';
import { freeHours, heldWindow } from './free-days.ts';
import { checkHoursAhead, checkWindow, hoursPerWorkingDay, type CapacityKind } from './posts.ts';
import { parseBookingId, parsePostId } from '../ids.ts';

// Booking offered hours. The offer's row is locked for the whole transaction,
// so concurrent bookings queue up and each sees what the previous ones left;
// a check constraint on the offer (booked_hours <= hours) backs this up. A
// booking takes no more than the offer has left, nor than the days of its
// window have free beside the offer's other bookings (free-days.ts).

export interface BookingRequest {
  offerId: string;
  hours: number;
  from: string;
  to: string;
}

/** Books within one transaction; a retry with the booking's idempotency key answers the first booking and books nothing. */
export async function book(
  em: EntityManager,
  request: BookingRequest,
  booker: { memberId: string; network: string },
  key: Idempotency | null = null,
): Promise<CapacityBooking> {
  const offerKey = parsePostId(request.offerId, 'offerId');
  return em.transactional(async (tx) => {
    const prior = await replayed(tx, key);
    if (prior !== null) return tx.findOneOrFail(CapacityBookingSchema, prior, { populate: ['offer'] });
    const offer = await tx.findOne(CapacityPostSchema, offerKey, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!offer) throw notFound(`Capacity post ${request.offerId} does not exist.`);
    if (offer.side !== 'OFFER')
      throw badInput('offerId', `${request.offerId} is a request, not an offer; only offers can be booked.`, { reason: 'NOT_APPLICABLE' });
    if (offer.status !== 'OPEN')
      throw conflict(`Offer ${request.offerId} is ${offer.status} and takes no bookings.`, { reason: 'STATUS', status: offer.status });
    if (offer.memberId === booker.memberId)
      throw badInput('offerId', `${booker.memberId} cannot book its own offer ${request.offerId}.`, { reason: 'NOT_APPLICABLE' });
    checkWindow(request.hours, request.from, request.to);
    // Its hours go to the days ahead only, as each booking held has the days from when it was made.
    const ahead = checkHoursAhead(offer.kind as CapacityKind, request.hours, request.from, request.to);
    if (parseDate(request.from) < parseDate(offer.fromDate) || parseDate(request.to) > parseDate(offer.toDate)) {
      throw badInput('from', `The booking window ${request.from} to ${request.to} must lie inside the offer's window ${offer.fromDate} to ${offer.toDate}.`, {
        reason: 'NOT_APPLICABLE',
      });
    }
    const left = offer.hours - offer.bookedHours;
    const held = await tx.find(CapacityBookingSchema, { offer, status: { $in: [...holdingStatuses] } });
    const free = freeHours(ahead, held.map(heldWindow), hoursPerWorkingDay[offer.kind as CapacityKind]);
    // Either refusal names the most this booking could take, so that asking for it is not refused again.
    const hoursLeft = Math.min(left, free.hours);
    if (request.hours > left) {
      throw conflict(`Offer ${request.offerId} has only ${left} of ${offer.hours} hours left; book at most ${hoursLeft}.`, {
        reason: 'NOT_ENOUGH_LEFT',
        hoursLeft,
      });
    }
    if (request.hours > free.hours) {
      throw conflict(
        `The days ${ahead.from} to ${ahead.to} of offer ${request.offerId} have ${free.hours} of their ${free.capacity} working hours free ` +
          `beside its other bookings; book at most ${hoursLeft}, or other days.`,
        { reason: 'NOT_ENOUGH_LEFT', hoursLeft },
      );
    }
    offer.bookedHours += request.hours;
    const booking = tx.create(CapacityBookingSchema, {
      offer,
      memberId: booker.memberId,
      network: booker.network,
      hours: request.hours,
      fromDate: request.from,
      toDate: request.to,
      status: 'REQUESTED',
    } as CapacityBooking);
    await tx.flush();
    remember(tx, key, booking.id);
    return booking;
  });
}

export type Transition = 'confirm' | 'decline' | 'cancel';

const allowedFrom: Record<Transition, BookingStatus[]> = { confirm: ['REQUESTED'], decline: ['REQUESTED'], cancel: ['REQUESTED', 'CONFIRMED'] };
const resultingStatus: Record<Transition, BookingStatus> = { confirm: 'CONFIRMED', decline: 'DECLINED', cancel: 'CANCELLED' };

/** Confirm and decline are the offerer's; cancel is either party's. Declined and cancelled hours return to the offer. */
export async function transition(
  em: EntityManager,
  identity: Identity,
  id: string,
  action: Transition,
  reason?: string | null,
  idempotencyKey: Idempotency | null = null,
): Promise<CapacityBooking> {
  const key = parseBookingId(id);
  return em.transactional(async (tx) => {
    const prior = await replayed(tx, idempotencyKey);
    if (prior !== null) return tx.findOneOrFail(CapacityBookingSchema, prior, { populate: ['offer'] });
    const found = await tx.findOne(CapacityBookingSchema, key, { populate: ['offer'] });
    if (!found) throw notFound(`Booking ${id} does not exist.`);
    const offer = await tx.findOneOrFail(CapacityPostSchema, found.offer.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    // Read again under the offer's lock, which every change of a booking takes first: two cancels that both read
    // REQUESTED before either held it would each have released the booking's hours.
    const booking = await tx.findOneOrFail(CapacityBookingSchema, key, { populate: ['offer'], refresh: true });
    const offerer = canActFor(identity, offer.memberId, offer.network);
    const booker = canActFor(identity, booking.memberId, booking.network);
    if (!(offerer || (action === 'cancel' && booker))) {
      throw forbidden(
        action === 'cancel'
          ? `Only the parties of ${id}, their offices or admin may cancel it.`
          : `Only the offerer ${offer.memberId}, its office or admin may ${action} ${id}.`,
      );
    }
    if (!allowedFrom[action].includes(booking.status))
      throw conflict(`Booking ${id} is ${booking.status}; it cannot be ${resultingStatus[action].toLowerCase()} now.`, {
        reason: 'STATUS',
        status: booking.status,
      });
    if (action !== 'confirm') offer.bookedHours -= booking.hours;
    booking.status = resultingStatus[action];
    if (reason !== undefined) booking.reason = text('reason', reason, 2000, false);
    remember(tx, idempotencyKey, booking.id);
    return booking;
  });
}
