import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from './errors.ts';
import { idempotencyKey } from './validation.ts';

// Idempotency keys, as every service that takes them keeps them: scoped to the
// caller and the operation, looked up inside the write's own transaction in a
// table "idempotency_key" (scope, operation, key, payload_hash, result_id,
// created_at). An advisory lock on the key makes a concurrent retry wait for the
// first attempt's transaction and then see its result.

/** Clients retry within minutes; a day later the same key starts a new request and the table stays small. */
export const idempotencyKeyHours = 24;

export interface Idempotency {
  scope: string;
  operation: string;
  key: string;
  payloadHash: string;
}

/** The key of one request, checked, with the hash of its payload; null without a key. */
export function idempotencyRequest(scope: string, operation: string, key: string | null | undefined, payload: unknown): Idempotency | null {
  if (key == null) return null;
  return { scope, operation, key: idempotencyKey(key), payloadHash: createHash('sha256').update(JSON.stringify(payload)).digest('hex') };
}

/** The id the key's first write produced, null for a new (or expired) key; CONFLICT when the key came with another payload. */
export async function replayed(tx: EntityManager, i: Idempotency | null): Promise<number | null> {
  if (!i) return null;
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`${i.scope}\n${i.operation}\n${i.key}`]);
  const key = [i.scope, i.operation, i.key];
  const [found] = await tx.execute<{ payload_hash: string; result_id: string | number; expired: boolean }[]>(
    `select "payload_hash", "result_id", "created_at" < now() - make_interval(hours => ?) as "expired" from "idempotency_key" where "scope" = ? and "operation" = ? and "key" = ?`,
    [idempotencyKeyHours, ...key],
  );
  if (!found) return null;
  if (found.expired) {
    // Forgotten: this request starts anew, and the write records the key again.
    await tx.execute(`delete from "idempotency_key" where "scope" = ? and "operation" = ? and "key" = ?`, key);
    return null;
  }
  if (found.payload_hash !== i.payloadHash) {
    throw conflict(
      `idempotencyKey "${i.key.slice(0, 60)}" was already used for ${i.operation} with a different input; use a new key for a new request.`,
      { reason: 'KEY_REUSED' },
      {
        field: 'idempotencyKey',
      },
    );
  }
  // A bigint column: the driver hands it over as a string.
  return Number(found.result_id);
}
