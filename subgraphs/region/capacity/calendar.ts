import { isoWeek } from '../../../shared/iso-week.ts';
import { regionDay } from '../../../shared/region-day.ts';

// Calendar arithmetic for the capacity exchange: ISO dates, ISO weeks and
// working days (Monday to Friday; public holidays are not modelled).

const day = 86_400_000;

export function parseDate(value: string): number {
  return Date.parse(`${value}T00:00:00Z`);
}

export function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The region's day today (shared/region-day.ts), not UTC's. */
export function today(): string {
  return regionDay();
}

export function isWorkingDay(time: number): boolean {
  const weekday = new Date(time).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days from `from` to `to`, both included. */
export function workingDays(from: string, to: string): number {
  return countWorkingDays(parseDate(from), parseDate(to));
}

/**
 * Working days between two days (times of their midnights in UTC, as parseDate gives), both included; 0 when `to`
 * lies before `from`. Counted by whole weeks, five each, and the days left over: a booking's free hours
 * (free-days.ts) count the days of every span around it, up to 366 days each, which a walk day by day made slow.
 */
export function countWorkingDays(from: number, to: number): number {
  if (to < from) return 0;
  const days = Math.round((to - from) / day) + 1;
  let count = Math.floor(days / 7) * 5;
  for (let t = from + Math.floor(days / 7) * 7 * day; t <= to; t += day) if (isWorkingDay(t)) count++;
  return count;
}

/**
 * The days of a window from today on: a day that has passed is worked no more, so a window's hours are counted,
 * booked and matched on the days ahead (today included, its hours not yet gone for all we know).
 */
export function daysAhead(from: string, to: string): { from: string; to: string } {
  return { from: laterDay(from, today()), to };
}

/** The later of two ISO dates, which compare as their text does. */
export function laterDay(a: string, b: string): string {
  return [a, b].sort()[1];
}

/** How many days `to` lies after `from` (0 for the same day). */
export function daysAfter(from: string, to: string): number {
  return (parseDate(to) - parseDate(from)) / day;
}

/** The Monday and the Sunday of a date's ISO week, as ISO dates. */
export function wholeWeek(date: string): { monday: string; sunday: string } {
  const time = parseDate(date);
  const monday = time - ((new Date(time).getUTCDay() + 6) % 7) * day;
  return { monday: formatDate(monday), sunday: formatDate(monday + 6 * day) };
}

export { isoWeek };

/**
 * Spreads `hours` evenly over the working days of [from, to] and sums them per
 * ISO week, counting only days inside [clipFrom, clipTo].
 */
export function hoursPerWeek(hours: number, from: string, to: string, clipFrom: string, clipTo: string): Map<string, number> {
  const total = workingDays(from, to);
  const weeks = new Map<string, number>();
  if (total === 0) return weeks;
  const start = Math.max(parseDate(from), parseDate(clipFrom));
  const end = Math.min(parseDate(to), parseDate(clipTo));
  for (let t = start; t <= end; t += day) {
    if (!isWorkingDay(t)) continue;
    const week = isoWeek(t);
    weeks.set(week, (weeks.get(week) ?? 0) + hours / total);
  }
  return weeks;
}
