import { describe, expect, test } from 'vitest';

// The office's import report counts rows and members: one of them is singular ("1 rows read", "1 members
// imported", "Import all 1 members" before). The texts are the portal's, checked with the DOM's types
// (portal/tsconfig.json); imported by a path the root type check, without the DOM, does not follow.
type Texts = (locale: { language: 'de' | 'en' }) => Record<string, (...args: string[]) => string>;
/** A page's texts, `name` exported by portal/src/pages/`file`. */
const textsOf = async (file: string, name: string) => ((await import(`../portal/src/pages/${file}`)) as Record<string, Texts>)[name];
const officeText = await textsOf('office-messages.ts', 'officeText');

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

// The cooperation's pages: a working group of one member, a feed showing one item, a meeting of one place.
const cooperationText = await textsOf('cooperation-messages.ts', 'cooperationText');

describe("the cooperation pages' counts", () => {
  test('one member, one item and one place are singular, in German and English', () => {
    const de = cooperationText({ language: 'de' });
    const en = cooperationText({ language: 'en' });
    expect([de.memberCount('1'), de.itemsShown('1'), de.limit('0', '1', '1')]).toEqual(['1 Mitglied', '1 Eintrag angezeigt', '0 von 1 Platz zugesagt, 1 frei']);
    expect([en.memberCount('1'), en.itemsShown('1'), en.limit('0', '1', '1')]).toEqual(['1 member', '1 item shown', '0 of 1 place accepted, 1 left']);
    expect([de.memberCount('2'), de.itemsShown('1.250'), de.limit('3', '12', '9')]).toEqual([
      '2 Mitglieder',
      '1.250 Einträge angezeigt',
      '3 von 12 Plätzen zugesagt, 9 frei',
    ]);
    expect([en.memberCount('2'), en.itemsShown('1,250'), en.limit('3', '12', '9')]).toEqual([
      '2 members',
      '1,250 items shown',
      '3 of 12 places accepted, 9 left',
    ]);
  });
});

// The inquiry pages: a quantity of one part and a lead time of one day ("1 parts", "Unit price for 1 parts", "1 days",
// German "Lieferzeit 1 Tage").
const inquiryText = await textsOf('inquiry-messages.ts', 'inquiryText');

describe("the inquiry pages' counts", () => {
  test('one part and one day are singular, in German and English', () => {
    const de = inquiryText({ language: 'de' });
    const en = inquiryText({ language: 'en' });
    expect([de.quantityRow('1', null as unknown as string), de.rowUnitPrice('1'), de.rowTotal('1'), de.days('1')]).toEqual([
      '1 Stück',
      'Stückpreis bei 1 Stück',
      'Summe bei 1 Stück',
      '1 Tag',
    ]);
    expect([en.quantityRow('1', null as unknown as string), en.rowUnitPrice('1'), en.rowTotal('1'), en.days('1'), en.quantityRow('1', '1')]).toEqual([
      '1 part',
      'Unit price for 1 part',
      'Total for 1 part',
      '1 day',
      '1 part in batches of 1',
    ]);
    expect([de.days('42'), en.days('42'), en.quantityRow('1,000', '250'), en.rowUnitPrice('1,000'), en.rowTotal('10')]).toEqual([
      '42 Tage',
      '42 days',
      '1,000 parts in batches of 250',
      'Unit price for 1,000 parts',
      'Total for 10 parts',
    ]);
  });
});
