import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { MeetingSchema } from './meeting.entity.ts';

// The minutes of a meeting, a PDF in region's attachment store under
// storageName (like an inquiry's drawings). The lead may upload a corrected
// version, which replaces the row and its file (minutes.ts upload, under a lock
// per meeting): a meeting has one, however often it is sent.
export const MeetingMinutesSchema = defineEntity({
  name: 'MeetingMinutes',
  extends: RandomIdBase,
  properties: {
    meetingId: () => p.manyToOne(MeetingSchema).mapToPk().fieldName('meeting_id').foreignKeyName('meeting_minutes_meeting_id_fkey'),
    fileName: p.string().length(200),
    contentType: p.string().length(100),
    size: p.integer(),
    sha256: p.string().length(64),
    storageName: p.string().length(100).unique('meeting_minutes_storage_name_key'),
    uploadedBy: p.string().length(240),
  },
  indexes: [{ name: 'meeting_minutes_meeting_idx', properties: ['meetingId', 'createdAt'] }],
});

export type MeetingMinutes = InferEntity<typeof MeetingMinutesSchema>;
