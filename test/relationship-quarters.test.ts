import { expect, test } from 'vitest';
import { quarterOf } from '../subgraphs/region/relationships/statistics.ts';

test('a confirmation counts for its quarter on the region’s calendar, not UTC’s', () => {
  // 00:30 on 1 January in Berlin is 23:30 on 31 December in UTC.
  expect(quarterOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-Q1');
  expect(quarterOf(new Date('2026-12-31T22:59:59Z'))).toBe('2026-Q4');
  // 00:30 on 1 July in Berlin (summer time) is 22:30 on 30 June in UTC.
  expect(quarterOf(new Date('2027-06-30T22:30:00Z'))).toBe('2027-Q3');
  expect(quarterOf(new Date('2027-03-31T12:00:00Z'))).toBe('2027-Q1');
});
