import { describe, expect, test } from 'vitest';
import { memberGlobalId, parseMemberId } from '../shared/ids.ts';
import { compareOrderKeys, nameSortKey } from '../shared/sort-key.ts';
import { decodeCursor, encodeCursor } from '../subgraphs/region/members/cursor.ts';

describe('nameSortKey', () => {
  test('folds case, umlauts, accents and punctuation the same way everywhere', () => {
    expect(nameSortKey('Müller-Formenbau GmbH & Co. KG')).toBe('muller formenbau gmbh co kg');
    expect(nameSortKey('ÖKO Guß')).toBe('oko guss');
    expect(nameSortKey('Café Élan')).toBe('cafe elan');
    expect(nameSortKey('  ---  ')).toBe('');
  });
});

describe('compareOrderKeys', () => {
  test('orders by rank, then key, then network code, then local id', () => {
    const keys = [
      { rank: 0, sortKey: 'b', network: 'NIWE', localId: 1 },
      { rank: 0, sortKey: 'a', network: 'NIWE', localId: 10 },
      { rank: 0, sortKey: 'a', network: 'NIWE', localId: 9 },
      { rank: 0, sortKey: 'a', network: 'KONAT', localId: 50 },
      { rank: -1, sortKey: 'z', network: 'NIWE', localId: 99 },
    ];
    expect([...keys].sort(compareOrderKeys)).toEqual([keys[4], keys[3], keys[2], keys[1], keys[0]]);
  });
});

describe('cursors', () => {
  test('round-trip and refuse anything else', () => {
    const key = { rank: 120, sortKey: 'müller', network: 'LINAT', localId: 7 };
    expect(decodeCursor(encodeCursor('DISTANCE', key), 'DISTANCE')).toEqual(key);
    expect(() => decodeCursor(encodeCursor('DISTANCE', key), 'NAME')).toThrowError(/cursor of a DISTANCE ordered list/);
    expect(() => decodeCursor('nonsense', 'NAME')).toThrowError(/not a cursor/);
    expect(() => decodeCursor(Buffer.from('["NAME",0,"a","LINAT",-1]').toString('base64url'), 'NAME')).toThrowError(/not a cursor/);
  });
});

describe('member ids', () => {
  test('tell the owning network', () => {
    expect(memberGlobalId('NIWE', 42)).toBe('NIWE:m-42');
    const parsed = parseMemberId('KONAT:m-7');
    expect(parsed.network.code).toBe('KONAT');
    expect(parsed.localId).toBe(7);
    expect(() => parseMemberId('NIWE:42')).toThrowError(/look like NIWE:m-42/);
  });
});
