import type { SpellingsLookup } from './search.ts';

// The search words the dictionary holds, kept in the service. Such a word has no close spellings
// (search.ts closeSpellingsText), now or later: search_word only grows, each member's new words added by a
// trigger. So a search whose longer words are all known sends no lookup, and what is kept never goes stale,
// whoever writes meanwhile (another replica, a script, `seed:bulk`), behind PgBouncer too.
//
// A word the dictionary does not hold is looked up on every search: a member written since may have brought
// it, and then the search must read it as typed (search.ts WordPatterns.absent). This replaced keeping every word
// list's spellings until PostgreSQL notified a new word (2026-12-05): a cache that missed a notification (a
// connection dropped without a word, for up to 30 s) would have hidden a new member from a search of its word.
//
// Why keep anything: the lookup was a statement of its own before every page, waited for in turn; keeping word
// lists cost the stack 0.92-0.99 × the CPU per search (bench/README, "The close spellings kept"). Known words
// alone save less: of the benchmark's 240 texts, 123, 117 and 95 had only words NIWE, LINAT and KONAT knew at
// 10,000 members each (2026-12-05, when a material such as 42CrMo4 was in no text; materials and certificates are
// since 2026-12-07, so more are known now; another network's town is in none of this one's). The rest cost a lookup
// each time, as all did before 2026-12-05.

/** Words kept; the oldest goes first. A word is a few dozen bytes. */
const maxWords = 10_000;

export interface KnownWords {
  /** The close-spellings lookup for the words not known yet; the rows' `i` counts places among all the words asked. */
  lookup: SpellingsLookup;
  /** Words kept as known. */
  readonly size: number;
}

export function knownWords(lookup: SpellingsLookup, max = maxWords): KnownWords {
  const known = new Set<string>();
  return {
    async lookup(words) {
      const asked = [...new Set(words)].filter((word) => !known.has(word));
      if (asked.length === 0) return [];
      const rows = await lookup(asked);
      // A word with no row is one the dictionary holds (search.ts SpellingsLookup).
      const unknown = new Set(rows.map((row) => row.i));
      asked.forEach((word, i) => {
        // Two searches may have looked the same word up at once.
        if (unknown.has(i) || known.has(word)) return;
        if (known.size >= max) known.delete(known.values().next().value!);
        known.add(word);
      });
      const place = asked.map((word) => words.indexOf(word));
      return rows.map((row) => ({ ...row, i: place[row.i] }));
    },
    get size() {
      return known.size;
    },
  };
}
