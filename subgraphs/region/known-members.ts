// Which members exist. Region asks a member's network before it answers
// member(id), or acts for a member or names one in a record. A member is never
// deleted, only archived, so region remembers for ten minutes each member its
// network found instead of asking again: a profile read one at a time on the
// demo data cost the stack 4.7-4.9 ms of CPU with the question every time and
// 4.0-4.5 with the members remembered (3.7 with the question left out
// altogether: the network's answer is 0.8-1.1 ms of its process and 0.13 ms of
// PostgreSQL, plus region's call); latency went from 4.7 to 3.9-4.3 ms. The
// ten minutes bound how long a member removed behind region's back (a row
// deleted by hand, an office restoring an older backup of its database) still
// counts as found: member(id) reads as null then, as its network finds no row.
// A member found is also answered while its network's database is down, and
// a write of region's own that names it (a capacity post) goes through.
// A member not found is not remembered: it may be created the next moment.
// Each member found is remembered with whether it is archived (internal API
// 1.3; a network before it says nothing, and its members count as taking
// part, as they did). Archiving is for good, so an archived member stays so
// until forgotten; one archived through region is marked at once, one
// archived behind region's back may take part for the ten minutes.

export const defaultKnownMembersTtlMs = 10 * 60_000;

export interface KnownMembersOptions {
  /** How long a member found is taken as existing; 0 remembers none. */
  ttlMs?: number;
  /** How many members are remembered at most, the oldest found forgotten first: 100,000 ids are about 8 MB. */
  capacity?: number;
  now?: () => number;
}

export class KnownMembers {
  /** `NIWE:42` -> when its network last said it exists, and whether archived; in that order, oldest first. */
  readonly #found = new Map<string, { at: number; archived: boolean }>();
  readonly #ttlMs: number;
  readonly #capacity: number;
  readonly #now: () => number;

  constructor({ ttlMs = defaultKnownMembersTtlMs, capacity = 100_000, now = () => performance.now() }: KnownMembersOptions = {}) {
    this.#ttlMs = ttlMs;
    this.#capacity = capacity;
    this.#now = now;
  }

  has(network: string, localId: number): boolean {
    return this.#fresh(network, localId) !== undefined;
  }

  /** Whether a member found lately was archived then; undefined for one not found lately. */
  archived(network: string, localId: number): boolean | undefined {
    return this.#fresh(network, localId)?.archived;
  }

  add(network: string, localId: number, archived = false): void {
    if (this.#ttlMs === 0) return;
    const key = `${network}:${localId}`;
    // Archiving is for good: an answer of a network asked before the archiving, arriving after it, does not undo it.
    const wasArchived = this.#found.get(key)?.archived ?? false;
    // Moved to the end: the order stays that of finding.
    this.#found.delete(key);
    this.#found.set(key, { at: this.#now(), archived: archived || wasArchived });
    if (this.#found.size > this.#capacity) this.#found.delete(this.#found.keys().next().value!);
  }

  #fresh(network: string, localId: number): { archived: boolean } | undefined {
    const key = `${network}:${localId}`;
    const found = this.#found.get(key);
    if (found === undefined) return undefined;
    if (this.#now() - found.at < this.#ttlMs) return found;
    this.#found.delete(key);
    return undefined;
  }

  get size(): number {
    return this.#found.size;
  }
}
