import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { eventTypes, OutboxEventSchema } from './outbox-event.entity.ts';
import { WebhookSchema } from './webhook.entity.ts';

// One event's delivery to one webhook, retried with backoff until it succeeds or runs out of attempts.
export const WebhookDeliverySchema = defineEntity({
  name: 'WebhookDelivery',
  properties: {
    id: p.integer().primary().autoincrement(),
    webhook: () => p.manyToOne(WebhookSchema).ref().foreignKeyName('webhook_delivery_webhook_id_fkey').deleteRule('cascade'),
    event: () => p.manyToOne(OutboxEventSchema).ref().foreignKeyName('webhook_delivery_event_id_fkey'),
    eventType: p.enum(eventTypes).columnType('varchar(30)'),
    attempts: p.integer().default(0),
    lastStatus: p.integer().nullable(),
    lastError: p.string().length(300).nullable(),
    nextAttemptAt: p.datetime().nullable(),
    deliveredAt: p.datetime().nullable(),
  },
  uniques: [{ name: 'webhook_delivery_webhook_id_event_id_key', properties: ['webhook', 'event'] }],
  indexes: [{ name: 'webhook_delivery_due_idx', properties: ['nextAttemptAt'], where: '"delivered_at" is null' }],
});

export type WebhookDelivery = InferEntity<typeof WebhookDeliverySchema>;
