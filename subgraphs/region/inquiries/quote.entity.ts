import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { ConsortiumSchema } from './consortium.entity.ts';
import { InquirySchema } from './inquiry.entity.ts';

/** WITHDRAWN: its bidder took it back while the inquiry was OPEN (withdrawQuote); submitting it again revives it. */
export const quoteStatuses = ['SUBMITTED', 'AWARDED', 'NOT_CHOSEN', 'WITHDRAWN'] as const;

export interface PriceTier {
  minQuantity: number;
  unitPrice: number;
}

// A member's (or consortium's) current quote on an inquiry; every submission is also kept as a revision.
export const QuoteSchema = defineEntity({
  name: 'Quote',
  extends: RandomIdBase,
  properties: {
    inquiry: () => p.manyToOne(InquirySchema).ref().foreignKeyName('quote_inquiry_id_fkey'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    consortium: () => p.manyToOne(ConsortiumSchema).ref().foreignKeyName('quote_consortium_id_fkey').deleteRule('no action').nullable(),
    priceTiers: p.json<PriceTier[]>(),
    currency: p.string().length(3),
    leadTimeDays: p.integer(),
    validUntil: p.string().columnType('date'),
    notes: p.text().nullable(),
    status: p.enum(quoteStatuses).columnType('varchar(20)').default('SUBMITTED'),
    revision: p.integer().default(1),
    version: p.integer().version(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [{ name: 'quote_lead_time_days_check', expression: `"lead_time_days" > 0` }],
  uniques: [{ name: 'quote_inquiry_id_member_id_key', properties: ['inquiry', 'memberId'] }],
});

export type Quote = InferEntity<typeof QuoteSchema>;
