import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { TradeFairSchema } from './trade-fair.entity.ts';

// The region's joint booth at a trade fair: its area and fixed costs, shared
// by the confirmed exhibitors (booth-cost-split.ts). allocatedAreaM2 is the
// area held by pending and confirmed registrations; every registration adds
// to it under the booth's row lock and the check below refuses any statement
// that would take it past the total, so the booth is never over-allocated,
// however many registrations arrive at once.
export const JointBoothSchema = defineEntity({
  name: 'JointBooth',
  extends: RandomIdBase,
  properties: {
    fair: () => p.manyToOne(TradeFairSchema).deleteRule('cascade').foreignKeyName('joint_booth_fair_id_fkey'),
    /** The organising network office, which confirms and declines; null when admin organises for the region. */
    organiserNetwork: p.string().length(20).nullable(),
    totalAreaM2: p.integer(),
    allocatedAreaM2: p.integer().default(0),
    rentCents: p.integer(),
    constructionCents: p.integer(),
    servicesCents: p.integer(),
    baseFeeCents: p.integer(),
  },
  checks: [
    { name: 'joint_booth_area_check', expression: `"total_area_m2" > 0` },
    { name: 'joint_booth_allocated_check', expression: `"allocated_area_m2" >= 0 and "allocated_area_m2" <= "total_area_m2"` },
    {
      name: 'joint_booth_costs_check',
      expression: `"rent_cents" >= 0 and "construction_cents" >= 0 and "services_cents" >= 0 and "base_fee_cents" >= 0`,
    },
  ],
  // One joint booth of the region per fair.
  uniques: [{ name: 'joint_booth_fair_key', properties: ['fair'] }],
});

export type JointBooth = InferEntity<typeof JointBoothSchema>;
