import { Migration } from '@mikro-orm/migrations';
import { materials, materialSearchText } from '../../../shared/data/materials.ts';

// A buyer types "POM", "IATF 16949" or "Edelstahl" into the search box, and the text held neither materials nor
// certificates: each gave no hit where the filters found dozens (the search probe). Both join the searchable
// text as the services and the process names did, written with them (members.ts searchTexts): the materials with
// their other spellings and family words (shared/data/materials.ts materialSearchText), the certificates as their
// standards. Each also gets its folded column, for a hit's matched.text.
const searchText = `irm_fold("name" || ' ' || "city" || ' ' || coalesce("description", '') || ' ' || "services_text" || ' ' || "processes_text" || ' ' || "materials_text" || ' ' || "certifications_text")`;
const formerSearchText = `irm_fold("name" || ' ' || "city" || ' ' || coalesce("description", '') || ' ' || "services_text" || ' ' || "processes_text")`;

// The search_text column comes back as it was (generated, indexed for active members, its new words gathered).
function addSearchText(migration: Migration, expression: string) {
  migration.addSql(`alter table "member" add column "search_text" text generated always as (${expression}) stored;`);
  migration.addSql(
    `create index "member_search_text_trgm_idx" on "member" using gin ("search_text" gin_trgm_ops) with (fastupdate = off) where "archived_at" is null;`,
  );
  migration.addSql(
    `create trigger "member_search_words" after insert or update of "search_text" on "member" for each row execute function irm_collect_search_words();`,
  );
  migration.addSql(`insert into search_word (word) select distinct w from member, irm_search_words(search_text) as w on conflict do nothing;`);
}

function dropSearchText(migration: Migration) {
  migration.addSql(`drop trigger if exists "member_search_words" on "member";`);
  migration.addSql(`drop index if exists "member_search_text_trgm_idx";`);
  migration.addSql(`alter table "member" drop column "search_text";`);
}

export class Migration20261207000000_search_materials_certificates extends Migration {
  override up(): void {
    this.addSql(`alter table "member" add column "materials_text" text not null default '', add column "certifications_text" text not null default '';`);
    // The members written so far: each stored material's words from the list of this code, a material the list
    // lacks as stored; the certificates by standard.
    const words = materials.map((m) => `(${literal(m.name)}, ${literal(materialSearchText([m.name]))})`).join(', ');
    this.addSql(`update "member" m set
      materials_text = coalesce((select string_agg(coalesce(w.words, x.name), ' ' order by x.i)
        from unnest(m.materials) with ordinality as x(name, i) left join (values ${words}) as w(name, words) on w.name = x.name), ''),
      certifications_text = coalesce((select string_agg(c.standard, ' ' order by c.id) from certification c where c.member_id = m.id), '')
      where m.materials <> '{}' or exists (select 1 from certification c where c.member_id = m.id);`);
    dropSearchText(this);
    addSearchText(this, searchText);
    this.addSql(`alter table "member"
      add column "search_materials" text generated always as (irm_fold("materials_text")) stored,
      add column "search_certifications" text generated always as (irm_fold("certifications_text")) stored;`);
  }

  override down(): void {
    this.addSql(`alter table "member" drop column "search_materials", drop column "search_certifications";`);
    dropSearchText(this);
    addSearchText(this, formerSearchText);
    this.addSql(`alter table "member" drop column "materials_text", drop column "certifications_text";`);
  }
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
