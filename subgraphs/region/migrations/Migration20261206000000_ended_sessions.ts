import { Migration } from '@mikro-orm/migrations';

// Portal sessions signed out before their end (accounts/ended-session.entity.ts).
export class Migration20261206000000_ended_sessions extends Migration {
  override up(): void {
    this.addSql(`create table "ended_session" ("id" varchar(64) not null, "ends_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "ended_session_ends_at_index" on "ended_session" ("ends_at");`);
  }

  override down(): void {
    this.addSql(`drop table "ended_session";`);
  }
}
