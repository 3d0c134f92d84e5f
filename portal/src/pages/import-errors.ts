import { errorText, type ServerError } from '../field-errors.ts';
import type { Locale } from '../i18n.ts';

// The member import's errors in the page's language, with what to fix: how many rows, which columns, which file
// limit. field-errors.ts words a reason for any form ("Bitte geben Sie höchstens 1.000 Einträge an.", "Ein Eintrag
// kommt doppelt vor …"), which lost what the import's errors name (the CSV probe). Read here by the extensions
// shared/member-csv.ts and subgraphs/network/member-import.ts give: the two columns of a DUPLICATE, a FILE error's
// cause with its line, the other row or member of an EXISTS. Where an error lacks them (a network service before
// internal API 1.5 sends no row or member of an EXISTS), German readers get a phrase and the server's message after
// it, English readers that message alone. Free of Preact, so test/portal-import-errors.test.ts runs it as it is.

type LocaleFormats = Pick<Locale, 'language' | 'number' | 'dateTime'>;

/**
 * The import's limits, as shared/member-csv.ts's csvImportLimits states them (that module, with its CSV parser, stays
 * out of the bundle; test/portal-import-errors.test.ts keeps the two in step). The page checks a file's size against
 * them before it sends it: in base64 a file grows by a third, so from 768 KiB on the gateway's 1 MiB body limit
 * refused it before the import could name its own.
 */
export const importLimits = { bytes: 512 * 1024, rows: 1000 } as const;

/** A file's size as its reader sees it in a file manager: 700 KB, 1,2 MB (rounded up, so a file just over the limit is not shown at it). */
function size(bytes: number, locale: LocaleFormats): string {
  return bytes >= 1_048_576 ? `${locale.number(Math.ceil(bytes / 104_857.6) / 10, 1)} MB` : `${locale.number(Math.ceil(bytes / 1024))} KB`;
}

const split = {
  de: (l: LocaleFormats) =>
    `Bitte teilen Sie die Liste in mehrere Dateien mit je höchstens ${l.number(importLimits.rows)} Zeilen und ${size(importLimits.bytes, l)} und importieren Sie sie nacheinander.`,
  en: (l: LocaleFormats) =>
    `Please split the list into several files of at most ${l.number(importLimits.rows)} rows and ${size(importLimits.bytes, l)} each, and import them one after the other.`,
};

/** The file is larger than the import takes (`bytes`: its size, when known). */
export function tooLargeText(bytes: number | undefined, locale: LocaleFormats): string {
  const max = size(importLimits.bytes, locale);
  const said =
    locale.language === 'de'
      ? `Die Datei ist zu groß${bytes === undefined ? '' : ` (${size(bytes, locale)})`}; erlaubt sind höchstens ${max}.`
      : `The file is too large${bytes === undefined ? '' : ` (${size(bytes, locale)})`}; at most ${max} are allowed.`;
  return `${said} ${split[locale.language](locale)}`;
}

/** More member rows than the import takes at once. */
function tooManyText(rows: number | undefined, max: number, locale: LocaleFormats): string {
  const n = (value: number) => locale.number(value);
  const said =
    locale.language === 'de'
      ? rows === undefined
        ? `Die Datei hat mehr Mitgliederzeilen, als der Import auf einmal nimmt (höchstens ${n(max)}).`
        : `Die Datei hat ${n(rows)} Mitgliederzeilen; der Import nimmt höchstens ${n(max)} auf einmal.`
      : rows === undefined
        ? `The file has more member rows than the import takes at once (at most ${n(max)}).`
        : `The file has ${n(rows)} member rows; the import takes at most ${n(max)} at once.`;
  return `${said} ${split[locale.language](locale)}`;
}

/** German phrases for errors that lack the extensions naming their specifics, which only the server's message holds then; it follows them. */
const withNote = {
  DUPLICATE: 'Zwei Spalten der Kopfzeile füllen dasselbe Feld; bitte löschen Sie eine davon oder benennen Sie sie um.',
  FILE: 'Die Datei lässt sich so nicht importieren.',
  EXISTS:
    'Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) steht schon in einer früheren Zeile der Datei oder ist schon Mitglied des Netzwerks; der Import legt nur neue an, entfernen Sie die Zeile.',
} as const;

const noted = (phrase: keyof typeof withNote, error: ServerError, locale: LocaleFormats) =>
  locale.language === 'de' ? `${withNote[phrase]} Hinweis des Servers: ${error.message}` : error.message;

const numberOr = (value: unknown, otherwise: number) => (typeof value === 'number' && Number.isFinite(value) ? value : otherwise);

const quoted = (text: string, locale: LocaleFormats) => (locale.language === 'de' ? `„${text}“` : `“${text}”`);

/** Names as a list: „A“, „B“ und „C“. */
function listed(names: readonly string[], locale: LocaleFormats): string {
  const all = names.map((name) => quoted(name, locale));
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} ${locale.language === 'de' ? 'und' : 'and'} ${all.at(-1)}` : (all[0] ?? '');
}

/** Two columns of one field, named (extensions.columns); undefined without them. */
function duplicateColumnsText(columns: unknown, locale: LocaleFormats): string | undefined {
  if (!Array.isArray(columns) || columns.length !== 2 || !columns.every((c) => typeof c === 'string')) return undefined;
  const both = listed(columns, locale);
  return locale.language === 'de'
    ? `Die Spalten ${both} füllen dasselbe Feld; bitte löschen Sie eine davon oder benennen Sie sie um.`
    : `The columns ${both} fill the same field; please delete one of them or rename it.`;
}

const saveAsUtf8 = {
  de: 'speichern Sie die Liste in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“',
  en: 'save the list in Excel as “CSV UTF-8 (comma delimited)”',
};

/** A file refused as a whole, said from its cause (shared/input-reasons.ts FileCause) and line; undefined for a cause it does not know. */
function fileText(extensions: Readonly<Record<string, unknown>>, locale: LocaleFormats): string | undefined {
  const { cause } = extensions;
  const line = typeof extensions.line === 'number' ? locale.number(extensions.line) : undefined;
  const found = typeof extensions.found === 'string' ? quoted(extensions.found, locale) : undefined;
  const missing = Array.isArray(extensions.missing) ? extensions.missing.filter((m): m is string => typeof m === 'string') : [];
  const de = locale.language === 'de';
  const needsLine = ['NOT_UTF8', 'UTF8_AS_WINDOWS_1252', 'MIXED_ENCODING', 'QUOTE_NOT_CLOSED', 'CSV_SYNTAX'];
  if (typeof cause === 'string' && needsLine.includes(cause) && line === undefined) return undefined;
  switch (cause) {
    case 'EMPTY':
      return de
        ? 'Die Datei ist leer. Ihre erste Zeile muss die Spalten benennen, z. B. Name;PLZ;Ort.'
        : 'The file is empty. Its first row must name the columns, for example Name;PLZ;Ort.';
    case 'NO_ROWS':
      return de ? 'Die Datei hat eine Kopfzeile, aber keine Mitgliederzeilen darunter.' : 'The file names its columns but has no member rows below them.';
    case 'MISSING_COLUMNS':
      if (missing.length === 0) return undefined;
      return de
        ? `In der ersten Zeile ${missing.length > 1 ? 'fehlen die Spalten' : 'fehlt die Spalte'} ${listed(missing, locale)}; bitte ergänzen Sie sie oder benennen Sie die passenden Spalten so.`
        : `The first row lacks the ${missing.length > 1 ? 'columns' : 'column'} ${listed(missing, locale)}; please add ${missing.length > 1 ? 'them' : 'it'} or give the matching columns ${missing.length > 1 ? 'these names' : 'this name'}.`;
    case 'NOT_UTF8':
      return de
        ? `Zeile ${line} enthält ${found ?? 'ein Ersatzzeichen'} statt eines Sonderzeichens: Die Datei wurde einmal in der falschen Kodierung gelesen. Bitte ${saveAsUtf8.de} und prüfen Sie sie erneut.`
        : `Line ${line} contains ${found ?? 'a replacement character'} instead of a special character: the file was once read in the wrong encoding. Please ${saveAsUtf8.en} and check it again.`;
    case 'UTF8_AS_WINDOWS_1252':
      return de
        ? `Zeile ${line} enthält ${found ?? 'verstümmelte Zeichen'}, wo ein Umlaut stehen sollte: Die Datei wurde in der falschen Kodierung gelesen und so gespeichert. Bitte korrigieren Sie die Umlaute oder ${saveAsUtf8.de}.`
        : `Line ${line} contains ${found ?? 'garbled characters'} where an umlaut belongs: the file was read in the wrong encoding and saved so. Please correct the umlauts, or ${saveAsUtf8.en}.`;
    case 'MIXED_ENCODING':
      return de
        ? `Zeile ${line} ist anders kodiert als die übrigen Zeilen der Datei (UTF-8), wohl aus einer anderen Datei eingefügt. Bitte tippen Sie ihre Sonderzeichen neu oder ${saveAsUtf8.de}.`
        : `Line ${line} is in another encoding than the file's other lines (UTF-8), likely pasted from another file. Please type its special characters again, or ${saveAsUtf8.en}.`;
    case 'QUOTE_NOT_CLOSED':
      return de
        ? `Eine Zelle ab Zeile ${line} öffnet ein Anführungszeichen ("), das nirgends geschlossen wird. Bitte schließen oder entfernen Sie es.`
        : `A cell from line ${line} on opens a quote (") that is never closed. Please close it or remove it.`;
    case 'CSV_SYNTAX':
      return de
        ? `Die Datei ist ab Zeile ${line} nicht als CSV lesbar; bitte prüfen Sie dort die Anführungszeichen und Trennzeichen.`
        : `The file is not readable as CSV from line ${line} on; please check the quotes and delimiters there.`;
    default:
      return undefined;
  }
}

/** The row or member a duplicate row repeats (extensions.duplicateRow, existingMember); undefined without them. */
function existsText(extensions: Readonly<Record<string, unknown>>, locale: LocaleFormats): string | undefined {
  const de = locale.language === 'de';
  const { duplicateRow, existingMember } = extensions;
  if (typeof duplicateRow === 'number') {
    const row = locale.number(duplicateRow);
    return de
      ? `Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) steht schon in Zeile ${row} der Datei; bitte entfernen Sie eine der beiden Zeilen.`
      : `This company (same name, same postal code) is in row ${row} of the file already; please remove one of the two rows.`;
  }
  const member = typeof existingMember === 'object' && existingMember !== null ? (existingMember as { id?: unknown; name?: unknown }) : undefined;
  if (typeof member?.id !== 'string') return undefined;
  const who = typeof member.name === 'string' ? `${quoted(member.name, locale)} (${member.id})` : member.id;
  return de
    ? `Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) ist schon Mitglied des Netzwerks: ${who}. Der Import legt nur neue Mitglieder an; bitte entfernen Sie die Zeile oder lassen Sie vorhandene Mitglieder überspringen.`
    : `This company (same name, same postal code) is a member of the network already: ${who}. The import only adds new members; please remove the row, or have existing members skipped.`;
}

/**
 * An import's error in the locale's language: an error about the file as a whole (a GraphQL error at field csv or
 * fileBase64, or the portal's REQUEST_TOO_LARGE) or one row's (its reason and parameters as extensions); any other
 * as errorText words it. `labels` names other fields by the file's headers (ORDER).
 */
export function importErrorText(error: ServerError, locale: LocaleFormats, labels: Readonly<Record<string, string>> = {}): string {
  const extensions = error.extensions ?? {};
  const { code, reason } = extensions;
  if (code === 'REQUEST_TOO_LARGE') return tooLargeText(undefined, locale);
  if (code === 'BAD_USER_INPUT') {
    if (reason === 'TOO_LARGE' && extensions.limit === 'bytes')
      return tooLargeText(typeof extensions.actual === 'number' ? extensions.actual : undefined, locale);
    if (reason === 'TOO_MANY' && extensions.limit === 'rows')
      return tooManyText(typeof extensions.actual === 'number' ? extensions.actual : undefined, numberOr(extensions.max, importLimits.rows), locale);
    if (reason === 'DUPLICATE') return duplicateColumnsText(extensions.columns, locale) ?? noted(reason, error, locale);
    if (reason === 'FILE') return fileText(extensions, locale) ?? noted(reason, error, locale);
  }
  if (code === 'CONFLICT' && reason === 'EXISTS') return existsText(extensions, locale) ?? noted('EXISTS', error, locale);
  return errorText(error, locale, labels);
}

/** What the page says of the file's columns the import does not take: their headers, and how many have none. */
export function notImportedText(headers: readonly string[], locale: LocaleFormats): string {
  const named = headers.filter((h) => h.trim() !== '');
  const unnamed = headers.length - named.length;
  const de = locale.language === 'de';
  const quoted = named.map((h) => (de ? `„${h}“` : `“${h}”`));
  const and = de ? 'und' : 'and';
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${and} ${quoted.at(-1)}` : (quoted[0] ?? '');
  const blank =
    unnamed === 0
      ? ''
      : de
        ? `${unnamed === 1 ? 'eine Spalte' : `${locale.number(unnamed)} Spalten`} ohne Überschrift`
        : `${unnamed === 1 ? 'one column' : `${locale.number(unnamed)} columns`} without a header`;
  const what = [list, blank].filter(Boolean).join(de ? ' sowie ' : ' and ');
  const many = headers.length > 1;
  return de
    ? `${many ? 'Diese Spalten' : 'Diese Spalte'} der Datei kennt der Import nicht; ihre Werte werden nicht übernommen: ${what}. Sollen sie übernommen werden, geben Sie ihnen eine Spalte, die der Import kennt (etwa Telefon statt Mobil, die Hausnummer mit in Straße), und prüfen Sie die Datei erneut.`
    : `The import does not know ${many ? 'these columns' : 'this column'} of the file; ${many ? 'their' : 'its'} values are not taken over: ${what}. To take them over, put them in a column the import knows (such as Telefon for Mobil, the house number within Straße) and check the file again.`;
}
