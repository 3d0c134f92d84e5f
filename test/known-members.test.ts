import { expect, test } from 'vitest';
import { KnownMembers } from '../subgraphs/region/known-members.ts';

// Region's memory of members found at their networks (subgraphs/region/known-members.ts), on a clock of the test's own.

test('a member found counts as existing for the time given, then is asked for again', () => {
  let now = 0;
  const known = new KnownMembers({ ttlMs: 1000, now: () => now });
  expect(known.has('NIWE', 42)).toBe(false);
  known.add('NIWE', 42);
  now = 999;
  expect(known.has('NIWE', 42)).toBe(true);
  // The same local id in another network is another member.
  expect(known.has('LINAT', 42)).toBe(false);
  now = 1000;
  expect(known.has('NIWE', 42)).toBe(false);
  expect(known.size).toBe(0);
});

test('past its capacity the member found longest ago is forgotten first; found again, a member is young again', () => {
  let now = 0;
  const known = new KnownMembers({ capacity: 2, now: () => now++ });
  known.add('NIWE', 1);
  known.add('NIWE', 2);
  known.add('NIWE', 1);
  known.add('NIWE', 3);
  expect([known.has('NIWE', 1), known.has('NIWE', 2), known.has('NIWE', 3)]).toEqual([true, false, true]);
  expect(known.size).toBe(2);
});

test('a member is remembered with whether it is archived; found again, the newer answer counts', () => {
  let now = 0;
  const known = new KnownMembers({ ttlMs: 1000, now: () => now });
  expect(known.archived('NIWE', 7)).toBeUndefined();
  known.add('NIWE', 7);
  expect(known.archived('NIWE', 7)).toBe(false);
  known.add('NIWE', 7, true);
  expect([known.has('NIWE', 7), known.archived('NIWE', 7)]).toEqual([true, true]);
  now = 1000;
  expect(known.archived('NIWE', 7)).toBeUndefined();
});

test('archived stays archived: an answer of a network asked before the archiving, arriving after it, does not undo it', () => {
  const known = new KnownMembers({ ttlMs: 1000, now: () => 0 });
  known.add('NIWE', 9, true);
  known.add('NIWE', 9, false);
  expect(known.archived('NIWE', 9)).toBe(true);
});
