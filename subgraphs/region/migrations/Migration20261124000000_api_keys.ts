import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000000_api_keys extends Migration {
  override up(): void {
    this.addSql(`create table "api_key" (
      "id" serial primary key,
      "partner" varchar(200) not null,
      "name" varchar(200) not null,
      "prefix" varchar(12) not null,
      "hash" varchar(64) not null unique,
      "safelist" boolean not null default false,
      "created_by" varchar(200) null,
      "created_at" timestamptz not null,
      "revoked_at" timestamptz null);`);
  }

  override down(): void {
    this.addSql(`drop table if exists "api_key";`);
  }
}
