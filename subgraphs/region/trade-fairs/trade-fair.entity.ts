import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';

// A trade fair the region appears at jointly, such as the network fair in Bad
// Salzuflen. Exhibitors come from every network, so it lives in region.
export const TradeFairSchema = defineEntity({
  name: 'TradeFair',
  extends: RandomIdBase,
  properties: {
    name: p.string().length(200),
    city: p.string().length(120),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    /** Registration for the joint booth closes here; before startsAt (checked on input and by the database). */
    registrationDeadline: p.datetime(),
    createdBy: p.string().length(200).nullable(),
  },
  checks: [
    { name: 'trade_fair_dates_check', expression: `"ends_at" >= "starts_at"` },
    { name: 'trade_fair_deadline_check', expression: `"registration_deadline" <= "starts_at"` },
  ],
  indexes: [{ name: 'trade_fair_starts_at_idx', properties: ['startsAt'] }],
});

export type TradeFair = InferEntity<typeof TradeFairSchema>;
