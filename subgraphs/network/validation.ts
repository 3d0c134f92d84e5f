import { badInput } from '../../shared/errors.ts';
import { canonicalMaterial } from '../../shared/data/materials.ts';
import { isGermanPostalCode, postalCodeRule } from '../../shared/data/postal-codes.ts';
import { boundedList, certificationName, coordinates, isoDate, line, listLimits, once, phone, processCodes, text } from '../../shared/validation.ts';

export { coordinates, processCodes };

// Turns client input into clean values or throws BAD_USER_INPUT naming the field.
// Everything is checked before the first write, so a rejected request changes nothing.

export interface GeoPointInput {
  latitude: number;
  longitude: number;
}
export interface CertificationInput {
  standard: string;
  number?: string | null;
  validUntil: string;
}
export interface ServiceInput {
  title: string;
  description?: string | null;
  processes?: string[] | null;
}
export interface ContactPersonInput {
  name: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface MemberFields {
  name?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  location?: GeoPointInput | null;
  website?: string | null;
  employees?: number | null;
  description?: string | null;
  processes?: string[] | null;
  materials?: string[] | null;
  certifications?: CertificationInput[] | null;
  services?: ServiceInput[] | null;
  contacts?: ContactPersonInput[] | null;
}

/** A one-line text (a name, a title, a town; shared/validation.ts line), required. */
export function requiredText(field: string, value: string | null | undefined, max: number): string {
  return line(field, value, max, true)!;
}

/** A one-line text, or null when left empty. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  return line(field, value, max, false);
}

/** A description: lines and paragraphs kept, or null when left empty. */
export function description(field: string, value: string | null | undefined): string | null {
  return text(field, value, 5000, false);
}

export function postalCode(field: string, value: string | null | undefined): string {
  const code = optionalText(field, value, 20) ?? '';
  if (!isGermanPostalCode(code)) throw badInput(field, postalCodeRule(field, code), { reason: 'POSTAL_CODE' });
  return code;
}

export function website(field: string, value: string | null | undefined): string | null {
  const given = optionalText(field, value, 300);
  if (given === null) return null;
  let url: URL | undefined;
  try {
    url = new URL(given);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) {
    throw badInput(field, `${field} must be an http or https URL such as https://www.example.de, got "${given.slice(0, 60)}".`, { reason: 'URL' });
  }
  // As stored: the URL writes ä and spaces percent-encoded, three characters each.
  const normalised = url.toString();
  if (normalised.length > 300)
    throw badInput(field, `${field} must have at most 300 characters once percent-encoded (ä becomes %C3%A4); this one has ${normalised.length}.`, {
      reason: 'TOO_LONG',
      max: 300,
    });
  return normalised;
}

export function employees(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000)
    throw badInput(field, `${field} must be a whole number from 1 to 1000000, got ${value}.`, {
      reason: 'OUT_OF_RANGE',
      min: 1,
      max: 1_000_000,
      integer: true,
    });
  return value;
}

export function materials(field: string, values: string[]): string[] {
  return [...new Set(boundedList(field, values, listLimits.materials).map((v, i) => canonicalMaterial(requiredText(`${field}[${i}]`, v, 60))))];
}

// A list's entry given twice, every field alike, is a slip (a row added twice in the portal, a cell pasted twice):
// it showed twice on the profile. One standard twice with another number or date stays (two sites, a renewal).
export function certifications(field: string, values: CertificationInput[]): CertificationInput[] {
  const checked = boundedList(field, values, listLimits.certifications).map((c, i) => {
    const standard = certificationName(`${field}[${i}].standard`, c.standard);
    return { standard, number: optionalText(`${field}[${i}].number`, c.number, 100), validUntil: isoDate(`${field}[${i}].validUntil`, c.validUntil) };
  });
  const key = (c: CertificationInput) => `${c.standard}\n${c.number?.toLowerCase() ?? ''}\n${c.validUntil}`;
  return [...once(field, checked, key, (c) => c.standard)];
}

export function services(field: string, values: ServiceInput[]): Required<ServiceInput>[] {
  return boundedList(field, values, listLimits.services).map((s, i) => ({
    title: requiredText(`${field}[${i}].title`, s.title, 200),
    description: description(`${field}[${i}].description`, s.description),
    processes: processCodes(`${field}[${i}].processes`, s.processes ?? []),
  }));
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function contacts(field: string, values: ContactPersonInput[]): Required<ContactPersonInput>[] {
  const checked = boundedList(field, values, listLimits.contacts).map((c, i) => {
    // A mailto: link as a spreadsheet's hyperlink cell gives it is the address after it (it was stored with the prefix).
    const email = optionalText(`${field}[${i}].email`, c.email, 254)?.replace(/^mailto:\s*/i, '') || null;
    if (email !== null && !emailPattern.test(email))
      throw badInput(`${field}[${i}].email`, `${field}[${i}].email must be an e-mail address such as name@firma.de, got "${email.slice(0, 60)}".`, {
        reason: 'EMAIL',
      });
    const number = phone(`${field}[${i}].phone`, c.phone);
    return { name: requiredText(`${field}[${i}].name`, c.name, 200), role: optionalText(`${field}[${i}].role`, c.role, 200), email, phone: number };
  });
  // The same person twice (name and e-mail address alike, case aside), as certifications above.
  const key = (c: Required<ContactPersonInput>) => `${c.name.toLowerCase()}\n${c.email?.toLowerCase() ?? ''}`;
  return [...once(field, checked, key, (c) => c.name)];
}
