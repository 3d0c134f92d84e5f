import { GraphQLError } from 'graphql';
import { describe, expect, test } from 'vitest';
import { locale } from '../portal/src/i18n.ts';
import { importErrorText, importLimits, notImportedText, tooLargeText } from '../portal/src/pages/import-errors.ts';
import { csvImportLimits, decodeMembersFile, parseMembersCsv } from '../shared/member-csv.ts';

// The member import's errors as the office's page words them (portal/src/pages/import-errors.ts), from the errors
// shared/member-csv.ts really throws: each says what the server's names (how many rows, which columns, which line),
// in the page's language. The import's generic reason texts ("Bitte geben Sie höchstens 1.000 Einträge an.", "Ein
// Eintrag kommt doppelt vor") lost it (the CSV probe).

const de = locale('de');
const en = locale('en');

/** What parseMembersCsv (or decodeMembersFile) throws for `run`, as the gateway hands it on: message and extensions. */
function thrown(run: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, extensions: { ...error.extensions } };
    throw error;
  }
  throw new Error('nothing thrown');
}

describe("the member import's errors", () => {
  test("the portal checks a file's size against the import's own limits", () => {
    expect(importLimits).toEqual(csvImportLimits);
    expect(tooLargeText(800 * 1024, de)).toBe(
      'Die Datei ist zu groß (800 KB); erlaubt sind höchstens 512 KB. Bitte teilen Sie die Liste in mehrere Dateien mit je höchstens 1.000 Zeilen und 512 KB und importieren Sie sie nacheinander.',
    );
    expect(tooLargeText(3_000_000, en)).toBe(
      'The file is too large (2.9 MB); at most 512 KB are allowed. Please split the list into several files of at most 1,000 rows and 512 KB each, and import them one after the other.',
    );
    // Over the limit by a byte is not shown as the limit.
    expect(tooLargeText(csvImportLimits.bytes + 1, de)).toMatch(/^Die Datei ist zu groß \(513 KB\)/);
  });

  test('too many rows: the count, the limit and the advice to split', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `Firma ${i};37269;Eschwege`).join('\n');
    const error = thrown(() => parseMembersCsv(`Name;PLZ;Ort\n${rows}\n`));
    expect(importErrorText(error, de)).toBe(
      'Die Datei hat 1.500 Mitgliederzeilen; der Import nimmt höchstens 1.000 auf einmal. Bitte teilen Sie die Liste in mehrere Dateien mit je höchstens 1.000 Zeilen und 512 KB und importieren Sie sie nacheinander.',
    );
    expect(importErrorText(error, en)).toMatch(/^The file has 1,500 member rows; the import takes at most 1,000 at once\. Please split/);
  });

  test('too many bytes, sent as text or in base64: its size and the limit', () => {
    const large = `Name;PLZ;Ort;Beschreibung\nA;37269;Eschwege;${'x'.repeat(600 * 1024)}\n`;
    for (const error of [thrown(() => parseMembersCsv(large)), thrown(() => decodeMembersFile(Buffer.from(large).toString('base64')))])
      expect(importErrorText(error, de)).toMatch(/^Die Datei ist zu groß \(601 KB\); erlaubt sind höchstens 512 KB\. Bitte teilen Sie/);
  });

  test('two columns of one field: the columns named (by the server, beside the German phrase)', () => {
    const error = thrown(() => parseMembersCsv('Firma;Name;Vorname;PLZ;Ort\nA;B;C;37269;Eschwege\n'));
    expect(importErrorText(error, de)).toBe(
      'Zwei Spalten der Kopfzeile füllen dasselbe Feld; bitte löschen Sie eine davon oder benennen Sie sie um. Hinweis des Servers: Columns "Firma" and "Name" both give name; keep one of them.',
    );
    expect(importErrorText(error, en)).toBe('Columns "Firma" and "Name" both give name; keep one of them.');
  });

  test('a file decoded wrongly: its line and the cause', () => {
    const error = thrown(() => parseMembersCsv('Name;PLZ;Ort\nA GmbH;37269;Eschwege\nHÃ¤rterei;37269;Eschwege\n'));
    expect(importErrorText(error, de)).toMatch(/^Die Datei lässt sich so nicht importieren\. Hinweis des Servers: Line 3 contains "Ã¤"/);
    const missing = thrown(() => parseMembersCsv('Firma;Ort\nA;Eschwege\n'));
    expect(importErrorText(missing, de)).toContain('missing: PLZ (or Postleitzahl');
  });

  test('a row the file has twice, or the network has: which row or member (the server says it)', () => {
    // As subgraphs/network/member-import.ts reports it; ImportError carries no other row or member id of its own.
    const twice = {
      message: '"Neu GmbH" in 99817 is already in row 5; the import only creates members (change existing ones with updateMember), so remove this row.',
      extensions: { code: 'CONFLICT', reason: 'EXISTS', field: 'name' },
    };
    expect(importErrorText(twice, de)).toBe(
      `Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) steht schon in einer früheren Zeile der Datei oder ist schon Mitglied des Netzwerks; der Import legt nur neue an, entfernen Sie die Zeile. Hinweis des Servers: ${twice.message}`,
    );
    expect(importErrorText(twice, en)).toBe(twice.message);
  });

  test("a body over the gateway's limit is said in the page's language", () => {
    const refused = {
      message: 'Request body is too large: at most 1 MB (1048576 bytes); send files as attachments.',
      extensions: { code: 'REQUEST_TOO_LARGE', max: 1048576 },
    };
    expect(importErrorText(refused, de)).toMatch(/^Die Datei ist zu groß; erlaubt sind höchstens 512 KB\. Bitte teilen Sie/);
    expect(importErrorText(refused, en)).toMatch(/^The file is too large; at most 512 KB are allowed\. Please split/);
  });

  test("a row's other errors read as every form's", () => {
    const error = { message: 'employees must be a whole number', extensions: { code: 'BAD_USER_INPUT', reason: 'NUMBER', integer: true } };
    expect(importErrorText(error, de)).toBe('Bitte geben Sie eine ganze Zahl ein, z. B. 120 oder 1.250.');
  });

  test('the columns not imported, named', () => {
    expect(notImportedText(['Mobil', 'Hausnr.'], de)).toMatch(
      /^Diese Spalten der Datei kennt der Import nicht; ihre Werte werden nicht übernommen: „Mobil“ und „Hausnr\.“\. Sollen sie/,
    );
    expect(notImportedText(['Mobil', 'Fax', ''], de)).toContain(': „Mobil“ und „Fax“ sowie eine Spalte ohne Überschrift.');
    expect(notImportedText(['Mobil'], en)).toMatch(/^The import does not know this column of the file; its values are not taken over: “Mobil”\./);
  });
});
