import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export interface PriceTier {
  minQuantity: number;
  unitPrice: number;
}

// A member's (or consortium's) current quote on an inquiry; every submission is also kept as a revision.
export const QuoteSchema = defineEntity({
  name: 'Quote',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    inquiryId: p.bigint('number'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    consortiumId: p.bigint('number').nullable(),
    priceTiers: p.json<PriceTier[]>(),
    currency: p.string().length(3),
    leadTimeDays: p.integer(),
    validUntil: p.string().columnType('date'),
    notes: p.text().nullable(),
    status: p.string().length(20).default('SUBMITTED'),
    revision: p.integer().default(1),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type Quote = InferEntity<typeof QuoteSchema>;

export const QuoteRevisionSchema = defineEntity({
  name: 'QuoteRevision',
  properties: {
    id: p.integer().primary().autoincrement(),
    quoteId: p.bigint('number'),
    revision: p.integer(),
    priceTiers: p.json<PriceTier[]>(),
    currency: p.string().length(3),
    leadTimeDays: p.integer(),
    validUntil: p.string().columnType('date'),
    notes: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type QuoteRevision = InferEntity<typeof QuoteRevisionSchema>;
