import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000000_members extends Migration {
  override up(): void {
    this.addSql(`create table "member" (
      "id" serial primary key,
      "name" varchar(200) not null,
      "sort_key" varchar(200) collate "C" not null,
      "street" varchar(200) null,
      "postal_code" varchar(5) not null,
      "city" varchar(100) not null,
      "latitude" double precision null,
      "longitude" double precision null,
      "website" varchar(300) null,
      "employees" int null,
      "description" text null,
      "process_codes" text[] not null default '{}',
      "materials" text[] not null default '{}',
      "archived_at" timestamptz null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null);`);
    // Keyset pagination walks (sort_key, id) of live members; the "C" collation makes the order byte-wise, as region's merge expects.
    this.addSql(`create index "member_order_idx" on "member" ("sort_key", "id") where "archived_at" is null;`);
    this.addSql(`create index "member_process_codes_idx" on "member" using gin ("process_codes");`);

    this.addSql(`create table "certification" (
      "id" serial primary key,
      "member_id" int not null references "member" ("id") on delete cascade,
      "standard" varchar(40) not null,
      "number" varchar(100) null,
      "valid_until" date not null);`);
    this.addSql(`create index "certification_member_id_idx" on "certification" ("member_id");`);
    this.addSql(`create index "certification_standard_idx" on "certification" ("standard", "valid_until");`);

    this.addSql(`create table "service" (
      "id" serial primary key,
      "member_id" int not null references "member" ("id") on delete cascade,
      "title" varchar(200) not null,
      "description" text null,
      "process_codes" text[] not null default '{}');`);
    this.addSql(`create index "service_member_id_idx" on "service" ("member_id");`);

    this.addSql(`create table "contact_person" (
      "id" serial primary key,
      "member_id" int not null references "member" ("id") on delete cascade,
      "name" varchar(200) not null,
      "role" varchar(200) null,
      "email" varchar(254) null,
      "phone" varchar(50) null);`);
    this.addSql(`create index "contact_person_member_id_idx" on "contact_person" ("member_id");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "contact_person", "service", "certification", "member" cascade;`);
  }
}
