import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { MemberSchema } from './member.entity.ts';

export const ContactPersonSchema = defineEntity({
  name: 'ContactPerson',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: () => p.manyToOne(MemberSchema).deleteRule('cascade').foreignKeyName('contact_person_member_id_fkey'),
    name: p.string().length(200),
    role: p.string().length(200).nullable(),
    email: p.string().length(254).nullable(),
    phone: p.string().length(50).nullable(),
  },
  indexes: [{ name: 'contact_person_member_id_idx', properties: ['member'] }],
});

export type ContactPerson = InferEntity<typeof ContactPersonSchema>;
