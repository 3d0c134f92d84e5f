import { expect, test } from 'vitest';
import { toSpellings } from '../subgraphs/network/search.ts';

// The close spellings a text search matches besides its words (subgraphs/network/search.ts). A text that contains
// a spelling contains every spelling inside it, so the longer one finds no member the shorter does not: it is left out.

test('a close spelling that contains another one of the same word is left out', () => {
  const rows = [
    { i: 0, word: 'spritzgiesswerkzeugen' },
    { i: 0, word: 'spritzgiesswerkzeuge' },
    { i: 1, word: 'sondermaschinenbau' },
    { i: 1, word: 'sondermaschinen' },
    { i: 1, word: 'maschinenbau' },
    { i: 2, word: null },
  ];
  // "CNC" is too short for close spellings: the rows' i counts the longer words only. "Stanzn" is a word the
  // dictionary does not hold, with no close spelling (a row without one); "Fräsen" one it holds (no row).
  expect(toSpellings(['Spritzgiesen', 'CNC', 'Sondermaschienenbau', 'Stanzn', 'Fräsen'], rows)).toEqual(
    new Map([
      ['Spritzgiesen', ['spritzgiesswerkzeuge']],
      ['Sondermaschienenbau', ['sondermaschinen', 'maschinenbau']],
      ['Stanzn', []],
    ]),
  );
});

test("a spelling that contains another word's spelling stays: every word must match on its own", () => {
  const rows = [
    { i: 0, word: 'werkzeug' },
    { i: 1, word: 'werkzeugbau' },
  ];
  expect(toSpellings(['Werkzeg', 'Werkzeugbao'], rows)).toEqual(
    new Map([
      ['Werkzeg', ['werkzeug']],
      ['Werkzeugbao', ['werkzeugbau']],
    ]),
  );
});
