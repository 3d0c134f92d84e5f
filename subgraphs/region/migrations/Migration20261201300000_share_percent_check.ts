import { Migration } from '@mikro-orm/migrations';

// The same check on a consortium partner's share, written so that the schema
// diff (test/schema-drift.e2e.ts) reads it back as declared: PostgreSQL prints
// a double precision constant as (0)::double precision, which MikroORM 7.2's
// introspection cuts to "0 precision" and then reports as changed; a numeric
// comparison reads back as written. The allowed shares stay (0, 100].
export class Migration20261201300000_share_percent_check extends Migration {
  override up(): void {
    this.addSql(`alter table "consortium_partner" drop constraint "consortium_partner_share_percent_check",
      add constraint "consortium_partner_share_percent_check" check ("share_percent"::numeric > 0 and "share_percent"::numeric <= 100);`);
  }

  override down(): void {
    this.addSql(`alter table "consortium_partner" drop constraint "consortium_partner_share_percent_check",
      add constraint "consortium_partner_share_percent_check" check ("share_percent" > 0 and "share_percent" <= 100);`);
  }
}
