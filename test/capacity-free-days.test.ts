import type { GraphQLError } from 'graphql';
import { describe, expect, test, vi } from 'vitest';
import { countWorkingDays, formatDate, isWorkingDay, parseDate } from '../subgraphs/region/capacity/calendar.ts';
import { freeHours, placeableHours, type HeldWindow } from '../subgraphs/region/capacity/free-days.ts';
import { checkHoursAhead } from '../subgraphs/region/capacity/posts.ts';

const day = 86_400_000;

/** The working days of a window walked one by one, as the count was before. */
function walkedWorkingDays(from: number, to: number): number {
  let count = 0;
  for (let t = from; t <= to; t += day) if (isWorkingDay(t)) count++;
  return count;
}

/**
 * The most hours of the bookings that can go to working days of their windows with no day holding more than
 * `hoursPerDay`: hours from a source to the bookings, from each booking to its window's days, from each day to a
 * sink of `hoursPerDay`, as a maximum flow (augmenting paths). An independent check of the placing by earliest end.
 */
function maxFlow(bookings: readonly HeldWindow[], hoursPerDay: number): number {
  const days = [...new Set(bookings.flatMap((b) => spanDays(b)))].sort();
  const n = 2 + bookings.length + days.length;
  const capacity = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const sink = n - 1;
  bookings.forEach((b, i) => {
    capacity[0][1 + i] = b.hours;
    for (const d of spanDays(b)) capacity[1 + i][1 + bookings.length + days.indexOf(d)] = Infinity;
  });
  days.forEach((_, j) => (capacity[1 + bookings.length + j][sink] = hoursPerDay));
  let flow = 0;
  for (;;) {
    const before = new Array<number>(n).fill(-1);
    before[0] = 0;
    const queue = [0];
    while (queue.length && before[sink] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v++)
        if (before[v] === -1 && capacity[u][v] > 0) {
          before[v] = u;
          queue.push(v);
        }
    }
    if (before[sink] === -1) break;
    let push = Infinity;
    for (let v = sink; v !== 0; v = before[v]) push = Math.min(push, capacity[before[v]][v]);
    for (let v = sink; v !== 0; v = before[v]) {
      capacity[before[v]][v] -= push;
      capacity[v][before[v]] += push;
    }
    flow += push;
  }
  return flow;
}

const fits = (bookings: readonly HeldWindow[], hoursPerDay: number) => maxFlow(bookings, hoursPerDay) === bookings.reduce((sum, b) => sum + b.hours, 0);

function spanDays(b: HeldWindow): string[] {
  const out: string[] = [];
  for (let t = parseDate(b.from); t <= parseDate(b.to); t += day) if (isWorkingDay(t)) out.push(formatDate(t));
  return out;
}

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

describe('working days', () => {
  test('counted by weeks agree with a walk day by day, for every window of up to 40 days from each weekday', () => {
    const monday = parseDate('2026-12-07');
    for (let start = 0; start < 7; start++)
      for (let length = -1; length < 40; length++) {
        const from = monday + start * day;
        expect(countWorkingDays(from, from + length * day), `${formatDate(from)} +${length}`).toBe(walkedWorkingDays(from, from + length * day));
      }
    expect(countWorkingDays(parseDate('2026-01-01'), parseDate('2026-12-31'))).toBe(walkedWorkingDays(parseDate('2026-01-01'), parseDate('2026-12-31')));
  });
});

describe("a booking's free hours", () => {
  test('two bookings of one machine day take 24 hours, not 48', () => {
    const held = [{ from: '2026-12-14', to: '2026-12-14', hours: 24 }];
    expect(freeHours({ from: '2026-12-14', to: '2026-12-14' }, held, 24)).toEqual({ hours: 0, capacity: 24 });
    // The rest of the week is free; a window over it and the full Monday has the four days.
    expect(freeHours({ from: '2026-12-14', to: '2026-12-18' }, held, 24).hours).toBe(96);
    expect(freeHours({ from: '2026-12-15', to: '2026-12-15' }, held, 24).hours).toBe(24);
  });

  test('a span around the window binds: a week held by bookings inside it leaves one of its days nothing', () => {
    // Monday to Wednesday 60 h and Thursday to Friday 40 h leave 12 and 8 free; a booking of Wednesday alone is bound
    // by its own day (24 h) less what the first booking must put there (60 - 48 = 12): the span Monday-Wednesday.
    const held = [
      { from: '2026-12-14', to: '2026-12-16', hours: 60 },
      { from: '2026-12-17', to: '2026-12-18', hours: 40 },
    ];
    expect(freeHours({ from: '2026-12-16', to: '2026-12-16' }, held, 24)).toEqual({ hours: 12, capacity: 24 });
    expect(freeHours({ from: '2026-12-14', to: '2026-12-18' }, held, 24).hours).toBe(20);
    // Weekends hold nothing: a window of Saturday and Sunday has no working hours.
    expect(freeHours({ from: '2026-12-19', to: '2026-12-20' }, held, 24).hours).toBe(0);
  });

  test('bookings taken before the rule that ask too much do not make the days around them look full', () => {
    // Two 8-hour CAD bookings of one Monday: the Monday is full, the Tuesday free.
    const held = [
      { from: '2026-12-14', to: '2026-12-14', hours: 8 },
      { from: '2026-12-14', to: '2026-12-14', hours: 8 },
    ];
    expect(freeHours({ from: '2026-12-14', to: '2026-12-15' }, held, 8)).toEqual({ hours: 8, capacity: 16 });
    expect(freeHours({ from: '2026-12-14', to: '2026-12-18' }, held, 8).hours).toBe(32);
    expect(freeHours({ from: '2026-12-14', to: '2026-12-14' }, held, 8).hours).toBe(0);
  });

  test('what it allows is exactly the most that still fits, against a maximum flow of hours to days, 500 random offers', () => {
    const next = random(20_261_206);
    const first = parseDate('2026-12-14');
    const window = () => {
      const from = first + next(12) * day;
      return { from: formatDate(from), to: formatDate(from + next(6) * day) };
    };
    for (let round = 0; round < 500; round++) {
      const hoursPerDay = next(2) ? 8 : 24;
      const held: HeldWindow[] = [];
      // Bookings taken one by one as the rule allows them, as bookCapacity does, half of them all that is free, so
      // that spans fill up; every fifth offer also has bookings from before the rule, taken whatever they asked.
      const count = 1 + next(10);
      for (let i = 0; i < count; i++) {
        const w = window();
        const free = freeHours(w, held, hoursPerDay).hours;
        if (round % 5 === 0 && next(3) === 0) held.push({ ...w, hours: 1 + next(2 * hoursPerDay) });
        else if (free > 0) held.push({ ...w, hours: next(2) ? free : 1 + next(free) });
      }
      const w = window();
      const { hours: free, capacity } = freeHours(w, held, hoursPerDay);
      const label = JSON.stringify({ hoursPerDay, held, w, free });
      expect(placeableHours(held, hoursPerDay), label).toBe(maxFlow(held, hoursPerDay));
      expect(free, label).toBe(maxFlow([...held, { ...w, hours: capacity }], hoursPerDay) - maxFlow(held, hoursPerDay));
      if (fits(held, hoursPerDay)) {
        expect(fits([...held, { ...w, hours: free }], hoursPerDay), label).toBe(true);
        expect(fits([...held, { ...w, hours: free + 1 }], hoursPerDay), label).toBe(false);
      }
    }
  });

  test('a year of one-hour bookings, all in one window: the days hold as many as their working hours', () => {
    const held = Array.from({ length: 8_784 }, () => ({ from: '2027-01-04', to: '2027-12-31', hours: 1 }));
    expect(placeableHours(held, 24)).toBe(Math.min(8_784, countWorkingDays(parseDate('2027-01-04'), parseDate('2027-12-31')) * 24));
  });
});

describe('the days a window has left from today', () => {
  // Sunday 6 December 2026, noon in Berlin: no working day is left of a window ending today.
  const sunday = new Date('2026-12-06T11:00:00Z');
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (error) {
      return error as GraphQLError;
    }
    throw new Error('not refused');
  };

  test('one refusal names the most that fits: the days ahead, not the whole window first', () => {
    vi.useFakeTimers({ now: sunday, toFake: ['Date'] });
    try {
      // Thursday to Monday: the whole window holds 72 machine hours, Monday alone 24.
      const asked = refusal(() => checkHoursAhead('MACHINE_HOURS', 200, '2026-12-03', '2026-12-07'));
      expect(asked.extensions).toMatchObject({ reason: 'OUT_OF_RANGE', max: 24, field: 'hours' });
      expect(asked.message).toBe('hours (200) exceed the working hours the window has left from today (2026-12-06): 1 working days × 24 h = 24 h.');
      expect(() => checkHoursAhead('MACHINE_HOURS', 24, '2026-12-03', '2026-12-07')).not.toThrow();
      // Not begun: the window's own working hours, worded so.
      expect(refusal(() => checkHoursAhead('CAD', 41, '2026-12-07', '2026-12-13')).message).toBe(
        "hours (41) exceed the window's working hours: 5 working days × 8 h = 40 h.",
      );
    } finally {
      vi.useRealTimers();
    }
  });

  test('a window with no working day, or none left from today, says so (it was IN_THE_PAST, or a whole number from 1 to 0)', () => {
    vi.useFakeTimers({ now: sunday, toFake: ['Date'] });
    try {
      const gone = refusal(() => checkHoursAhead('MACHINE_HOURS', 8, '2026-11-23', '2026-12-06'));
      expect(gone.extensions).toMatchObject({ reason: 'NO_WORKING_DAY', field: 'to' });
      expect(gone.message).toBe('The window 2026-11-23 to 2026-12-06 has no working day (Monday to Friday) left from today (2026-12-06); choose other days.');
      const weekend = refusal(() => checkHoursAhead('CAD', 8, '2026-12-12', '2026-12-13'));
      expect(weekend.extensions).toMatchObject({ reason: 'NO_WORKING_DAY', field: 'to' });
      expect(weekend.message).toBe('The window 2026-12-12 to 2026-12-13 has no working day (Monday to Friday); choose other days.');
    } finally {
      vi.useRealTimers();
    }
  });
});
