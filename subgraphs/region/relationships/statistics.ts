import { forbidden } from '../../../shared/errors.ts';
import { requireSignedIn, type Identity } from '../../../shared/identity.ts';
import { regionDay } from '../../../shared/region-day.ts';
import type { RegionContext } from '../context.ts';
import { BusinessRelationshipSchema, type BusinessRelationship } from './relationship.entity.ts';

// The measure of the region's third task (intensifying business between the
// members): relationships confirmed across networks, per quarter of their
// confirmation. A relationship ended later still counts for its quarter;
// only those both sides still stand by are listed with their members.

export interface QuarterRow {
  quarter: string;
  confirmed: number;
  /** Confirmed that quarter and not ended since: both sides agree to be named. */
  active: BusinessRelationship[];
}

/**
 * The quarter of a time on the region's calendar (shared/region-day.ts), as 2026-Q4: a relationship confirmed at
 * 00:30 on 1 January in Eschwege belongs to the new year, which UTC's calendar (still 31 December) put in Q4.
 */
export function quarterOf(time: Date): string {
  const [year, month] = regionDay(time).split('-');
  return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
}

function assertOfficeOrAdmin(identity: Identity): void {
  requireSignedIn(identity);
  if (identity.role !== 'office' && identity.role !== 'admin') throw forbidden("The region's relationship statistics are for offices and admin.");
}

/** Every quarter with a confirmation across networks, oldest first. */
export async function crossNetworkQuarters(ctx: RegionContext): Promise<QuarterRow[]> {
  assertOfficeOrAdmin(ctx.identity);
  // One statement; the region's relationships number in the thousands at most, so the networks are compared here.
  const confirmed = await ctx.em.find(BusinessRelationshipSchema, { confirmedAt: { $ne: null } }, { orderBy: { confirmedAt: 'asc', id: 'asc' } });
  const quarters = new Map<string, QuarterRow>();
  for (const r of confirmed) {
    if (!r.confirmedAt || r.requesterNetwork === r.partnerNetwork) continue;
    const quarter = quarterOf(r.confirmedAt);
    const row = quarters.get(quarter) ?? { quarter, confirmed: 0, active: [] };
    row.confirmed += 1;
    if (r.status === 'CONFIRMED') row.active.push(r);
    quarters.set(quarter, row);
  }
  return [...quarters.values()];
}
