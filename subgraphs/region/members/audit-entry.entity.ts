import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { AuditEntryBase } from '../../../shared/audit.ts';

// One write to region's own data (API keys, webhooks), recorded in the write's own transaction.
// Member writes are audited in the owning network's database instead (subgraphs/network/audit.ts).
export const RegionAuditEntrySchema = defineEntity({
  name: 'RegionAuditEntry',
  tableName: 'audit_entry',
  extends: AuditEntryBase,
  properties: {
    /** What was written, as the API names it: k-3 (API key), wh-… (webhook). */
    target: p.string().length(60),
    /** The network the record belongs to (its office reads the entry), null for region-wide records such as API keys. */
    network: p.string().length(20).nullable(),
    /**
     * A second network whose office reads the entry: the one that organises the joint booth a registration of
     * another network's member is for, so it reads its own decisions. One entry, so admin reads it once.
     */
    readerNetwork: p.string().length(20).nullable(),
  },
  // An office reads the entries about its network, newest first; the second index for those it reads as their reader.
  indexes: [
    { name: 'audit_entry_network_idx', properties: ['network', 'id'] },
    { name: 'audit_entry_reader_network_idx', properties: ['readerNetwork', 'id'] },
  ],
});

export type RegionAuditEntry = InferEntity<typeof RegionAuditEntrySchema>;
