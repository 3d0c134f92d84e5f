import { Migration } from '@mikro-orm/migrations';
import { addNewsCorrections, dropNewsCorrections } from '../../../shared/news/migration.ts';

// Admin corrects or withdraws a region-wide item (shared/news/items.ts updateNews, withdrawNews), and the
// registrants of any event hear of it: EVENT_CHANGED (its time or place moved) and EVENT_WITHDRAWN (their
// registration ended with it). The value lists are written out: a migration keeps the values of its day.
const addedEvents = ['EVENT_CHANGED', 'EVENT_WITHDRAWN'];
const eventsBefore = [
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
];

function setCheck(migration: Migration, table: string, column: string, values: string[]): void {
  migration.addSql(`alter table "${table}" drop constraint "${table}_${column}_check";`);
  migration.addSql(`alter table "${table}" add constraint "${table}_${column}_check" check ("${column}" in (${values.map((v) => `'${v}'`).join(', ')}));`);
}

export class Migration20261211000000_news_corrections extends Migration {
  override up(): void {
    for (const sql of addNewsCorrections) this.addSql(sql);
    setCheck(this, 'outbox_event', 'type', [...eventsBefore, ...addedEvents]);
    setCheck(this, 'webhook_delivery', 'event_type', [...eventsBefore, ...addedEvents]);
  }

  override down(): void {
    const list = addedEvents.map((v) => `'${v}'`).join(', ');
    this.addSql(`delete from "webhook_delivery" where "event_type" in (${list});`);
    this.addSql(`delete from "outbox_event" where "type" in (${list});`);
    setCheck(this, 'outbox_event', 'type', eventsBefore);
    setCheck(this, 'webhook_delivery', 'event_type', eventsBefore);
    for (const sql of dropNewsCorrections) this.addSql(sql);
  }
}
