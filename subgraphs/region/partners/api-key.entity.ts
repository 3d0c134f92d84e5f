import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';

// A partner's API key. Only its sha256 is stored; the prefix lets people tell keys apart.
export const ApiKeySchema = defineEntity({
  name: 'ApiKey',
  extends: RandomIdBase,
  properties: {
    partner: p.string().length(200),
    name: p.string().length(200),
    prefix: p.string().length(12),
    hash: p.string().length(64).unique('api_key_hash_key'),
    /** The partner may send only operations of the persisted-operation manifest. */
    safelist: p.boolean().default(false),
    createdBy: p.string().length(200).nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

export type ApiKey = InferEntity<typeof ApiKeySchema>;
