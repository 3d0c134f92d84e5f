// The search words that some network's members use, as far as region has seen them in the networks' answers
// (SearchPage.heldWords). Each network looks up close spellings only for a word its own dictionary lacks, so
// alone it reads a word that another network's members use as a typo: "Werkzeugstahl", a material of one NIWE
// member, found that member at 0.6 and, through a close spelling in KONAT's dictionary, a KONAT grinding shop at
// 0.3. Region passes the words it knows as knownWords, and a network that does not hold one reads it as written.
//
// A word is learned from the first search that meets it, and that search is asked again of the networks that
// read it as a typo (members/search.ts): one call more per network, once per word, and every answer is
// consistent from the first. A dictionary only grows (archiving a member removes no word), so what is kept never
// turns wrong; a typo held nowhere is never kept and costs nothing more.

/** Words kept; the least recently used goes first. A word is a few dozen bytes. */
const maxWords = 10_000;

export class RegionWords {
  private readonly words = new Set<string>();
  private readonly max: number;

  constructor(max = maxWords) {
    this.max = max;
  }

  /** The words of `words` that some network holds, as far as known; each one used moves to the back. */
  known(words: readonly string[]): string[] {
    const known = words.filter((word) => this.words.has(word));
    for (const word of known) {
      this.words.delete(word);
      this.words.add(word);
    }
    return known;
  }

  /** Keeps words a network said its members use. */
  add(words: Iterable<string>): void {
    for (const word of words) {
      this.words.delete(word);
      this.words.add(word);
      if (this.words.size > this.max) this.words.delete(this.words.values().next().value!);
    }
  }

  get size(): number {
    return this.words.size;
  }
}
