import { describe, expect, test } from 'vitest';

// Numbers the inquiry pages write: a file's size and a consortium partner's share. The texts are the portal's, checked
// with the DOM's types (portal/tsconfig.json); imported by a path the root type check, without the DOM, does not follow.
type Locale = {
  number(value: number, digits?: number): string;
  percent(value: number): string;
  share(percent: number, digits?: number): string;
};
const { locale } = (await import(`../portal/src/${'i18n.ts'}`)) as { locale: (language: 'de' | 'en') => Locale };
type FileSize = (bytes: number, number: Locale['number']) => string;
const { inquiryText } = (await import(`../portal/src/pages/${'inquiry-messages.ts'}`)) as {
  inquiryText: (locale: { language: 'de' | 'en' }) => { fileSize: FileSize };
};
/** Intl's no-break spaces (60\u00a0%) as plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe("an attachment's size", () => {
  test('a few bytes are bytes, not 0 KB, in the page notation', () => {
    const [de, en] = [locale('de'), locale('en')];
    const size = (language: 'de' | 'en', bytes: number) => inquiryText({ language }).fileSize(bytes, language === 'de' ? de.number : en.number);
    expect([size('de', 45), size('de', 1), size('de', 1023), size('de', 3277), size('de', 1_468_006)]).toEqual([
      '45 Bytes',
      '1 Byte',
      '1.023 Bytes',
      '3,2 KB',
      '1,4 MB',
    ]);
    expect([size('en', 45), size('en', 1), size('en', 1023), size('en', 3277)]).toEqual(['45 bytes', '1 byte', '1,023 bytes', '3.2 KB']);
  });
});

describe("a consortium partner's share", () => {
  test('is written as the percentages beside it: German 60 %, English 60%', () => {
    expect([locale('de').share(60), locale('de').percent(1)].map(plain)).toEqual(['60 %', '100 %']);
    expect([locale('en').share(60), locale('en').percent(1), locale('en').share(33.3)]).toEqual(['60%', '100%', '33.3%']);
  });

  test('keeps its digits, so shares that do not sum to 100 do not read as if they did', () => {
    // 100 and 0.0001 read "100 %" and "0 %" beside "the shares do not sum to 100".
    expect([locale('de').share(100), locale('de').share(0.0001), locale('de').share(100.0001, 10)].map(plain)).toEqual(['100 %', '0,0001 %', '100,0001 %']);
    expect(locale('en').share(33.333333)).toBe('33.3333%');
  });
});
