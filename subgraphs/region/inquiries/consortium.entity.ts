import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { InquirySchema } from './inquiry.entity.ts';

// A Bietergemeinschaft: a lead and its partners bidding together on one inquiry.
export const ConsortiumSchema = defineEntity({
  name: 'Consortium',
  extends: RandomIdBase,
  properties: {
    inquiry: () => p.manyToOne(InquirySchema).ref().foreignKeyName('consortium_inquiry_id_fkey'),
    leadMemberId: p.string().length(40),
    leadNetwork: p.string().length(20),
  },
  uniques: [{ name: 'consortium_inquiry_id_lead_member_id_key', properties: ['inquiry', 'leadMemberId'] }],
});

export type Consortium = InferEntity<typeof ConsortiumSchema>;
