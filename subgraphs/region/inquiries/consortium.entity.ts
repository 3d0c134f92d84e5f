import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// A Bietergemeinschaft: a lead and its partners bidding together on one inquiry.
export const ConsortiumSchema = defineEntity({
  name: 'Consortium',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    inquiryId: p.bigint('number'),
    leadMemberId: p.string().length(40),
    leadNetwork: p.string().length(20),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Consortium = InferEntity<typeof ConsortiumSchema>;

/** The lead is a partner too: it states its own share like the others. */
export const ConsortiumPartnerSchema = defineEntity({
  name: 'ConsortiumPartner',
  properties: {
    id: p.integer().primary().autoincrement(),
    consortiumId: p.bigint('number'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    status: p.string().length(20).default('INVITED'),
    processCodes: p.array().default([]),
    sharePercent: p.double().$type<number>().nullable(),
  },
});

export type ConsortiumPartner = InferEntity<typeof ConsortiumPartnerSchema>;
