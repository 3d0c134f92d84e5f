import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { ConsortiumSchema } from './consortium.entity.ts';

export const partnerStatuses = ['INVITED', 'ACCEPTED', 'DECLINED'] as const;

/** The lead is a partner too: it states its own share like the others. */
export const ConsortiumPartnerSchema = defineEntity({
  name: 'ConsortiumPartner',
  properties: {
    id: p.integer().primary().autoincrement(),
    consortium: () => p.manyToOne(ConsortiumSchema).ref().foreignKeyName('consortium_partner_consortium_id_fkey'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    status: p.enum(partnerStatuses).columnType('varchar(20)').default('INVITED'),
    processCodes: p.array().default([]),
    sharePercent: p.double().$type<number>().nullable(),
  },
  checks: [{ name: 'consortium_partner_share_percent_check', expression: `"share_percent"::numeric > 0 and "share_percent"::numeric <= 100` }],
  uniques: [{ name: 'consortium_partner_consortium_id_member_id_key', properties: ['consortium', 'memberId'] }],
  indexes: [
    { name: 'consortium_partner_member_idx', properties: ['memberId'] },
    { name: 'consortium_partner_network_idx', properties: ['network'] },
  ],
});

export type ConsortiumPartner = InferEntity<typeof ConsortiumPartnerSchema>;
