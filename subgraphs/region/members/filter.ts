import { badInput } from '../../../shared/errors.ts';
import { closeMaterialSpellings, findFamily, findMaterial } from '../../../shared/data/materials.ts';
import { isGermanPostalCode, postalCodeRule, postalCodeLocation } from '../../../shared/data/postal-codes.ts';
import {
  boundedList,
  certificationNames,
  checkText,
  coordinates,
  isoDate,
  line,
  listLimits,
  processCodes,
  radiusKm,
  text,
} from '../../../shared/validation.ts';
import { networks } from '../../../shared/networks.ts';
import { searchWords, type PushedDownFilter } from '../../../shared/search.ts';

// Checks the public filter once, in region, before it fans out, and turns it
// into what each network runs: coordinates instead of a postal code, and
// canonical certificate names.

export interface MemberFilter {
  text?: string | null;
  networks?: string[] | null;
  processes?: string[] | null;
  materials?: string[] | null;
  certifications?: string[] | null;
  certifiedOn?: string | null;
  near?: { latitude?: number | null; longitude?: number | null; postalCode?: string | null; radiusKm: number } | null;
  employees?: { min?: number | null; max?: number | null } | null;
}

export const maxRadiusKm = 500;

export function resolveLocation(
  field: string,
  near: { latitude?: number | null; longitude?: number | null; postalCode?: string | null; radiusKm: number },
  maxKm = maxRadiusKm,
) {
  radiusKm(`${field}.radiusKm`, near.radiusKm, maxKm);
  const hasPoint = near.latitude != null || near.longitude != null;
  if (hasPoint === (near.postalCode != null)) {
    throw badInput(field, `${field} takes either latitude and longitude or a postalCode.`, { reason: 'COMBINATION' });
  }
  if (near.postalCode != null) {
    checkText(`${field}.postalCode`, near.postalCode);
    if (!isGermanPostalCode(near.postalCode))
      throw badInput(`${field}.postalCode`, postalCodeRule(`${field}.postalCode`, near.postalCode), {
        reason: 'POSTAL_CODE',
      });
    const point = postalCodeLocation(near.postalCode);
    if (!point)
      throw badInput(`${field}.postalCode`, `${field}.postalCode ${near.postalCode} is unknown; give latitude and longitude instead.`, {
        reason: 'UNKNOWN_POSTAL_CODE',
      });
    return { ...point, radiusKm: near.radiusKm };
  }
  return { ...coordinates(field, near.latitude, near.longitude), radiusKm: near.radiusKm };
}

/** The network codes asked, each once; every network when none is named. */
export function networkCodes(field: string, codes: readonly string[] | null | undefined): string[] {
  return codes?.length ? [...new Set(boundedList(field, codes, listLimits.networks))] : networks.map((n) => n.code);
}

/** The search text, or null when none was given; text with nothing to search for is refused rather than read as absent. */
function searchText(value: string | null | undefined): string | null {
  const given = text('filter.text', value, 200, false);
  if (given !== null && searchWords(given).length === 0) {
    throw badInput('filter.text', `filter.text "${given.slice(0, 30)}" has no letters or digits to search for; search for a word, or leave filter.text out.`, {
      reason: 'NO_LETTERS',
    });
  }
  return given;
}

function materials(values: readonly string[]): string[] {
  return boundedList('filter.materials', values, listLimits.materials).map((m) => {
    const name = line('filter.materials', m, 60, false);
    // Blank: one too long is refused by text() already.
    if (name === null) throw badInput('filter.materials', 'filter.materials must be names of 1 to 60 characters, not blank.', { reason: 'REQUIRED' });
    return name;
  });
}

/**
 * Whether a material the list lacks, and no family's word, lies close to a listed spelling ("42CrMo", one letter
 * from 42CrMo4). Such a value is still searched and matched as typed, since a member's material the list lacks is
 * stored as typed (createMember, the CSV import), and real materials lie one letter from listed ones (C35 from C45,
 * S355JR from S355J2): refusing it outright would hide the members that typed it. It is refused, with the close
 * spellings as suggestions, only where the answer shows that no member works it (soleMaterial below for the
 * search, members/suppliers.ts for findSuppliers): "42CrMo" answered 0 members while 42CrMo4 has 49, and the caller
 * read "no supplier" for a typo (the partner probe). A value far from every spelling ("Inconel 718") has nothing to
 * suggest, and its empty answer stays an answer.
 */
export function closeToListedMaterial(value: string): boolean {
  return !findMaterial(value) && !findFamily(value) && closeMaterialSpellings(value).length > 0;
}

/**
 * The filter's material when it is all the filter asks, of the whole region (no text, process, certificate, circle,
 * employee range or second material, and every network), or null. Only then does an empty answer say that no member
 * works it: with the rest of the filter beside it, the rest may be what finds nothing. A NIWE member's S355JR was
 * refused as "Did you mean S355J2?" once networks: [LINAT], a process or 42CrMo4 was added (the review).
 */
export function soleMaterial(filter: PushedDownFilter, codes: readonly string[]): string | null {
  const alone =
    filter.materials?.length === 1 &&
    !filter.text &&
    !filter.processes?.length &&
    !filter.certifications?.length &&
    !filter.near &&
    filter.employeesMin == null &&
    filter.employeesMax == null &&
    networks.every((n) => codes.includes(n.code));
  return alone ? filter.materials![0] : null;
}

/**
 * `countsCertifications`: the query selects the certifications facet, which counts the certificates valid on
 * certifiedOn, so the day means something without filter.certifications.
 */
export function validateFilter(filter: MemberFilter | null | undefined, countsCertifications = false): { pushedDown: PushedDownFilter; networks: string[] } {
  const f = filter ?? {};
  const employees = f.employees ?? null;
  if (employees) {
    if (employees.min != null && employees.min < 0)
      throw badInput('filter.employees.min', `filter.employees.min must not be negative, got ${employees.min}.`, { reason: 'OUT_OF_RANGE', min: 0 });
    if (employees.min != null && employees.max != null && employees.min > employees.max) {
      throw badInput('filter.employees', `filter.employees.min (${employees.min}) must not exceed max (${employees.max}).`, {
        reason: 'ORDER',
        other: 'filter.employees.max',
      });
    }
  }
  const certifiedOn = f.certifiedOn != null ? isoDate('filter.certifiedOn', f.certifiedOn) : null;
  // The day is the certificates' and the certifications facet's: without either it filtered and counted nothing, and a
  // search for members certified on a day answered every member without a word (the partner probe). With the facet
  // it counts the certificates valid that day (refused too at first: the review).
  if (certifiedOn !== null && !f.certifications?.length && !countsCertifications)
    throw badInput(
      'filter.certifiedOn',
      'filter.certifiedOn is the day on which filter.certifications must be valid (and the certifications facet counts); name the certifications too (for example ["ISO 9001"]), select facets { certifications }, or leave certifiedOn out.',
      { reason: 'COMBINATION' },
    );
  return {
    networks: networkCodes('filter.networks', f.networks),
    pushedDown: {
      text: searchText(f.text),
      processes: f.processes ? processCodes('filter.processes', f.processes) : null,
      materials: f.materials ? materials(f.materials) : null,
      certifications: f.certifications ? certificationNames('filter.certifications', f.certifications) : null,
      certifiedOn,
      near: f.near ? resolveLocation('filter.near', f.near) : null,
      employeesMin: employees?.min ?? null,
      employeesMax: employees?.max ?? null,
    },
  };
}
