import { regionDay } from './region-day.ts';

// How far ahead an inquiry's dates may lie, one rule for the server (subgraphs/region/inquiries/inquiries.ts, which
// refuses past it) and the portal (portal/src/inquiry-dates.ts, whose date fields carry it as min and max): both
// wrote it before, and a test had to check that they agreed.

/**
 * How far ahead an inquiry's quote deadline and delivery date may lie: two years from the region's today. An inquiry
 * asks for parts while the prices quoted for them still hold (series parts are sourced a year or two before their
 * start of production; a quote binds its bidder until its validUntil, not for decades), so a date further out is a
 * slip such as 2207 for 2027: it was taken up to 2999 (the years every date of the graph takes), and kept such an
 * inquiry open and its bidders' quotes bound for centuries. One rule for createInquiry, updateInquiry and
 * extendQuoteDeadline, and for a quote's validUntil (quotes.ts quoteTerms): it lies on or after the deadline's day,
 * which is within the horizon, and an offer bound longer than the inquiry's own dates reach is the same slip
 * (2999 was taken there too, the partner probe).
 */
export const inquiryHorizonYears = 2;

/** The calendar day after a day, YYYY-MM-DD. */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The last day an inquiry's dates may name: the region's today inquiryHorizonYears on (29 February gives the 28th). */
export function latestInquiryDay(now = new Date()): string {
  const [year, month, day] = regionDay(now).split('-');
  return `${Number(year) + inquiryHorizonYears}-${month}-${month === '02' && day === '29' ? '28' : day}`;
}

/**
 * The last day a quote deadline may fall on: the day before latestInquiryDay. Delivery lies after the deadline's day
 * and within the horizon, so a deadline on the latest day left no delivery date that could be given (the form's
 * delivery field then ran from the day after the latest to the latest).
 */
export function latestDeadlineDay(now = new Date()): string {
  return new Date(Date.parse(`${latestInquiryDay(now)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
