import { Migration } from '@mikro-orm/migrations';

// Regional search: German-friendly text matching (pg_trgm on a folded text),
// distances (earthdistance) and the indexes the search filters use.
export class Migration20261123010000_search extends Migration {
  override up(): void {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists cube;`);
    this.addSql(`create extension if not exists earthdistance;`);
    // One folding for documents and queries: case, umlauts (ä, ae -> a), ß -> ss, accents, punctuation.
    // Both spellings fold to the same plain form, so "Muehlhausen", "Muhlhausen" and "Mühlhausen" meet.
    this.addSql(`create or replace function irm_fold(t text) returns text language sql immutable parallel safe as $$
      select trim(regexp_replace(
        replace(replace(replace(replace(
          translate(lower(t), 'äöüáàâãåéèêëíìîïóòôõúùûçñýø', 'aouaaaaaeeeeiiiioooouuucnyo'),
          'ß', 'ss'), 'ae', 'a'), 'oe', 'o'), 'ue', 'u'),
        '[^a-z0-9]+', ' ', 'g'))
    $$;`);
    // Text the member's services and processes contribute to search; kept up to date by the writes.
    this.addSql(`alter table "member" add column "services_text" text not null default '', add column "processes_text" text not null default '';`);
    this.addSql(`alter table "member" add column "search_text" text generated always as (
      irm_fold("name" || ' ' || "city" || ' ' || coalesce("description", '') || ' ' || "services_text" || ' ' || "processes_text")) stored;`);
    this.addSql(`create index "member_search_text_trgm_idx" on "member" using gin ("search_text" gin_trgm_ops) where "archived_at" is null;`);
    this.addSql(
      `create index "member_location_idx" on "member" using gist (ll_to_earth("latitude", "longitude")) where "archived_at" is null and "latitude" is not null;`,
    );
    this.addSql(`create index "member_materials_idx" on "member" using gin ("materials");`);
    this.addSql(`create index "member_employees_idx" on "member" ("employees") where "archived_at" is null;`);
  }

  override down(): void {
    this.addSql(`drop index if exists "member_employees_idx", "member_materials_idx", "member_location_idx", "member_search_text_trgm_idx";`);
    this.addSql(`alter table "member" drop column "search_text", drop column "services_text", drop column "processes_text";`);
    this.addSql(`drop function if exists irm_fold(text);`);
  }
}
