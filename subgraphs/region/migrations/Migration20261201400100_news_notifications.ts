import { Migration } from '@mikro-orm/migrations';

// Event registrations notify through the inquiries' outbox and webhooks
// (news/notifications.ts): two more event types, and outbox events that
// concern no inquiry. The value lists are written out: a migration keeps the
// values of its day.
const before = ['INVITED', 'QUOTE_RECEIVED', 'AWARDED', 'NOT_CHOSEN', 'DEADLINE_NEAR', 'CONSORTIUM_INVITED'];
const after = [...before, 'EVENT_REGISTRATION_CONFIRMED', 'EVENT_MOVED_UP'];
const checked: [table: string, column: string][] = [
  ['outbox_event', 'type'],
  ['webhook_delivery', 'event_type'],
];

function setChecks(migration: Migration, values: string[]): void {
  for (const [table, column] of checked) {
    migration.addSql(`alter table "${table}" drop constraint "${table}_${column}_check";`);
    migration.addSql(`alter table "${table}" add constraint "${table}_${column}_check" check ("${column}" in (${values.map((v) => `'${v}'`).join(', ')}));`);
  }
}

export class Migration20261201400100_news_notifications extends Migration {
  override up(): void {
    setChecks(this, after);
    this.addSql(`alter table "outbox_event" alter column "inquiry_id" drop not null;`);
  }

  override down(): void {
    this.addSql(`delete from "outbox_event" where "type" in ('EVENT_REGISTRATION_CONFIRMED', 'EVENT_MOVED_UP');`);
    this.addSql(`alter table "outbox_event" alter column "inquiry_id" set not null;`);
    setChecks(this, before);
  }
}
