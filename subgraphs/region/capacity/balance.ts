import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../../shared/errors.ts';
import { isoDate } from '../../../shared/validation.ts';
import { CapacityBookingSchema, CapacityPostSchema } from './entities.ts';
import { daysAfter, hoursPerWeek, laterDay, parseDate, today, wholeWeek, workingDays } from './calendar.ts';
import { describeSystem, hoursPerWorkingDay, maxWindowDays, type CapacityKind } from './posts.ts';

// The working group's view: per ISO week and kind/system, hours offered,
// requested and booked (confirmed), per network and for the whole region.
// A post's hours, and a booking's, spread evenly over the working days of its
// window from today on (hoursAhead).

export interface BalanceRow {
  week: string;
  kind: string;
  system: string;
  network: string | null;
  offeredHours: number;
  requestedHours: number;
  bookedHours: number;
  balanceHours: number;
}

/** Networks by code, then the region total. */
function byNetworkThenRegion(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * A post's or booking's hours per ISO week inside [clipFrom, clipTo], on the working days of its window from `day` (the
 * region's today) on: a day that has passed is worked no more (calendar.ts daysAhead), as bookings and matches count
 * a window. Spread over the whole window, an offer of 80 machine hours from the Monday two weeks ago to next Friday
 * (20 working days) put 40 of them on the two weeks gone and 4 on each day of this week, Monday included, while its
 * bookings and matches had all 80 open hours to place on the days ahead. At most what those days hold (24 or 8 h a
 * working day, posts.ts hoursPerWorkingDay): an offer of four weeks' 480 machine hours has, three weeks on, 120 left
 * to book, not 480 in one week. A window without a working day left counts nothing: a post or booking entirely in the
 * past is left out of every balance, even one asked for the weeks it covered.
 */
function hoursAhead(
  hours: number,
  window: { fromDate: string; toDate: string },
  kind: CapacityKind,
  day: string,
  clipFrom: string,
  clipTo: string,
): Map<string, number> {
  const from = laterDay(window.fromDate, day);
  const capacity = workingDays(from, window.toDate) * hoursPerWorkingDay[kind];
  return hoursPerWeek(Math.min(hours, capacity), from, window.toDate, clipFrom, clipTo);
}

export async function capacityBalance(em: EntityManager, from: string, to: string, kind: CapacityKind | null | undefined): Promise<BalanceRow[]> {
  isoDate('from', from);
  isoDate('to', to);
  if (parseDate(to) < parseDate(from)) throw badInput('to', `to (${to}) lies before from (${from}).`, { reason: 'ORDER', other: 'from' });
  if (daysAfter(from, to) > maxWindowDays)
    throw badInput('to', `The balance covers at most ${maxWindowDays} days; narrow from and to.`, { reason: 'OUT_OF_RANGE', max: maxWindowDays, days: true });

  // Whole ISO weeks, as the rows are labelled: from a Wednesday, the first week's row held its last three days only,
  // under the label of the whole week (37.79 hours where the week held 62.98), and the office's chart, which starts
  // today, understated the current week.
  from = wholeWeek(from).monday;
  to = wholeWeek(to).sunday;
  // One day for the whole balance, read once: a balance asked at midnight counts every post from the same day.
  const day = today();
  const firstDay = laterDay(from, day);
  const kindFilter = kind ? { kind } : {};
  const posts = await em.find(CapacityPostSchema, { status: 'OPEN', fromDate: { $lte: to }, toDate: { $gte: firstDay }, ...kindFilter });
  const bookings = await em.find(
    CapacityBookingSchema,
    { status: 'CONFIRMED', fromDate: { $lte: to }, toDate: { $gte: firstDay }, offer: kindFilter },
    { populate: ['offer'] },
  );

  const rows = new Map<string, BalanceRow>();
  const add = (week: string, kind: string, system: string, network: string, field: 'offeredHours' | 'requestedHours' | 'bookedHours', hours: number) => {
    for (const scope of [network, null]) {
      const key = `${week}|${kind}|${system}|${scope ?? ''}`;
      let row = rows.get(key);
      if (!row) {
        row = { week, kind, system, network: scope, offeredHours: 0, requestedHours: 0, bookedHours: 0, balanceHours: 0 };
        rows.set(key, row);
      }
      row[field] += hours;
    }
  };
  for (const post of posts) {
    for (const [week, hours] of hoursAhead(post.hours, post, post.kind as CapacityKind, day, from, to)) {
      add(week, post.kind, describeSystem(post), post.network, post.side === 'OFFER' ? 'offeredHours' : 'requestedHours', hours);
    }
  }
  for (const booking of bookings) {
    const offer = booking.offer;
    for (const [week, hours] of hoursAhead(booking.hours, booking, offer.kind as CapacityKind, day, from, to)) {
      // Booked hours count for the offering network, where the capacity is used.
      add(week, offer.kind, describeSystem(offer), offer.network, 'bookedHours', hours);
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return [...rows.values()]
    .map((r) => ({
      ...r,
      offeredHours: round(r.offeredHours),
      requestedHours: round(r.requestedHours),
      bookedHours: round(r.bookedHours),
      balanceHours: round(r.offeredHours - r.requestedHours),
    }))
    .sort(
      (a, b) =>
        a.week.localeCompare(b.week, 'en') ||
        a.kind.localeCompare(b.kind, 'en') ||
        a.system.localeCompare(b.system, 'en') ||
        byNetworkThenRegion(a.network, b.network),
    );
}
