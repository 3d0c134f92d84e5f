import { Migration } from '@mikro-orm/migrations';

// Searches whose cost stays flat as a network grows (see search.ts):
// - the member's point on the earth is stored once, so distance ordering walks
//   the GiST index nearest-first (`<->`) instead of computing ll_to_earth for
//   every member in the radius, and counting within a radius reads the index only;
// - the folded name gets its own trigram index, so "the word is in the name",
//   the first relevance tier, is found without reading every text hit.
export class Migration20261125000000_search_scale extends Migration {
  override up(): void {
    this.addSql(`alter table "member" add column "location" earth generated always as (ll_to_earth("latitude", "longitude")) stored;`);
    this.addSql(`drop index if exists "member_location_idx";`);
    // Carrying the sort key and id, the index alone orders members at one point (one postal code) by name.
    this.addSql(`create index "member_location_idx" on "member" using gist ("location") include ("sort_key", "id") where "archived_at" is null;`);
    this.addSql(`create index "member_search_name_trgm_idx" on "member" using gin ("search_name" gin_trgm_ops) where "archived_at" is null;`);
  }

  override down(): void {
    this.addSql(`drop index if exists "member_search_name_trgm_idx", "member_location_idx";`);
    this.addSql(`alter table "member" drop column "location";`);
    this.addSql(
      `create index "member_location_idx" on "member" using gist (ll_to_earth("latitude", "longitude")) where "archived_at" is null and "latitude" is not null;`,
    );
  }
}
