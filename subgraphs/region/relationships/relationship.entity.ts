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

/** The kind that states the same fact from the other side: "A SUPPLIER_OF B" is "B CUSTOMER_OF A". The others hold both ways. */
export const inverseKind: Partial<Record<RelationshipKind, RelationshipKind>> = { SUPPLIER_OF: 'CUSTOMER_OF', CUSTOMER_OF: 'SUPPLIER_OF' };

/**
 * The fact a relationship states, as SQL over its row: a supply with supplier and customer in that order, or a
 * kind that holds both ways with its two members in sorted order. One active relationship per fact: "B SUPPLIER_OF
 * A" beside "A SUPPLIER_OF B" is another fact (both supply each other), "B CUSTOMER_OF A" the same one. Keyed on
 * the sorted pair and the kind alone, the first was refused and the second taken, and the offices' measure counted
 * one supply relationship twice.
 */
export const factSql = {
  kind: `(case when "kind" in ('SUPPLIER_OF', 'CUSTOMER_OF') then 'SUPPLY' else "kind" end)`,
  first: `(case "kind" when 'SUPPLIER_OF' then "requester_id" when 'CUSTOMER_OF' then "partner_id" else least("requester_id", "partner_id") end)`,
  second: `(case "kind" when 'SUPPLIER_OF' then "partner_id" when 'CUSTOMER_OF' then "requester_id" else greatest("requester_id", "partner_id") end)`,
};

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
    // One active relationship per fact (factSql), whichever side asked: a duplicate is refused by the database, also when two requests race.
    {
      name: 'business_relationship_active_fact_idx',
      expression: `create unique index "business_relationship_active_fact_idx" on "business_relationship" (${factSql.first}, ${factSql.second}, ${factSql.kind}) where "status" <> 'ENDED'`,
    },
  ],
});

export type BusinessRelationship = InferEntity<typeof BusinessRelationshipSchema>;
