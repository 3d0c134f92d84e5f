import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// A drawing or document of an inquiry; the file lies in the attachment store under storageName.
export const AttachmentSchema = defineEntity({
  name: 'Attachment',
  tableName: 'inquiry_attachment',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    inquiryId: p.bigint('number'),
    fileName: p.string().length(200),
    contentType: p.string().length(100),
    size: p.integer(),
    sha256: p.string().length(64),
    storageName: p.string().length(100),
    uploadedBy: p.string().length(240),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Attachment = InferEntity<typeof AttachmentSchema>;
