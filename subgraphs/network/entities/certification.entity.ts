import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { MemberSchema } from './member.entity.ts';

export const CertificationSchema = defineEntity({
  name: 'Certification',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: () => p.manyToOne(MemberSchema).deleteRule('cascade'),
    standard: p.string().length(40),
    number: p.string().length(100).nullable(),
    validUntil: p.string().columnType('date'),
  },
});

export type Certification = InferEntity<typeof CertificationSchema>;
