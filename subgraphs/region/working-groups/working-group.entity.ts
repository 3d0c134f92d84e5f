import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';

// A working group (Arbeitskreis) of the region: members of any network work
// on one topic, so it lives in region. Its lead is a network office
// (leadMemberId null) or one member (leadMemberId set; leadNetwork is then
// that member's network).
export const WorkingGroupSchema = defineEntity({
  name: 'WorkingGroup',
  extends: RandomIdBase,
  properties: {
    topic: p.string().length(200),
    description: p.text(),
    leadNetwork: p.string().length(20),
    leadMemberId: p.string().length(40).nullable(),
    /** The CAD working group balances capacity: its page links to the capacity balance (seeded by Migration20261202200000_working_groups). */
    balancesCapacity: p.boolean().default(false),
    createdBy: p.string().length(240),
  },
  indexes: [
    // One group per topic, whatever the case: a second "CAD" group would split its members.
    { name: 'working_group_topic_key', expression: `create unique index "working_group_topic_key" on "working_group" (lower("topic"))` },
  ],
});

export type WorkingGroup = InferEntity<typeof WorkingGroupSchema>;
