import type { EntityManager } from '@mikro-orm/postgresql';
import type { MatchStatus, RequirementMatch } from '../../../shared/matching.ts';
import { findProcess } from '../../../shared/data/processes.ts';
import { CapacityBookingSchema, CapacityPostSchema, holdingStatuses, type CapacityPost } from './entities.ts';
import { daysAhead, formatDate, parseDate } from './calendar.ts';
import { freeHours, heldWindow, placeableHours, type HeldWindow } from './free-days.ts';
import { hoursPerWorkingDay, type CapacityKind } from './posts.ts';

// Offers for a request, or requests for an offer: same kind and CAD system or
// process, overlapping window, another member. Ranked by hours, window fit and
// distance, each with its reason. An offer's hours free for a request are
// those a booking of the days both windows share could take (free-days.ts):
// an offer whose hours are left but whose days there are booked up meets
// nothing, as bookCapacity would refuse it.

const weights = { hours: 0.4, window: 0.3, distance: 0.3 };
const value: Record<MatchStatus, number> = { MET: 1, PARTLY_MET: 0.5, NOT_MET: 0 };
const day = 86_400_000;

function distanceKm(a: CapacityPost, b: CapacityPost): number | null {
  if (a.latitude == null || a.longitude == null || b.latitude == null || b.longitude == null) return null;
  // MikroORM maps double precision to strings, so the coordinates are read as numbers here.
  const [lat1, lon1, lat2, lon2] = [a.latitude, a.longitude, b.latitude, b.longitude].map(Number);
  const r = Math.PI / 180;
  const x = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(x));
}

/** A machine process fits when the offer's process is the requested one or lies below it. */
function processFits(offer: string | null | undefined, request: string | null | undefined): boolean {
  return !!offer && !!request && (offer === request || offer.startsWith(`${request}.`));
}

/** An offer's bookings, and how many of their hours its days hold (the same for every request it is matched with). */
interface OfferBookings {
  held: HeldWindow[];
  placed: number;
}

/** The first and last day both windows hold, as parseDate's times. */
function sharedDays(offer: CapacityPost, request: CapacityPost): { from: number; to: number } {
  return {
    from: Math.max(parseDate(offer.fromDate), parseDate(request.fromDate)),
    to: Math.min(parseDate(offer.toDate), parseDate(request.toDate)),
  };
}

/** What a booking of the days both windows share, from today on, could take of the offer, beside its bookings. */
function hoursFree(offer: CapacityPost, request: CapacityPost, { held, placed }: OfferBookings): number {
  const days = sharedDays(offer, request);
  const shared = daysAhead(formatDate(days.from), formatDate(days.to));
  return Math.min(offer.hours - offer.bookedHours, freeHours(shared, held, hoursPerWorkingDay[offer.kind as CapacityKind], placed).hours);
}

function scoreMatch(offer: CapacityPost, request: CapacityPost, free: number) {
  const hours: RequirementMatch =
    free >= request.hours
      ? { requirement: 'hours', status: 'MET', reason: `${free} h free for ${request.hours} h needed` }
      : { requirement: 'hours', status: 'PARTLY_MET', reason: `${free} h free of ${request.hours} h needed` };
  const shared = sharedDays(offer, request);
  const overlapDays = (shared.to - shared.from) / day + 1;
  const requestDays = (parseDate(request.toDate) - parseDate(request.fromDate)) / day + 1;
  const window: RequirementMatch =
    overlapDays >= requestDays
      ? { requirement: 'window', status: 'MET', reason: `covers ${request.fromDate} to ${request.toDate}` }
      : { requirement: 'window', status: 'PARTLY_MET', reason: `${overlapDays} of ${requestDays} days overlap` };
  const km = distanceKm(offer, request);
  const distance: RequirementMatch =
    km === null
      ? { requirement: 'distance', status: 'NOT_MET', reason: 'location unknown' }
      : { requirement: 'distance', status: km <= 50 ? 'MET' : km <= 150 ? 'PARTLY_MET' : 'NOT_MET', reason: `${Math.round(km)} km apart` };
  const process = offer.processCode ? findProcess(offer.processCode)?.name : offer.cadSystem;
  const breakdown = [hours, window, distance, { requirement: offer.kind === 'CAD' ? 'CAD system' : 'process', status: 'MET' as const, reason: process ?? '' }];
  const score = value[hours.status] * weights.hours + value[window.status] * weights.window + value[distance.status] * weights.distance;
  return { score: Math.round(score * 10000) / 10000, distanceKm: km === null ? null : Math.round(km * 10) / 10, breakdown };
}

export async function findMatches(em: EntityManager, post: CapacityPost, first: number) {
  const candidates = await em.find(CapacityPostSchema, {
    side: post.side === 'OFFER' ? 'REQUEST' : 'OFFER',
    kind: post.kind,
    status: 'OPEN',
    memberId: { $ne: post.memberId },
    fromDate: { $lte: post.toDate },
    toDate: { $gte: post.fromDate },
    ...(post.kind === 'CAD' ? { cadSystem: post.cadSystem } : {}),
  });
  const fitting = candidates
    .filter((c) => post.kind === 'CAD' || (post.side === 'OFFER' ? processFits(post.processCode, c.processCode) : processFits(c.processCode, post.processCode)))
    .filter((c) => (c.side === 'OFFER' ? c.hours > c.bookedHours : true) && (post.side === 'OFFER' ? post.hours > post.bookedHours : true));
  // The offers' bookings in one statement: the post's own when it is the offer, else the fitting offers'.
  const offers = post.side === 'OFFER' ? [post] : fitting;
  const bookings = offers.length
    ? await em.find(CapacityBookingSchema, { offer: { $in: offers.map((o) => o.id) }, status: { $in: [...holdingStatuses] } })
    : [];
  const byOffer = new Map<number, OfferBookings>(offers.map((o) => [o.id, { held: [], placed: 0 }]));
  for (const b of bookings) byOffer.get(b.offer.id)?.held.push(heldWindow(b));
  for (const o of offers) {
    const own = byOffer.get(o.id)!;
    own.placed = placeableHours(own.held, hoursPerWorkingDay[o.kind as CapacityKind]);
  }
  return (
    fitting
      .map((c) => {
        const [offer, request] = post.side === 'OFFER' ? [post, c] : [c, post];
        return { post: c, offer, request, free: hoursFree(offer, request, byOffer.get(offer.id)!) };
      })
      // An offer whose shared days are booked up is left out, as one without hours left is above.
      .filter((m) => m.free > 0)
      .map(({ post: c, offer, request, free }) => ({ post: c, ...scoreMatch(offer, request, free) }))
      .sort((a, b) => b.score - a.score || a.post.id - b.post.id)
      .slice(0, first)
  );
}
