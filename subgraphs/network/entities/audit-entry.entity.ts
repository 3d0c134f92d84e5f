import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { AuditEntryBase } from '../../../shared/audit.ts';

// One write to the network's data, recorded in the write's own transaction.
export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  extends: AuditEntryBase,
  properties: {
    /** Local reference of what was written: m-12 (member), c-5 (contact person); the network code is added when read. */
    target: p.string().length(40),
  },
});

export type AuditEntry = InferEntity<typeof AuditEntrySchema>;
