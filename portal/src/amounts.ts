import type { Language } from './i18n.ts';

/**
 * An amount as a person writes it in the page's language: "1.234,50" (de) or "1,234.50" (en) → 1234.5; NaN when it
 * is not a number. The German "1.000" is a thousand: read with only its comma turned into a point, a capacity
 * post's price of "1.000" was saved as 1,00 €.
 */
export function parseAmount(value: string, language: Language): number {
  const plain = language === 'de' ? value.replace(/[\s.]/g, '').replace(',', '.') : value.replace(/[\s,]/g, '');
  return /^\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/**
 * A whole number as a person writes it in the page's language, thousands grouped or not: "10.000" (de) or "10,000"
 * (en) → 10000; NaN when it is no whole number. Read with Number(), the German "10.000" of a price tier was 10.
 */
export function parseWhole(value: string, language: Language): number {
  const plain = value.trim().replace(/\s/g, '');
  const grouped = language === 'de' ? /^\d{1,3}(\.\d{3})+$/ : /^\d{1,3}(,\d{3})+$/;
  if (grouped.test(plain)) return Number(plain.replace(/[.,]/g, ''));
  return /^\d+$/.test(plain) ? Number(plain) : Number.NaN;
}

/** A whole number typed in one language's notation, written in another's, ungrouped ("10.000" → "10000"); as it was when it is none. */
export function wholeIn(value: string, from: Language, to: Language): string {
  const whole = from === to ? Number.NaN : parseWhole(value, from);
  return Number.isNaN(whole) ? value : String(whole);
}

/** An amount typed in one language's notation, written in another's ("1250,5" → "1250.5"); as it was when it is no number there. */
export function amountIn(value: string, from: Language, to: Language): string {
  const amount = from === to ? Number.NaN : parseAmount(value, from);
  if (Number.isNaN(amount)) return value;
  return to === 'de' ? String(amount).replace('.', ',') : String(amount);
}

/**
 * Quantities as a list, "100, 1 000; 5000" → [100, 1000, 5000], each written as parseWhole reads it in the page's
 * language; null when one is no whole number. In English a comma between digits before three more groups thousands
 * ("2,500", as the page writes it), elsewhere it separates quantities: "2,500" was saved as 2 and 500.
 */
export function parseQuantities(value: string, language: Language): number[] | null {
  const listed = language === 'en' ? value.replace(/(\d),(?=\d{3}(?!\d))/g, '$1') : value;
  const parts = listed
    .split(/[,;]/)
    .map((part) => part.trim().replace(/'/g, ''))
    .filter(Boolean);
  const quantities = parts.map((part) => parseWhole(part, language));
  return quantities.every((quantity) => !Number.isNaN(quantity)) ? quantities : null;
}

/** Quantities typed in one language's notation, written for another, ungrouped ("2,500; 100" → "2500, 100"); as they were when they are none. */
export function quantitiesIn(value: string, from: Language, to: Language): string {
  const quantities = from === to ? null : parseQuantities(value, from);
  return quantities ? quantities.join(', ') : value;
}
