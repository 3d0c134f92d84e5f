import { describe, expect, test } from 'vitest';
import { splitBoothCosts, type ExhibitorArea } from '../subgraphs/region/trade-fairs/booth-cost-split.ts';

// The joint booth's cost split (trade-fairs/booth-cost-split.ts) on a fixture
// computed by hand, cent for cent, and its properties on many random booths.

describe('booth cost split', () => {
  test('a hand-computed booth: base fees first, the rest by area, the two left-over cents to the largest remainders', () => {
    // Fixed costs 12 345,67 € rent + 5 432,10 € construction + 987,65 € services = 1 876 542 cents.
    // Four base fees of 250 € = 100 000 cents; 1 776 542 cents shared over 12 + 9 + 9 + 6 = 36 m²:
    //   12 m²: 21 318 504 / 36 = 592 180 rest 24
    //    9 m²: 15 988 878 / 36 = 444 135 rest 18 (twice)
    //    6 m²: 10 659 252 / 36 = 296 090 rest 12
    // The floors sum to 1 776 540: one cent to the rest 24, one to the earlier of the two rests 18.
    const split = splitBoothCosts({ fixedCostsCents: 1_234_567 + 543_210 + 98_765, baseFeeCents: 25_000 }, [
      { key: 'drehteile', areaM2: 12 },
      { key: 'haerterei', areaM2: 9 },
      { key: 'fraeserei', areaM2: 9 },
      { key: 'giesserei', areaM2: 6 },
    ]);
    expect(split).toEqual({
      totalCents: 1_876_542,
      baseFeesCents: 100_000,
      sharedCents: 1_776_542,
      areaM2: 36,
      exhibitors: [
        { key: 'drehteile', areaM2: 12, baseFeeCents: 25_000, areaShareCents: 592_181, totalCents: 617_181 },
        { key: 'haerterei', areaM2: 9, baseFeeCents: 25_000, areaShareCents: 444_136, totalCents: 469_136 },
        { key: 'fraeserei', areaM2: 9, baseFeeCents: 25_000, areaShareCents: 444_135, totalCents: 469_135 },
        { key: 'giesserei', areaM2: 6, baseFeeCents: 25_000, areaShareCents: 296_090, totalCents: 321_090 },
      ],
    });
  });

  test('equal remainders: the exhibitor earlier in registration order gets the cent', () => {
    // 100 cents over three equal areas: 33 each, one left, rests all equal.
    const split = splitBoothCosts({ fixedCostsCents: 100, baseFeeCents: 0 }, [
      { key: 'b', areaM2: 4 },
      { key: 'a', areaM2: 4 },
      { key: 'c', areaM2: 4 },
    ]);
    expect(split.exhibitors.map((e) => [e.key, e.totalCents])).toEqual([
      ['b', 34],
      ['a', 33],
      ['c', 33],
    ]);
  });

  test('base fees that reach the fixed costs: nothing is shared, each pays its base fee', () => {
    const split = splitBoothCosts({ fixedCostsCents: 50_000, baseFeeCents: 30_000 }, [
      { key: 'x', areaM2: 10 },
      { key: 'y', areaM2: 2 },
    ]);
    expect(split).toMatchObject({ totalCents: 60_000, baseFeesCents: 60_000, sharedCents: 0 });
    expect(split.exhibitors.map((e) => e.totalCents)).toEqual([30_000, 30_000]);
  });

  test('no exhibitors, nothing to pay; bad input is refused', () => {
    expect(splitBoothCosts({ fixedCostsCents: 1000, baseFeeCents: 10 }, [])).toEqual({
      totalCents: 0,
      baseFeesCents: 0,
      sharedCents: 0,
      areaM2: 0,
      exhibitors: [],
    });
    expect(() => splitBoothCosts({ fixedCostsCents: 1000, baseFeeCents: 10 }, [{ key: 1, areaM2: 0 }])).toThrow(RangeError);
    expect(() => splitBoothCosts({ fixedCostsCents: -1, baseFeeCents: 10 }, [{ key: 1, areaM2: 1 }])).toThrow(RangeError);
    expect(() => splitBoothCosts({ fixedCostsCents: 10.5, baseFeeCents: 10 }, [{ key: 1, areaM2: 1 }])).toThrow(RangeError);
  });

  test('on 2000 random booths: the shares sum to the total exactly, none is negative, each is within a cent of its exact share', () => {
    // A fixed seed (mulberry32), so a failure is reproducible.
    let seed = 20261202;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (max: number) => Math.floor(random() * (max + 1));
    for (let run = 0; run < 2000; run++) {
      const exhibitors: ExhibitorArea<number>[] = Array.from({ length: 1 + int(40) }, (_, key) => ({ key, areaM2: 1 + int(120) }));
      const costs = { fixedCostsCents: int(300_000_000), baseFeeCents: int(run % 3 === 0 ? 10_000_000 : 100_000) };
      const split = splitBoothCosts(costs, exhibitors);
      const baseFees = costs.baseFeeCents * exhibitors.length;
      expect(split.totalCents).toBe(Math.max(costs.fixedCostsCents, baseFees));
      expect(split.exhibitors.reduce((sum, e) => sum + e.totalCents, 0)).toBe(split.totalCents);
      expect(split.exhibitors.reduce((sum, e) => sum + e.areaShareCents, 0)).toBe(split.sharedCents);
      for (const e of split.exhibitors) {
        expect(e.areaShareCents).toBeGreaterThanOrEqual(0);
        expect(e.totalCents).toBe(e.baseFeeCents + e.areaShareCents);
        expect(Math.abs(e.areaShareCents - (split.sharedCents * e.areaM2) / split.areaM2)).toBeLessThan(1);
      }
      // Largest remainder keeps the order of area: more area never pays less.
      const byArea = [...split.exhibitors].sort((a, b) => a.areaM2 - b.areaM2);
      for (let i = 1; i < byArea.length; i++) {
        if (byArea[i].areaM2 > byArea[i - 1].areaM2) expect(byArea[i].areaShareCents).toBeGreaterThanOrEqual(byArea[i - 1].areaShareCents);
      }
    }
  });
});
