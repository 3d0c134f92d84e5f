import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { WorkingGroupSchema } from './working-group.entity.ts';

// A meeting of a working group, in a place or by video. yesCount is kept by a
// trigger on meeting_rsvp (Migration20261202200000_working_groups), and a check
// holds it within participantLimit: the database refuses the RSVP "yes" past
// the limit, however many arrive at once.
export const MeetingSchema = defineEntity({
  name: 'Meeting',
  tableName: 'working_group_meeting',
  extends: RandomIdBase,
  properties: {
    groupId: () => p.manyToOne(WorkingGroupSchema).mapToPk().fieldName('group_id').foreignKeyName('working_group_meeting_group_id_fkey'),
    startsAt: p.datetime(),
    place: p.string().length(200).nullable(),
    videoLink: p.string().length(500).nullable(),
    agenda: p.text(),
    participantLimit: p.integer(),
    yesCount: p.integer().default(0),
    scheduledBy: p.string().length(240),
  },
  checks: [
    { name: 'working_group_meeting_limit_check', expression: `"participant_limit" >= 1` },
    { name: 'working_group_meeting_yes_within_limit', expression: `"yes_count" >= 0 and "yes_count" <= "participant_limit"` },
    { name: 'working_group_meeting_where_check', expression: `"place" is not null or "video_link" is not null` },
  ],
  indexes: [{ name: 'working_group_meeting_group_idx', properties: ['groupId', 'startsAt'] }],
});

export type Meeting = InferEntity<typeof MeetingSchema>;
