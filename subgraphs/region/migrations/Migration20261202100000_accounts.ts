import { Migration } from '@mikro-orm/migrations';

// Portal accounts (accounts/account.entity.ts): one row per person, the e-mail address unique.
export class Migration20261202100000_accounts extends Migration {
  override up(): void {
    this.addSql(
      `create table "account" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "email" varchar(254) not null, "name" varchar(200) not null, "kind" varchar(20) not null, "network" varchar(20) null, "member_id" varchar(40) null, "customer" varchar(200) null, "password_hash" varchar(200) not null, "password_changed_at" timestamptz not null, "created_by" varchar(200) null, "archived_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "account" add constraint "account_email_key" unique ("email");`);
    this.addSql(`create index "account_network_idx" on "account" ("network");`);
    this.addSql(`alter table "account" add constraint "account_kind_check" check ("kind" in ('MEMBER', 'OFFICE', 'CUSTOMER'));`);
  }

  override down(): void {
    this.addSql(`drop table "account";`);
  }
}
