import { describe, expect, test } from 'vitest';
import { comparisonOrder } from '../subgraphs/region/inquiries/quotes.ts';

describe("the owner's comparison of quotes", () => {
  const row = (id: number, currency: string, unitPrice: number, leadTimeDays = 30) => ({
    currency,
    unitPrice,
    leadTimeDays,
    quote: { id, createdAt: new Date(Date.UTC(2027, 0, 1, 0, 0, id)) },
  });

  test('prices compare within a currency: the one most quotes use first, then the others by count and code', () => {
    const rows = [row(1, 'EUR', 5), row(2, 'XYZ', 3.333), row(3, 'EUR', 0.005), row(4, 'USD', 1), row(5, 'CHF', 2), row(6, 'EUR', 5, 20), row(7, 'CHF', 1.5)];
    const order = rows.sort(comparisonOrder(rows)).map((r) => `${r.quote.id} ${r.currency} ${r.unitPrice}`);
    expect(order).toEqual(['3 EUR 0.005', '6 EUR 5', '1 EUR 5', '7 CHF 1.5', '5 CHF 2', '4 USD 1', '2 XYZ 3.333']);
  });

  test('in one currency: cheapest first, then the shorter lead time, then the earlier quote', () => {
    const rows = [row(3, 'EUR', 9, 10), row(1, 'EUR', 9, 10), row(2, 'EUR', 9, 5), row(4, 'EUR', 8, 60)];
    expect(rows.sort(comparisonOrder(rows)).map((r) => r.quote.id)).toEqual([4, 2, 1, 3]);
  });
});
