import { Migration } from '@mikro-orm/migrations';

// A hit says which fields hold a search word (matched.text). Folding the city,
// description, services and processes of every row of every page cost five
// irm_fold calls (each a regexp_replace) per row; like the name (search_name)
// they are kept folded once per row, written with the member.
export class Migration20261201500000_search_fields extends Migration {
  override up(): void {
    this.addSql(`alter table "member"
      add column "search_city" text generated always as (irm_fold("city")) stored,
      add column "search_description" text generated always as (irm_fold(coalesce("description", ''))) stored,
      add column "search_services" text generated always as (irm_fold("services_text")) stored,
      add column "search_processes" text generated always as (irm_fold("processes_text")) stored;`);
  }

  override down(): void {
    this.addSql(
      `alter table "member" drop column "search_city", drop column "search_description", drop column "search_services", drop column "search_processes";`,
    );
  }
}
