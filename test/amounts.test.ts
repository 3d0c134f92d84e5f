import { describe, expect, test } from 'vitest';
import { parseAmount } from '../portal/src/amounts.ts';

describe("amounts as written in the page's language", () => {
  test('German points group thousands and the comma separates cents; English the other way round', () => {
    expect(parseAmount('1.000', 'de')).toBe(1000);
    expect(parseAmount('1.234,50', 'de')).toBe(1234.5);
    expect(parseAmount('85', 'de')).toBe(85);
    expect(parseAmount('12,5', 'de')).toBe(12.5);
    expect(parseAmount('1,234.50', 'en')).toBe(1234.5);
    expect(parseAmount('12.5', 'en')).toBe(12.5);
    for (const text of ['', 'abc', '1,2,3', '-5', '1e3']) expect(parseAmount(text, 'de'), text).toBeNaN();
  });
});
