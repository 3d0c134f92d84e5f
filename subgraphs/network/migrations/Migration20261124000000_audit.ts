import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000000_audit extends Migration {
  override up(): void {
    this.addSql(`create table "audit_entry" (
      "id" serial primary key,
      "at" timestamptz not null,
      "subject" varchar(200) null,
      "role" varchar(20) not null,
      "actor_network" varchar(20) null,
      "action" varchar(40) not null,
      "target" varchar(40) not null,
      "before" jsonb null,
      "after" jsonb null);`);
  }

  override down(): void {
    this.addSql(`drop table if exists "audit_entry";`);
  }
}
