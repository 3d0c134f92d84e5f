import type { SpellingsLookup } from './search.ts';

// The search words the dictionary holds, kept in the service for a while. Such a word has no close spellings
// (search.ts closeSpellingsText) as long as the dictionary holds it: a member's new words are added by a trigger as
// the member is written, so a search whose longer words are all known sends no lookup, whoever writes meanwhile
// (another replica, a script, `seed:bulk`), behind PgBouncer too.
//
// A word leaves the dictionary when no active member holds it any more (the prune, search-words.ts): a typo a member
// saved and took back, the words of an archived member. Kept here for good, as it was while the dictionary only grew,
// such a word stayed read as typed, through no close spelling, so it found nothing (the usability probe:
// "Werkzeugbauu" 70 members, then 0 for good once a member had saved it and corrected it). So a word is kept for
// `ttlMs` from its lookup, the prune's interval (SEARCH_WORDS_PRUNE_MS): a word taken back is read as a typo again
// within two intervals, two minutes by default, and a word in use costs one lookup a minute.
//
// A word the dictionary does not hold is looked up on every search: a member written since may have brought it, and
// then the search must read it as typed (search.ts WordPatterns.absent). This replaced keeping every word list's
// spellings until PostgreSQL notified a new word (2026-12-05): a cache that missed a notification (a connection
// dropped without a word, for up to 30 s) would have hidden a new member from a search of its word.
//
// Why keep anything: the lookup was a statement of its own before every page, waited for in turn; keeping word
// lists cost the stack 0.92-0.99 × the CPU per search (bench/README, "The close spellings kept"). Known words
// alone save less: of the benchmark's 240 texts, 123, 117 and 95 had only words NIWE, LINAT and KONAT knew at
// 10,000 members each (2026-12-05, when a material such as 42CrMo4 was in no text; materials and certificates are
// since 2026-12-07, so more are known now; another network's town is in none of this one's). The rest cost a lookup
// each time, as all did before 2026-12-05.

/** Words kept; the oldest looked up goes first. A word is a few dozen bytes. */
const maxWords = 10_000;

export interface KnownWordsOptions {
  /** How long a word the dictionary held is taken as held without asking again. */
  ttlMs: number;
  /** Words kept at most. */
  max?: number;
  now?: () => number;
}

export interface KnownWords {
  /** The close-spellings lookup for the words not known yet; the rows' `i` counts places among all the words asked. */
  lookup: SpellingsLookup;
  /** Words kept as known, some perhaps past their time. */
  readonly size: number;
}

export function knownWords(lookup: SpellingsLookup, options: KnownWordsOptions): KnownWords {
  const { ttlMs, max = maxWords, now = () => performance.now() } = options;
  /** Each word -> when the dictionary was found to hold it; in that order, oldest first. */
  const known = new Map<string, number>();
  return {
    async lookup(words) {
      // Taken before the lookup is sent: what it says holds from some moment after, so a word expires no later.
      const at = now();
      const asked = [...new Set(words)].filter((word) => {
        const since = known.get(word);
        return since === undefined || at - since >= ttlMs;
      });
      if (asked.length === 0) return [];
      const rows = await lookup(asked);
      // A word with no row is one the dictionary holds (search.ts SpellingsLookup).
      const unknown = new Set(rows.map((row) => row.i));
      asked.forEach((word, i) => {
        // One the dictionary no longer holds is asked again next time, as any word it does not hold.
        if (unknown.has(i)) {
          known.delete(word);
          return;
        }
        // Moved to the end: the order stays that of the lookups.
        known.delete(word);
        known.set(word, at);
        if (known.size > max) known.delete(known.keys().next().value!);
      });
      const place = asked.map((word) => words.indexOf(word));
      return rows.map((row) => ({ ...row, i: place[row.i] }));
    },
    get size() {
      return known.size;
    },
  };
}
