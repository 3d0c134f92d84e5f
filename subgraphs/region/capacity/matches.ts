import type { EntityManager } from '@mikro-orm/postgresql';
import type { MatchStatus, RequirementMatch } from '../../../shared/matching.ts';
import { findProcess } from '../../../shared/data/processes.ts';
import { CapacityPostSchema, type CapacityPost } from './entities.ts';
import { parseDate } from './calendar.ts';

// Offers for a request, or requests for an offer: same kind and CAD system or
// process, overlapping window, another member. Ranked by hours, window fit and
// distance, each with its reason.

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

export function scoreMatch(post: CapacityPost, other: CapacityPost) {
  const [offer, request] = post.side === 'OFFER' ? [post, other] : [other, post];
  const free = offer.hours - offer.bookedHours;
  const hours: RequirementMatch =
    free >= request.hours
      ? { requirement: 'hours', status: 'MET', reason: `${free} h free for ${request.hours} h needed` }
      : { requirement: 'hours', status: 'PARTLY_MET', reason: `${free} h free of ${request.hours} h needed` };
  const overlapDays =
    (Math.min(parseDate(offer.toDate), parseDate(request.toDate)) - Math.max(parseDate(offer.fromDate), parseDate(request.fromDate))) / day + 1;
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
  return candidates
    .filter((c) => post.kind === 'CAD' || (post.side === 'OFFER' ? processFits(post.processCode, c.processCode) : processFits(c.processCode, post.processCode)))
    .filter((c) => (c.side === 'OFFER' ? c.hours > c.bookedHours : true) && (post.side === 'OFFER' ? post.hours > post.bookedHours : true))
    .map((c) => ({ post: c, ...scoreMatch(post, c) }))
    .sort((a, b) => b.score - a.score || a.post.id - b.post.id)
    .slice(0, first);
}
