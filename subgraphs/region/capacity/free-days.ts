import { countWorkingDays, formatDate, parseDate } from './calendar.ts';

// What the days of a booking's window have free. An offer is one designer's or one machine's time (posts.ts,
// hoursPerWorkingDay: 8 h a working day for CAD, 24 h for machines), and each booking fitting its own window did
// not keep two from asking for the same days: two bookings of 24 machine hours on one Monday were both taken, 48 h
// of one machine's day.
//
// A booking's hours may go to any of its window's working days, so bookings fit together exactly when no span of
// days holds more hours of the bookings lying wholly inside it than the span's working days hold. (Hall's theorem
// for days and hours: a set of bookings needs the union of their windows; where that union breaks into separate
// spans each can be checked alone, and the bookings lying inside a span need no more than the span.) A new booking
// changes only the spans around its own window, so what it may take is the least any of them has free; the spans
// worth trying start at its first day or at an earlier booking's, and end at its last day or a later booking's
// (moving an end inward to the next such day keeps the same bookings inside and has fewer days).
// Sorted once, each start walks the later ends: O(n²) for n bookings held, 100 bookings in well under a
// millisecond; an offer holds at most 8,784 hours (366 days of 24), so at most that many bookings.

export interface HeldWindow {
  from: string;
  to: string;
  hours: number;
}

export interface FreeHours {
  /** The most a booking of the window may take beside the bookings held: 0 when some span around it is full. */
  hours: number;
  /** The span of days that bounds it, which may reach past the window on either side. */
  from: string;
  to: string;
  /** Working hours the span holds, and how many of them the bookings inside it hold. */
  capacity: number;
  held: number;
}

export function freeHours(window: { from: string; to: string }, held: readonly HeldWindow[], hoursPerDay: number): FreeHours {
  const first = parseDate(window.from);
  const last = parseDate(window.to);
  const spans = held.map((h) => ({ from: parseDate(h.from), to: parseDate(h.to), hours: h.hours })).sort((a, b) => a.to - b.to);
  const starts = [...new Set([first, ...spans.filter((s) => s.from < first).map((s) => s.from)])];
  const ends = [...new Set([last, ...spans.filter((s) => s.to > last).map((s) => s.to)])].sort((a, b) => a - b);
  let tightest: FreeHours | null = null;
  for (const start of starts) {
    // The bookings inside [start, end] for each end in turn: those starting at `start` or later, by their last day.
    const inside = spans.filter((s) => s.from >= start);
    let next = 0;
    let heldHours = 0;
    for (const end of ends) {
      while (next < inside.length && inside[next].to <= end) heldHours += inside[next++].hours;
      const capacity = countWorkingDays(start, end) * hoursPerDay;
      if (tightest === null || capacity - heldHours < tightest.hours)
        tightest = { hours: capacity - heldHours, from: formatDate(start), to: formatDate(end), capacity, held: heldHours };
    }
  }
  // Bookings taken before this rule may already ask for more than their days hold: nothing is free there.
  const bound = tightest!;
  return { ...bound, hours: Math.max(0, bound.hours) };
}
