import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { QueryPlan } from '@apollo/query-planner';
import type { DocumentNode } from 'graphql';

// Apollo Server keeps parsed and validated documents, the gateway query plans,
// in LRU caches that measure an entry by the length of its JSON, 30 MiB each
// by default. On the heap an entry is larger than its JSON: a document about
// 4.2 times (the syntax tree keeps its tokens for error locations), a plan
// about 2.3 times (measured on the benchmark's Q4 operations). The defaults
// thus hold some 200 MB, more than the gateway's whole heap
// (gateway/runtime.ts): a stream of distinct operations filled it until V8
// spent a fifth of the CPU collecting, and then ran out of memory.
//
// Two changes: the budget is in heap megabytes, split between the caches by
// what one operation needs in each; and an operation is stored only the second
// time it is seen. Clients send the same few operations again and again, and
// those are cached from their second request on; an operation sent once (a
// one-off query, a flood of generated ones) is planned and then dropped, so it
// neither evicts the operations in use nor moves garbage into the old
// generation, where collecting it is dear.

/**
 * Heap bytes per byte of JSON, and each cache's share of the budget. The
 * gateway's document analyses (gateway/document-analysis.ts) hold a parsed
 * document each, like Apollo's store, for the same operations, and an entry's
 * JSON is as long (2,401 against 2,333 bytes for the benchmark's Q4): the
 * documents' share is split evenly between the two. At the default 8 MB each
 * holds about 300 such operations, where Apollo's store alone held about 600.
 */
const documents = { heapPerJsonByte: 4.2, share: 0.35 };
const analyses = { heapPerJsonByte: 4.2, share: 0.35 };
const plans = { heapPerJsonByte: 2.3, share: 0.3 };

/** The gateway's default (OPERATION_CACHE_MB). */
export const defaultOperationCacheMb = 8;
/** Each subgraph's store of the operations the gateway sends it. */
export const subgraphDocumentCacheMb = 8;

/** How many recently seen keys each cache remembers to recognise a second sighting: 64-character hashes, about 1 MB. */
const rememberedKeys = 10_000;

/** An LRU cache that stores a value only when its key was set before, among the last `remembered` keys. */
export class SecondSightingCache<V> implements KeyValueCache<V> {
  readonly #cache: InMemoryLRUCache<V>;
  readonly #seen = new Set<string>();
  readonly #remembered: number;

  constructor(cache: InMemoryLRUCache<V>, remembered = rememberedKeys) {
    this.#cache = cache;
    this.#remembered = remembered;
  }

  get(key: string): Promise<V | undefined> {
    return this.#cache.get(key);
  }

  async set(key: string, value: V): Promise<void> {
    if (this.#seen.delete(key)) return this.#cache.set(key, value);
    this.#seen.add(key);
    // A Set iterates in insertion order: the first key is the one seen longest ago.
    if (this.#seen.size > this.#remembered) this.#seen.delete(this.#seen.values().next().value!);
  }

  delete(key: string): Promise<boolean | undefined> {
    this.#seen.delete(key);
    return this.#cache.delete(key);
  }

  /** The gateway clears its plans when the supergraph changes. */
  clear(): void {
    this.#seen.clear();
    this.#cache.clear();
  }

  /** Keys stored (not those only seen once). */
  keys(): string[] {
    return this.#cache.keys();
  }
}

const jsonBytes = (heapMb: number, cache: { heapPerJsonByte: number }) => Math.max(1, Math.floor((heapMb * 2 ** 20) / cache.heapPerJsonByte));

/** An Apollo Server `documentStore` of about `heapMb` on the heap. */
export function documentStore(heapMb: number): SecondSightingCache<DocumentNode> {
  return new SecondSightingCache(new InMemoryLRUCache<DocumentNode>({ maxSize: jsonBytes(heapMb, documents) }));
}

/** The gateway's store of document analyses for `heapMb` of the OPERATION_CACHE_MB budget (see analysisShare). */
export function analysisStore<T>(heapMb: number): SecondSightingCache<T> {
  return new SecondSightingCache(new InMemoryLRUCache<T>({ maxSize: jsonBytes(heapMb, analyses) }));
}

/** The part of OPERATION_CACHE_MB the gateway gives its document analyses. */
export const analysisShare = analyses.share;

export interface OperationCaches {
  /** Apollo Server's `documentStore`. */
  documents: SecondSightingCache<DocumentNode>;
  /** The gateway's `queryPlannerConfig.cache`. */
  plans: SecondSightingCache<QueryPlan>;
}

/** The gateway's two caches, sharing `heapMb`. */
export function operationCaches(heapMb: number): OperationCaches {
  return {
    documents: documentStore(heapMb * documents.share),
    plans: new SecondSightingCache(new InMemoryLRUCache<QueryPlan>({ maxSize: jsonBytes(heapMb * plans.share, plans) })),
  };
}
