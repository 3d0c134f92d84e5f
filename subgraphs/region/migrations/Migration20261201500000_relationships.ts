import { Migration } from '@mikro-orm/migrations';

// Business relationships between members (relationships/relationship.entity.ts).
export class Migration20261201500000_relationships extends Migration {
  override up(): void {
    this.addSql(
      `create table "business_relationship" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "kind" varchar(30) not null, "requester_id" varchar(40) not null, "requester_network" varchar(20) not null, "partner_id" varchar(40) not null, "partner_network" varchar(20) not null, "status" varchar(20) not null default 'REQUESTED', "confirmed_at" timestamptz null, "ended_at" timestamptz null, "ended_by" varchar(40) null, primary key ("id"));`,
    );
    this.addSql(`create index "business_relationship_requester_idx" on "business_relationship" ("requester_id", "status");`);
    this.addSql(`create index "business_relationship_partner_idx" on "business_relationship" ("partner_id", "status");`);
    this.addSql(
      `create unique index "business_relationship_active_pair_idx" on "business_relationship" (least("requester_id", "partner_id"), greatest("requester_id", "partner_id"), "kind") where "status" <> 'ENDED';`,
    );
    this.addSql(`alter table "business_relationship" add constraint "business_relationship_not_self" check ("requester_id" <> "partner_id");`);
    this.addSql(
      `alter table "business_relationship" add constraint "business_relationship_kind_check" check ("kind" in ('SUPPLIER_OF', 'CUSTOMER_OF', 'DEVELOPMENT_PARTNER', 'JOINT_PROJECT'));`,
    );
    this.addSql(
      `alter table "business_relationship" add constraint "business_relationship_status_check" check ("status" in ('REQUESTED', 'CONFIRMED', 'ENDED'));`,
    );
  }

  override down(): void {
    this.addSql(`drop table "business_relationship";`);
  }
}
