import { badInput } from './errors.ts';
import { canonicalStandard, certificationStandards } from './data/certifications.ts';
import { findProcess } from './data/processes.ts';

// Checks shared by region (filters, requirements) and the networks (member input).

export function isoDate(field: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!match || !date || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3] || +match[1] < 1900 || +match[1] > 2999) {
    throw badInput(field, `${field} must be a calendar date written YYYY-MM-DD, got "${value.slice(0, 20)}".`);
  }
  return value;
}

export function processCodes(field: string, codes: string[]): string[] {
  for (const code of codes) {
    if (!findProcess(code)) throw badInput(field, `${field}: "${code.slice(0, 20)}" is not a DIN 8580 process code of the code list (for example 3.2.3 for Fräsen).`);
  }
  return [...new Set(codes)];
}

export function certificationName(field: string, value: string): string {
  const standard = canonicalStandard(value);
  if (!standard) throw badInput(field, `${field}: "${value.slice(0, 30)}" is not a known certification; use one of ${certificationStandards.join(', ')}.`);
  return standard;
}

export function coordinates(field: string, latitude: number | null | undefined, longitude: number | null | undefined) {
  if (latitude == null || !(latitude >= -90 && latitude <= 90)) throw badInput(`${field}.latitude`, `${field}.latitude must lie between -90 and 90, got ${latitude ?? 'nothing'}.`);
  if (longitude == null || !(longitude >= -180 && longitude <= 180)) throw badInput(`${field}.longitude`, `${field}.longitude must lie between -180 and 180, got ${longitude ?? 'nothing'}.`);
  return { latitude, longitude };
}
