import { describe, expect, test } from 'vitest';
import { amountIn, parseAmount, parseQuantities, parseWhole, quantitiesIn, wholeIn } from '../portal/src/amounts.ts';

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

  test('a whole number grouped as the page writes it; anything else is none (Number() read the German 10.000 as 10)', () => {
    expect(parseWhole('10.000', 'de')).toBe(10_000);
    expect(parseWhole('10 000', 'de')).toBe(10_000);
    expect(parseWhole('10,000', 'en')).toBe(10_000);
    expect(parseWhole(' 1.000.000 ', 'de')).toBe(1_000_000);
    expect(parseWhole('500', 'en')).toBe(500);
    for (const [text, language] of [
      ['10,000', 'de'],
      ['10.000', 'en'],
      ['1.5', 'en'],
      ['10.00', 'de'],
      ['', 'de'],
      ['12a', 'en'],
    ] as const)
      expect(parseWhole(text, language), `${text} (${language})`).toBeNaN();
  });

  test('amounts typed in one language are written in the other after a switch, so a quote of 9.4 is not sent as 94', () => {
    expect(amountIn('9.4', 'en', 'de')).toBe('9,4');
    expect(parseAmount(amountIn('9.4', 'en', 'de'), 'de')).toBe(9.4);
    expect(amountIn('1.250,5', 'de', 'en')).toBe('1250.5');
    expect(amountIn('1250.5', 'en', 'en')).toBe('1250.5');
    expect(amountIn('zwölf', 'de', 'en')).toBe('zwölf');
    expect(wholeIn('10.000', 'de', 'en')).toBe('10000');
    expect(wholeIn('10,000', 'en', 'de')).toBe('10000');
  });

  test('quantities: English commas group thousands where three digits follow, and separate quantities elsewhere', () => {
    expect(parseQuantities('2,500', 'en')).toEqual([2500]);
    expect(parseQuantities('100, 1,000; 10,000', 'en')).toEqual([100, 1000, 10_000]);
    expect(parseQuantities('1,000,000', 'en')).toEqual([1_000_000]);
    expect(parseQuantities('100,50', 'en')).toEqual([100, 50]);
    expect(parseQuantities('100, 1.000; 5 000', 'de')).toEqual([100, 1000, 5000]);
    expect(parseQuantities("2'500", 'de')).toEqual([2500]);
    expect(parseQuantities('2,500', 'de')).toEqual([2, 500]);
    expect(parseQuantities('1.5', 'en')).toBeNull();
    expect(parseQuantities('viele', 'de')).toBeNull();
    // After a switch of language, as the new inquiry's form rewrites them: English "2,500" is not 2 and 500 in German.
    expect(quantitiesIn('2,500; 100', 'en', 'de')).toBe('2500, 100');
    expect(parseQuantities(quantitiesIn('2,500', 'en', 'de'), 'de')).toEqual([2500]);
    expect(quantitiesIn('1.000, 50', 'de', 'en')).toBe('1000, 50');
    expect(quantitiesIn('viele', 'de', 'en')).toBe('viele');
  });
});
