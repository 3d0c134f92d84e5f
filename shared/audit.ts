import { defineEntity, p } from '@mikro-orm/core';
import type { Identity } from './identity.ts';

// Each network and region keep an audit log of the writes to their own data (a network's members; region's
// API keys, webhooks and other records) in their own database, written in the write's own transaction.
// What the two logs share is here: the columns, how an entry is made, how its records are shown.

/** The columns of both audit_entry tables; each service's entity adds its target (and region the record's network). */
export const AuditEntryBase = defineEntity({
  name: 'AuditEntryBase',
  abstract: true,
  properties: {
    id: p.integer().primary().autoincrement(),
    at: p.datetime().onCreate(() => new Date()),
    subject: p.string().length(200).nullable(),
    role: p.string().length(20),
    /** The network of an office or member caller. */
    actorNetwork: p.string().length(20).nullable(),
    action: p.string().length(40),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
  },
});

/** One write: what was done to which record, and the record before and after (null where it did not exist). */
export interface AuditChange {
  action: string;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** An entry's fields for the caller `actor` and one change, to be created in the write's transaction. */
export function auditFields(actor: Identity, change: AuditChange) {
  // A partner's token names its organisation as subject and the key it was exchanged for beside it: the entry names
  // the key (AuditEntry.subject, "the API key's id for a partner"), so the log says which of an organisation's keys
  // wrote, and region's AuditEntry.actor finds it; entries named only the organisation, actor null.
  const subject = actor.apiKeyId ?? actor.subject ?? null;
  return { subject, role: actor.role, actorNetwork: actor.network ?? null, ...change, at: new Date() };
}

/** A record before or after, as the API gives it: a JSON string, or null. */
export function auditRecord(record: Record<string, unknown> | null | undefined): string | null {
  return record == null ? null : JSON.stringify(record);
}
