// The search contract between region and the networks: what region pushes
// down, and what a network answers for each hit.

export const memberOrders = ['RELEVANCE', 'DISTANCE', 'NAME'] as const;
export type MemberOrder = (typeof memberOrders)[number];

export interface PushedDownFilter {
  text?: string | null;
  processes?: string[] | null;
  materials?: string[] | null;
  certifications?: string[] | null;
  /** ISO date on which certificates must be valid; today when absent. */
  certifiedOn?: string | null;
  near?: { latitude: number; longitude: number; radiusKm: number } | null;
  employeesMin?: number | null;
  employeesMax?: number | null;
}

export interface MemberMatch {
  text: string[];
  processes: string[];
  materials: string[];
  certifications: string[];
  withinRadius: boolean | null;
  employees: boolean | null;
}

export interface SearchHit {
  localId: number;
  sortKey: string;
  rank: number;
  score: number | null;
  distanceKm: number | null;
  /** Only where region asked for it (its client selected `matched`): null from the network, absent in region's copy. */
  matched: MemberMatch | null;
  /**
   * In region's copy, where it asked (internal API 1.8): the member's provided fields (region/members/provided.ts),
   * null for a member gone since the search read it. The network resolves it from localId (Hit.member).
   */
  member?: Record<string, unknown> | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchPage {
  totalCount: number;
  /** False when the network stopped counting at the count limit: totalCount and facets are lower bounds. */
  exactCounts: boolean;
  hits: SearchHit[];
  facets: { processMainGroups: FacetCount[]; certifications: FacetCount[] } | null;
  /**
   * The text's longer words (four or more characters) that the network's members use: region passes them to
   * the other networks as known words (subgraphs/region/members/known-words.ts). Absent from a network of
   * internal API 1.3 or older.
   */
  heldWords: string[];
}

/** Relevance scores travel as integers (0..10000) so that ranks compare exactly everywhere. */
export const scoreScale = 10000;

/** Words after the tenth are ignored: each word is one more LIKE on every candidate. */
const maxWords = 10;

/**
 * The words of a search text that can match anything: those with a letter or
 * digit (documents and queries are folded to letters and digits, irm_fold), at
 * most maxWords. Region refuses a text without any (only "%", emoji or
 * zero-width spaces) before it fans out; the networks search with these.
 */
export function searchWords(text: string | null | undefined): string[] {
  // A hyphen or slash parts words as a space does: German writes "CNC-Fräsen" and "Dreh-/Frästeile", whose parts
  // stand apart in a member's text. Kept whole, "cnc fräsen" (folded) was a phrase no text held, so every hit came
  // from the close spellings (116 at 0.3, where "CNC Fräsen" found 34 at 0.6).
  return (text ?? '')
    .split(/[\s\-\u2010-\u2015/]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, maxWords);
}
