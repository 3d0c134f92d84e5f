import { badInput } from './errors.ts';
import { regionDay } from './region-day.ts';

// The office's follow-up list of certificates, shared by the network that reads it and region that passes it on
// (subgraphs/network/certificates.ts).

/** Days from the region's today to a date (YYYY-MM-DD): 0 on a certificate's last valid day, negative once it ran out. */
export function daysLeft(validUntil: string, today = regionDay()): number {
  // Both midnights UTC, so a clock change between them does not make a day 23 or 25 hours long.
  return Math.round((Date.parse(validUntil) - Date.parse(today)) / 86_400_000);
}

/** The widest window either way, two years: past that a certificate is no follow-up but a stale entry. */
export const maxWindowDays = 730;

/** A window of the list, in days, or BAD_USER_INPUT naming the argument. */
export function windowDays(argument: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > maxWindowDays)
    throw badInput(argument, `${argument} must be a whole number of days from 0 to ${maxWindowDays}, got ${value}.`, {
      reason: 'OUT_OF_RANGE',
      min: 0,
      max: maxWindowDays,
      integer: true,
      days: true,
    });
  return value;
}
