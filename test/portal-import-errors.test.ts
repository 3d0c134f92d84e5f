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

  test('two columns of one field: the columns named in German, from the extensions', () => {
    const error = thrown(() => parseMembersCsv('Firma;Name;Vorname;PLZ;Ort\nA;B;C;37269;Eschwege\n'));
    expect(importErrorText(error, de)).toBe('Die Spalten „Firma“ und „Name“ füllen dasselbe Feld; bitte löschen Sie eine davon oder benennen Sie sie um.');
    expect(importErrorText(error, en)).toBe('The columns “Firma” and “Name” fill the same field; please delete one of them or rename it.');
    // Without the columns (a network service before them), the phrase and the server's message.
    const bare = { message: error.message, extensions: { code: 'BAD_USER_INPUT', field: 'csv', reason: 'DUPLICATE' } };
    expect(importErrorText(bare, de)).toBe(
      'Zwei Spalten der Kopfzeile füllen dasselbe Feld; bitte löschen Sie eine davon oder benennen Sie sie um. Hinweis des Servers: Columns "Firma" and "Name" both give name; keep one of them.',
    );
  });

  test('a file decoded wrongly, or not readable as CSV: its line and the cause in German, without the English', () => {
    const misread = thrown(() => parseMembersCsv('Name;PLZ;Ort\nA GmbH;37269;Eschwege\nHÃ¤rterei;37269;Eschwege\n'));
    expect(importErrorText(misread, de)).toBe(
      'Zeile 3 enthält „Ã¤“, wo ein Umlaut stehen sollte: Die Datei wurde in der falschen Kodierung gelesen und so gespeichert. Bitte korrigieren Sie die Umlaute oder speichern Sie die Liste in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“.',
    );
    const broken = thrown(() => parseMembersCsv('Name;PLZ;Ort\rA GmbH;37269;Eschwege\rH\ufffdrterei;37269;Eschwege\r'));
    expect(importErrorText(broken, de)).toMatch(/^Zeile 3 enthält „\ufffd“ statt eines Sonderzeichens/);
    const mixed = Buffer.concat([Buffer.from('Name;PLZ;Ort\nGrün GmbH;99817;Eisenach\n', 'utf8'), Buffer.from('Weiß & Co;99974;Mühlhausen\n', 'latin1')]);
    expect(
      importErrorText(
        thrown(() => decodeMembersFile(mixed.toString('base64'))),
        de,
      ),
    ).toMatch(/^Zeile 3 ist anders kodiert als die übrigen Zeilen der Datei \(UTF-8\), wohl aus einer anderen Datei eingefügt\./);
    const unclosed = thrown(() => parseMembersCsv('Name;PLZ;Ort\nA;37269;Eschwege\n"B;37269;Eschwege\nC;37269;Eschwege\n'));
    expect(importErrorText(unclosed, de)).toBe(
      'Eine Zelle ab Zeile 3 öffnet ein Anführungszeichen ("), das nirgends geschlossen wird. Bitte schließen oder entfernen Sie es.',
    );
    expect(importErrorText(unclosed, en)).toBe('A cell from line 3 on opens a quote (") that is never closed. Please close it or remove it.');
    const missing = thrown(() => parseMembersCsv('Firma;Ort\nA;Eschwege\n'));
    expect(importErrorText(missing, de)).toBe('In der ersten Zeile fehlt die Spalte „PLZ“; bitte ergänzen Sie sie oder benennen Sie die passenden Spalten so.');
    for (const error of [misread, broken, unclosed, missing]) expect(importErrorText(error, de)).not.toContain('Hinweis des Servers');
    // A cause the portal does not know yet: the phrase and the server's message.
    const unknown = { message: 'Line 2 is odd.', extensions: { code: 'BAD_USER_INPUT', field: 'csv', reason: 'FILE', cause: 'ODD', line: 2 } };
    expect(importErrorText(unknown, de)).toBe('Die Datei lässt sich so nicht importieren. Hinweis des Servers: Line 2 is odd.');
  });

  test('a row the file has twice, or the network has: which row or member, in German from the extensions', () => {
    // As the page hands a row's error on (office-import.tsx asServerError): duplicateRow, existingMember.
    const message = '"Neu GmbH" in 99817 is already in row 5; the import only creates members (change existing ones with updateMember), so remove this row.';
    const twice = { message, extensions: { code: 'CONFLICT', reason: 'EXISTS', field: 'name', duplicateRow: 5 } };
    expect(importErrorText(twice, de)).toBe(
      'Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) steht schon in Zeile 5 der Datei; bitte entfernen Sie eine der beiden Zeilen.',
    );
    expect(importErrorText(twice, en)).toBe('This company (same name, same postal code) is in row 5 of the file already; please remove one of the two rows.');
    const member = { id: 'NIWE:m-12', name: 'Neu GmbH' };
    const existing = { message, extensions: { code: 'CONFLICT', reason: 'EXISTS', field: 'name', existingMember: member } };
    expect(importErrorText(existing, de)).toBe(
      'Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) ist schon Mitglied des Netzwerks: „Neu GmbH“ (NIWE:m-12). Der Import legt nur neue Mitglieder an; bitte entfernen Sie die Zeile oder lassen Sie vorhandene Mitglieder überspringen.',
    );
    // From a network service before 1.5, which names neither: the phrase and the server's message.
    const older = { message, extensions: { code: 'CONFLICT', reason: 'EXISTS', field: 'name' } };
    expect(importErrorText(older, de)).toBe(
      `Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) steht schon in einer früheren Zeile der Datei oder ist schon Mitglied des Netzwerks; der Import legt nur neue an, entfernen Sie die Zeile. Hinweis des Servers: ${message}`,
    );
    expect(importErrorText(older, en)).toBe(message);
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
