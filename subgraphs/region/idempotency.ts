import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict } from '../../shared/errors.ts';
import { IdempotencyKeySchema } from './idempotency-key.entity.ts';

// Idempotency keys, scoped to the caller and the operation. Runs inside the
// operation's transaction: an advisory lock on the key makes a concurrent
// retry wait for the first attempt and then see its result. A key answers
// retries for a day (clients retry within minutes); after that it is
// forgotten, so the same key starts a new request and the table stays small
// (the outbox dispatcher deletes expired keys: purgeExpiredKeys).

export const idempotencyKeyHours = 24;

const expired = `"created_at" < now() - make_interval(hours => ?)`;

export interface Idempotency {
  scope: string;
  operation: string;
  key: string;
  payloadHash: string;
}

export function idempotency(scope: string, operation: string, key: string | null | undefined, payload: unknown): Idempotency | null {
  if (key == null) return null;
  if (key.trim() === '' || key.length > 200) throw badInput('idempotencyKey', 'idempotencyKey must be 1 to 200 characters, for example a UUID.');
  return { scope, operation, key, payloadHash: createHash('sha256').update(JSON.stringify(payload)).digest('hex') };
}

/** The id of the first result for this key and payload, null for a new key; CONFLICT when the key came with another payload. */
export async function replayed(tx: EntityManager, i: Idempotency | null): Promise<number | null> {
  if (!i) return null;
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`${i.scope}\n${i.operation}\n${i.key}`]);
  const key = [i.scope, i.operation, i.key];
  const [found] = await tx.execute<{ payload_hash: string; result_id: string | number; expired: boolean }[]>(
    `select "payload_hash", "result_id", ${expired} as "expired" from "idempotency_key" where "scope" = ? and "operation" = ? and "key" = ?`,
    [idempotencyKeyHours, ...key],
  );
  if (!found) return null;
  if (found.expired) {
    // Forgotten: this request starts anew, and remember() writes the key again.
    await tx.execute(`delete from "idempotency_key" where "scope" = ? and "operation" = ? and "key" = ?`, key);
    return null;
  }
  if (found.payload_hash !== i.payloadHash) {
    throw conflict(`idempotencyKey "${i.key.slice(0, 60)}" was already used for ${i.operation} with a different payload; use a new key for a new request.`, { field: 'idempotencyKey' });
  }
  // A bigint column: the driver hands it over as a string.
  return Number(found.result_id);
}

/** Deletes the keys older than idempotencyKeyHours; returns how many. */
export async function purgeExpiredKeys(em: EntityManager): Promise<number> {
  const { affectedRows } = await em.getConnection().execute<{ affectedRows: number }>(`delete from "idempotency_key" where ${expired}`, [idempotencyKeyHours], 'run');
  return affectedRows;
}

export function remember(tx: EntityManager, i: Idempotency | null, resultId: number): void {
  if (i) tx.create(IdempotencyKeySchema, { ...i, resultId });
}
