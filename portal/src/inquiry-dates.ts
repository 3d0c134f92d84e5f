import { latestDeadlineDay, latestInquiryDay, nextDay } from '../../shared/inquiry-dates.ts';
import { regionDay } from '../../shared/region-day.ts';
import { regionDateTime, regionInstant } from './region-clock.ts';

// The limits of an inquiry's date fields, by the server's rule (shared/inquiry-dates.ts): a
// quote deadline in the future, a delivery date after the deadline's day, both at most two years ahead of the region's
// day (Europe/Berlin, shared/region-day.ts), not the browser's; the deadline ends the day before the latest, so that a
// delivery date still fits after it. Given as the fields' min and max, the browser's picker keeps a user inside them;
// the server stays the authority, and its refusal still stands at the field (the forms send with noValidate).

const hour = 3_600_000;

/** The instant a region day begins: midnight in Berlin, an hour or two before UTC's (the clocks change at 02:00, never at midnight). */
export function regionDayStart(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const start = [2, 1].map((hours) => utcMidnight - hours * hour).find((t) => regionDay(new Date(t)) === day);
  return new Date(start ?? utcMidnight);
}

export interface DateLimits {
  /** The quote deadline's field (datetime-local, the region's clock): from now (or the deadline to extend) … */
  deadlineMin: string;
  /** … to the last minute in Berlin of the day before the latest day (latestDeadlineDay). */
  deadlineMax: string;
  /** The delivery date's field (a calendar day): after the deadline's region day … */
  deliveryMin: string;
  /** … to the latest day. */
  deliveryMax: string;
}

/**
 * The date fields' limits. `deadline` is the deadline as its field holds it (the region's clock; empty or unreadable: the
 * region's today stands for it); `after` the deadline an extension must pass, `deliveryFrom` the delivery date it
 * must not move before.
 */
export function inquiryDateLimits(deadline: string, now = new Date(), after?: string, deliveryFrom?: string): DateLimits {
  const latest = latestInquiryDay(now);
  const earliest = after && Date.parse(after) > now.getTime() ? new Date(after) : now;
  const typed = regionInstant(deadline);
  const deadlineDay = regionDay(typed ?? earliest);
  const afterDeadline = nextDay(deadlineDay);
  return {
    deadlineMin: regionDateTime(earliest),
    deadlineMax: regionDateTime(new Date(regionDayStart(nextDay(latestDeadlineDay(now))).getTime() - 60_000)),
    deliveryMin: deliveryFrom && deliveryFrom > afterDeadline ? deliveryFrom : afterDeadline,
    deliveryMax: latest,
  };
}
