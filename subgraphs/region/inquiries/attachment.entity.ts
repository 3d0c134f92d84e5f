import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { InquirySchema } from './inquiry.entity.ts';

// A drawing or document of an inquiry; the file lies in the attachment store under storageName.
export const AttachmentSchema = defineEntity({
  name: 'Attachment',
  tableName: 'inquiry_attachment',
  extends: RandomIdBase,
  properties: {
    inquiry: () => p.manyToOne(InquirySchema).ref().foreignKeyName('inquiry_attachment_inquiry_id_fkey'),
    fileName: p.string().length(200),
    contentType: p.string().length(100),
    size: p.integer(),
    sha256: p.string().length(64),
    storageName: p.string().length(100).unique('inquiry_attachment_storage_name_key'),
    uploadedBy: p.string().length(240),
  },
  indexes: [{ name: 'inquiry_attachment_inquiry_idx', properties: ['inquiry'] }],
});

export type Attachment = InferEntity<typeof AttachmentSchema>;
