import { regionTimeZone } from '../../shared/region-day.ts';

// The portal's times are the region's clock (Europe/Berlin), not the browser's: an event in Eschwege starts at
// 14:00 there, and a quote deadline at 17:00 closes at 17:00 in Eisenach, whatever zone a laptop is set to (a
// travelling office employee's, a supplier's abroad, a machine left on UTC). The servers' days are the region's
// already (shared/region-day.ts); the portal showed and read times in the browser's zone, so a laptop on UTC
// turned a deadline typed as 17:00 into 18:00 in Eisenach, and showed the event at 13:00.

const hour = 3_600_000;

// en-CA writes YYYY-MM-DD; h23 writes midnight as 00, not 24.
const fieldFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: regionTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a datetime-local field holds it, on the region's clock: 2027-01-15T13:00. */
export function regionDateTime(instant: string | Date): string {
  const parts: Record<string, string> = {};
  for (const { type, value } of fieldFormat.formatToParts(new Date(instant))) parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * What a datetime-local field holds (2027-01-15T13:00), read on the region's clock; null when it is no such value.
 * Berlin is an hour ahead of UTC in winter and two in summer, so the instant is one of two; in the hour the autumn
 * change repeats, the earlier (summer time). A time the spring change skips (02:00-02:59 on its day) exists on no
 * clock there: it is read as winter time, which Berlin's clock shows as an hour later.
 */
export function regionInstant(field: string): Date | null {
  // A field with a step of seconds holds them too; they are left out, as the minute is what the clock shows.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/.test(field)) return null;
  const local = field.slice(0, 16);
  const asUtc = Date.parse(`${local}Z`);
  // V8 reads 30 February as 2 March and 24:00 as the next day's midnight: a value is a time only if it reads back.
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== local) return null;
  const instant = [2, 1].map((hours) => asUtc - hours * hour).find((time) => regionDateTime(new Date(time)) === local);
  return new Date(instant ?? asUtc - hour);
}

/**
 * Whether the browser's clock reads the region's at every instant of the year: else a date-time field says whose
 * clock it holds. Asked of one instant, a browser in Johannesburg (UTC+2 all year) read Berlin's clock in July and
 * took a January time typed there as its own; one day in winter and one in summer tell.
 */
export function browserOnRegionClockAllYear(now = new Date()): boolean {
  const year = now.getUTCFullYear();
  return browserOnRegionClock(new Date(Date.UTC(year, 0, 15, 12))) && browserOnRegionClock(new Date(Date.UTC(year, 6, 15, 12)));
}

/** Whether the browser's clock reads the region's at an instant: where it does not, a time is shown with its zone. */
export function browserOnRegionClock(at: Date): boolean {
  const browser = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}T${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return browser === regionDateTime(at);
}
