import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000_inquiries extends Migration {
  override up(): void {
    this.addSql(`create table "inquiry" (
      "id" serial primary key,
      "owner_key" varchar(240) not null,
      "owner_member_id" varchar(40) null,
      "owner_network" varchar(20) null,
      "customer" varchar(200) null,
      "title" varchar(200) not null,
      "part_description" text not null,
      "process_codes" text[] not null default '{}',
      "material" varchar(60) null,
      "quantities" jsonb not null,
      "tolerance" varchar(20) null,
      "certifications" text[] not null default '{}',
      "documents" text[] not null default '{}',
      "ppap_level" int null check ("ppap_level" between 1 and 5),
      "postal_code" varchar(5) null,
      "latitude" double precision not null,
      "longitude" double precision not null,
      "delivery_date" date not null,
      "quote_deadline" timestamptz not null,
      "status" varchar(30) not null default 'DRAFT' check ("status" in ('DRAFT', 'OPEN', 'AWARDED', 'CLOSED_WITHOUT_AWARD', 'CANCELLED')),
      "awarded_quote_id" int null,
      "deadline_notice_at" timestamptz null,
      "version" int not null default 1,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null);`);
    this.addSql(`create index "inquiry_owner_idx" on "inquiry" ("owner_key");`);
    this.addSql(`create index "inquiry_open_deadline_idx" on "inquiry" ("quote_deadline") where "status" = 'OPEN';`);
    this.addSql(`create table "inquiry_invitation" (
      "id" serial primary key,
      "inquiry_id" int not null references "inquiry" ("id"),
      "member_id" varchar(40) not null,
      "network" varchar(20) not null,
      "status" varchar(20) not null default 'INVITED',
      "decline_reason" text null,
      "score" double precision null,
      "distance_km" double precision null,
      "certifications" text[] not null default '{}',
      "created_at" timestamptz not null,
      unique ("inquiry_id", "member_id"));`);
    this.addSql(`create index "inquiry_invitation_member_idx" on "inquiry_invitation" ("member_id");`);
    this.addSql(`create index "inquiry_invitation_network_idx" on "inquiry_invitation" ("network");`);
    this.addSql(`create table "consortium" (
      "id" serial primary key,
      "inquiry_id" int not null references "inquiry" ("id"),
      "lead_member_id" varchar(40) not null,
      "lead_network" varchar(20) not null,
      "created_at" timestamptz not null,
      unique ("inquiry_id", "lead_member_id"));`);
    this.addSql(`create table "consortium_partner" (
      "id" serial primary key,
      "consortium_id" int not null references "consortium" ("id"),
      "member_id" varchar(40) not null,
      "network" varchar(20) not null,
      "status" varchar(20) not null default 'INVITED',
      "process_codes" text[] not null default '{}',
      "share_percent" double precision null check ("share_percent" > 0 and "share_percent" <= 100),
      unique ("consortium_id", "member_id"));`);
    this.addSql(`create index "consortium_partner_member_idx" on "consortium_partner" ("member_id");`);
    this.addSql(`create table "quote" (
      "id" serial primary key,
      "inquiry_id" int not null references "inquiry" ("id"),
      "member_id" varchar(40) not null,
      "network" varchar(20) not null,
      "consortium_id" int null references "consortium" ("id"),
      "price_tiers" jsonb not null,
      "currency" varchar(3) not null,
      "lead_time_days" int not null check ("lead_time_days" > 0),
      "valid_until" date not null,
      "notes" text null,
      "status" varchar(20) not null default 'SUBMITTED',
      "revision" int not null default 1,
      "version" int not null default 1,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      unique ("inquiry_id", "member_id"));`);
    this.addSql(`create table "quote_revision" (
      "id" serial primary key,
      "quote_id" int not null references "quote" ("id"),
      "revision" int not null,
      "price_tiers" jsonb not null,
      "currency" varchar(3) not null,
      "lead_time_days" int not null,
      "valid_until" date not null,
      "notes" text null,
      "created_at" timestamptz not null,
      unique ("quote_id", "revision"));`);
    this.addSql(`create table "inquiry_attachment" (
      "id" serial primary key,
      "inquiry_id" int not null references "inquiry" ("id"),
      "file_name" varchar(200) not null,
      "content_type" varchar(100) not null,
      "size" int not null,
      "sha256" varchar(64) not null,
      "storage_name" varchar(100) not null unique,
      "uploaded_by" varchar(240) not null,
      "created_at" timestamptz not null);`);
    this.addSql(`create index "inquiry_attachment_inquiry_idx" on "inquiry_attachment" ("inquiry_id");`);
    this.addSql(`create table "idempotency_key" (
      "scope" varchar(240) not null,
      "operation" varchar(40) not null,
      "key" varchar(200) not null,
      "payload_hash" varchar(64) not null,
      "result_id" int not null,
      "created_at" timestamptz not null,
      primary key ("scope", "operation", "key"));`);
    this.addSql(`create table "outbox_event" (
      "id" varchar(36) primary key,
      "type" varchar(30) not null,
      "inquiry_id" int not null,
      "member_id" varchar(40) null,
      "network" varchar(20) null,
      "payload" jsonb not null,
      "fanned_out" boolean not null default false,
      "created_at" timestamptz not null);`);
    this.addSql(`create index "outbox_event_pending_idx" on "outbox_event" ("created_at") where not "fanned_out";`);
    this.addSql(`create table "webhook" (
      "id" serial primary key,
      "member_id" varchar(40) null,
      "network" varchar(20) not null,
      "url" varchar(2000) not null,
      "events" text[] not null,
      "secret" varchar(100) not null,
      "created_at" timestamptz not null);`);
    this.addSql(`create table "webhook_delivery" (
      "id" serial primary key,
      "webhook_id" int not null references "webhook" ("id") on delete cascade,
      "event_id" varchar(36) not null references "outbox_event" ("id"),
      "event_type" varchar(30) not null,
      "attempts" int not null default 0,
      "last_status" int null,
      "last_error" varchar(300) null,
      "next_attempt_at" timestamptz null,
      "delivered_at" timestamptz null,
      unique ("webhook_id", "event_id"));`);
    this.addSql(`create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at") where "delivered_at" is null;`);
  }

  override down(): void {
    this.addSql(
      `drop table if exists "webhook_delivery", "webhook", "outbox_event", "idempotency_key", "inquiry_attachment", "quote_revision", "quote", "consortium_partner", "consortium", "inquiry_invitation", "inquiry" cascade;`,
    );
  }
}
