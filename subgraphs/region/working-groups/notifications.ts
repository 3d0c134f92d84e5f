import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEventSchema } from '../inquiries/entities.ts';
import type { EventType } from '../inquiries/outbox-event.entity.ts';
import type { Meeting, WorkingGroup, WorkingGroupMembership } from './entities.ts';
import { groupIds, meetingIds, membershipIds } from './ids.ts';

// Working groups notify through region's outbox, so the inquiries' webhooks and
// dispatcher deliver them to the member's webhooks and its network office's:
// an invitation to the member invited (WORKING_GROUP_INVITED), a new meeting to
// each active member (MEETING_SCHEDULED). Each event is written in the change's
// own transaction (the flush that follows), so it exists exactly when the change does.
// The agenda and video link stay out of the payload: they are for the group's
// members, and a webhook may belong to an office; the meeting's id leads to them.

function emit(em: EntityManager, type: EventType, membership: Pick<WorkingGroupMembership, 'memberId' | 'network'>, payload: Record<string, unknown>): void {
  em.create(OutboxEventSchema, {
    id: randomUUID(),
    type,
    inquiryId: null,
    memberId: membership.memberId,
    network: membership.network,
    ownerKey: null,
    payload,
    fannedOut: false,
  });
}

export function notifyInvited(em: EntityManager, group: WorkingGroup, membership: WorkingGroupMembership): void {
  emit(em, 'WORKING_GROUP_INVITED', membership, {
    workingGroupId: groupIds.format(group.id),
    topic: group.topic,
    membershipId: membershipIds.format(membership.id),
    memberId: membership.memberId,
  });
}

export function notifyMeetingScheduled(em: EntityManager, group: WorkingGroup, meeting: Meeting, members: readonly WorkingGroupMembership[]): void {
  for (const member of members) {
    emit(em, 'MEETING_SCHEDULED', member, {
      workingGroupId: groupIds.format(group.id),
      topic: group.topic,
      meetingId: meetingIds.format(meeting.id),
      startsAt: meeting.startsAt.toISOString(),
      place: meeting.place ?? null,
      memberId: member.memberId,
    });
  }
}
