import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../shared/identity.ts';
import { idempotencyKeyHours, idempotencyRequest, type Idempotency } from '../../shared/idempotency.ts';

// Idempotency keys of member writes (shared/idempotency.ts), as region keeps
// them for inquiries and capacity: checked and written inside the write's own
// transaction, so a key is remembered exactly when its write commits. The
// members live here, so the keys do too: a write region gave up on (no answer
// within its budget) and the network applied later is found by its retry.

/** Expired keys each keyed write removes, so the table holds about a day of keys without a timer. */
const purgeBatch = 100;

/** The caller a key belongs to: one member, one office, or an admin by subject. */
function callerScope(identity: Identity): string {
  if (identity.role === 'member') return `member:${identity.memberId}`;
  if (identity.role === 'office') return `office:${identity.network}`;
  return `${identity.role}:${identity.subject ?? ''}`;
}

export function idempotency(identity: Identity, operation: string, key: string | null | undefined, payload: unknown): Idempotency | null {
  return idempotencyRequest(callerScope(identity), operation, key, payload);
}

/** Records the key with the write's result, in the write's transaction, and drops a batch of expired keys (rows another transaction holds are skipped). */
export async function remember(tx: EntityManager, i: Idempotency | null, resultId: number): Promise<void> {
  if (!i) return;
  await tx.execute(`insert into "idempotency_key" ("scope", "operation", "key", "payload_hash", "result_id") values (?, ?, ?, ?, ?)`, [
    i.scope,
    i.operation,
    i.key,
    i.payloadHash,
    resultId,
  ]);
  await tx.execute(
    `delete from "idempotency_key" where ctid in (select ctid from "idempotency_key" where "created_at" < now() - make_interval(hours => ?) limit ? for update skip locked)`,
    [idempotencyKeyHours, purgeBatch],
  );
}
