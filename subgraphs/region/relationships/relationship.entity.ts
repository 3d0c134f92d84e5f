import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';

export const relationshipKinds = ['SUPPLIER_OF', 'CUSTOMER_OF', 'DEVELOPMENT_PARTNER', 'JOINT_PROJECT'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];
export const relationshipStatuses = ['REQUESTED', 'CONFIRMED', 'ENDED'] as const;
export type RelationshipStatus = (typeof relationshipStatuses)[number];

// A business relationship between two members, possibly of different
// networks, so it lives in region. The requester records it ("requester is
// SUPPLIER_OF partner"); it counts, and others see it, only once the partner
// has confirmed it.
export const BusinessRelationshipSchema = defineEntity({
  name: 'BusinessRelationship',
  extends: RandomIdBase,
  properties: {
    kind: p.enum(relationshipKinds).columnType('varchar(30)'),
    requesterId: p.string().length(40),
    requesterNetwork: p.string().length(20),
    partnerId: p.string().length(40),
    partnerNetwork: p.string().length(20),
    status: p.enum(relationshipStatuses).columnType('varchar(20)').default('REQUESTED'),
    confirmedAt: p.datetime().nullable(),
    endedAt: p.datetime().nullable(),
    endedBy: p.string().length(40).nullable(),
  },
  checks: [{ name: 'business_relationship_not_self', expression: `"requester_id" <> "partner_id"` }],
  indexes: [
    { name: 'business_relationship_requester_idx', properties: ['requesterId', 'status'] },
    { name: 'business_relationship_partner_idx', properties: ['partnerId', 'status'] },
    // One active relationship of a kind per pair, whichever side asked: a duplicate is refused by the database, also when two requests race.
    {
      name: 'business_relationship_active_pair_idx',
      expression: `create unique index "business_relationship_active_pair_idx" on "business_relationship" (least("requester_id", "partner_id"), greatest("requester_id", "partner_id"), "kind") where "status" <> 'ENDED'`,
    },
  ],
});

export type BusinessRelationship = InferEntity<typeof BusinessRelationshipSchema>;
