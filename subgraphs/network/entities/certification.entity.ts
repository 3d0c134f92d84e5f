import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { MemberSchema } from './member.entity.ts';

export const CertificationSchema = defineEntity({
  name: 'Certification',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: () => p.manyToOne(MemberSchema).deleteRule('cascade').foreignKeyName('certification_member_id_fkey'),
    standard: p.string().length(40),
    number: p.string().length(100).nullable(),
    validUntil: p.string().columnType('date'),
  },
  indexes: [
    { name: 'certification_member_id_idx', properties: ['member'] },
    // The member id included: findSuppliers reads a certificate's holders from the index alone (migration certificate_holders).
    { name: 'certification_standard_idx', properties: ['standard', 'validUntil'], include: ['member'] },
  ],
});

export type Certification = InferEntity<typeof CertificationSchema>;
