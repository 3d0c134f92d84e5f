import { Migration } from '@mikro-orm/migrations';

// Business relationships notify through the inquiries' outbox and webhooks
// (relationships/notifications.ts): two more event types. The value lists are
// written out: a migration keeps the values of its day.
const before = ['INVITED', 'QUOTE_RECEIVED', 'AWARDED', 'NOT_CHOSEN', 'DEADLINE_NEAR', 'CONSORTIUM_INVITED', 'EVENT_REGISTRATION_CONFIRMED', 'EVENT_MOVED_UP'];
const after = [...before, 'RELATIONSHIP_REQUESTED', 'RELATIONSHIP_CONFIRMED'];
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

export class Migration20261201500100_relationship_notifications extends Migration {
  override up(): void {
    setChecks(this, after);
  }

  override down(): void {
    this.addSql(`delete from "webhook_delivery" where "event_type" in ('RELATIONSHIP_REQUESTED', 'RELATIONSHIP_CONFIRMED');`);
    this.addSql(`delete from "outbox_event" where "type" in ('RELATIONSHIP_REQUESTED', 'RELATIONSHIP_CONFIRMED');`);
    setChecks(this, before);
  }
}
