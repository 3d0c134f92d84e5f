import { regionDay } from '../../shared/region-day.ts';

// The limits of an inquiry's date fields, as the server's rule has them (subgraphs/region/inquiries/inquiries.ts): a
// quote deadline in the future, a delivery date after the deadline's day, both at most two years ahead of the region's
// day (Europe/Berlin, shared/region-day.ts), not the browser's; the deadline ends the day before the latest, so that a
// delivery date still fits after it. Given as the fields' min and max, the browser's picker keeps a user inside them;
// the server stays the authority, and its refusal still stands at the field (the forms send with noValidate).
// test/inquiry-dates.test.ts checks that latestInquiryDay and the deadline's last day agree with the server's.

/** How many years ahead an inquiry's dates may lie (the server's inquiryHorizonYears). */
const horizonYears = 2;
const hour = 3_600_000;

/** The last day an inquiry's dates may name: the region's today two years on (29 February gives the 28th). */
export function latestInquiryDay(now = new Date()): string {
  const [year, month, day] = regionDay(now).split('-');
  return `${Number(year) + horizonYears}-${month}-${month === '02' && day === '29' ? '28' : day}`;
}

/** The calendar day after a day, YYYY-MM-DD. */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * hour).toISOString().slice(0, 10);

/**
 * The last day a quote deadline may fall on (the server's latestDeadlineDay): the day before the latest, as delivery
 * lies after the deadline's day. A deadline on the latest day left the delivery field running from the day after the
 * latest to the latest, no day at all.
 */
export const latestDeadlineDay = (now = new Date()) => new Date(Date.parse(`${latestInquiryDay(now)}T00:00:00Z`) - 24 * hour).toISOString().slice(0, 10);

/** The instant a region day begins: midnight in Berlin, an hour or two before UTC's (the clocks change at 02:00, never at midnight). */
export function regionDayStart(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const start = [2, 1].map((hours) => utcMidnight - hours * hour).find((t) => regionDay(new Date(t)) === day);
  return new Date(start ?? utcMidnight);
}

/** An instant as a datetime-local field holds it, in the browser's time zone: 2027-01-15T13:00. */
export function localDateTime(iso: string | Date): string {
  const time = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

export interface DateLimits {
  /** The quote deadline's field (datetime-local, the browser's time): from now (or the deadline to extend) … */
  deadlineMin: string;
  /** … to the last minute in Berlin of the day before the latest day (latestDeadlineDay). */
  deadlineMax: string;
  /** The delivery date's field (a calendar day): after the deadline's region day … */
  deliveryMin: string;
  /** … to the latest day. */
  deliveryMax: string;
}

/**
 * The date fields' limits. `deadline` is the deadline as its field holds it (browser time; empty or unreadable: the
 * region's today stands for it); `after` the deadline an extension must pass, `deliveryFrom` the delivery date it
 * must not move before.
 */
export function inquiryDateLimits(deadline: string, now = new Date(), after?: string, deliveryFrom?: string): DateLimits {
  const latest = latestInquiryDay(now);
  const earliest = after && Date.parse(after) > now.getTime() ? new Date(after) : now;
  const typed = deadline ? new Date(deadline) : null;
  const deadlineDay = typed && !Number.isNaN(typed.getTime()) ? regionDay(typed) : regionDay(earliest);
  const afterDeadline = nextDay(deadlineDay);
  return {
    deadlineMin: localDateTime(earliest),
    deadlineMax: localDateTime(new Date(regionDayStart(nextDay(latestDeadlineDay(now))).getTime() - 60_000)),
    deliveryMin: deliveryFrom && deliveryFrom > afterDeadline ? deliveryFrom : afterDeadline,
    deliveryMax: latest,
  };
}
