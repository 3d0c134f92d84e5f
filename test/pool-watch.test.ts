import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { afterEach, expect, test, vi } from 'vitest';
import { guardPool } from '../shared/pg-connection.ts';
import { completeness } from '../subgraphs/region/inquiries/consortia.ts';
import type { ConsortiumPartner } from '../subgraphs/region/inquiries/entities.ts';

// The rules under /ready's pool look and a consortium's completeness that need no server.

afterEach(() => {
  vi.useRealTimers();
});

test('a pool is stalled only when callers have waited 10 s with nothing given back, counted from the first look that saw them wait', () => {
  vi.useFakeTimers();
  const pool = Object.assign(new EventEmitter(), { waitingCount: 0 }) as unknown as pg.Pool & { waitingCount: number };
  const watch = guardPool(pool);
  // Ten connections busy for a minute, as long work may keep them: no stall while no one waits.
  vi.advanceTimersByTime(60_000);
  expect(watch.stalledMs()).toBe(0);
  // A caller begins to wait: measured from the last progress alone this was a minute at once, and /ready said 503.
  (pool as { waitingCount: number }).waitingCount = 1;
  expect(watch.stalledMs()).toBe(0);
  vi.advanceTimersByTime(4_000);
  expect(watch.stalledMs()).toBe(4_000);
  // A connection given back is progress.
  pool.emit('release', undefined, {});
  vi.advanceTimersByTime(3_000);
  expect(watch.stalledMs()).toBe(3_000);
  (pool as { waitingCount: number }).waitingCount = 0;
  expect(watch.stalledMs()).toBe(0);
});

test('a consortium completes with the partners that did not decline, not without its lead or with the lead alone', () => {
  const partner = (memberId: string, status: ConsortiumPartner['status'], sharePercent: number | null = null) =>
    ({ memberId, status, sharePercent }) as ConsortiumPartner;
  const lead = 'LINAT:m-1';
  expect(completeness([partner(lead, 'ACCEPTED', 60), partner('KONAT:m-1', 'DECLINED'), partner('NIWE:m-2', 'ACCEPTED', 40)], lead)).toEqual({
    complete: true,
    reason: '',
  });
  // A lead that declined its own consortium: the others' shares summed to 100 and it could quote.
  expect(completeness([partner(lead, 'DECLINED'), partner('NIWE:m-2', 'ACCEPTED', 100)], lead).complete).toBe(false);
  expect(completeness([partner(lead, 'ACCEPTED', 100), partner('KONAT:m-1', 'DECLINED')], lead).reason).toMatch(/every partner besides the lead declined/);
  expect(completeness([partner(lead, 'ACCEPTED', 60), partner('KONAT:m-1', 'INVITED')], lead).reason).toBe('KONAT:m-1 is INVITED');
});
