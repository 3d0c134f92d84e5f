import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { MeetingSchema } from './meeting.entity.ts';

export const rsvpAnswers = ['YES', 'NO', 'MAYBE'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

// A member's answer to a meeting's invitation; one per member and meeting, changed by answering again.
export const MeetingRsvpSchema = defineEntity({
  name: 'MeetingRsvp',
  extends: RandomIdBase,
  properties: {
    meetingId: () => p.manyToOne(MeetingSchema).mapToPk().fieldName('meeting_id').foreignKeyName('meeting_rsvp_meeting_id_fkey'),
    memberId: p.string().length(40),
    answer: p.enum(rsvpAnswers).columnType('varchar(10)'),
    answeredAt: p.datetime(),
  },
  uniques: [{ name: 'meeting_rsvp_member_key', properties: ['meetingId', 'memberId'] }],
});

export type MeetingRsvp = InferEntity<typeof MeetingRsvpSchema>;
