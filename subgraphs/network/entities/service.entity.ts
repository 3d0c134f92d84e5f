import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { MemberSchema } from './member.entity.ts';

export const ServiceSchema = defineEntity({
  name: 'Service',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: () => p.manyToOne(MemberSchema).deleteRule('cascade').foreignKeyName('service_member_id_fkey'),
    title: p.string().length(200),
    description: p.text().nullable(),
    processCodes: p.array().default([]),
  },
  indexes: [{ name: 'service_member_id_idx', properties: ['member'] }],
});

export type Service = InferEntity<typeof ServiceSchema>;
