import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// A client's idempotency key for one operation, scoped to the caller, with the hash of the payload it first came with.
export const IdempotencyKeySchema = defineEntity({
  name: 'IdempotencyKey',
  properties: {
    scope: p.string().length(240).primary(),
    operation: p.string().length(40).primary(),
    key: p.string().length(200).primary(),
    payloadHash: p.string().length(64),
    resultId: p.bigint('number'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  // Keys older than idempotencyKeyHours are purged by age.
  indexes: [{ name: 'idempotency_key_created_at_index', properties: ['createdAt'] }],
});

export type IdempotencyKey = InferEntity<typeof IdempotencyKeySchema>;
