import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { MemberSchema } from './member.entity.ts';

export const ServiceSchema = defineEntity({
  name: 'Service',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: () => p.manyToOne(MemberSchema).deleteRule('cascade'),
    title: p.string().length(200),
    description: p.text().nullable(),
    processCodes: p.array().default([]),
  },
});

export type Service = InferEntity<typeof ServiceSchema>;
