import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// An event of the inquiry flow, written in the transaction of the change. It concerns one member
// (its webhooks and its network office's webhooks receive it) or, without member, one network office.
export const OutboxEventSchema = defineEntity({
  name: 'OutboxEvent',
  properties: {
    id: p.string().length(36).primary(),
    type: p.string().length(30),
    inquiryId: p.bigint('number'),
    memberId: p.string().length(40).nullable(),
    network: p.string().length(20).nullable(),
    /** The inquiry owner the event concerns (QUOTE_RECEIVED), as inquiry.ownerKey: its webhooks receive it too. */
    ownerKey: p.string().length(240).nullable(),
    payload: p.json<Record<string, unknown>>(),
    fannedOut: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type OutboxEvent = InferEntity<typeof OutboxEventSchema>;

/** Owned by a member (memberId set), a network office (memberId null), or an inquiry owner without network (partner, admin: network null). */
export const WebhookSchema = defineEntity({
  name: 'Webhook',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    memberId: p.string().length(40).nullable(),
    network: p.string().length(20).nullable(),
    /** Who registered it for whom, as inquiry.ownerKey: member:NIWE:m-1, office:NIWE, partner:<sub>, admin:<sub>. */
    ownerKey: p.string().length(240),
    url: p.string().length(2000),
    events: p.array(),
    /** Sealed with region's webhook key (inquiries/webhook-secrets.ts), never stored in plain text. */
    secret: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Webhook = InferEntity<typeof WebhookSchema>;

export const WebhookDeliverySchema = defineEntity({
  name: 'WebhookDelivery',
  properties: {
    id: p.integer().primary().autoincrement(),
    webhookId: p.bigint('number'),
    eventId: p.string().length(36),
    eventType: p.string().length(30),
    attempts: p.integer().default(0),
    lastStatus: p.integer().nullable(),
    lastError: p.string().length(300).nullable(),
    nextAttemptAt: p.datetime().nullable(),
    deliveredAt: p.datetime().nullable(),
  },
});

export type WebhookDelivery = InferEntity<typeof WebhookDeliverySchema>;
