import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';

/** Owned by a member (memberId set), a network office (memberId null), or an inquiry owner without network (partner, admin: network null). */
export const WebhookSchema = defineEntity({
  name: 'Webhook',
  extends: RandomIdBase,
  properties: {
    memberId: p.string().length(40).nullable(),
    network: p.string().length(20).nullable(),
    /** Who registered it for whom, as inquiry.ownerKey: member:NIWE:m-1, office:NIWE, partner:<sub>, admin:<sub>. */
    ownerKey: p.string().length(240),
    url: p.string().length(2000),
    events: p.array(),
    /** Sealed with region's webhook key (inquiries/webhook-secrets.ts), never stored in plain text. */
    secret: p.string().length(200),
  },
  indexes: [{ name: 'webhook_owner_key_idx', properties: ['ownerKey'] }],
});

export type Webhook = InferEntity<typeof WebhookSchema>;
