import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { QuoteSchema, type PriceTier } from './quote.entity.ts';

// One submission of a quote, kept as it was sent.
export const QuoteRevisionSchema = defineEntity({
  name: 'QuoteRevision',
  properties: {
    id: p.integer().primary().autoincrement(),
    quote: () => p.manyToOne(QuoteSchema).ref().foreignKeyName('quote_revision_quote_id_fkey'),
    revision: p.integer(),
    priceTiers: p.json<PriceTier[]>(),
    currency: p.string().length(3),
    leadTimeDays: p.integer(),
    validUntil: p.string().columnType('date'),
    notes: p.text().nullable(),
    // The consortium it was submitted for; null for a bid of the member alone. A partner reads only these.
    consortiumId: p.bigint('number').nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'quote_revision_quote_id_revision_key', properties: ['quote', 'revision'] }],
});

export type QuoteRevision = InferEntity<typeof QuoteRevisionSchema>;
