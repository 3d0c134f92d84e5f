import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { InquirySchema } from './inquiry.entity.ts';

// A member an office proposed for an inquiry it does not see; the owner accepts (an invitation is made) or rejects it.
export const InviteeProposalSchema = defineEntity({
  name: 'InviteeProposal',
  tableName: 'inquiry_invitee_proposal',
  properties: {
    id: p.integer().primary().autoincrement(),
    inquiry: () => p.manyToOne(InquirySchema).ref().foreignKeyName('inquiry_invitee_proposal_inquiry_id_fkey'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    /** The subject of the office (or admin) that proposed it. */
    proposedBy: p.string().length(240).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'inquiry_invitee_proposal_inquiry_id_member_id_key', properties: ['inquiry', 'memberId'] }],
});

export type InviteeProposal = InferEntity<typeof InviteeProposalSchema>;
