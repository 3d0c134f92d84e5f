import { afterEach, describe, expect, test } from 'vitest';
import { locale } from '../portal/src/i18n.ts';
import { browserOnRegionClock, regionDateTime, regionInstant } from '../portal/src/region-clock.ts';

// The portal shows and reads times on the region's clock (Europe/Berlin), whatever the browser's zone
// (portal/src/region-clock.ts). Node takes a new process.env.TZ at once, as a browser set to another zone.

const machineZone = process.env.TZ;
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe("a datetime-local field's value on Berlin's clock", () => {
  test('an instant as Berlin reads it, in winter (UTC+1) and summer (UTC+2), over midnight', () => {
    expect(regionDateTime('2027-01-15T13:00:00Z')).toBe('2027-01-15T14:00');
    expect(regionDateTime('2027-07-15T13:00:00Z')).toBe('2027-07-15T15:00');
    expect(regionDateTime('2026-12-31T23:30:00Z')).toBe('2027-01-01T00:30');
    expect(regionDateTime(new Date('2027-07-14T22:00:00Z'))).toBe('2027-07-15T00:00');
  });

  test('a value read back as the instant, in winter and summer, whatever the machine zone', () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin']) {
      process.env.TZ = zone;
      expect(regionInstant('2027-01-15T14:00')?.toISOString()).toBe('2027-01-15T13:00:00.000Z');
      expect(regionInstant('2027-07-15T15:00')?.toISOString()).toBe('2027-07-15T13:00:00.000Z');
      expect(regionInstant('2027-01-01T00:30')?.toISOString()).toBe('2026-12-31T23:30:00.000Z');
    }
  });

  test('the clock changes: the hour repeated in autumn is read as summer time, the hour skipped in spring as winter time', () => {
    // 31 October 2027: 03:00 summer time becomes 02:00 winter time, so 02:30 comes twice.
    expect(regionInstant('2027-10-31T02:30')?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(regionDateTime('2027-10-31T01:30:00Z')).toBe('2027-10-31T02:30');
    // 28 March 2027: 02:00 winter time becomes 03:00 summer time; 02:30 is on no clock there, read as 03:30 summer time.
    expect(regionInstant('2027-03-28T02:30')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(regionDateTime('2027-03-28T01:30:00Z')).toBe('2027-03-28T03:30');
  });

  test('a value that is no time of a field is none', () => {
    for (const value of [
      '',
      '2027-01-15',
      '15.01.2027 14:00',
      '2027-13-01T10:00',
      '2027-01-15T25:00',
      '2027-02-30T10:00',
      '2027-01-15T24:00',
      '2027-01-15T14:00xyz',
    ])
      expect(regionInstant(value), value).toBeNull();
    expect(regionInstant('2028-02-29T10:00')?.toISOString()).toBe('2028-02-29T09:00:00.000Z');
    // Seconds, which a field with a step of seconds holds, are read up to the minute.
    expect(regionInstant('2027-01-15T14:00:30')?.toISOString()).toBe('2027-01-15T13:00:00.000Z');
  });
});

describe("a date-time shown on Berlin's clock", () => {
  test('without its zone where the browser reads the same time, with it where the browser reads another', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(browserOnRegionClock(new Date('2027-01-15T13:00:00Z'))).toBe(true);
    expect(locale('de').dateTime('2027-01-15T13:00:00Z')).toBe('15.01.2027, 14:00');
    expect(locale('de').clockHint).toBeUndefined();
    // Vienna's clock is Berlin's: no zone either.
    process.env.TZ = 'Europe/Vienna';
    expect(locale('de').dateTime('2027-07-15T13:00:00Z')).toBe('15.07.2027, 15:00');
    process.env.TZ = 'America/New_York';
    expect(browserOnRegionClock(new Date('2027-01-15T13:00:00Z'))).toBe(false);
    expect(locale('de').dateTime('2027-01-15T13:00:00Z')).toBe('15.01.2027, 14:00 MEZ');
    expect(locale('de').dateTime('2027-07-15T13:00:00Z')).toBe('15.07.2027, 15:00 MESZ');
    // The time fields say whose clock they hold.
    expect(locale('de').clockHint).toBe('Uhrzeit in Deutschland');
    expect(locale('en').clockHint).toBe('Time in Germany');
    expect(locale('en').dateTime('2027-01-15T13:00:00Z')).toMatch(/(14:00|2:00 PM) (CET|GMT\+1)$/);
    // A zone on Berlin's clock for half the year only still gets the hint: a time typed for the other half is Berlin's.
    process.env.TZ = 'Africa/Johannesburg';
    expect(browserOnRegionClock(new Date('2027-07-15T12:00:00Z'))).toBe(true);
    expect(locale('de').clockHint).toBe('Uhrzeit in Deutschland');
    process.env.TZ = 'Africa/Lagos';
    expect(browserOnRegionClock(new Date('2027-01-15T12:00:00Z'))).toBe(true);
    expect(locale('de').clockHint).toBe('Uhrzeit in Deutschland');
  });
});
