import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const eventTypes = [
  'INVITED',
  'QUOTE_RECEIVED',
  'AWARDED',
  'NOT_CHOSEN',
  'DEADLINE_NEAR',
  'CONSORTIUM_INVITED',
  'EVENT_REGISTRATION_CONFIRMED',
  'EVENT_MOVED_UP',
  'RELATIONSHIP_REQUESTED',
  'RELATIONSHIP_CONFIRMED',
  'WORKING_GROUP_INVITED',
  'MEETING_SCHEDULED',
  'BOOTH_REGISTRATION_CONFIRMED',
  'DEADLINE_EXTENDED',
  'QUOTE_WITHDRAWN',
  'EVENT_CHANGED',
  'EVENT_WITHDRAWN',
] as const;
export type EventType = (typeof eventTypes)[number];

// An event of the inquiry flow, written in the transaction of the change. It concerns one member
// (its webhooks and its network office's webhooks receive it) or, without member, one network office.
export const OutboxEventSchema = defineEntity({
  name: 'OutboxEvent',
  properties: {
    id: p.string().length(36).primary(),
    type: p.enum(eventTypes).columnType('varchar(30)'),
    /** The inquiry the event concerns; null for events of other modules (news/notifications.ts). */
    inquiryId: p.bigint('number').nullable(),
    memberId: p.string().length(40).nullable(),
    network: p.string().length(20).nullable(),
    /** The inquiry owner the event concerns (QUOTE_RECEIVED, QUOTE_WITHDRAWN), as inquiry.ownerKey: its webhooks receive it too. */
    ownerKey: p.string().length(240).nullable(),
    payload: p.json<Record<string, unknown>>(),
    fannedOut: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  // The dispatcher's queue: events not yet fanned out to webhooks, oldest first.
  indexes: [{ name: 'outbox_event_pending_idx', properties: ['createdAt'], where: 'not "fanned_out"' }],
});

export type OutboxEvent = InferEntity<typeof OutboxEventSchema>;
