import { Migration } from '@mikro-orm/migrations';

// Relevance compares words with the member's name for every matching row; the
// folded name is kept once per row instead of folded again on every search.
export class Migration20261124010000_search_name extends Migration {
  override up(): void {
    this.addSql(`alter table "member" add column "search_name" text generated always as (irm_fold("name")) stored;`);
  }

  override down(): void {
    this.addSql(`alter table "member" drop column "search_name";`);
  }
}
