import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict } from '../../../shared/errors.ts';
import { IdempotencyKeySchema } from '../entities/index.ts';

// Idempotency keys, scoped to the caller and the operation. Runs inside the
// operation's transaction: an advisory lock on the key makes a concurrent
// retry wait for the first attempt and then see its result.

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
  const found = await tx.findOne(IdempotencyKeySchema, { scope: i.scope, operation: i.operation, key: i.key });
  if (!found) return null;
  if (found.payloadHash !== i.payloadHash) {
    throw conflict(`idempotencyKey "${i.key.slice(0, 60)}" was already used for ${i.operation} with a different payload; use a new key for a new request.`, { field: 'idempotencyKey' });
  }
  return found.resultId;
}

export function remember(tx: EntityManager, i: Idempotency | null, resultId: number): void {
  if (i) tx.create(IdempotencyKeySchema, { ...i, resultId });
}
