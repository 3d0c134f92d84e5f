// The news tables as news.entity.ts declares them, created by the same SQL in
// every network's database and in region's (each has its own migration file
// that runs it, named Migration20261201400000_news).
export const createNewsTables = [
  `create table "news_item" ("id" serial primary key, "kind" varchar(10) not null, "title" varchar(200) not null, "text" text not null, "visibility" varchar(10) not null, "published_at" timestamptz not null, "published_by" varchar(200) null, "starts_at" timestamptz null, "ends_at" timestamptz null, "place" varchar(200) null, "registration_limit" int null, "registration_deadline" timestamptz null);`,
  `create index "news_item_feed_idx" on "news_item" ("published_at", "id");`,
  `alter table "news_item" add constraint "news_item_registration_limit_check" check ("registration_limit" > 0);`,
  `alter table "news_item" add constraint "news_item_event_check" check ("kind" = 'NEWS' or "starts_at" is not null);`,
  `alter table "news_item" add constraint "news_item_kind_check" check ("kind" in ('NEWS', 'EVENT'));`,
  `alter table "news_item" add constraint "news_item_visibility_check" check ("visibility" in ('PUBLIC', 'MEMBERS'));`,
  `create table "event_registration" ("id" serial primary key, "event_id" int not null, "member_id" varchar(40) not null, "participant" varchar(200) not null, "email" varchar(254) not null, "status" varchar(20) not null, "created_at" timestamptz not null);`,
  `create index "event_registration_event_idx" on "event_registration" ("event_id", "status", "id");`,
  `create unique index "event_registration_active_email_idx" on "event_registration" ("event_id", lower("email")) where "status" <> 'CANCELLED';`,
  `alter table "event_registration" add constraint "event_registration_status_check" check ("status" in ('REGISTERED', 'WAITING', 'CANCELLED'));`,
  `alter table "event_registration" add constraint "event_registration_event_id_fkey" foreign key ("event_id") references "news_item" ("id") on delete cascade;`,
];

export const dropNewsTables = [`drop table "event_registration";`, `drop table "news_item";`];

// Corrections and withdrawal (items.ts updateNews, withdrawNews), in every network's database and region's
// (Migration20261210000000_news_corrections, Migration20261211000000_news_corrections).
export const addNewsCorrections = [`alter table "news_item" add column "updated_at" timestamptz null, add column "withdrawn_at" timestamptz null;`];
export const dropNewsCorrections = [`alter table "news_item" drop column "updated_at", drop column "withdrawn_at";`];
