import { findNetwork, networks, type NetworkInfo } from '../../../shared/networks.ts';
import type { RegionContext } from '../context.ts';
import { requireCooperation, seesWholeSplit } from './access.ts';
import { splitBoothCosts, type ExhibitorShare } from './booth-cost-split.ts';
import type { BoothRegistration, JointBooth } from './entities.ts';
import { registrationsOf } from './trade-fairs.ts';

// The booth's cost split as the API shows it: booth-cost-split.ts over the
// confirmed exhibitors in registration order, then what the caller may see of
// it. The totals are the booth's budget, the same for everyone; the lines are
// for offices and admin, a member sees its own.

export type ExhibitorCostLine = ExhibitorShare<BoothRegistration>;

export interface NetworkCostLine {
  network: NetworkInfo;
  exhibitors: number;
  areaM2: number;
  totalCents: number;
}

export interface CostSplitView {
  fixedCostsCents: number;
  baseFeesCents: number;
  sharedCents: number;
  totalCents: number;
  exhibitorCount: number;
  confirmedAreaM2: number;
  exhibitors: ExhibitorCostLine[];
  networks: NetworkCostLine[];
}

export const fixedCostsOf = (booth: JointBooth) => booth.rentCents + booth.constructionCents + booth.servicesCents;

/** Sums per network, in the registry's order; networks without exhibitors left out. */
function byNetwork(lines: readonly ExhibitorCostLine[]): NetworkCostLine[] {
  return networks
    .map((network) => {
      const own = lines.filter((l) => l.key.memberNetwork === network.code);
      return {
        network: findNetwork(network.code)!,
        exhibitors: own.length,
        areaM2: own.reduce((sum, l) => sum + l.areaM2, 0),
        totalCents: own.reduce((sum, l) => sum + l.totalCents, 0),
      };
    })
    .filter((n) => n.exhibitors > 0);
}

export async function costSplit(ctx: RegionContext, booth: JointBooth): Promise<CostSplitView> {
  requireCooperation(ctx.identity);
  const confirmed = (await registrationsOf(ctx, booth)).filter((r) => r.status === 'CONFIRMED');
  const split = splitBoothCosts(
    { fixedCostsCents: fixedCostsOf(booth), baseFeeCents: booth.baseFeeCents },
    confirmed.map((r) => ({ key: r, areaM2: r.areaM2 })),
  );
  const whole = seesWholeSplit(ctx.identity);
  return {
    fixedCostsCents: fixedCostsOf(booth),
    baseFeesCents: split.baseFeesCents,
    sharedCents: split.sharedCents,
    totalCents: split.totalCents,
    exhibitorCount: confirmed.length,
    confirmedAreaM2: split.areaM2,
    exhibitors: whole ? split.exhibitors : split.exhibitors.filter((l) => l.key.memberId === ctx.identity.memberId),
    networks: whole ? byNetwork(split.exhibitors) : [],
  };
}
