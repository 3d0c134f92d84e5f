import { errorText, type ServerError } from '../field-errors.ts';
import type { Locale } from '../i18n.ts';

// The member import's errors in the page's language, with what to fix: how many rows, which columns, which file
// limit. field-errors.ts words a reason for any form ("Bitte geben Sie höchstens 1.000 Einträge an.", "Ein Eintrag
// kommt doppelt vor …"), which lost what the import's errors name (the CSV probe). Read here by the extensions
// shared/member-csv.ts and subgraphs/network/member-import.ts give; where they do not carry what the text needs
// (the two columns of a DUPLICATE, the line of a FILE error, the other row or member of an EXISTS), German readers
// get the phrase and the server's message after it, English readers that message alone. Free of Preact, so
// test/portal-import-errors.test.ts runs it as it is.

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

/** German phrases for errors whose specifics only the server's message holds; it follows them. */
const withNote = {
  DUPLICATE: 'Zwei Spalten der Kopfzeile füllen dasselbe Feld; bitte löschen Sie eine davon oder benennen Sie sie um.',
  FILE: 'Die Datei lässt sich so nicht importieren.',
  EXISTS:
    'Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) steht schon in einer früheren Zeile der Datei oder ist schon Mitglied des Netzwerks; der Import legt nur neue an, entfernen Sie die Zeile.',
} as const;

const noted = (phrase: keyof typeof withNote, error: ServerError, locale: LocaleFormats) =>
  locale.language === 'de' ? `${withNote[phrase]} Hinweis des Servers: ${error.message}` : error.message;

const numberOr = (value: unknown, otherwise: number) => (typeof value === 'number' && Number.isFinite(value) ? value : otherwise);

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
    if (reason === 'DUPLICATE' || reason === 'FILE') return noted(reason, error, locale);
  }
  if (code === 'CONFLICT' && reason === 'EXISTS') return noted('EXISTS', error, locale);
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
