import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import { processView } from '../../../shared/data/processes.ts';
import { isGermanPostalCode, postalCodeRule, postalCodeLocation } from '../../../shared/data/postal-codes.ts';
import { isoDate, line, processCodes, text } from '../../../shared/validation.ts';
import { bookingId, parsePostId } from '../ids.ts';
import { cadSystems, CapacityBookingSchema, CapacityPostSchema, holdingStatuses, type CadSystem, type CapacityPost } from './entities.ts';
import { daysAfter, daysAhead, parseDate, today, workingDays } from './calendar.ts';
import { canActFor } from '../access.ts';
import type { Identity } from '../../../shared/identity.ts';
import { freeHours, heldWindow } from './free-days.ts';

/** Hours a working day holds: one designer's day for CAD, three shifts for machines. */
export const hoursPerWorkingDay = { CAD: 8, MACHINE_HOURS: 24 } as const;
export type CapacityKind = keyof typeof hoursPerWorkingDay;

export interface PostInput {
  side: 'OFFER' | 'REQUEST';
  memberId?: string | null;
  kind: CapacityKind;
  cadSystem?: CadSystem | null;
  process?: string | null;
  machine?: string | null;
  workEnvelope?: string | null;
  hours: number;
  from: string;
  to: string;
  postalCode: string;
  pricePerHour?: number | null;
  notes?: string | null;
}

/** GraphQL passes null for a field given as null: applyPatch clears the machine, envelope, price or notes with it, and refuses it for hours, from and to. */
export type PostPatch = { [K in 'machine' | 'workEnvelope' | 'hours' | 'from' | 'to' | 'pricePerHour' | 'notes']?: PostInput[K] | null };

/** Days a post's window may reach past its first, as a balance's (balance.ts). */
export const maxWindowDays = 366;

/** A window must end on or after its start, reach today or later, span at most a year, and ask a positive whole number of hours. */
export function checkWindow(
  hours: number,
  from: string,
  to: string,
  fields = { hours: 'hours', from: 'from', to: 'to' },
  // A change that keeps the window: a post taken before the year's limit stays editable (its price, its notes).
  lengthChecked = true,
): void {
  isoDate(fields.from, from);
  isoDate(fields.to, to);
  if (parseDate(to) < parseDate(from))
    throw badInput(fields.to, `${fields.to} (${to}) lies before ${fields.from} (${from}).`, { reason: 'ORDER', other: fields.from });
  if (to < today()) throw badInput(fields.to, `The window ${from} to ${to} lies entirely in the past.`, { reason: 'IN_THE_PAST' });
  // A year at most, as a balance reads: a post from 1900 to 2999 was taken, and every read of it walked 400,000 days
  // (its weeks 631 KB; 40 of them kept region from answering within the gateway's 10 s, and a balance took 7 s).
  if (lengthChecked && daysAfter(from, to) > maxWindowDays)
    throw badInput(
      fields.to,
      `A window covers at most ${maxWindowDays} days after ${fields.from} (${from}); ${to} lies beyond. Post a later window on its own.`,
      { reason: 'OUT_OF_RANGE', max: maxWindowDays, days: true },
    );
  if (!Number.isInteger(hours) || hours <= 0)
    throw badInput(fields.hours, `${fields.hours} must be a positive whole number, got ${hours}.`, { reason: 'OUT_OF_RANGE', min: 1, integer: true });
}

/**
 * The working days a window has left from today (calendar.ts daysAhead), refused when there are none: a window of a
 * weekend, or one whose working days are all gone. It was IN_THE_PAST for a window ending on a Sunday that was today.
 */
function workingDaysAhead(from: string, to: string, field: string): { from: string; days: number } {
  const ahead = daysAhead(from, to);
  const days = workingDays(ahead.from, ahead.to);
  if (days > 0) return { from: ahead.from, days };
  const left = ahead.from === from ? '' : ` left from today (${ahead.from})`;
  throw badInput(field, `The window ${from} to ${to} has no working day (Monday to Friday)${left}; choose other days.`, { reason: 'NO_WORKING_DAY' });
}

/**
 * A window's hours (a new post's, a booking's) must fit the working days it has left from today, a day that has
 * passed being worked no more: an offer posted on a Monday for the last two weeks offered 240 machine hours of which
 * the week gone held 120, and a booking of the Wednesday before to the coming Monday took 72 hours where one day,
 * 24 hours, was left (bookings.ts; free-days.ts then places it on the days ahead only). One refusal, naming the most
 * that fits: the whole window's hours, checked first, were refused again at the days ahead once asked for. Returns
 * those days, for the placing of the hours.
 */
export function checkHoursAhead(
  kind: CapacityKind,
  hours: number,
  from: string,
  to: string,
  fields = { hours: 'hours', to: 'to' },
): { from: string; to: string } {
  const ahead = workingDaysAhead(from, to, fields.to);
  const capacity = ahead.days * hoursPerWorkingDay[kind];
  if (hours <= capacity) return { from: ahead.from, to };
  const whose = ahead.from === from ? "the window's working hours" : `the working hours the window has left from today (${ahead.from})`;
  throw badInput(fields.hours, `${fields.hours} (${hours}) exceed ${whose}: ${ahead.days} working days × ${hoursPerWorkingDay[kind]} h = ${capacity} h.`, {
    reason: 'OUT_OF_RANGE',
    min: 1,
    max: capacity,
    integer: true,
  });
}

/**
 * A changed offer's hours still to book must fit what its days ahead have free beside its bookings (free-days.ts,
 * each booking on its days from when it was made), as a booking of its window would find them: counted against all
 * the days ahead, an offer of 120 hours left in its days with 100 of them booked today could be raised to 220 and
 * show 120 open hours that no booking could take.
 */
async function checkOpenHours(em: EntityManager, post: CapacityPost, hours: number, from: string, to: string): Promise<void> {
  const fields = { hours: 'input.hours', to: 'input.to' };
  const booked = post.bookedHours;
  if (post.side !== 'OFFER' || booked === 0) {
    checkHoursAhead(post.kind as CapacityKind, hours, from, to, fields);
    return;
  }
  const ahead = workingDaysAhead(from, to, fields.to);
  const held = await em.find(CapacityBookingSchema, { offer: post, status: { $in: [...holdingStatuses] } });
  const free = freeHours({ from: ahead.from, to }, held.map(heldWindow), hoursPerWorkingDay[post.kind as CapacityKind]);
  if (hours - booked <= free.hours) return;
  throw badInput(
    fields.hours,
    `${fields.hours} (${hours}) leave ${hours - booked} hours to book beside the ${booked} booked, more than the ${free.hours} of the ` +
      `${free.capacity} working hours from today (${ahead.from}) that its bookings leave free.`,
    { reason: 'OUT_OF_RANGE', min: booked, max: booked + free.hours, integer: true },
  );
}

/** Euros to the cent, checked as stored: 0.001 was stored as 0.00 and 99,999.999 as 100,000.00, both past the bounds. */
function price(value: number | null | undefined): string | null {
  if (value == null) return null;
  const cents = Math.round(value * 100);
  if (!(cents >= 1 && cents <= 9_999_999))
    throw badInput('input.pricePerHour', `input.pricePerHour must be an amount in euros from 0.01 to 99,999.99, got ${value}.`, {
      reason: 'OUT_OF_RANGE',
      min: 0.01,
      max: 99_999.99,
    });
  return (cents / 100).toFixed(2);
}

export function createPost(em: EntityManager, input: PostInput, owner: { memberId: string; network: string }): CapacityPost {
  if (input.kind === 'CAD') {
    if (!input.cadSystem) throw badInput('input.cadSystem', `input.cadSystem is required for CAD; one of ${cadSystems.join(', ')}.`, { reason: 'REQUIRED' });
    if (input.process) throw badInput('input.process', 'input.process is for MACHINE_HOURS; CAD posts name a cadSystem.', { reason: 'COMBINATION' });
  } else {
    if (!input.process)
      throw badInput('input.process', 'input.process is required for MACHINE_HOURS: a DIN 8580 code such as 3.2.3 (Fräsen).', { reason: 'REQUIRED' });
    processCodes('input.process', [input.process]);
    if (input.cadSystem) throw badInput('input.cadSystem', 'input.cadSystem is for CAD posts.', { reason: 'COMBINATION' });
  }
  checkWindow(input.hours, input.from, input.to, { hours: 'input.hours', from: 'input.from', to: 'input.to' });
  checkHoursAhead(input.kind, input.hours, input.from, input.to, { hours: 'input.hours', to: 'input.to' });
  if (!isGermanPostalCode(input.postalCode))
    throw badInput('input.postalCode', postalCodeRule('input.postalCode', input.postalCode), {
      reason: 'POSTAL_CODE',
    });
  const location = postalCodeLocation(input.postalCode);
  return em.create(CapacityPostSchema, {
    side: input.side,
    memberId: owner.memberId,
    network: owner.network,
    kind: input.kind,
    cadSystem: input.cadSystem ?? null,
    processCode: input.process ?? null,
    machine: line('input.machine', input.machine, 200, false),
    workEnvelope: line('input.workEnvelope', input.workEnvelope, 200, false),
    hours: input.hours,
    bookedHours: 0,
    fromDate: input.from,
    toDate: input.to,
    postalCode: input.postalCode,
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    pricePerHour: price(input.pricePerHour),
    notes: text('input.notes', input.notes, 2000, false),
    status: 'OPEN',
  } as CapacityPost);
}

/** Loads a post the caller may change, at the version the caller read. */
export async function postForChange(em: EntityManager, identity: Identity, id: string, version: number): Promise<CapacityPost> {
  // Locked, as a booking locks it: read before a booking's lock, the version checked here was stale by the time of
  // the UPDATE, and MikroORM's own version check failed it as INTERNAL_SERVER_ERROR instead of this CONFLICT.
  const post = await em.findOne(CapacityPostSchema, parsePostId(id), { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!post) throw notFound(`Capacity post ${id} does not exist.`);
  if (!canActFor(identity, post.memberId, post.network)) throw forbidden(`Only ${post.memberId}, its network office or admin may change ${id}.`);
  if (post.version !== version)
    throw conflict(`Capacity post ${id} is at version ${post.version}, not ${version}: it changed since you read it. Read it again and retry.`, {
      reason: 'STALE_VERSION',
      currentVersion: post.version,
    });
  if (post.status !== 'OPEN') throw conflict(`Capacity post ${id} is ${post.status} and can no longer be changed.`, { reason: 'STATUS', status: post.status });
  return post;
}

/**
 * Changes a post held by postForChange. An offer's new window must still hold every booking that holds hours of it
 * (REQUESTED or CONFIRMED): shrunk from 11-22 to 11-12 January, an offer kept a booking of 18-22 January that no
 * longer lay inside it. Bookings take the offer's lock (bookings.ts), which postForChange holds, so none comes
 * between this read and the change.
 */
export async function applyPatch(em: EntityManager, post: CapacityPost, patch: PostPatch): Promise<void> {
  // A post always has hours and a window: null for one of them was taken as "keep", silently, while null clears
  // a machine, a price or notes.
  for (const field of ['hours', 'from', 'to'] as const)
    if (patch[field] === null)
      throw badInput(`input.${field}`, `input.${field} cannot be cleared; leave it out to keep the current value.`, { reason: 'REQUIRED' });
  const hours = patch.hours ?? post.hours;
  const from = patch.from ?? post.fromDate;
  const to = patch.to ?? post.toDate;
  const windowChanged = from !== post.fromDate || to !== post.toDate;
  checkWindow(hours, from, to, { hours: 'input.hours', from: 'input.from', to: 'input.to' }, windowChanged);
  // A post's price or notes, or fewer hours, may still change once its days ahead hold less than its open hours.
  if (windowChanged || hours > post.hours) await checkOpenHours(em, post, hours, from, to);
  if (hours < post.bookedHours)
    throw badInput('input.hours', `input.hours (${hours}) cannot go below the ${post.bookedHours} hours already booked.`, {
      reason: 'OUT_OF_RANGE',
      min: post.bookedHours,
    });
  if (post.side === 'OFFER' && (from > post.fromDate || to < post.toDate)) {
    const outside = await em.findOne(
      CapacityBookingSchema,
      { offer: post, status: { $in: [...holdingStatuses] }, $or: [{ fromDate: { $lt: from } }, { toDate: { $gt: to } }] },
      { orderBy: { fromDate: 'asc', id: 'asc' } },
    );
    if (outside) {
      const field = outside.fromDate < from ? 'input.from' : 'input.to';
      throw badInput(
        field,
        `Booking ${bookingId(outside.id)} (${outside.status}) holds ${outside.fromDate} to ${outside.toDate}, outside the window ${from} to ${to}: keep the window around every booking, or decline or cancel the booking first.`,
        { reason: 'NOT_APPLICABLE' },
      );
    }
  }
  post.hours = hours;
  post.fromDate = from;
  post.toDate = to;
  if (patch.machine !== undefined) post.machine = line('input.machine', patch.machine, 200, false);
  if (patch.workEnvelope !== undefined) post.workEnvelope = line('input.workEnvelope', patch.workEnvelope, 200, false);
  if (patch.pricePerHour !== undefined) post.pricePerHour = price(patch.pricePerHour);
  if (patch.notes !== undefined) post.notes = text('input.notes', patch.notes, 2000, false);
}

/** Why a request on the offer of a member that left is declined: no one is left to confirm it. */
export const offererLeftReason = 'Das anbietende Unternehmen hat sein Netzwerk verlassen.';

/**
 * A member's open offers and requests, withdrawn as withdrawCapacityPost does (members/members.ts archiveMember). Their
 * confirmed bookings stay, agreed between the two; a request not confirmed yet is declined, its hours back: it stayed
 * "angefragt" for good, as the offerer's people sign in no more (the self-service probe).
 */
export async function withdrawMemberPosts(tx: EntityManager, memberId: string): Promise<void> {
  // Under each offer's lock, which a booking and each change of one take first (bookings.ts), all in one statement
  // in id order: read without it, a booking committed meanwhile moved the post's version, and the withdrawal failed
  // on it. The offers with requests are those still open and any withdrawn or ended before with a request left.
  const asked = await tx.execute<{ offer_id: string }[]>(
    `select distinct b.offer_id from capacity_booking b join capacity_post p on p.id = b.offer_id where p.member_id = ? and b.status = 'REQUESTED'`,
    [memberId],
  );
  const posts = await tx.find(
    CapacityPostSchema,
    { memberId, $or: [{ status: 'OPEN' }, { id: { $in: asked.map((row) => Number(row.offer_id)) } }] },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
  );
  // Read under the locks, and before the posts change: a refresh after would read their old state back.
  const requested = await tx.find(CapacityBookingSchema, { offer: { memberId }, status: 'REQUESTED' }, { refresh: true });
  for (const post of posts) if (post.status === 'OPEN') post.status = 'WITHDRAWN';
  for (const booking of requested) {
    const offer = posts.find((post) => post.id === booking.offer.id);
    if (offer) offer.bookedHours -= booking.hours;
    booking.status = 'DECLINED';
    booking.reason = offererLeftReason;
  }
}

export function describeSystem(post: Pick<CapacityPost, 'cadSystem' | 'processCode'>): string {
  return post.cadSystem ?? post.processCode ?? '';
}

export function processOf(post: CapacityPost) {
  return post.processCode ? processView(post.processCode) : null;
}
