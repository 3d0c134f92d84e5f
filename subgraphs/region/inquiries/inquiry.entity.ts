import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export interface InquiryQuantity {
  quantity: number;
  batchSize: number | null;
}

// A request for manufactured parts. ownerKey names the caller that created it (see access.ts callerKey).
export const InquirySchema = defineEntity({
  name: 'Inquiry',
  properties: {
    /** Random (see Migration20261201100100_random_ids), so nobody guesses the next inquiry. */
    id: p.bigint('number').primary().autoincrement(),
    ownerKey: p.string().length(240),
    ownerMemberId: p.string().length(40).nullable(),
    ownerNetwork: p.string().length(20).nullable(),
    customer: p.string().length(200).nullable(),
    title: p.string().length(200),
    partDescription: p.text(),
    processCodes: p.array().default([]),
    material: p.string().length(60).nullable(),
    quantities: p.json<InquiryQuantity[]>(),
    tolerance: p.string().length(20).nullable(),
    certifications: p.array().default([]),
    documents: p.array().default([]),
    ppapLevel: p.integer().nullable(),
    postalCode: p.string().length(5).nullable(),
    latitude: p.double().$type<number>(),
    longitude: p.double().$type<number>(),
    deliveryDate: p.string().columnType('date'),
    quoteDeadline: p.datetime(),
    status: p.string().length(30).default('DRAFT'),
    awardedQuoteId: p.bigint('number').nullable(),
    deadlineNoticeAt: p.datetime().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type Inquiry = InferEntity<typeof InquirySchema>;

// One member invited to quote on an inquiry, with the matching score it was invited on.
export const InvitationSchema = defineEntity({
  name: 'Invitation',
  tableName: 'inquiry_invitation',
  properties: {
    id: p.integer().primary().autoincrement(),
    inquiryId: p.bigint('number'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    status: p.string().length(20).default('INVITED'),
    declineReason: p.text().nullable(),
    score: p.double().$type<number>().nullable(),
    distanceKm: p.double().$type<number>().nullable(),
    certifications: p.array().default([]),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Invitation = InferEntity<typeof InvitationSchema>;

// A member an office proposed for an inquiry it does not see; the owner accepts (an invitation is made) or rejects it.
export const InviteeProposalSchema = defineEntity({
  name: 'InviteeProposal',
  tableName: 'inquiry_invitee_proposal',
  properties: {
    id: p.integer().primary().autoincrement(),
    inquiryId: p.bigint('number'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    /** The subject of the office (or admin) that proposed it. */
    proposedBy: p.string().length(240).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type InviteeProposal = InferEntity<typeof InviteeProposalSchema>;
