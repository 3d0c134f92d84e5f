import { Migration } from '@mikro-orm/migrations';

// Joint trade-fair booths (trade-fairs/): the fair, the region's booth at it
// and members' registrations. joint_booth_allocated_check keeps the area held
// within the booth's total, whatever writes it; the partial unique index
// refuses a member's second active registration for one booth.
export class Migration20261202300000_trade_fairs extends Migration {
  override up(): void {
    this.addSql(
      `create table "trade_fair" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "name" varchar(200) not null, "city" varchar(120) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "registration_deadline" timestamptz not null, "created_by" varchar(200) null, primary key ("id"));`,
    );
    this.addSql(`create index "trade_fair_starts_at_idx" on "trade_fair" ("starts_at");`);
    this.addSql(`alter table "trade_fair" add constraint "trade_fair_dates_check" check ("ends_at" >= "starts_at");`);
    this.addSql(`alter table "trade_fair" add constraint "trade_fair_deadline_check" check ("registration_deadline" <= "starts_at");`);

    this.addSql(
      `create table "joint_booth" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "fair_id" bigint not null, "organiser_network" varchar(20) null, "total_area_m2" int not null, "allocated_area_m2" int not null default 0, "rent_cents" int not null, "construction_cents" int not null, "services_cents" int not null, "base_fee_cents" int not null, primary key ("id"));`,
    );
    this.addSql(`alter table "joint_booth" add constraint "joint_booth_fair_key" unique ("fair_id");`);
    this.addSql(
      `alter table "joint_booth" add constraint "joint_booth_fair_id_fkey" foreign key ("fair_id") references "trade_fair" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "joint_booth" add constraint "joint_booth_area_check" check ("total_area_m2" > 0);`);
    this.addSql(
      `alter table "joint_booth" add constraint "joint_booth_allocated_check" check ("allocated_area_m2" >= 0 and "allocated_area_m2" <= "total_area_m2");`,
    );
    this.addSql(
      `alter table "joint_booth" add constraint "joint_booth_costs_check" check ("rent_cents" >= 0 and "construction_cents" >= 0 and "services_cents" >= 0 and "base_fee_cents" >= 0);`,
    );

    this.addSql(
      `create table "booth_registration" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "booth_id" bigint not null, "member_id" varchar(40) not null, "member_network" varchar(20) not null, "area_m2" int not null, "products" jsonb not null, "contact_name" varchar(200) not null, "contact_email" varchar(254) not null, "contact_phone" varchar(40) null, "status" varchar(20) not null default 'PENDING', "registered_by" varchar(200) null, "decided_at" timestamptz null, "decided_by" varchar(200) null, "decline_reason" varchar(500) null, primary key ("id"));`,
    );
    this.addSql(`create index "booth_registration_booth_idx" on "booth_registration" ("booth_id", "status");`);
    this.addSql(
      `create unique index "booth_registration_active_member_idx" on "booth_registration" ("booth_id", "member_id") where "status" in ('PENDING', 'CONFIRMED');`,
    );
    this.addSql(
      `alter table "booth_registration" add constraint "booth_registration_booth_id_fkey" foreign key ("booth_id") references "joint_booth" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "booth_registration" add constraint "booth_registration_area_check" check ("area_m2" > 0);`);
    this.addSql(
      `alter table "booth_registration" add constraint "booth_registration_status_check" check ("status" in ('PENDING', 'CONFIRMED', 'DECLINED', 'CANCELLED'));`,
    );
  }

  override down(): void {
    this.addSql(`drop table "booth_registration";`);
    this.addSql(`drop table "joint_booth";`);
    this.addSql(`drop table "trade_fair";`);
  }
}
