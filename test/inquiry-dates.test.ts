import { describe, expect, test } from 'vitest';
import type { Inquiry } from '../subgraphs/region/inquiries/entities.ts';
import { applyPatch } from '../subgraphs/region/inquiries/inquiries.ts';

// Delivery lies after the quote deadline's day, the region's day (shared/region-day.ts): a deadline at 23:30 UTC on
// the 10th is 00:30 on the 11th in Berlin, so delivery on the 11th is the deadline's own day there.
describe('an inquiry’s delivery date after its quote deadline’s day in the region', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const inquiry = () => ({ title: 'Lagerbock', quoteDeadline: new Date('2026-12-10T23:30:00Z'), deliveryDate: '2026-12-11' }) as unknown as Inquiry;
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (error) {
      return (error as { extensions?: Record<string, unknown> }).extensions;
    }
    return undefined;
  };

  test('a changed date is checked against the day in Berlin', () => {
    expect(refusal(() => applyPatch(inquiry(), { deliveryDate: '2026-12-11' }, now))).toMatchObject({ field: 'input.deliveryDate', reason: 'ORDER' });
    expect(refusal(() => applyPatch(inquiry(), { quoteDeadline: '2026-12-10T23:30:00Z' }, now))).toMatchObject({ reason: 'ORDER' });
    const moved = inquiry();
    applyPatch(moved, { deliveryDate: '2026-12-12' }, now);
    expect(moved.deliveryDate).toBe('2026-12-12');
  });

  test('an inquiry saved under the UTC day keeps its dates when something else changes', () => {
    const kept = inquiry();
    applyPatch(kept, { title: 'Lagerbock B' }, now);
    expect(kept).toMatchObject({ title: 'Lagerbock B', deliveryDate: '2026-12-11' });
  });
});
