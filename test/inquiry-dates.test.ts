import { describe, expect, test } from 'vitest';
import type { Inquiry } from '../subgraphs/region/inquiries/entities.ts';
import { applyPatch, latestDeadlineDay, latestInquiryDay, newInquiry } from '../subgraphs/region/inquiries/inquiries.ts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fieldErrorText } from '../portal/src/field-errors.ts';
import { inquiryDateLimits, regionDayStart } from '../portal/src/inquiry-dates.ts';
import { regionDateTime, regionInstant } from '../portal/src/region-clock.ts';
import { regionDay } from '../shared/region-day.ts';
import { locale } from '../portal/src/i18n.ts';

/** The extensions of the error `run` throws, or undefined when it throws none. */
function refusal(run: () => void): Record<string, unknown> | undefined {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  return undefined;
}

// Delivery lies after the quote deadline's day, the region's day (shared/region-day.ts): a deadline at 23:30 UTC on
// the 10th is 00:30 on the 11th in Berlin, so delivery on the 11th is the deadline's own day there.
describe('an inquiry’s delivery date after its quote deadline’s day in the region', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const inquiry = () => ({ title: 'Lagerbock', quoteDeadline: new Date('2026-12-10T23:30:00Z'), deliveryDate: '2026-12-11' }) as unknown as Inquiry;

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

// An inquiry's dates lie at most two years ahead: 2999 was taken (the years any date of the graph takes), and kept
// an inquiry open and its quotes bound for centuries. One rule wherever the dates are given.
describe('an inquiry’s quote deadline and delivery date at most two years ahead', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const draft = () => ({ title: 'Lagerbock', quoteDeadline: new Date('2026-12-10T12:00:00Z'), deliveryDate: '2027-01-15' }) as unknown as Inquiry;

  test('the last day is the region’s today two years on; the day after is refused at its field, naming that day', () => {
    expect(latestInquiryDay(now)).toBe('2028-12-01');
    // Just after midnight in Berlin it is the next day there.
    expect(latestInquiryDay(new Date('2026-12-01T23:30:00Z'))).toBe('2028-12-02');
    expect(latestInquiryDay(new Date('2028-02-29T12:00:00Z'))).toBe('2030-02-28');
    const moved = draft();
    applyPatch(moved, { deliveryDate: '2028-12-01' }, now);
    expect(moved.deliveryDate).toBe('2028-12-01');
    expect(refusal(() => applyPatch(draft(), { deliveryDate: '2028-12-02' }, now))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.deliveryDate',
      reason: 'TOO_FAR_AHEAD',
      max: '2028-12-01',
    });
    // A deadline's last day is the one before: delivery follows the deadline's day.
    expect(refusal(() => applyPatch(draft(), { quoteDeadline: '2999-01-15T12:00:00Z', deliveryDate: '2999-03-01' }, now))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.quoteDeadline',
      reason: 'TOO_FAR_AHEAD',
      max: '2028-11-30',
    });
    // The deadline's day in Berlin: 23:30 UTC on its last day is the day after there.
    expect(refusal(() => applyPatch(draft(), { quoteDeadline: '2028-11-30T23:30:00Z', deliveryDate: '2028-12-01' }, now))).toMatchObject({
      field: 'input.quoteDeadline',
      reason: 'TOO_FAR_AHEAD',
      max: '2028-11-30',
    });
  });

  test('a deadline on the last day left no delivery date: its last day is the day before, and delivery then fits', () => {
    // Today 2026-12-09: delivery had to lie after 2028-12-09 and no later than 2028-12-09.
    const today = new Date('2026-12-09T12:00:00Z');
    expect([latestDeadlineDay(today), latestInquiryDay(today)]).toEqual(['2028-12-08', '2028-12-09']);
    expect(latestDeadlineDay(new Date('2028-02-29T12:00:00Z'))).toBe('2030-02-27');
    expect(latestDeadlineDay(new Date('2027-03-01T12:00:00Z'))).toBe('2029-02-28');
    expect(refusal(() => applyPatch(draft(), { quoteDeadline: '2028-12-09T11:00:00Z', deliveryDate: '2028-12-09' }, today))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.quoteDeadline',
      reason: 'TOO_FAR_AHEAD',
      max: '2028-12-08',
    });
    const last = draft();
    applyPatch(last, { quoteDeadline: '2028-12-08T22:59:00Z', deliveryDate: '2028-12-09' }, today);
    expect([last.quoteDeadline.toISOString(), last.deliveryDate]).toEqual(['2028-12-08T22:59:00.000Z', '2028-12-09']);
  });

  test('the portal says the rule with the last day in the reader’s notation', () => {
    const extensions = refusal(() => applyPatch(draft(), { deliveryDate: '2999-01-01' }, now))!;
    const error = { message: 'input.deliveryDate lies more than 2 years ahead', extensions };
    expect(fieldErrorText(error, locale('de'))).toBe('Das liegt zu weit in der Zukunft; bitte wählen Sie einen Tag bis spätestens 01.12.2028.');
    expect(fieldErrorText(error, locale('en'))).toMatch(/^This lies too far ahead; please choose a day no later than .*2028\.$/);
  });

  test('createInquiry takes the same rule', () => {
    const em = { create: (_: unknown, data: unknown) => data } as unknown as EntityManager;
    const input = {
      title: 'Lagerbock',
      partDescription: 'Gefräst',
      processes: ['3.2.3'],
      quantities: [{ quantity: 10 }],
      deliveryLocation: { latitude: 51.2, longitude: 10.1 },
      quoteDeadline: '2026-12-20T12:00:00Z',
      deliveryDate: '2999-01-15',
    };
    const identity = { role: 'partner', subject: 'probe' } as const;
    expect(refusal(() => newInquiry(em, identity, input, now))).toMatchObject({ field: 'input.deliveryDate', reason: 'TOO_FAR_AHEAD', max: '2028-12-01' });
    expect(refusal(() => newInquiry(em, identity, { ...input, quoteDeadline: '2999-01-01T12:00:00Z' }, now))).toMatchObject({
      field: 'input.quoteDeadline',
      reason: 'TOO_FAR_AHEAD',
    });
    expect(refusal(() => newInquiry(em, identity, { ...input, deliveryDate: '2028-12-01' }, now))).toBeUndefined();
    // The deadline's last day is the day before the latest, with a delivery date after it on the latest.
    const edge = { ...input, quoteDeadline: '2028-12-01T11:00:00Z', deliveryDate: '2028-12-01' };
    expect(refusal(() => newInquiry(em, identity, edge, now))).toMatchObject({ field: 'input.quoteDeadline', reason: 'TOO_FAR_AHEAD', max: '2028-11-30' });
    expect(refusal(() => newInquiry(em, identity, { ...edge, quoteDeadline: '2028-11-30T11:00:00Z' }, now))).toBeUndefined();
  });
});

// The portal gives its date fields the server's limits as min and max (portal/src/inquiry-dates.ts), from the region's
// day, so the browser's picker keeps a user inside them; both take the rule from shared/inquiry-dates.ts.
describe('the portal’s date fields hold the server’s limits', () => {
  test('the fields end on the server’s last days, around Berlin’s midnight, the clock changes and 29 February', () => {
    const instants = ['2026-12-01T22:59:59Z', '2026-12-01T23:00:00Z', '2027-03-27T23:30:00Z', '2027-10-30T22:30:00Z', '2028-02-28T23:00:00Z'];
    for (let t = Date.parse('2027-12-30T00:00:00Z'); t < Date.parse('2028-03-03T00:00:00Z'); t += 5 * 3_600_000) instants.push(new Date(t).toISOString());
    for (const instant of instants) {
      const now = new Date(instant);
      const limits = inquiryDateLimits('', now);
      expect(limits.deliveryMax, instant).toBe(latestInquiryDay(now));
      // The deadline's last minute lies on the server's last deadline day in Berlin, whatever the browser's zone.
      expect(regionDay(regionInstant(limits.deadlineMax)!), instant).toBe(latestDeadlineDay(now));
    }
  });

  test('a region day begins at midnight in Berlin, in winter and in summer', () => {
    expect(regionDayStart('2027-01-15').toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(regionDayStart('2027-07-15').toISOString()).toBe('2027-07-14T22:00:00.000Z');
    expect(regionDayStart('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
  });

  test('the deadline from now to the last minute in Berlin of the day before the latest; delivery after the deadline’s day in Berlin, to the latest day', () => {
    // 23:30 UTC on 1 December is 00:30 on the 2nd in Berlin: the region's today is the 2nd, whatever the browser's.
    const now = new Date('2026-12-01T23:30:00Z');
    const limits = inquiryDateLimits('', now);
    expect(regionInstant(limits.deadlineMin)?.getTime()).toBe(Date.parse('2026-12-01T23:30:00Z'));
    const lastMinute = regionInstant(limits.deadlineMax)!;
    expect(regionDay(lastMinute)).toBe('2028-12-01');
    expect(regionDay(new Date(lastMinute.getTime() + 60_000))).toBe('2028-12-02');
    expect(limits).toMatchObject({ deliveryMin: '2026-12-03', deliveryMax: '2028-12-02' });
    // The field holds Berlin's clock (portal/src/region-clock.ts): 23:30 on the 10th is the 10th, delivery from the 11th;
    // 00:30 on the 11th (23:30 UTC on the 10th) is the 11th, delivery from the 12th.
    expect(inquiryDateLimits('2026-12-10T23:30', now).deliveryMin).toBe('2026-12-11');
    expect(inquiryDateLimits('2026-12-11T00:30', now).deliveryMin).toBe('2026-12-12');
    // An extension: later than the deadline it moves, and delivery not before the date it has.
    const extension = inquiryDateLimits('', now, '2027-01-10T11:00:00Z', '2027-02-01');
    expect(regionInstant(extension.deadlineMin)?.getTime()).toBe(Date.parse('2027-01-10T11:00:00Z'));
    expect(extension.deliveryMin).toBe('2027-02-01');
  });

  test('at the deadline field’s max the delivery field keeps one day, which the server takes; a minute later it refuses the deadline', () => {
    // Today 2026-12-09 and a deadline on 2028-12-09 gave delivery from the 10th to the 9th: no day at all.
    const today = new Date('2026-12-09T12:00:00Z');
    const { deadlineMax } = inquiryDateLimits('', today);
    const atMax = inquiryDateLimits(deadlineMax, today);
    expect([atMax.deliveryMin, atMax.deliveryMax]).toEqual(['2028-12-09', '2028-12-09']);
    const deadline = regionInstant(deadlineMax)!;
    const draft = { title: 'Lagerbock', quoteDeadline: new Date('2027-01-10T12:00:00Z'), deliveryDate: '2027-02-01' } as unknown as Inquiry;
    expect(refusal(() => applyPatch(draft, { quoteDeadline: deadline.toISOString(), deliveryDate: atMax.deliveryMax }, today))).toBeUndefined();
    const minuteLater = new Date(deadline.getTime() + 60_000);
    expect(refusal(() => applyPatch(draft, { quoteDeadline: minuteLater.toISOString(), deliveryDate: atMax.deliveryMax }, today))).toMatchObject({
      field: 'input.quoteDeadline',
      reason: 'TOO_FAR_AHEAD',
      max: '2028-12-08',
    });
    // The portal's max is that day's last minute on Berlin's clock, which the form sends as typed.
    expect(deadlineMax).toBe('2028-12-08T23:59');
    expect(regionDateTime(deadline)).toBe(deadlineMax);
  });
});
