import { Migration } from '@mikro-orm/migrations';

// Region's own audit log: admin actions on API keys and webhooks, like the networks' log of member writes.
export class Migration20261201100000_region_audit extends Migration {
  override up(): void {
    this.addSql(`create table "audit_entry" (
      "id" serial primary key,
      "at" timestamptz not null,
      "subject" varchar(200) null,
      "role" varchar(20) not null,
      "actor_network" varchar(20) null,
      "action" varchar(40) not null,
      "target" varchar(60) not null,
      "network" varchar(20) null,
      "before" jsonb null,
      "after" jsonb null);`);
    this.addSql(`create index "audit_entry_network_idx" on "audit_entry" ("network", "id");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "audit_entry";`);
  }
}
