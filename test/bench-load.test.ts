import { expect, test } from 'vitest';
import { latencySummary, mergeLoadResults, type LoadResult } from '../bench/load.ts';
import { oneAtATimeSlices } from '../bench/run.ts';

// Runs at concurrency 1 are taken in slices that the targets take turns in (bench/run.ts); a target's row is
// its slices merged. The merge must give what one run with all their answers would have.

const run = (times: number[], seconds: number, extra: Partial<LoadResult> = {}): LoadResult => ({
  requests: times.length,
  sent: times.length,
  failures: 0,
  ...latencySummary(times, seconds),
  times,
  seconds,
  starved: 0,
  generatorCpuMs: 1,
  ...extra,
});

test('slices merge into the run their answers make together', () => {
  // A slow slice and a fast one: the percentiles come from every answer, in order, not from either slice's own.
  const fast = run([1, 2, 3, 4], 1);
  const slow = run([10, 20, 30, 40, 50, 60], 2, { sent: 7, failures: 1, starved: 2 });
  const merged = mergeLoadResults([slow, fast]);
  const whole = latencySummary([1, 2, 3, 4, 10, 20, 30, 40, 50, 60], 3);
  expect(merged).toMatchObject({ ...whole, requests: 10, sent: 11, failures: 1, starved: 2, generatorCpuMs: 2, seconds: 3 });
  expect(merged.p50Ms).toBe(10);
  expect(merged.p99Ms).toBe(60);
  expect(merged.rps).toBeCloseTo(10 / 3);
  expect(merged.meanMs).toBeCloseTo(22);
  expect(merged.times).toEqual([1, 2, 3, 4, 10, 20, 30, 40, 50, 60]);
});

test('a slice without answers adds its time, and no answer at all reads as 0 per second', () => {
  expect(mergeLoadResults([run([5, 5], 1), run([], 0.5, { sent: 1 })])).toMatchObject({ requests: 2, sent: 3, rps: 2 / 1.5, p50Ms: 5 });
  const none = mergeLoadResults([run([], 1), run([], 1)]);
  expect(none.rps).toBe(0);
  expect(Number.isNaN(none.p50Ms)).toBe(true);
});

test('a run at concurrency 1 is cut into --repeat slices, none shorter than a second', () => {
  expect(oneAtATimeSlices({ dry: false, duration: 5, repeat: 5 })).toBe(5);
  // The observability runs' 20 rounds of 3 s: three slices of a second, not twenty of 0.15 s.
  expect(oneAtATimeSlices({ dry: false, duration: 3, repeat: 20 })).toBe(3);
  expect(oneAtATimeSlices({ dry: false, duration: 0.5, repeat: 3 })).toBe(1);
  // A dry run's slices send a request each, however short.
  expect(oneAtATimeSlices({ dry: true, duration: 0, repeat: 2 })).toBe(2);
});
