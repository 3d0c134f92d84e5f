import { Migration } from '@mikro-orm/migrations';

// Working groups (invitations, meetings) and the joint trade-fair booth notify
// through the outbox and webhooks: three more event types, added in one
// migration so the two modules, built side by side, do not each rewrite the
// list. The value lists are written out: a migration keeps the values of its day.
const added = ['WORKING_GROUP_INVITED', 'MEETING_SCHEDULED', 'BOOTH_REGISTRATION_CONFIRMED'];
const before = [
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
];
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

export class Migration20261202000000_cooperation_notifications extends Migration {
  override up(): void {
    setChecks(this, [...before, ...added]);
  }

  override down(): void {
    const list = added.map((v) => `'${v}'`).join(', ');
    this.addSql(`delete from "webhook_delivery" where "event_type" in (${list});`);
    this.addSql(`delete from "outbox_event" where "type" in (${list});`);
    setChecks(this, before);
  }
}
