import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// One write to the network's data, recorded in the write's own transaction.
export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  properties: {
    id: p.integer().primary().autoincrement(),
    at: p.datetime().onCreate(() => new Date()),
    subject: p.string().length(200).nullable(),
    role: p.string().length(20),
    /** The network of an office or member caller. */
    actorNetwork: p.string().length(20).nullable(),
    action: p.string().length(40),
    /** Local reference of what was written: m-12 (member), c-5 (contact person); the network code is added when read. */
    target: p.string().length(40),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
  },
});

export type AuditEntry = InferEntity<typeof AuditEntrySchema>;
