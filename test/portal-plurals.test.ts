import { describe, expect, test } from 'vitest';

// The office's import report counts rows and members: one of them is singular ("1 rows read", "1 members
// imported", "Import all 1 members" before). The texts are the portal's, checked with the DOM's types
// (portal/tsconfig.json); imported by a path the root type check, without the DOM, does not follow.
const messages = 'office-messages.ts';
const { officeText } = (await import(`../portal/src/pages/${messages}`)) as {
  officeText: (locale: { language: 'de' | 'en' }) => Record<string, (...args: string[]) => string>;
};

describe("the import report's counts", () => {
  test('one row and one member are singular, in German and English', () => {
    const de = officeText({ language: 'de' });
    const en = officeText({ language: 'en' });
    expect([de.reportSummary('1', 'UTF-8', 'Komma'), de.noErrors('1'), de.importButton('1'), de.imported('1')]).toEqual([
      '1 Zeile gelesen, Kodierung UTF-8, Trennzeichen Komma.',
      'Keine Fehler: Die Datei kann importiert werden (1 Mitglied).',
      'Das eine Mitglied importieren',
      '1 Mitglied importiert.',
    ]);
    expect([en.reportSummary('1', 'UTF-8', 'comma'), en.noErrors('1'), en.importButton('1'), en.imported('1')]).toEqual([
      '1 row read, encoding UTF-8, delimiter comma.',
      'No errors: the file can be imported (1 member).',
      'Import the one member',
      '1 member imported.',
    ]);
    expect([de.imported('1.250'), en.imported('1,250'), en.importButton('5')]).toEqual([
      '1.250 Mitglieder importiert.',
      '1,250 members imported.',
      'Import all 5 members',
    ]);
  });
});
