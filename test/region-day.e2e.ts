import { expect, inject, test } from 'vitest';
import { databaseUrl, withClient } from '../shared/postgres.ts';
import { regionDay, regionDayEndOf, regionDayOf, regionToday } from '../shared/region-day.ts';

// The region's day in TypeScript and in SQL (shared/region-day.ts) agree, and neither is UTC's: instants on both
// sides of midnight in Berlin, in winter (UTC+1) and summer (UTC+2), and of the clock changes of March and October.
const instants: [instant: string, day: string][] = [
  ['2026-12-06T22:59:59Z', '2026-12-06'],
  ['2026-12-06T23:00:00Z', '2026-12-07'],
  ['2026-12-06T23:30:00Z', '2026-12-07'],
  ['2027-07-06T21:59:59Z', '2027-07-06'],
  ['2027-07-06T22:00:00Z', '2027-07-07'],
  // 28 March 2027 02:00 in Berlin is 03:00: the day begins at 23:00 UTC before and after it.
  ['2027-03-27T22:59:59Z', '2027-03-27'],
  ['2027-03-27T23:00:00Z', '2027-03-28'],
  ['2027-03-28T21:59:59Z', '2027-03-28'],
  ['2027-03-28T22:00:00Z', '2027-03-29'],
  // 31 October 2027 03:00 in Berlin is 02:00 again.
  ['2027-10-30T21:59:59Z', '2027-10-30'],
  ['2027-10-30T22:00:00Z', '2027-10-31'],
  ['2027-10-31T22:59:59Z', '2027-10-31'],
  ['2027-10-31T23:00:00Z', '2027-11-01'],
];

test('the region’s day is Berlin’s in TypeScript and in PostgreSQL, whatever the database session’s zone', async () => {
  const rows = await withClient(databaseUrl(inject('postgresUrl'), 'postgres'), async (client) => {
    // The server's zone is the host's when its cluster was made (UTC on these machines, so current_date is UTC's
    // day, the reason for the rule). The rule must not depend on it: a session far from Berlin gives the same days.
    await client.query(`set timezone = 'Pacific/Auckland'`);
    const days = [];
    for (const [instant] of instants) {
      const { rows } = await client.query<{ day: string }>(`select ${regionDayOf('$1::timestamptz').sql}::text as day`, [instant]);
      days.push(rows[0].day);
    }
    // The end of an instant's day: the next midnight in Berlin, 23 or 25 hours after the last on the clock changes' days.
    const ends = [];
    for (const instant of ['2026-12-06T15:00:00Z', '2027-07-06T10:00:00Z', '2027-03-28T10:00:00Z', '2027-10-31T10:00:00Z', '2026-12-06T23:30:00Z']) {
      const { rows } = await client.query<{ end: Date }>(`select ${regionDayEndOf('$1::timestamptz').sql} as end`, [instant]);
      ends.push(rows[0].end.toISOString());
    }
    expect(ends).toEqual([
      '2026-12-06T23:00:00.000Z',
      '2027-07-06T22:00:00.000Z',
      '2027-03-28T22:00:00.000Z',
      '2027-10-31T23:00:00.000Z',
      '2026-12-07T23:00:00.000Z',
    ]);
    const before = regionDay();
    const now = await client.query<{ today: string }>(`select ${regionToday.sql}::text as today`);
    return { days, now: { today: now.rows[0].today, before, after: regionDay() } };
  });
  expect(instants.map(([instant]) => regionDay(new Date(instant)))).toEqual(instants.map(([, day]) => day));
  expect(rows.days).toEqual(instants.map(([, day]) => day));
  // Read before and after the statement: both are its day unless midnight passed in between.
  expect([rows.now.before, rows.now.after]).toContain(rows.now.today);
  expect(regionDay(new Date('2026-12-06T23:30:00Z'))).not.toBe(new Date('2026-12-06T23:30:00Z').toISOString().slice(0, 10));
});
