import { CsvError, parse } from 'csv-parse/sync';
import { GraphQLError } from 'graphql';
import { badInput } from './errors.ts';
import type { InputReason } from './input-reasons.ts';
import { processes } from './data/processes.ts';

// The member list as offices keep it in a spreadsheet: one member a row, the
// columns below (German headers, English aliases), read by the networks'
// importMembers and written by the gateway's /export/members.csv, so an export
// imports again unchanged. Two forms: UTF-8 with commas (what tools exchange)
// and the form German Excel writes (a BOM, semicolons, a decimal comma).
// The file arrives as text, or as its bytes in base64, read as UTF-8, UTF-16
// (with its mark), Windows-1252 or Mac Roman (decodeMembersFile); text that
// shows a broken decoding on the client's side is refused.

/** A member as one row gives it: the shape of the networks' MemberInput. */
export interface CsvMember {
  name: string;
  street: string | null;
  postalCode: string;
  city: string;
  location?: { latitude: number; longitude: number } | null;
  website: string | null;
  employees: number | null;
  description: string | null;
  processes: string[];
  materials: string[];
  certifications: { standard: string; number: string | null; validUntil: string }[];
  services: { title: string; description: string | null; processes: string[] }[];
  contacts: { name: string; role: string | null; email: string | null; phone: string | null }[];
}

export interface MemberCsvColumn {
  /** The header the export writes. */
  header: string;
  /** Further headers the import takes for it, compared without case, spaces, dashes and dots (Strasse = Straße). */
  aliases: readonly string[];
  /** The member field it fills; a list field's errors (certifications[1].validUntil) are reported at its column. */
  field: string;
  required?: boolean;
}

export const memberCsvColumns: readonly MemberCsvColumn[] = [
  { header: 'Name', aliases: ['Firma', 'Firmenname', 'Unternehmen', 'Company', 'Company name'], field: 'name', required: true },
  { header: 'Straße', aliases: ['Str', 'Anschrift', 'Adresse', 'Street', 'Address'], field: 'street' },
  { header: 'PLZ', aliases: ['Postleitzahl', 'Postal code', 'Postcode', 'ZIP', 'ZIP code'], field: 'postalCode', required: true },
  { header: 'Ort', aliases: ['Stadt', 'City', 'Town'], field: 'city', required: true },
  { header: 'Breitengrad', aliases: ['Latitude', 'Lat'], field: 'location.latitude' },
  { header: 'Längengrad', aliases: ['Longitude', 'Lon', 'Lng'], field: 'location.longitude' },
  { header: 'Webseite', aliases: ['Website', 'Internet', 'Homepage', 'URL', 'Web'], field: 'website' },
  { header: 'Mitarbeiter', aliases: ['Beschäftigte', 'Mitarbeiterzahl', 'Anzahl Mitarbeiter', 'Employees'], field: 'employees' },
  { header: 'Beschreibung', aliases: ['Description'], field: 'description' },
  { header: 'Verfahren', aliases: ['Fertigungsverfahren', 'Prozesse', 'Processes'], field: 'processes' },
  { header: 'Werkstoffe', aliases: ['Materialien', 'Material', 'Materials'], field: 'materials' },
  { header: 'Zertifikate', aliases: ['Zertifizierungen', 'Certificates', 'Certifications'], field: 'certifications' },
  { header: 'Leistungen', aliases: ['Dienstleistungen', 'Services'], field: 'services' },
  { header: 'Ansprechpartner', aliases: ['Kontakt', 'Kontaktperson', 'Contact', 'Contact person', 'Contacts'], field: 'contacts.name' },
  { header: 'Funktion', aliases: ['Position', 'Rolle', 'Role'], field: 'contacts.role' },
  { header: 'E-Mail', aliases: ['Mail', 'E-Mail-Adresse', 'Email address'], field: 'contacts.email' },
  { header: 'Telefon', aliases: ['Tel', 'Telefonnummer', 'Phone', 'Telephone'], field: 'contacts.phone' },
];

/**
 * Largest file the import takes. A network's list of a few hundred members at
 * about 300 bytes a row fills a third of it; every service reads request bodies
 * up to 1 MiB (shared/http.ts), and JSON escaping of a file's quotes and line
 * breaks can add half again, so 512 KiB of CSV always arrives.
 */
export const csvImportLimits = { bytes: 512 * 1024, rows: 1000 } as const;

export type CsvForm = 'UTF8' | 'EXCEL';

function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/[^a-z0-9]/g, '');
}

const columnByKey = new Map(memberCsvColumns.flatMap((c) => [c.header, ...c.aliases].map((name) => [headerKey(name), c] as const)));

/** One cell's or row's problem, before the network's validation sees the row; its reason as a validator's badInput gives it. */
export interface CsvRowError {
  field: string | null;
  message: string;
  reason: InputReason;
}

export interface CsvRow {
  /** The row as a spreadsheet numbers it: the header is 1, the first member 2. */
  row: number;
  member: CsvMember;
  errors: CsvRowError[];
}

export interface ParsedMembersCsv {
  delimiter: string;
  /** Each header of the file and the field it fills; null for a column that is not imported. */
  columns: { header: string; field: string | null }[];
  rows: CsvRow[];
  /** The file's header of the column that gives a field, for reporting errors at the column the office sees. */
  columnOf(field: string | null): string | null;
}

const mojibake = /Ã[\u0080-\u00bf]|Ã[„–œŸ¤¶¼]/;

/**
 * The line of `index` in `text` as an editor numbers it. A line ends at CRLF, LF or a lone CR, as old Mac files and
 * Excel for Mac's "CSV (Macintosh)" end theirs: counted by LF alone, every line of such a file was line 1 (the probe).
 */
export function lineAt(text: string, index: number): number {
  return (text.slice(0, index).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/** Refuses text that shows a decoding other than the file's, naming the row. */
function checkDecoding(text: string): void {
  const broken = text.indexOf('\ufffd');
  const misread = mojibake.exec(text);
  if (broken < 0 && !misread) return;
  const line = lineAt(text, broken >= 0 ? broken : misread!.index);
  throw badInput(
    'csv',
    broken >= 0
      ? `Line ${line} contains "\ufffd": the file was read as UTF-8 but is not (German Excel's "CSV (Trennzeichen-getrennt)" writes Windows-1252). Save it as "CSV UTF-8 (durch Trennzeichen getrennt)", or decode it as windows-1252 before sending.`
      : `Line ${line} contains "${misread![0]}" where an umlaut belongs: the UTF-8 file was decoded as Windows-1252. Decode it as UTF-8 before sending.`,
    broken >= 0 ? { reason: 'FILE', cause: 'NOT_UTF8', line, found: '\ufffd' } : { reason: 'FILE', cause: 'UTF8_AS_WINDOWS_1252', line, found: misread![0] },
  );
}

/** The delimiter of the header line: the most frequent of semicolon, comma and tab (a sep= line, as Excel writes, says it outright). */
function detectDelimiter(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}

/** The file's records; `firstLine` is the line of the text's first in the file (2 after a sep= line), for a CSV error's line. */
function parseRecords(text: string, delimiter: string, firstLine: number): string[][] {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, trim: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      // The line the unreadable record starts at: csv-parse's own `lines` is where it stopped, the file's end for a
      // quote never closed. Its `bytes` are the UTF-8 bytes of the records read before it.
      const before = Buffer.from(text)
        .subarray(0, (error as CsvError & { bytes?: number }).bytes ?? 0)
        .toString();
      const line = lineAt(before, before.length) + firstLine - 1;
      const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
      throw badInput(
        'csv',
        unclosed
          ? `The file is not readable as CSV: a cell starting in line ${line} opens a quote (") that is never closed. Close it, or remove it.`
          : `The file is not readable as CSV near line ${line}: ${error.message}`,
        { reason: 'FILE', cause: unclosed ? 'QUOTE_NOT_CLOSED' : 'CSV_SYNTAX', line },
      );
    }
    throw error;
  }
}

function checkSize(bytes: number, field: string): void {
  if (bytes > csvImportLimits.bytes) {
    throw new GraphQLError(
      `The file has ${bytes} bytes; the import takes at most ${csvImportLimits.bytes} (512 KiB, about ${csvImportLimits.rows} members). Split it into several files.`,
      { extensions: { code: 'BAD_USER_INPUT', field, reason: 'TOO_LARGE', limit: 'bytes', max: csvImportLimits.bytes, actual: bytes } },
    );
  }
}

export type CsvEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'windows-1252' | 'macintosh';

/**
 * The text of a file sent as its bytes in base64: UTF-8 (with or without a BOM) when the bytes are valid UTF-8,
 * else Windows-1252, which German Excel's "CSV (Trennzeichen-getrennt)" writes, or Mac Roman, which Excel for Mac's
 * "CSV (Macintosh)" writes. A Windows-1252 file with any umlaut is never valid UTF-8 (ä is the byte E4, which UTF-8
 * only starts a three-byte sequence with), and a file of ASCII alone reads the same either way.
 */
export function decodeMembersFile(base64: string): { text: string; encoding: CsvEncoding; bytes: number } {
  // Four characters per three bytes: a longer string is over the limit before it is decoded.
  if (base64.length > Math.ceil(csvImportLimits.bytes / 3) * 4 + 1024) checkSize(Math.floor((base64.length * 3) / 4), 'fileBase64');
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw badInput('fileBase64', "fileBase64 must be the file's bytes in base64 (A–Z, a–z, 0–9, + and /, padded with =).", {
      reason: 'FILE',
      cause: 'NOT_BASE64',
    });
  }
  const bytes = Buffer.from(compact, 'base64');
  checkSize(bytes.length, 'fileBase64');
  // Excel's "Unicode-Text" is UTF-16 (little-endian, with its byte-order mark) and tab-separated: read as one of the
  // others, every cell held NUL characters (the CSV probe).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE', bytes: bytes.length };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE', bytes: bytes.length };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8', bytes: bytes.length };
  } catch {}
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  // Valid UTF-8 umlauts beside bytes that are not: a line pasted from a Windows-1252 file into a UTF-8 one. Read as
  // Windows-1252 it failed as "UTF-8 decoded as Windows-1252" at line 1 (the UTF-8 umlauts), with advice for the
  // sender that decoded nothing itself (the CSV probe); named at the line of the first byte that is not UTF-8.
  // Only the letters and signs a German UTF-8 file has count: a Windows-1252 ß or Ä followed by a typographic sign („
  // “ – …) is a valid two-byte UTF-8 character of another script, and "Inhaber „Weiß“" read as a mixed file (the review).
  if (/[\u00c0-\u00ff\u20ac\u201e\u201c\u201d\u2013\u2026]/.test(utf8)) {
    const line = lineAt(utf8, utf8.indexOf('\ufffd'));
    throw badInput(
      'fileBase64',
      `Line ${line} holds bytes that are not UTF-8, though the file's other lines are UTF-8: a line pasted from a file of another encoding. Type its special characters again, or save the whole file again as "CSV UTF-8 (durch Trennzeichen getrennt)".`,
      { reason: 'FILE', cause: 'MIXED_ENCODING', line },
    );
  }
  const windows = new TextDecoder('windows-1252').decode(bytes);
  // Excel for Mac's "CSV (Macintosh)" writes Mac Roman, whose umlauts read as Windows-1252 are other signs inside
  // words (MŸller, FrŠs, Wei§, …KO): imported so, with no error (the CSV probe). Taken only when the Windows-1252
  // reading has such a sign at a letter and the Mac Roman reading none of the signs a Windows-1252 umlaut becomes
  // there (M¸ller, ÷l): a Windows-1252 file with "Škoda" and "Müller", or with "€" prices, stays as it is (the review).
  // Š and š only after a letter (a word starting with one is Czech: Škoda), € and … only before one (usw…, 5 €).
  if (/\p{L}[ŠšŸ§†]|[Ÿ§†€…]\p{L}/u.test(windows)) {
    const mac = new TextDecoder('macintosh').decode(bytes);
    if (!/\p{L}[‰ˆ¸ﬂƒ÷‹]|[‰ˆ¸ﬂƒ÷‹]\p{L}/u.test(mac) && /[äöüÄÖÜß]/.test(mac)) return { text: mac, encoding: 'macintosh', bytes: bytes.length };
  }
  return { text: windows, encoding: 'windows-1252', bytes: bytes.length };
}

/** Reads a members file: the columns, every row as member input, and what could not be read. Throws BAD_USER_INPUT (field csv) for the file as a whole. */
export function parseMembersCsv(csv: string, bytes = Buffer.byteLength(csv, 'utf8')): ParsedMembersCsv {
  checkSize(bytes, 'csv');
  let text = csv.replace(/^\ufeff/, '');
  checkDecoding(text);
  let delimiter: string | undefined;
  // Excel hides a sep= line: the header stays row 1. A line may end at a lone CR (lineAt).
  const sep = /^sep=(.)(?:\r\n|\r|\n)/i.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  }
  delimiter ??= detectDelimiter(text.slice(0, text.search(/[\r\n]|$/)));
  const records = parseRecords(text, delimiter, sep ? 2 : 1);
  const header = records[0] ?? [];
  if (header.every((h) => h.trim() === ''))
    throw badInput('csv', 'The file is empty; its first row must name the columns, for example Name;PLZ;Ort.', { reason: 'FILE', cause: 'EMPTY' });

  const columns = header.map((h) => ({ header: h.trim(), field: columnByKey.get(headerKey(h))?.field ?? null }));
  const fieldIndex = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c.field === null) return;
    const earlier = fieldIndex.get(c.field);
    if (earlier !== undefined)
      throw badInput('csv', `Columns "${columns[earlier].header}" and "${c.header}" both give ${c.field}; keep one of them.`, {
        reason: 'DUPLICATE',
        columns: [columns[earlier].header, c.header],
        fills: c.field,
      });
    fieldIndex.set(c.field, i);
  });
  const missing = memberCsvColumns.filter((c) => c.required && !fieldIndex.has(c.field));
  if (missing.length > 0) {
    throw badInput(
      'csv',
      `The first row must name the columns; missing: ${missing.map((c) => `${c.header} (or ${c.aliases.join(', ')})`).join('; ')}. Found: ${columns.map((c) => c.header).join(', ')}.`,
      { reason: 'FILE', cause: 'MISSING_COLUMNS', missing: missing.map((c) => c.header) },
    );
  }

  const rows: CsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i];
    if (record.every((cell) => cell.trim() === '')) continue;
    if (rows.length === csvImportLimits.rows) {
      const total = records.slice(1).filter((r) => r.some((cell) => cell.trim() !== '')).length;
      throw new GraphQLError(`The file has ${total} member rows; the import takes at most ${csvImportLimits.rows}. Split it into several files.`, {
        extensions: { code: 'BAD_USER_INPUT', field: 'csv', reason: 'TOO_MANY', limit: 'rows', max: csvImportLimits.rows, actual: total },
      });
    }
    rows.push(readRow(record, i + 1, fieldIndex, header.length));
  }
  const columnOf = (field: string | null) => {
    if (field === null) return null;
    const path = field.replace(/\[\d+\]/g, '');
    const top = path.split('.')[0];
    const index = fieldIndex.get(path) ?? fieldIndex.get(top) ?? [...fieldIndex].find(([f]) => f.startsWith(`${top}.`))?.[1];
    return index === undefined ? null : columns[index].header;
  };
  return { delimiter, columns, rows, columnOf };
}

/** Excel's way to keep a leading zero or a leading + as text: ="01067"; and the apostrophe formulaSafe puts before a formula's first sign. */
function unwrapFormula(cell: string): string {
  const wrapped = /^="(.*)"$/s.exec(cell.trim());
  if (wrapped) return wrapped[1].replace(/""/g, '"');
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * A text cell a spreadsheet would run as a formula, made inert by an apostrophe before it (OWASP's advice for CSV
 * injection): a member's "=HYPERLINK(…)" as a fair product or description ran on the office's machine that opened
 * the catalogue or the member list. Plain numbers (-3.5) stay as they are; the import takes one apostrophe off,
 * so a text that itself starts with apostrophes before such a sign ("'+/-' Toleranz") gets one more, and reads back whole.
 */
export function formulaSafe(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) && !/^[+-]?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
}

function readRow(record: string[], row: number, fieldIndex: Map<string, number>, width: number): CsvRow {
  const errors: CsvRowError[] = [];
  if (record.length > width && record.slice(width).some((cell) => cell.trim() !== '')) {
    errors.push({
      field: null,
      message: `Row ${row} has ${record.length} cells but the header names ${width} columns; a cell may lack its quotes.`,
      reason: { reason: 'CELL_COUNT', max: width },
    });
  }
  const cell = (field: string): string => {
    const index = fieldIndex.get(field);
    return index === undefined ? '' : unwrapFormula(record[index] ?? '').trim();
  };
  // Contact columns keep their leading empty lines: line n of each is person n.
  const lines = (field: string): string => {
    const index = fieldIndex.get(field);
    return index === undefined ? '' : unwrapFormula(record[index] ?? '').trimEnd();
  };
  const optional = (field: string) => cell(field) || null;
  // A name, street or town shown on one line (shared/validation.ts line): an office's spreadsheet often breaks an
  // address inside its cell, and such a row was refused for its line break; its lines are joined instead.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a vertical tab is how some tools break a line in a cell.
  const line = (field: string, joint: string) => cell(field).replace(/\s*[\r\n\u000B]+\s*/g, joint);
  const name = line('name', ' ');
  const member: CsvMember = {
    name,
    street: line('street', ', ') || null,
    postalCode: postalCode(cell('postalCode')),
    city: line('city', ' '),
    website: optional('website'),
    employees: wholeNumber(cell('employees'), errors),
    description: optional('description'),
    processes: processList(cell('processes')),
    materials: cell('materials')
      .split(/[\n;,]/)
      .map((m) => m.trim())
      .filter(Boolean),
    certifications: certificationList(cell('certifications'), errors),
    services: serviceList(cell('services')),
    contacts: contactList(name, lines('contacts.name'), lines('contacts.role'), lines('contacts.email'), lines('contacts.phone')),
  };
  const location = coordinates(cell('location.latitude'), cell('location.longitude'), errors);
  if (location) member.location = location;
  return { row, member, errors };
}

/** German Excel shows 01067 as the number 1067 and writes it so: four digits get their leading zero back. */
function postalCode(value: string): string {
  return /^\d{4}$/.test(value) ? `0${value}` : value;
}

function wholeNumber(value: string, errors: CsvRowError[]): number | null {
  if (value === '') return null;
  // 1.250 (German), 1,250 (English) or 1 250: a count of employees has no fraction, so a group of three digits is thousands.
  const digits = /^\d{1,3}(?:[.,\u00a0\u202f ']\d{3})+$/.test(value) ? value.replace(/\D/g, '') : value;
  if (!/^\d{1,9}$/.test(digits)) {
    errors.push({
      field: 'employees',
      message: `employees must be a whole number such as 120 or 1.250, got "${value.slice(0, 30)}".`,
      reason: { reason: 'NUMBER', integer: true },
    });
    return null;
  }
  return Number(digits);
}

function decimal(value: string): number | null {
  return /^[+-]?\d{1,3}(?:[.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : null;
}

function coordinates(latitude: string, longitude: string, errors: CsvRowError[]) {
  if (latitude === '' && longitude === '') return null;
  const lat = decimal(latitude);
  const lon = decimal(longitude);
  if (lat === null)
    errors.push({
      field: 'location.latitude',
      message: `location.latitude must be a decimal number such as 51,2345 or 51.2345, got "${latitude.slice(0, 30)}".`,
      reason: latitude === '' ? { reason: 'REQUIRED' } : { reason: 'NUMBER' },
    });
  if (lon === null)
    errors.push({
      field: 'location.longitude',
      message: `location.longitude must be a decimal number such as 9,8765 or 9.8765, got "${longitude.slice(0, 30)}".`,
      reason: longitude === '' ? { reason: 'REQUIRED' } : { reason: 'NUMBER' },
    });
  return lat === null || lon === null ? null : { latitude: lat, longitude: lon };
}

const processByName = new Map(
  [...processes.values()].flatMap((p) => [
    [p.name.toLowerCase(), p.code],
    [p.name.replace(/\s*\(.*\)$/, '').toLowerCase(), p.code],
  ]),
);
/** A code leads its item: "3.2.3" or "3.2.3 Fräsen". A number elsewhere ("Fräsen bis 5 Achsen") is no code: read as one, 5 was coating. */
const leadingCode = /^(\d(?:\.\d+)*)(?=$|\s)/;

/** A part that is a code alone or a code with its process's name, as the export writes it; undefined for anything else. */
function codeOfPart(part: string): string | undefined {
  const code = leadingCode.exec(part)?.[1];
  if (code === undefined) return undefined;
  const rest = part.slice(code.length).trim().toLowerCase();
  return rest === '' || processByName.get(rest) === code ? code : undefined;
}

/**
 * Processes as offices write them, one item per line or separated by ; — by code ("3.2.3", or "3.2.3, 3.2.1"),
 * code and name ("3.2.3 Fräsen"; the code counts, and a name may hold commas) or name ("Fräsen"; names without a
 * code may also be separated by commas). What is neither stays as written, for the validation to name.
 */
function processList(value: string): string[] {
  return value
    .split(/[\n;]/)
    .map((item) => item.trim())
    .filter(Boolean)
    .flatMap((item) => {
      const parts = item.split(',').map((part) => part.trim());
      const first = leadingCode.exec(parts[0])?.[1];
      // After a code, a part is another code when it is one alone or with that code's own name ("3.2.1 Drehen");
      // anything else is the first item's text ("3.2.3 Fräsen, 5 Achsen": no coating).
      if (first) return [first, ...parts.slice(1).flatMap((part) => codeOfPart(part) ?? [])];
      return parts.filter(Boolean).map((name) => processByName.get(name.toLowerCase()) ?? name);
    });
}

/** 30.06.2027 or 2027-06-30; anything else stays as written, for the date check to name. */
function isoDate(value: string): string {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  return german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : value;
}

const certificationPattern = /^(.+?)\s+(?:(?:Nr\.?|No\.?)\s*(.+?)\s+)?(?:gültig bis|valid until|bis|until)\s+(\S+)$/i;

/** One certificate per line (or separated by ;): "ISO 9001 bis 30.06.2027", "IATF 16949 Nr. Q-4711 bis 2027-06-30" or "until". */
function certificationList(value: string, errors: CsvRowError[]): CsvMember['certifications'] {
  const entries = value
    .split(/[\n;]/)
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.map((entry, i) => {
    const match = certificationPattern.exec(entry);
    if (!match) {
      errors.push({
        field: `certifications[${i}].validUntil`,
        message: `certifications[${i}]: "${entry.slice(0, 60)}" needs its validity, written "ISO 9001 bis 30.06.2027" (or "Nr. <number> bis <date>").`,
        reason: { reason: 'REQUIRED' },
      });
      return { standard: entry, number: null, validUntil: '2999-12-31' };
    }
    return { standard: match[1].trim(), number: match[2]?.trim() || null, validUntil: isoDate(match[3]) };
  });
}

/** One service per line: "Title", "Title | 3.2.3, 3.2.1" or "Title | 3.2.3 | Description" (the description may contain | itself). */
function serviceList(value: string): CsvMember['services'] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [title, codes = '', ...description] = line.split('|');
      return { title: title.trim(), processes: processList(codes.replace(/,/g, ';')), description: description.join('|').trim() || null };
    });
}

/**
 * Contact persons in four columns, one person per line in each (line n of every column is person n).
 * An e-mail or phone without a name belongs to the company: the person is named after it.
 */
function contactList(company: string, names: string, roles: string, emails: string, phones: string): CsvMember['contacts'] {
  const lines = [names, roles, emails, phones].map((cell) => (cell === '' ? [] : cell.split(/\r?\n/).map((l) => l.trim())));
  const count = Math.max(...lines.map((l) => l.length));
  return Array.from({ length: count }, (_, i) => lines.map((l) => l[i] || null))
    .filter((values) => values.some((v) => v !== null))
    .map(([name, role, email, phone]) => ({ name: name ?? company, role, email, phone }));
}

// --- Writing: the export, in the form the import reads.

/** A member as the graph answers it, with the fields the export writes. */
export interface ExportedMember {
  name: string;
  street: string | null;
  postalCode: string;
  city: string;
  location: { latitude: number; longitude: number } | null;
  website: string | null;
  employees: number | null;
  description: string | null;
  processes: { code: string; name: string }[];
  materials: string[];
  certifications: { standard: string; number: string | null; validUntil: string }[];
  services: { title: string; description: string | null; processes: { code: string }[] }[];
  contacts: { name: string; role: string | null; email: string | null; phone: string | null }[];
}

const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ');

/** One member's cells in the columns' order: the numbers Excel is to count (employees, coordinates) as numbers, every other cell text. */
function cells(m: ExportedMember): CsvValue[] {
  const contactColumn = (key: 'name' | 'role' | 'email' | 'phone') => m.contacts.map((c) => oneLine(c[key] ?? '')).join('\n');
  return [
    oneLine(m.name),
    oneLine(m.street ?? ''),
    m.postalCode,
    oneLine(m.city),
    m.location?.latitude,
    m.location?.longitude,
    m.website ?? '',
    m.employees,
    m.description ?? '',
    m.processes.map((p) => `${p.code} ${p.name}`).join('; '),
    m.materials.join(', '),
    m.certifications.map((c) => `${oneLine(c.standard)}${c.number ? ` Nr. ${oneLine(c.number)}` : ''} bis ${c.validUntil}`).join('\n'),
    m.services
      .map((s) => [oneLine(s.title), s.processes.map((p) => p.code).join(', '), oneLine(s.description ?? '')].join(' | ').replace(/( \| )+$/, ''))
      .join('\n'),
    contactColumn('name'),
    contactColumn('role'),
    contactColumn('email'),
    contactColumn('phone'),
  ];
}

// Texts German Excel converts when it opens a CSV file, besides those of digits and . , / : - + ( ): each read back
// as a number, date or truth value, and saved so (the probe: 2E5 became 200000, 50 % 0,5, Mai 2025 the 1st of May,
// WAHR a truth value). Month names as German Excel reads them, in full or shortened to three letters (Mrz, Sept).
const months =
  '(?:januar|jan|februar|feb|märz|mär|mrz|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|dezember|dez)\\.?';
const convertedByExcel = [
  // A number in scientific notation: 2E5, 1,5e-3.
  /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i,
  // A percentage: 50 %, 12,5%; an amount in euros, which Excel makes a currency number: 100 €, 1.000,50€, € 100.
  /^[+-]?(?=[\d.,]*\d)[\d.,]+\s*[%€]$/,
  /^€\s*[+-]?(?=[\d.,]*\d)[\d.,]+$/,
  // A date with its month's name: 12. Mai, 12. Mai 2025, 12-Mai-25; Mai 2025, Mai 25.
  new RegExp(`^\\d{1,2}\\.?[\\s-]*${months}(?:[\\s-]*\\d{2,4})?$`, 'i'),
  new RegExp(`^${months}[\\s-]*\\d{1,4}$`, 'i'),
  // A truth value, German or English.
  /^(?:wahr|falsch|true|false)$/i,
];
/**
 * Longer texts are none of those (the longest, "12. September 2025", has 18 characters), and are not tried: the
 * patterns backtrack over a long run of digits, 42 ms for a description of 5,000 digits and a letter (the review).
 */
const convertedMaxChars = 40;

/**
 * A text cell as German Excel is to show it: kept text as `="…"`, which the import reads as its text (unwrapFormula).
 * Wrapped: a formula's first sign (also after leading apostrophes, which the import would take one of), any text of
 * digits and . , / : - + ( ), and the other texts Excel converts (convertedByExcel): Excel made 036511234567 the
 * number 36511234567, 12.03. a date and 3.2.3 a date, and saved them back so (the CSV probe; the postal code's
 * leading zero was kept this way before). Other words stay as they are. `="…"` holds at most 255 characters in
 * Excel: a longer one (a description listed with dashes) is kept text by a leading space instead, which the import trims.
 */
export function excelText(value: string): string {
  const formula = /^'*[=+\-@\t\r]/.test(value);
  const trimmed = value.trim();
  const numberLike =
    (/^[\d\s.,/:+()-]+$/.test(value) && /\d/.test(value)) || (trimmed.length <= convertedMaxChars && convertedByExcel.some((pattern) => pattern.test(trimmed)));
  if (!formula && !numberLike) return value;
  if (value.length > 250) return ` ${value}`;
  return `="${value.replace(/"/g, '""')}"`;
}

/** A value of a written CSV cell: a text, a number (written as one), or nothing. */
export type CsvValue = string | number | null | undefined;

/**
 * One cell of a CSV file the gateway writes (the member export and every other download): in the UTF8 form a number as
 * it is and a text starting like a formula made inert (formulaSafe), separated by commas; in the EXCEL form a number
 * with a decimal comma and a text as excelText keeps it, separated by semicolons. Quoted (RFC 4180) when it holds the
 * delimiter, a quote or a line break.
 */
export function csvCell(value: CsvValue, form: CsvForm): string {
  const excel = form === 'EXCEL';
  // A number only as the rows give it: a text of digits (a phone 036511234567, a process group 3.2) stays text (the review).
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'number'
        ? excel
          ? String(value).replace('.', ',')
          : String(value)
        : excel
          ? excelText(value)
          : formulaSafe(value);
  return text.includes(excel ? ';' : ',') || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file: the header, then the rows, each cell by csvCell. UTF8: commas and LF, as tools exchange it; EXCEL: as
 * German Excel opens it by a double click, a BOM, semicolons and CRLF. UTF-8 without a BOM and commas put each line
 * into one cell there, "Härterei" read as "HÃ¤rterei" (the CSV probe).
 */
export function csvFile(header: readonly string[], rows: readonly CsvValue[][], form: CsvForm): string {
  const excel = form === 'EXCEL';
  const newline = excel ? '\r\n' : '\n';
  const line = (values: readonly string[]) => values.join(excel ? ';' : ',');
  // The header as written: the columns' names, never a formula or a number.
  const quoted = header.map((name) => (name.includes(excel ? ';' : ',') || /["\r\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name));
  return `${excel ? '\ufeff' : ''}${[line(quoted), ...rows.map((row) => line(row.map((value) => csvCell(value, form))))].join(newline)}${newline}`;
}

/** The member list as a file in the columns above (csvFile): the form the import reads, in either form. */
export function membersCsv(members: ExportedMember[], form: CsvForm): string {
  return csvFile(
    memberCsvColumns.map((c) => c.header),
    members.map((m) => cells(m)),
    form,
  );
}
