import { expect, test } from 'vitest';
import { knownWords } from '../subgraphs/network/known-words.ts';
import type { SpellingsLookup } from '../subgraphs/network/search.ts';
import { RegionWords } from '../subgraphs/region/members/known-words.ts';

// How long the two caches of known search words keep a word, on a clock of the test's own: a network's
// (subgraphs/network/known-words.ts) and region's (subgraphs/region/members/known-words.ts). A dictionary loses a
// word no active member holds any more (subgraphs/network/search-words.ts), and a word kept for good stayed read as
// typed, so it found nothing where its close spellings found dozens (test/search-words.e2e.ts).

/** A dictionary of the test's own behind the network's lookup: a word it lacks gets a row without a spelling. */
function dictionary(words: string[]) {
  const held = new Set(words);
  const asked: string[][] = [];
  const lookup: SpellingsLookup = async (longer) => {
    asked.push(longer);
    return longer.flatMap((word, i) => (held.has(word) ? [] : [{ i, word: null }]));
  };
  return { held, asked, lookup };
}

test('a network takes a word its dictionary held as held for ttlMs from its lookup, then asks again', async () => {
  let now = 0;
  const words = dictionary(['werkzeugbauu', 'werkzeugbau']);
  const known = knownWords(words.lookup, { ttlMs: 1000, now: () => now });
  expect(await known.lookup(['werkzeugbauu'])).toEqual([]);
  now = 999;
  expect(await known.lookup(['werkzeugbauu', 'werkzeugbau'])).toEqual([]);
  expect(words.asked).toEqual([['werkzeugbauu'], ['werkzeugbau']]);
  // Pruned meanwhile (a typo taken back): asked again once its time is up, and then read as a typo.
  words.held.delete('werkzeugbauu');
  now = 1000;
  expect(await known.lookup(['werkzeugbauu', 'werkzeugbau'])).toEqual([{ i: 0, word: null }]);
  expect(words.asked.at(-1)).toEqual(['werkzeugbauu']);
  // No longer kept: asked on every search, as any word the dictionary lacks.
  expect(await known.lookup(['werkzeugbauu'])).toEqual([{ i: 0, word: null }]);
  expect(words.asked).toHaveLength(4);
  // "werkzeugbau", looked up at 999, is good until 1999.
  now = 1998;
  await known.lookup(['werkzeugbau']);
  expect(words.asked).toHaveLength(4);
  now = 1999;
  await known.lookup(['werkzeugbau']);
  expect(words.asked.at(-1)).toEqual(['werkzeugbau']);
  expect(known.size).toBe(1);
});

test('a network keeps its most words, the one looked up longest ago going first', async () => {
  const words = dictionary(['erste', 'zweite', 'dritte']);
  const known = knownWords(words.lookup, { ttlMs: 1000, max: 2, now: () => 0 });
  await known.lookup(['erste']);
  await known.lookup(['zweite']);
  await known.lookup(['dritte']);
  expect(known.size).toBe(2);
  await known.lookup(['zweite', 'dritte', 'erste']);
  expect(words.asked).toEqual([['erste'], ['zweite'], ['dritte'], ['erste']]);
});

test('region takes a word as held for ttlMs after a network last said so, however often it is used', () => {
  let now = 0;
  const words = new RegionWords({ ttlMs: 1000, now: () => now });
  words.add(['Frästeilen']);
  now = 999;
  // Used: moved to the back, but not said again by a network, so not young again.
  expect(words.known(['Frästeilen', 'Kleinserie'])).toEqual(['Frästeilen']);
  now = 1000;
  expect(words.known(['Frästeilen'])).toEqual([]);
  expect(words.size).toBe(0);
  // Said again by a network's answer: known from then on.
  words.add(['Frästeilen']);
  now = 1999;
  expect(words.known(['Frästeilen'])).toEqual(['Frästeilen']);
  words.add(['Frästeilen']);
  now = 2998;
  expect(words.known(['Frästeilen'])).toEqual(['Frästeilen']);
});

test('region keeps its most words, the least recently used going first', () => {
  const words = new RegionWords({ ttlMs: 1000, max: 2, now: () => 0 });
  words.add(['erste', 'zweite']);
  expect(words.known(['erste'])).toEqual(['erste']);
  words.add(['dritte']);
  expect(words.known(['erste', 'zweite', 'dritte'])).toEqual(['erste', 'dritte']);
  expect(words.size).toBe(2);
});
