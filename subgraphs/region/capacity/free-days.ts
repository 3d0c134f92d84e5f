import { regionDay } from '../../../shared/region-day.ts';
import { countWorkingDays, isWorkingDay, laterDay, parseDate } from './calendar.ts';

// What the days of a booking's window have free. An offer is one designer's or one machine's time (posts.ts,
// hoursPerWorkingDay: 8 h a working day for CAD, 24 h for machines), and each booking fitting its own window did
// not keep two from asking for the same days: two bookings of 24 machine hours on one Monday were both taken, 48 h
// of one machine's day.
//
// A booking's hours may go to any working day of its window. How many hours of a set of bookings the days can
// hold at most is found by filling each day, in order, with the bookings whose window ends soonest (earliest
// deadline first): of the bookings that could use a day, one ending later can wait for a later day, one ending
// sooner may not get another; for windows of whole days this placing holds the most (Glover's rule for matchings
// whose sides are intervals). What a new booking may take is then what the days hold with it, asking for all its
// window's hours, less what they hold without it. Bookings taken before this rule may ask more than their days
// hold; they do not make the days around them look full, as a bound counted span by span did (two 24-hour
// bookings of a Monday left a booking of Monday and Tuesday nothing, though Tuesday was free).
// Two passes over the days of the bookings' windows (inside the offer's, at most 367 days: posts.ts maxWindowDays)
// with the bookings kept in order of their last day: freeHours beside 100 bookings took 0.1-0.6 ms, beside 8,784
// one-hour bookings (a year of 24-hour days, the most an offer can hold) 7-14 ms.

export interface HeldWindow {
  from: string;
  to: string;
  hours: number;
}

export interface FreeHours {
  /** The most a booking of the window may take beside the bookings held. */
  hours: number;
  /** The working hours of the window's days. */
  capacity: number;
}

const day = 86_400_000;

/**
 * The days a booking held holds hours on: its window's from the day it was made. A day that had passed when it was
 * made was never its to work (calendar.ts daysAhead), so a booking of last week's Monday to this Friday made today
 * fills this week, not last; one made last week may have had last week's days.
 */
export function heldWindow(booking: { fromDate: string; toDate: string; hours: number; createdAt: Date }): HeldWindow {
  return { from: laterDay(booking.fromDate, regionDay(booking.createdAt)), to: booking.toDate, hours: booking.hours };
}

interface Demand {
  from: number;
  to: number;
  hours: number;
}

/** The most hours of the bookings the days can hold, `hoursPerDay` a working day. */
export function placeableHours(bookings: readonly HeldWindow[], hoursPerDay: number): number {
  const demands: Demand[] = bookings.map((b) => ({ from: parseDate(b.from), to: parseDate(b.to), hours: b.hours })).sort((a, b) => a.from - b.from);
  if (demands.length === 0) return 0;
  const last = Math.max(...demands.map((d) => d.to));
  // The bookings open on the day, soonest ending last in the array, so the next to fill is popped from its end.
  const open: Demand[] = [];
  let next = 0;
  let placed = 0;
  for (let t = demands[0].from; t <= last; t += day) {
    while (next < demands.length && demands[next].from <= t) insertByEnd(open, { ...demands[next++] });
    if (!isWorkingDay(t)) continue;
    let room = hoursPerDay;
    while (room > 0 && open.length > 0) {
      const soonest = open[open.length - 1];
      if (soonest.to < t) {
        open.pop();
        continue;
      }
      const take = Math.min(room, soonest.hours);
      soonest.hours -= take;
      room -= take;
      placed += take;
      if (soonest.hours === 0) open.pop();
    }
    if (open.length === 0 && next < demands.length) t = Math.max(t, demands[next].from - day);
  }
  return placed;
}

/** Keeps `open` ordered by last day, latest first. */
function insertByEnd(open: Demand[], demand: Demand): void {
  let i = open.length;
  while (i > 0 && open[i - 1].to < demand.to) i--;
  open.splice(i, 0, demand);
}

/** `placed`: placeableHours(held), when the caller asks for several windows beside the same bookings. */
export function freeHours(
  window: { from: string; to: string },
  held: readonly HeldWindow[],
  hoursPerDay: number,
  placed = placeableHours(held, hoursPerDay),
): FreeHours {
  const capacity = countWorkingDays(parseDate(window.from), parseDate(window.to)) * hoursPerDay;
  const hours = placeableHours([...held, { ...window, hours: capacity }], hoursPerDay) - placed;
  return { hours, capacity };
}
