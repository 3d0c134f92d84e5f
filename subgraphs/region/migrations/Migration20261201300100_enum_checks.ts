import { Migration } from '@mikro-orm/migrations';

// Every enum column of region checked in the database, as the entities
// declare them (p.enum): until now only inquiry.status and capacity_post's
// side and kind were, so a status the code never writes could still be stored.
// The lists are written out: a migration keeps the values of its day.
const enums: [table: string, column: string, values: readonly string[]][] = [
  ['inquiry', 'tolerance', ['COARSE', 'MEDIUM', 'FINE', 'PRECISION']],
  ['inquiry_invitation', 'status', ['INVITED', 'VIEWED', 'DECLINED', 'QUOTED']],
  ['quote', 'status', ['SUBMITTED', 'AWARDED', 'NOT_CHOSEN']],
  ['consortium_partner', 'status', ['INVITED', 'ACCEPTED', 'DECLINED']],
  ['outbox_event', 'type', ['INVITED', 'QUOTE_RECEIVED', 'AWARDED', 'NOT_CHOSEN', 'DEADLINE_NEAR', 'CONSORTIUM_INVITED']],
  ['webhook_delivery', 'event_type', ['INVITED', 'QUOTE_RECEIVED', 'AWARDED', 'NOT_CHOSEN', 'DEADLINE_NEAR', 'CONSORTIUM_INVITED']],
  ['capacity_post', 'cad_system', ['CATIA_V5', 'SIEMENS_NX', 'SOLIDWORKS', 'CREO', 'INVENTOR']],
  ['capacity_post', 'status', ['OPEN', 'WITHDRAWN']],
  ['capacity_booking', 'status', ['REQUESTED', 'CONFIRMED', 'DECLINED', 'CANCELLED']],
  ['availability', 'status', ['LOOKING_FOR_WORK', 'NORMAL', 'AT_CAPACITY']],
];

export class Migration20261201300100_enum_checks extends Migration {
  override up(): void {
    for (const [table, column, values] of enums) {
      this.addSql(`alter table "${table}" add constraint "${table}_${column}_check" check ("${column}" in (${values.map((v) => `'${v}'`).join(', ')}));`);
    }
  }

  override down(): void {
    for (const [table, column] of enums) this.addSql(`alter table "${table}" drop constraint "${table}_${column}_check";`);
  }
}
