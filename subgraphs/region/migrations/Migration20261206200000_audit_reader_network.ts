import { Migration } from '@mikro-orm/migrations';

/**
 * The entries written before about a registration of another network's member for a joint booth: its organiser
 * reads them too, as it reads those written from now on (trade-fairs/registrations.ts auditRegistration).
 */
export const organisersOfBoothEntries = `update "audit_entry" a set "reader_network" = b."organiser_network"
  from "booth_registration" r join "joint_booth" b on b."id" = r."booth_id"
  where a."target" = 'br-' || r."id" and a."reader_network" is null and b."organiser_network" is distinct from a."network";`;

// A second network whose office reads an audit entry (members/audit-entry.entity.ts readerNetwork): the organiser
// of the joint booth a registration of another network's member is for.
export class Migration20261206200000_audit_reader_network extends Migration {
  override up(): void {
    this.addSql(`alter table "audit_entry" add column "reader_network" varchar(20) null;`);
    this.addSql(`create index "audit_entry_reader_network_idx" on "audit_entry" ("reader_network", "id");`);
    this.addSql(organisersOfBoothEntries);
  }

  override down(): void {
    this.addSql(`drop index "audit_entry_reader_network_idx";`);
    this.addSql(`alter table "audit_entry" drop column "reader_network";`);
  }
}
