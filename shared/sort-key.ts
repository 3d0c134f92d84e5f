// Members are ordered by a normalised name, compared byte-wise (PostgreSQL's "C"
// collation), then by network code and local id. The same function writes the
// key in every network database and compares keys in region's merge, so the
// order is identical everywhere and cursors are exact across networks.

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
  sortKey: string;
  network: string;
  localId: number;
}

export function compareOrderKeys(a: MemberOrderKey, b: MemberOrderKey): number {
  return (
    Buffer.compare(Buffer.from(a.sortKey), Buffer.from(b.sortKey)) ||
    Buffer.compare(Buffer.from(a.network), Buffer.from(b.network)) ||
    a.localId - b.localId
  );
}
