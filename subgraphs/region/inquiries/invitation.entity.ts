import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { InquirySchema } from './inquiry.entity.ts';

export const invitationStatuses = ['INVITED', 'VIEWED', 'DECLINED', 'QUOTED'] as const;

// One member invited to quote on an inquiry, with the matching score it was invited on.
export const InvitationSchema = defineEntity({
  name: 'Invitation',
  tableName: 'inquiry_invitation',
  properties: {
    id: p.integer().primary().autoincrement(),
    inquiry: () => p.manyToOne(InquirySchema).ref().foreignKeyName('inquiry_invitation_inquiry_id_fkey'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    status: p.enum(invitationStatuses).columnType('varchar(20)').default('INVITED'),
    declineReason: p.text().nullable(),
    score: p.double().$type<number>().nullable(),
    distanceKm: p.double().$type<number>().nullable(),
    certifications: p.array().default([]),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'inquiry_invitation_inquiry_id_member_id_key', properties: ['inquiry', 'memberId'] }],
  indexes: [
    { name: 'inquiry_invitation_member_idx', properties: ['memberId'] },
    { name: 'inquiry_invitation_network_idx', properties: ['network'] },
  ],
});

export type Invitation = InferEntity<typeof InvitationSchema>;
