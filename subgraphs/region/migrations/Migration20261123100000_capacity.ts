import { Migration } from '@mikro-orm/migrations';

export class Migration20261123100000_capacity extends Migration {
  override up(): void {
    this.addSql(`create extension if not exists cube;`);
    this.addSql(`create extension if not exists earthdistance;`);
    this.addSql(`create table "capacity_post" (
      "id" serial primary key,
      "side" varchar(10) not null check ("side" in ('OFFER', 'REQUEST')),
      "member_id" varchar(40) not null,
      "network" varchar(20) not null,
      "kind" varchar(20) not null check ("kind" in ('CAD', 'MACHINE_HOURS')),
      "cad_system" varchar(30) null,
      "process_code" varchar(20) null,
      "machine" varchar(200) null,
      "work_envelope" varchar(200) null,
      "hours" int not null check ("hours" > 0),
      "booked_hours" int not null default 0,
      "from_date" date not null,
      "to_date" date not null,
      "postal_code" varchar(5) not null,
      "latitude" double precision null,
      "longitude" double precision null,
      "price_per_hour" numeric(10, 2) null,
      "notes" text null,
      "status" varchar(20) not null default 'OPEN',
      "version" int not null default 1,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      -- Overbooking is impossible in the database itself, whatever the code does.
      constraint "capacity_post_booked_within_hours" check ("booked_hours" >= 0 and "booked_hours" <= "hours"),
      constraint "capacity_post_window" check ("to_date" >= "from_date"));`);
    this.addSql(`create index "capacity_post_match_idx" on "capacity_post" ("side", "kind", "status", "from_date", "to_date");`);
    this.addSql(`create index "capacity_post_member_idx" on "capacity_post" ("member_id");`);
    this.addSql(`create table "capacity_booking" (
      "id" serial primary key,
      "offer_id" int not null references "capacity_post" ("id"),
      "member_id" varchar(40) not null,
      "network" varchar(20) not null,
      "hours" int not null check ("hours" > 0),
      "from_date" date not null,
      "to_date" date not null,
      "status" varchar(20) not null default 'REQUESTED',
      "reason" text null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null);`);
    this.addSql(`create index "capacity_booking_offer_idx" on "capacity_booking" ("offer_id");`);
    this.addSql(`create index "capacity_booking_member_idx" on "capacity_booking" ("member_id");`);
    this.addSql(`create table "availability" (
      "member_id" varchar(40) primary key,
      "network" varchar(20) not null,
      "status" varchar(20) not null,
      "updated_at" timestamptz not null);`);
  }

  override down(): void {
    this.addSql(`drop table if exists "availability", "capacity_booking", "capacity_post" cascade;`);
  }
}
