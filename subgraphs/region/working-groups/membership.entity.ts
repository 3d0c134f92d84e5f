import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { WorkingGroupSchema } from './working-group.entity.ts';

export const membershipStatuses = ['INVITED', 'REQUESTED', 'ACTIVE', 'LEFT', 'REMOVED'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
/** The statuses of a membership that is not over: at most one of them per member and group. */
export const openStatuses: MembershipStatus[] = ['INVITED', 'REQUESTED', 'ACTIVE'];

// A member's place in a working group: invited by the lead (the member
// accepts) or requested by the member (the lead confirms), then ACTIVE until
// the member leaves or is removed.
export const WorkingGroupMembershipSchema = defineEntity({
  name: 'WorkingGroupMembership',
  extends: RandomIdBase,
  properties: {
    groupId: () => p.manyToOne(WorkingGroupSchema).mapToPk().fieldName('group_id').foreignKeyName('working_group_membership_group_id_fkey'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    status: p.enum(membershipStatuses).columnType('varchar(20)'),
    joinedAt: p.datetime().nullable(),
    endedAt: p.datetime().nullable(),
    endedBy: p.string().length(240).nullable(),
  },
  indexes: [
    { name: 'working_group_membership_member_idx', properties: ['memberId', 'status'] },
    // One open membership per member and group: joining twice is refused by the database, also when two requests race.
    {
      name: 'working_group_membership_open_key',
      expression: `create unique index "working_group_membership_open_key" on "working_group_membership" ("group_id", "member_id") where "status" in ('INVITED', 'REQUESTED', 'ACTIVE')`,
    },
  ],
});

export type WorkingGroupMembership = InferEntity<typeof WorkingGroupMembershipSchema>;
