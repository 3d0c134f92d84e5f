import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tolerances } from '../../../shared/matching.ts';
import { RandomIdBase } from '../base.entity.ts';

/** As stored; QUOTING_CLOSED is never stored: it is OPEN past the deadline (inquiries.ts effectiveStatus). */
export const inquiryStatuses = ['DRAFT', 'OPEN', 'AWARDED', 'CLOSED_WITHOUT_AWARD', 'CANCELLED'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

export interface InquiryQuantity {
  quantity: number;
  batchSize: number | null;
}

// A request for manufactured parts. ownerKey names the caller that created it (see access.ts callerKey).
export const InquirySchema = defineEntity({
  name: 'Inquiry',
  extends: RandomIdBase,
  properties: {
    ownerKey: p.string().length(240),
    ownerMemberId: p.string().length(40).nullable(),
    ownerNetwork: p.string().length(20).nullable(),
    customer: p.string().length(200).nullable(),
    title: p.string().length(200),
    partDescription: p.text(),
    processCodes: p.array().default([]),
    material: p.string().length(60).nullable(),
    quantities: p.json<InquiryQuantity[]>(),
    tolerance: p.enum(tolerances).columnType('varchar(20)').nullable(),
    certifications: p.array().default([]),
    documents: p.array().default([]),
    ppapLevel: p.integer().nullable(),
    postalCode: p.string().length(5).nullable(),
    latitude: p.double().$type<number>(),
    longitude: p.double().$type<number>(),
    deliveryDate: p.string().columnType('date'),
    quoteDeadline: p.datetime(),
    status: p.enum(inquiryStatuses).columnType('varchar(30)').default('DRAFT'),
    awardedQuoteId: p.bigint('number').nullable(),
    deadlineNoticeAt: p.datetime().nullable(),
    version: p.integer().version(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [{ name: 'inquiry_ppap_level_check', expression: `"ppap_level" >= 1 and "ppap_level" <= 5` }],
  indexes: [
    { name: 'inquiry_owner_created_idx', properties: ['ownerKey', 'createdAt', 'id'] },
    { name: 'inquiry_open_deadline_idx', properties: ['quoteDeadline'], where: `"status" = 'OPEN'` },
    { name: 'inquiry_created_idx', properties: ['createdAt', 'id'] },
  ],
});

export type Inquiry = InferEntity<typeof InquirySchema>;
