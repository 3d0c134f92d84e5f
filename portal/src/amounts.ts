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
