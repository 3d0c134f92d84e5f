import { raw, type Fragment } from './sql.ts';

// The cooperation's calendar day. Its members, offices and customers are in Hessen and Thuringia, so "today" (a
// certificate still valid, a quote's validUntil not yet past, a capacity window not over, the day of a quote
// deadline) is the day in Berlin. The servers here keep UTC (the embedded PostgreSQL takes the host's zone when
// its cluster is made: Etc/UTC, and current_date with it), the day before from midnight to 01:00 in winter and to
// 02:00 in summer: a certificate that ran out on the 6th still counted at 00:30 on the 7th. Each rule in TypeScript
// and in SQL side by side; test/region-day.e2e.ts checks in PostgreSQL that they agree around midnight and the
// clock changes, whatever the session's zone.

export const regionTimeZone = 'Europe/Berlin';

// en-CA writes a date as YYYY-MM-DD.
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: regionTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The region's day at an instant (now by default), YYYY-MM-DD. */
export function regionDay(at: Date = new Date()): string {
  return dayFormat.format(at);
}

/** SQL: the region's day at an instant, given as SQL of a timestamptz. */
export function regionDayOf(instant: string): Fragment {
  return raw(`(${instant} at time zone '${regionTimeZone}')::date`);
}

/** SQL: the end of the region's day of an instant (given as SQL of a timestamptz): its next midnight in Berlin. */
export function regionDayEndOf(instant: string): Fragment {
  return raw(`((${regionDayOf(instant).sql} + 1)::timestamp at time zone '${regionTimeZone}')`);
}

/** SQL: the region's day now, in place of current_date (the day where the database server is). */
export const regionToday: Fragment = regionDayOf('now()');
