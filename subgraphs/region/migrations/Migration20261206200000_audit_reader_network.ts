import { Migration } from '@mikro-orm/migrations';

// A second network whose office reads an audit entry (members/audit-entry.entity.ts readerNetwork): the organiser
// of the joint booth a registration of another network's member is for. Entries written before name none.
export class Migration20261206200000_audit_reader_network extends Migration {
  override up(): void {
    this.addSql(`alter table "audit_entry" add column "reader_network" varchar(20) null;`);
    this.addSql(`create index "audit_entry_reader_network_idx" on "audit_entry" ("reader_network", "id");`);
  }

  override down(): void {
    this.addSql(`drop index "audit_entry_reader_network_idx";`);
    this.addSql(`alter table "audit_entry" drop column "reader_network";`);
  }
}
