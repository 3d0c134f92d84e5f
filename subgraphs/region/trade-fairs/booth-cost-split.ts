// The joint booth's cost split, in integer cents. Each confirmed exhibitor
// pays the base fee; what the base fees leave of the booth's fixed costs
// (rent + stand construction + shared services) is shared by area with the
// largest-remainder method: everyone gets the floor of its exact share, and
// the cents left over (fewer than there are exhibitors) go one each to the
// largest remainders. Equal remainders: the exhibitor earlier in the given
// order (registration order: registered first, then id) gets its cent first.
// The shares thus sum to the total exactly. When the base fees alone reach
// the fixed costs, nothing is shared and each pays the base fee: the total is
// then the base fees, never less than any exhibitor's own fee.

export interface BoothCosts {
  /** Rent + stand construction + shared services. */
  fixedCostsCents: number;
  baseFeeCents: number;
}

export interface ExhibitorArea<K> {
  key: K;
  areaM2: number;
}

export interface ExhibitorShare<K> extends ExhibitorArea<K> {
  baseFeeCents: number;
  areaShareCents: number;
  totalCents: number;
}

export interface CostSplit<K> {
  /** What the exhibitors pay together: the fixed costs, or the base fees when these alone exceed them; 0 without exhibitors. */
  totalCents: number;
  /** One base fee per exhibitor. */
  baseFeesCents: number;
  /** The part of the fixed costs shared by area. */
  sharedCents: number;
  areaM2: number;
  /** In the order given. */
  exhibitors: ExhibitorShare<K>[];
}

function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative whole number of cents, got ${value}.`);
}

export function splitBoothCosts<K>(costs: BoothCosts, exhibitors: readonly ExhibitorArea<K>[]): CostSplit<K> {
  assertCents('fixedCostsCents', costs.fixedCostsCents);
  assertCents('baseFeeCents', costs.baseFeeCents);
  for (const e of exhibitors) {
    if (!Number.isSafeInteger(e.areaM2) || e.areaM2 <= 0) throw new RangeError(`areaM2 must be a positive whole number, got ${e.areaM2}.`);
  }
  const areaM2 = exhibitors.reduce((sum, e) => sum + e.areaM2, 0);
  if (exhibitors.length === 0) return { totalCents: 0, baseFeesCents: 0, sharedCents: 0, areaM2, exhibitors: [] };
  const baseFeesCents = costs.baseFeeCents * exhibitors.length;
  const sharedCents = Math.max(0, costs.fixedCostsCents - baseFeesCents);
  // shared × area stays below 2^53 for every booth the API accepts (≤ 2·10^9 cents, ≤ 5000 m²), so % and / are exact.
  const exact = exhibitors.map((e) => {
    const product = sharedCents * e.areaM2;
    const remainder = product % areaM2;
    return { floor: (product - remainder) / areaM2, remainder };
  });
  let left = sharedCents - exact.reduce((sum, x) => sum + x.floor, 0);
  const extra = new Array<number>(exhibitors.length).fill(0);
  const byRemainder = exact.map((x, index) => ({ index, remainder: x.remainder })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    extra[index] = 1;
    left--;
  }
  const shares = exhibitors.map((e, i) => {
    const areaShareCents = exact[i].floor + extra[i];
    return { key: e.key, areaM2: e.areaM2, baseFeeCents: costs.baseFeeCents, areaShareCents, totalCents: costs.baseFeeCents + areaShareCents };
  });
  return { totalCents: baseFeesCents + sharedCents, baseFeesCents, sharedCents, areaM2, exhibitors: shares };
}
