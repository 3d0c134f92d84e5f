import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// News and events, one shape in two kinds of database: each network's office
// publishes for its members in the network's database, region publishes
// region-wide ones in its own. Both register the same two entities and run
// the same migration SQL (migration.ts), so the feed and the registration
// rules are written once (feed.ts, registrations.ts).

export const newsKinds = ['NEWS', 'EVENT'] as const;
export type NewsKind = (typeof newsKinds)[number];
export const visibilities = ['PUBLIC', 'MEMBERS'] as const;
export type Visibility = (typeof visibilities)[number];
export const registrationStatuses = ['REGISTERED', 'WAITING', 'CANCELLED'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const NewsItemSchema = defineEntity({
  name: 'NewsItem',
  properties: {
    id: p.integer().primary().autoincrement(),
    kind: p.enum(newsKinds).columnType('varchar(10)'),
    title: p.string().length(200),
    text: p.text(),
    visibility: p.enum(visibilities).columnType('varchar(10)'),
    /** The feed's order, newest first; milliseconds, as JavaScript writes them, so a cursor holds it exactly. */
    publishedAt: p.datetime().onCreate(() => new Date()),
    publishedBy: p.string().length(200).nullable(),
    startsAt: p.datetime().nullable(),
    endsAt: p.datetime().nullable(),
    place: p.string().length(200).nullable(),
    /** Places of an event; null takes everyone who registers. */
    registrationLimit: p.integer().nullable(),
    registrationDeadline: p.datetime().nullable(),
    /** When its publisher last corrected it (updateNews); null while as published. */
    updatedAt: p.datetime().nullable(),
    /** When its publisher withdrew it (withdrawNews): out of the feed; read by id, it says so. */
    withdrawnAt: p.datetime().nullable(),
  },
  checks: [
    { name: 'news_item_registration_limit_check', expression: `"registration_limit" > 0` },
    { name: 'news_item_event_check', expression: `"kind" = 'NEWS' or "starts_at" is not null` },
  ],
  indexes: [{ name: 'news_item_feed_idx', properties: ['publishedAt', 'id'] }],
});

export const EventRegistrationSchema = defineEntity({
  name: 'EventRegistration',
  properties: {
    id: p.integer().primary().autoincrement(),
    event: () => p.manyToOne(NewsItemSchema).deleteRule('cascade').foreignKeyName('event_registration_event_id_fkey'),
    /** The registering member's global id (NIWE:m-42). */
    memberId: p.string().length(40),
    participant: p.string().length(200),
    email: p.string().length(254),
    status: p.enum(registrationStatuses).columnType('varchar(20)'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [
    { name: 'event_registration_event_idx', properties: ['event', 'status', 'id'] },
    // One active registration per person and event: registering twice is refused by the database, also when two requests race.
    {
      name: 'event_registration_active_email_idx',
      expression: `create unique index "event_registration_active_email_idx" on "event_registration" ("event_id", lower("email")) where "status" <> 'CANCELLED'`,
    },
  ],
});

export type NewsItem = InferEntity<typeof NewsItemSchema>;
export type EventRegistration = InferEntity<typeof EventRegistrationSchema>;
export const newsEntities = [NewsItemSchema, EventRegistrationSchema];
