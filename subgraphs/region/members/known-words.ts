// The search words that some network's members use, as far as region has seen them in the networks' answers
// (SearchPage.heldWords). Each network looks up close spellings only for a word its own dictionary lacks, so
// alone it reads a word that another network's members use as a typo: "Werkzeugstahl", a material of one NIWE
// member, found that member at 0.6 and, through a close spelling in KONAT's dictionary, a KONAT grinding shop at
// 0.3. Region passes the words it knows as knownWords, and a network that does not hold one reads it as written.
//
// A word is learned from the first search that meets it, and that search is asked again of the networks that
// read it as a typo (members/search.ts): one call more per network, and every answer is consistent from the first.
// A typo held nowhere is never kept and costs nothing more.
//
// A network's dictionary loses a word once no active member holds it (subgraphs/network/search-words.ts): a typo a
// member saved and took back, an archived member's words. Kept here for good, such a word would be passed as known
// to every network, each would read it as written, and it would find nothing where its close spellings found dozens.
// So a word counts as known for `ttlMs` after a network last said it holds it. Every answer of a network that holds
// it says so again (heldWords does not depend on knownWords), so a word searched for stays known at no cost, and
// one searched for less often than that is learned again, with the call more, when next searched for. The default
// is a network's prune interval (SEARCH_WORDS_PRUNE_MS's default): a word taken back is read as a typo again within
// about three minutes, the prune's and the two caches' intervals.

/** A network's SEARCH_WORDS_PRUNE_MS by default (subgraphs/network/search-words.ts); network and region import nothing of each other. */
export const defaultRegionWordsTtlMs = 60_000;

/** Words kept; the least recently used goes first. A word is a few dozen bytes. */
const maxWords = 10_000;

export interface RegionWordsOptions {
  /** How long a word counts as held after a network last said so. */
  ttlMs?: number;
  /** Words kept at most. */
  max?: number;
  now?: () => number;
}

export class RegionWords {
  /** Each word -> when a network last said it holds it; least recently used first. */
  private readonly words = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor({ ttlMs = defaultRegionWordsTtlMs, max = maxWords, now = () => performance.now() }: RegionWordsOptions = {}) {
    this.ttlMs = ttlMs;
    this.max = max;
    this.now = now;
  }

  /** The words of `words` that some network holds, as far as known lately; each one used moves to the back. */
  known(words: readonly string[]): string[] {
    const now = this.now();
    const known: string[] = [];
    for (const word of words) {
      const heldAt = this.words.get(word);
      if (heldAt === undefined) continue;
      this.words.delete(word);
      if (now - heldAt >= this.ttlMs) continue;
      this.words.set(word, heldAt);
      known.push(word);
    }
    return known;
  }

  /** Keeps words a network said its members use, from now. */
  add(words: Iterable<string>): void {
    const now = this.now();
    for (const word of words) {
      this.words.delete(word);
      this.words.set(word, now);
      if (this.words.size > this.max) this.words.delete(this.words.keys().next().value!);
    }
  }

  get size(): number {
    return this.words.size;
  }
}
