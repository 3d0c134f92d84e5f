import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../shared/errors.ts';
import type { Identity } from '../../shared/identity.ts';
import { idempotencyKey } from '../../shared/validation.ts';

// Idempotency keys of member writes, as region keeps them for inquiries and
// capacity (subgraphs/region/idempotency.ts): scoped to the caller
// and the operation, checked and written inside the write's own transaction,
// so a key is remembered exactly when its write commits. The members live
// here, so the keys do too: a write region gave up on (no answer within its
// budget) and the network applied later is found by its retry.

/** Clients retry within minutes; a day later the same key starts a new request. */
export const idempotencyKeyHours = 24;

/** Expired keys each keyed write removes, so the table holds about a day of keys without a timer. */
const purgeBatch = 100;

export interface Idempotency {
  scope: string;
  operation: string;
  key: string;
  payloadHash: string;
}

/** The caller a key belongs to: one member, one office, or an admin by subject. */
function callerScope(identity: Identity): string {
  if (identity.role === 'member') return `member:${identity.memberId}`;
  if (identity.role === 'office') return `office:${identity.network}`;
  return `${identity.role}:${identity.subject ?? ''}`;
}

export function idempotency(identity: Identity, operation: string, key: string | null | undefined, payload: unknown): Idempotency | null {
  if (key == null) return null;
  return { scope: callerScope(identity), operation, key: idempotencyKey(key), payloadHash: createHash('sha256').update(JSON.stringify(payload)).digest('hex') };
}

/** The local id the key's first write produced, null for a new key; CONFLICT when the key came with another payload. */
export async function replayed(tx: EntityManager, i: Idempotency | null): Promise<number | null> {
  if (!i) return null;
  // A concurrent retry waits here for the first attempt's transaction, then sees its key.
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`${i.scope}\n${i.operation}\n${i.key}`]);
  const key = [i.scope, i.operation, i.key];
  const [found] = await tx.execute<{ payload_hash: string; result_id: string | number; expired: boolean }[]>(
    `select "payload_hash", "result_id", "created_at" < now() - make_interval(hours => ?) as "expired" from "idempotency_key" where "scope" = ? and "operation" = ? and "key" = ?`,
    [idempotencyKeyHours, ...key],
  );
  if (!found) return null;
  if (found.expired) {
    await tx.execute(`delete from "idempotency_key" where "scope" = ? and "operation" = ? and "key" = ?`, key);
    return null;
  }
  if (found.payload_hash !== i.payloadHash) {
    throw conflict(`idempotencyKey "${i.key.slice(0, 60)}" was already used for ${i.operation} with a different input; use a new key for a new request.`, { field: 'idempotencyKey' });
  }
  return Number(found.result_id);
}

/** Records the key with the write's result, in the write's transaction, and drops a batch of expired keys (rows another transaction holds are skipped). */
export async function remember(tx: EntityManager, i: Idempotency | null, resultId: number): Promise<void> {
  if (!i) return;
  await tx.execute(`insert into "idempotency_key" ("scope", "operation", "key", "payload_hash", "result_id") values (?, ?, ?, ?, ?)`, [i.scope, i.operation, i.key, i.payloadHash, resultId]);
  await tx.execute(
    `delete from "idempotency_key" where ctid in (select ctid from "idempotency_key" where "created_at" < now() - make_interval(hours => ?) limit ? for update skip locked)`,
    [idempotencyKeyHours, purgeBatch],
  );
}
