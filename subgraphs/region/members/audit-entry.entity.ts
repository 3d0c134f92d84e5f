import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// One write to region's own data (API keys, webhooks), recorded in the write's own transaction.
// Member writes are audited in the owning network's database instead (subgraphs/network/audit.ts).
export const RegionAuditEntrySchema = defineEntity({
  name: 'RegionAuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.integer().primary().autoincrement(),
    at: p.datetime().onCreate(() => new Date()),
    subject: p.string().length(200).nullable(),
    role: p.string().length(20),
    /** The network of an office or member caller. */
    actorNetwork: p.string().length(20).nullable(),
    action: p.string().length(40),
    /** What was written, as the API names it: k-3 (API key), wh-… (webhook). */
    target: p.string().length(60),
    /** The network the record belongs to (its office reads the entry), null for region-wide records such as API keys. */
    network: p.string().length(20).nullable(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
  },
  // An office reads the entries about its network, newest first.
  indexes: [{ name: 'audit_entry_network_idx', properties: ['network', 'id'] }],
});

export type RegionAuditEntry = InferEntity<typeof RegionAuditEntrySchema>;
