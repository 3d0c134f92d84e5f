// Members are ordered by a rank (0 for name order, 10000 - relevance score, or
// the distance in metres), then by a normalised name compared byte-wise
// (PostgreSQL's "C" collation), then by network code and local id. Ranks are
// integers and every network computes them with the same code, so region's
// merge orders exactly like each network's database and cursors are exact.

const transliteration: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l' };

export function nameSortKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[äöüßæœøł]/g, (c) => transliteration[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface MemberOrderKey {
  rank: number;
  sortKey: string;
  network: string;
  localId: number;
}

export function compareOrderKeys(a: MemberOrderKey, b: MemberOrderKey): number {
  return (
    a.rank - b.rank ||
    Buffer.compare(Buffer.from(a.sortKey), Buffer.from(b.sortKey)) ||
    Buffer.compare(Buffer.from(a.network), Buffer.from(b.network)) ||
    a.localId - b.localId
  );
}

/**
 * findSuppliers' order: equal scores nearest first by the distance a hit shows (a tenth of a km, none last), then as
 * members are ordered. Each network's statement sorts by the same key (subgraphs/network/suppliers.ts).
 */
export function compareSupplierKeys(a: MemberOrderKey & { distanceKm: number | null }, b: MemberOrderKey & { distanceKm: number | null }): number {
  return a.rank - b.rank || (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) || compareOrderKeys(a, b);
}
