import { Migration } from '@mikro-orm/migrations';

// Members an office proposes for an inquiry it does not see, until the owner accepts or rejects them.
export class Migration20261201100200_invitee_proposals extends Migration {
  override up(): void {
    this.addSql(`create table "inquiry_invitee_proposal" (
      "id" serial primary key,
      "inquiry_id" bigint not null references "inquiry" ("id"),
      "member_id" varchar(40) not null,
      "network" varchar(20) not null,
      "proposed_by" varchar(240) null,
      "created_at" timestamptz not null,
      unique ("inquiry_id", "member_id"));`);
  }

  override down(): void {
    this.addSql(`drop table if exists "inquiry_invitee_proposal";`);
  }
}
