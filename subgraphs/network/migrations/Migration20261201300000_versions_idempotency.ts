import { Migration } from '@mikro-orm/migrations';

// Optimistic locking of members (version, raised by every write to a member)
// and the network's idempotency keys, written in the transaction of the write
// they answer for (idempotency.ts).
export class Migration20261201300000_versions_idempotency extends Migration {
  override up(): void {
    this.addSql(`alter table "member" add column "version" int not null default 1;`);
    this.addSql(`create table "idempotency_key" (
      "scope" varchar(240) not null,
      "operation" varchar(40) not null,
      "key" varchar(200) not null,
      "payload_hash" varchar(64) not null,
      "result_id" bigint not null,
      "created_at" timestamptz not null default now(),
      primary key ("scope", "operation", "key"));`);
    this.addSql(`create index "idempotency_key_created_at_idx" on "idempotency_key" ("created_at");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "idempotency_key";`);
    this.addSql(`alter table "member" drop column "version";`);
  }
}
