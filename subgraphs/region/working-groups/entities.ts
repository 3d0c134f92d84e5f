// The working groups' entities, one per file, listed once for region's ORM (orm.ts).
import { MeetingSchema } from './meeting.entity.ts';
import { WorkingGroupMembershipSchema } from './membership.entity.ts';
import { MeetingMinutesSchema } from './minutes.entity.ts';
import { MeetingRsvpSchema } from './rsvp.entity.ts';
import { WorkingGroupSchema } from './working-group.entity.ts';

export { MeetingSchema, type Meeting } from './meeting.entity.ts';
export { openStatuses, WorkingGroupMembershipSchema, type MembershipStatus, type WorkingGroupMembership } from './membership.entity.ts';
export { MeetingMinutesSchema, type MeetingMinutes } from './minutes.entity.ts';
export { MeetingRsvpSchema, type MeetingRsvp, type RsvpAnswer } from './rsvp.entity.ts';
export { WorkingGroupSchema, type WorkingGroup } from './working-group.entity.ts';

export const workingGroupEntities = [WorkingGroupSchema, WorkingGroupMembershipSchema, MeetingSchema, MeetingRsvpSchema, MeetingMinutesSchema];
