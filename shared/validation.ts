import type { GraphQLError } from 'graphql';
import { badInput } from './errors.ts';
import { canonicalStandard, certificationStandards } from './data/certifications.ts';
import { closeMaterialSpellings, findFamily, findMaterial } from './data/materials.ts';
import { findProcess } from './data/processes.ts';

// Checks shared by region (filters, requirements) and the networks (member input).

/** The years a date or time may lie in: far enough either way for any record, and four digits, as YYYY-MM-DD writes them. */
const dateYears = { minYear: 1900, maxYear: 2999 } as const;

/** Whether the year, month and day name a day of the calendar (the Date moves 2027-02-31 to 3 March), of any year: Date.UTC reads 0048 as 1948. */
function calendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const inYears = (year: number) => year >= dateYears.minYear && year <= dateYears.maxYear;

/** A well-written date of a year outside dateYears, refused with those years as min and max: 9999-12-27 was told it was not written YYYY-MM-DD. */
function outsideYears(field: string, value: string, reason: 'DATE' | 'DATE_TIME') {
  const { minYear: min, maxYear: max } = dateYears;
  return badInput(field, `${field} must lie in the years ${min} to ${max}, got "${value.slice(0, 40)}".`, { reason, min, max });
}

export function isoDate(field: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || !calendarDay(+match[1], +match[2], +match[3])) {
    throw badInput(field, `${field} must be a calendar date written YYYY-MM-DD, got "${value.slice(0, 20)}".`, { reason: 'DATE' });
  }
  if (!inYears(+match[1])) throw outsideYears(field, value, 'DATE');
  return value;
}

// RFC 3339 (t and z in either case) and the offset without its colon, as PHP's DateTime::ISO8601 writes it.
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))$/;

/**
 * An ISO 8601 date and time with an offset (Z or ±hh:mm), as the instant it names. Without an offset the
 * time would be read in the server's zone, and `new Date` alone moved what is not on the calendar:
 * 2027-02-31T12:00Z became 3 March, 2027-04-31T24:00Z 2 May; each is refused instead (DATE_TIME).
 */
export function isoDateTime(field: string, value: string, example = '2027-03-10T09:00:00+01:00'): Date {
  const m = dateTimePattern.exec(value);
  const onClock = (hours: string | undefined, minutes: string | undefined) =>
    (hours === undefined || +hours <= 23) && (minutes === undefined || +minutes <= 59);
  const at = m && calendarDay(+m[1], +m[2], +m[3]) && onClock(m[4], m[5]) && onClock(m[7], m[8]) && onClock(undefined, m[6]) ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime())) {
    throw badInput(field, `${field} must be an ISO 8601 date and time with an offset, such as ${example}, got "${value.slice(0, 40)}".`, {
      reason: 'DATE_TIME',
    });
  }
  if (!inYears(+value.slice(0, 4))) throw outsideYears(field, value, 'DATE_TIME');
  return at;
}

/**
 * The list as given, or DUPLICATE naming the first entry given twice (by `key`, e.g. its canonical spelling) and
 * both places, counted from 1 as people count. For lists whose entries mean one thing each (an inquiry's processes
 * and certificates, a consortium's partners): dropped quietly, the list a client sent and the one it got differed.
 */
export function once<T>(field: string, values: readonly T[], key: (value: T) => string = String, label: (value: T) => string = String): readonly T[] {
  const keys = values.map(key);
  const second = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (second >= 0) {
    const first = keys.indexOf(keys[second]);
    throw badInput(field, `${field} names ${label(values[second]).slice(0, 40)} twice (entries ${first + 1} and ${second + 1}); name each once.`, {
      reason: 'DUPLICATE',
    });
  }
  return values;
}

export function processCodes(field: string, codes: readonly string[]): string[] {
  boundedList(field, codes, listLimits.processes);
  for (const code of codes) {
    if (!findProcess(code))
      throw badInput(field, `${field}: "${code.slice(0, 20)}" is not a DIN 8580 process code of the code list (for example 3.2.3 for Fräsen).`, {
        reason: 'UNKNOWN_PROCESS',
      });
  }
  return [...new Set(codes)];
}

/** Canonical names of a list of certificates, at most listLimits.certifications. */
export function certificationNames(field: string, values: readonly string[]): string[] {
  return boundedList(field, values, listLimits.certifications).map((c) => certificationName(field, c));
}

export function certificationName(field: string, value: string): string {
  const standard = canonicalStandard(value);
  if (!standard)
    throw badInput(field, `${field}: "${value.slice(0, 30)}" is not a known certification; use one of ${certificationStandards.join(', ')}.`, {
      reason: 'UNKNOWN_CERTIFICATION',
    });
  return standard;
}

/**
 * The material an inquiry names: the list's name of a listed material, or a family's word as given ("Edelstahl",
 * which any material of it meets). Anything else is UNKNOWN_MATERIAL with the closest known spellings as
 * `suggestions`: an inquiry is kept and its bidders ranked against it. findSuppliers, a question rather than a
 * record, takes a material the list lacks as typed and refuses only a close one no supplier works
 * (region members/suppliers.ts).
 */
export function requestedMaterial(field: string, value: string): string {
  const given = value.trim();
  const info = findMaterial(given);
  if (info) return info.name;
  if (findFamily(given)) return given;
  throw unknownMaterial(field, given);
}

/** UNKNOWN_MATERIAL for a value the list lacks, naming the closest known spellings in the message and in `suggestions`. */
export function unknownMaterial(field: string, value: string, why = 'is not a known material'): GraphQLError {
  const suggestions = closeMaterialSpellings(value);
  const closest = suggestions.length ? ` Did you mean ${suggestions.join(' or ')}?` : '';
  return badInput(
    field,
    `${field}: "${value.slice(0, 40)}" ${why}.${closest} Use a name or number such as 42CrMo4, 1.4301 or EN AW-6082, or a family such as Edelstahl or Aluminium.`,
    { reason: 'UNKNOWN_MATERIAL', suggestions },
  );
}

/**
 * The least radius or distance a search or match takes: 1 m. Less finds nothing a metre does not, and PostgreSQL's
 * float arithmetic fails on a value near the smallest a double holds: a radius of 1e-320 km underflowed in every
 * network's distance box, and the caller read "did not answer" for its own input (the fuzz probe).
 */
export const minRadiusKm = 0.001;

/** A radius or maximum distance in km, minRadiusKm..maxKm. */
export function radiusKm(field: string, value: number, maxKm: number): number {
  if (!(value >= minRadiusKm && value <= maxKm))
    throw badInput(field, `${field} must be at least ${minRadiusKm} km (1 m) and at most ${maxKm} km, got ${value}.`, {
      reason: 'OUT_OF_RANGE',
      min: minRadiusKm,
      max: maxKm,
    });
  return value;
}

/**
 * A point's degrees, to 7 decimals (about 1 cm, more than a postal code's centre or a geocoder says): a latitude of
 * 5e-324, the smallest double, underflowed in PostgreSQL's earth functions and failed the write as a network outage.
 */
const degrees = (value: number) => Math.round(value * 1e7) / 1e7 + 0;

export function coordinates(field: string, latitude: number | null | undefined, longitude: number | null | undefined) {
  if (latitude == null || !(latitude >= -90 && latitude <= 90))
    throw badInput(`${field}.latitude`, `${field}.latitude must lie between -90 and 90, got ${latitude ?? 'nothing'}.`, {
      reason: 'OUT_OF_RANGE',
      min: -90,
      max: 90,
    });
  if (longitude == null || !(longitude >= -180 && longitude <= 180))
    throw badInput(`${field}.longitude`, `${field}.longitude must lie between -180 and 180, got ${longitude ?? 'nothing'}.`, {
      reason: 'OUT_OF_RANGE',
      min: -180,
      max: 180,
    });
  return { latitude: degrees(latitude), longitude: degrees(longitude) };
}

// One text validator for every string a client sends to a network or region.
// PostgreSQL cannot store U+0000 in text, and a lone UTF-16 surrogate (half of
// an emoji, as a JSON "\ud83d" escape can send) has no UTF-8 form: either
// failed the statement, and the client read our INTERNAL_SERVER_ERROR or
// NETWORK_UNAVAILABLE for its own malformed string.

/** True for text PostgreSQL cannot take; cheap enough to test every string of a request (gateway/input-checks.ts). */
export function isMalformedText(value: string): boolean {
  return value.includes('\u0000') || !value.isWellFormed();
}

export function checkText(field: string, value: string): string {
  if (value.includes('\u0000')) throw badInput(field, `${field} contains a NUL character (U+0000); remove it.`, { reason: 'MALFORMED_TEXT' });
  if (!value.isWellFormed())
    throw badInput(field, `${field} contains a lone UTF-16 surrogate (half of a character such as an emoji); send well-formed Unicode.`, {
      reason: 'MALFORMED_TEXT',
    });
  return value;
}

// Characters that no text of ours shows, refused by the services' checks of what they store and search (not at
// the gateway, which checks every string alike): the C0 controls but tab and the line breaks, DEL and the C1
// controls (a BEL or an ESC pasted from a terminal), and the explicit direction controls U+202A-U+202E and
// U+2066-U+2069: a company's name sent as "\u202EHbmG relleM" reads "Meller GmbH" on every page that shows
// it (Trojan Source, CVE-2021-42574). The implicit marks (U+200E, U+200F, U+061C) stay: they only steer a
// neutral character, and right-to-left names need them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is what it is for.
const invisibleControl = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// A text shown on one line (a name, a title, a town) takes no line break or tab either: "Müller\nGmbH"
// broke the list it stood in, and a tab made a CSV export's cell two columns for some readers.
const lineBreak = /[\t\n\r\u2028\u2029]/u;

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

// A one-line text is kept in one form, so that what reads the same is the same to a comparison and a unique
// index: composed (NFC: an ä typed as a + U+0308 is ä), without the invisible soft hyphen, zero-width space,
// word joiner and byte order mark, and with each run of spaces (the no-break space too) one space. Working
// group topics "Härten  und Beschichten", "Härten\u00A0und ...", "Ha\u0308rten ..." and "Härten\u200B ..."
// were four groups beside "Härten und Beschichten", each refused as EXISTS only when typed alike.
const invisibleFormat = /[\u00AD\u200B\u2060\uFEFF]/gu;

/**
 * The text, or CONTROL_CHARACTER naming the first invisible control (and, for a one-line text, line break) and
 * where it stands; a one-line text in its one form (above).
 */
export function visibleText(field: string, value: string, oneLine: boolean): string {
  const control = invisibleControl.exec(value);
  if (control) {
    const kind = /[\u202A-\u202E\u2066-\u2069]/u.test(control[0]) ? 'a direction control' : 'a control character';
    throw badInput(field, `${field} contains ${kind} (${codePoint(control[0])}) at character ${control.index + 1}, which no text shows; remove it.`, {
      reason: 'CONTROL_CHARACTER',
    });
  }
  const broken = oneLine ? lineBreak.exec(value) : null;
  if (broken) {
    const kind = broken[0] === '\t' ? 'a tab' : 'a line break';
    throw badInput(field, `${field} is one line, but has ${kind} (${codePoint(broken[0])}) at character ${broken.index + 1}; write it on one line.`, {
      reason: 'CONTROL_CHARACTER',
      oneLine: true,
    });
  }
  return oneLine ? value.normalize('NFC').replace(invisibleFormat, '').replace(/\s+/gu, ' ').trim() : value;
}

/** Trimmed text of at most `max` characters; empty is null, or BAD_USER_INPUT when required. Line breaks and tabs are kept. */
export function text(field: string, value: string | null | undefined, max: number, required: boolean, oneLine = false): string | null {
  const trimmed = visibleText(field, checkText(field, value ?? '').trim(), oneLine);
  if (trimmed === '') {
    if (required) throw badInput(field, `${field} must not be empty.`, { reason: 'REQUIRED' });
    return null;
  }
  if (trimmed.length > max) throw badInput(field, `${field} must be at most ${max} characters, got ${trimmed.length}.`, { reason: 'TOO_LONG', max });
  return trimmed;
}

/** A text shown on one line (a name, a title, a town): as `text`, without a line break or tab inside. */
export function line(field: string, value: string | null | undefined, max: number, required: boolean): string | null {
  return text(field, value, max, required, true);
}

const phonePattern = /^\+?[0-9 ()/-]+$/;

/**
 * A telephone number of at most `max` characters, or null when left empty: digits, spaces and + ( ) / - only, at
 * least five digits ("-----" had the characters alone). A member's contacts and a booth registration's contact.
 */
export function phone(field: string, value: string | null | undefined, max = 30): string | null {
  const given = text(field, value, max, false);
  if (given !== null && (!phonePattern.test(given) || given.replace(/[^0-9]/g, '').length < 5))
    throw badInput(field, `${field} must have at least five digits and contain digits, spaces and + ( ) / - only, such as +49 5651 12345.`, {
      reason: 'PHONE',
    });
  return given;
}

/**
 * An idempotency key as the client sent it (compared untrimmed, so a retry must send it
 * byte for byte): well-formed text, not blank, at most 200 characters, room for a UUID
 * (36) or a client's own request id.
 */
export function idempotencyKey(value: string): string {
  checkText('idempotencyKey', value);
  if (value.trim() === '' || value.length > 200)
    throw badInput(
      'idempotencyKey',
      'idempotencyKey must be 1 to 200 characters, for example a UUID.',
      value.trim() === '' ? { reason: 'REQUIRED' } : { reason: 'TOO_LONG', max: 200 },
    );
  return value;
}

/**
 * Longest lists a client may send, per kind of list. Each sits well above
 * real use (the demo's busiest member has 4 services and 6 processes; the
 * code list has 65 DIN 8580 codes) and far below what makes a statement or an
 * audit snapshot costly: one updateMember with 2,000 services and a filter
 * with 20,000 process codes were accepted before.
 */
export const listLimits = {
  /** DIN 8580 codes of a member, a service or a filter: the whole code list fits. */
  processes: 105,
  /** Materials of a member or a filter. */
  materials: 50,
  /** Certificates of a member, or required in a filter. */
  certifications: 20,
  /** Services of a member. */
  services: 50,
  /** Contact persons of a member. */
  contacts: 50,
  /** Network codes in a filter; each may appear once per registered network. */
  networks: 10,
  /** Any list in a request, checked at the gateway: a backstop about twice the largest named limit, for lists without one. */
  anyInput: 200,
} as const;

/**
 * The one page-size check: `first`, or `fallback` when the client left it out, if it is a whole
 * number from `min` (1; 0 where a caller wants counts only) to `max`; else BAD_USER_INPUT naming the range.
 */
export function pageSize(first: number | null | undefined, max: number, { fallback = 20, min = 1 }: { fallback?: number; min?: number } = {}): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < min || size > max)
    throw badInput('first', `first must lie between ${min} and ${max}, got ${size}.`, { reason: 'OUT_OF_RANGE', min, max, integer: true });
  return size;
}

/** The list itself, or BAD_USER_INPUT naming the field and its limit. */
export function boundedList<T>(field: string, values: readonly T[], max: number): readonly T[] {
  if (values.length > max) throw badInput(field, `${field} takes at most ${max} entries, got ${values.length}.`, { reason: 'TOO_MANY', max });
  return values;
}
