import { Migration } from '@mikro-orm/migrations';

// The inquiry lifecycle's missing steps: an owner extends an open inquiry's quote deadline (its bidders hear
// DEADLINE_EXTENDED), and a bidder withdraws its quote (status WITHDRAWN; the owner hears QUOTE_WITHDRAWN).
// The value lists are written out: a migration keeps the values of its day.
const addedEvents = ['DEADLINE_EXTENDED', 'QUOTE_WITHDRAWN'];
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
];
const quoteStatusesBefore = ['SUBMITTED', 'AWARDED', 'NOT_CHOSEN'];

function setCheck(migration: Migration, table: string, column: string, values: string[]): void {
  migration.addSql(`alter table "${table}" drop constraint "${table}_${column}_check";`);
  migration.addSql(`alter table "${table}" add constraint "${table}_${column}_check" check ("${column}" in (${values.map((v) => `'${v}'`).join(', ')}));`);
}

export class Migration20261208000000_inquiry_lifecycle extends Migration {
  override up(): void {
    setCheck(this, 'outbox_event', 'type', [...eventsBefore, ...addedEvents]);
    setCheck(this, 'webhook_delivery', 'event_type', [...eventsBefore, ...addedEvents]);
    setCheck(this, 'quote', 'status', [...quoteStatusesBefore, 'WITHDRAWN']);
  }

  override down(): void {
    const list = addedEvents.map((v) => `'${v}'`).join(', ');
    this.addSql(`delete from "webhook_delivery" where "event_type" in (${list});`);
    this.addSql(`delete from "outbox_event" where "type" in (${list});`);
    setCheck(this, 'outbox_event', 'type', eventsBefore);
    setCheck(this, 'webhook_delivery', 'event_type', eventsBefore);
    // A withdrawn quote had no status before: it reads as one not chosen, which is never awarded.
    this.addSql(`update "quote" set "status" = 'NOT_CHOSEN' where "status" = 'WITHDRAWN';`);
    setCheck(this, 'quote', 'status', quoteStatusesBefore);
  }
}
