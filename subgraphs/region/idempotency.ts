import type { EntityManager } from '@mikro-orm/postgresql';
import { idempotencyKeyHours, idempotencyRequest, type Idempotency } from '../../shared/idempotency.ts';
import type { Identity } from '../../shared/identity.ts';
import { callerKey } from './access.ts';
import { IdempotencyKeySchema } from './idempotency-key.entity.ts';

// Region's idempotency keys (shared/idempotency.ts checks, hashes and replays
// them): the inquiry flow's and the capacity exchange's writes, scoped to the
// caller as it owns inquiries (access.ts callerKey). Expired keys are deleted by
// the outbox dispatcher (purgeExpiredKeys).

/** The caller's key for one write, or null without one. */
export function idempotency(identity: Identity, operation: string, key: string | null | undefined, payload: unknown): Idempotency | null {
  return idempotencyRequest(callerKey(identity), operation, key, payload);
}

/** Records the key with the id its write produced, in the write's transaction. */
export function remember(tx: EntityManager, i: Idempotency | null, resultId: number): void {
  if (i) tx.create(IdempotencyKeySchema, { ...i, resultId });
}

/** Deletes the keys older than idempotencyKeyHours; returns how many. */
export async function purgeExpiredKeys(em: EntityManager): Promise<number> {
  const sql = `delete from "idempotency_key" where "created_at" < now() - make_interval(hours => ?)`;
  const { affectedRows } = await em.getConnection().execute<{ affectedRows: number }>(sql, [idempotencyKeyHours], 'run');
  return affectedRows;
}
