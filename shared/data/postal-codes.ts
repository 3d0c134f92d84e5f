import { readFileSync } from 'node:fs';

// Centre coordinates of German postal codes (WGS84), from the WZB data set
// "plz_geocoord" (Wissenschaftszentrum Berlin für Sozialforschung, Apache
// License 2.0), rounded to five decimals (about one metre).

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

let table: Map<string, GeoPoint> | undefined;

function load(): Map<string, GeoPoint> {
  const csv = readFileSync(new URL('./postal-codes.csv', import.meta.url), 'utf8');
  const map = new Map<string, GeoPoint>();
  for (const line of csv.split('\n')) {
    const [code, lat, lng] = line.split(',');
    if (code) map.set(code, { latitude: Number(lat), longitude: Number(lng) });
  }
  return map;
}

export function postalCodeLocation(postalCode: string): GeoPoint | undefined {
  table ??= load();
  return table.get(postalCode);
}

/** Five digits from 01001 to 99998, the range Deutsche Post assigns (99999 and 01000 were taken, and placed nowhere). */
export function isGermanPostalCode(value: string): boolean {
  return /^[0-9]{5}$/.test(value) && Number(value) >= 1001 && Number(value) <= 99998;
}

/**
 * Why a value is no German postal code, for a message that ends in `got "…"`: "00000" is five digits, and was told
 * it should be five digits (the inquiry probe).
 */
export function postalCodeRule(field: string, value: string): string {
  return `${field} must be a German postal code: five digits from 01001 to 99998, got "${value.slice(0, 20)}".`;
}
