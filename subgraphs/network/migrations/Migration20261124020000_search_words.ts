import { Migration } from '@mikro-orm/migrations';

// Typo tolerance looks words up in a dictionary of the words members use,
// a small table, instead of comparing every member's whole text: the query
// word's close spellings are found there, then matched like any word part.
export class Migration20261124020000_search_words extends Migration {
  override up(): void {
    this.addSql(`create table "search_word" ("word" text primary key);`);
    this.addSql(`create index "search_word_trgm_idx" on "search_word" using gin ("word" gin_trgm_ops);`);
    this.addSql(`create or replace function irm_collect_search_words() returns trigger language plpgsql as $$
      begin
        insert into search_word (word)
          select distinct w from unnest(string_to_array(new.search_text, ' ')) as w where length(w) >= 4
          on conflict do nothing;
        return null;
      end $$;`);
    this.addSql(
      `create trigger "member_search_words" after insert or update of "search_text" on "member" for each row execute function irm_collect_search_words();`,
    );
    this.addSql(
      `insert into search_word (word) select distinct w from member, unnest(string_to_array(search_text, ' ')) as w where length(w) >= 4 on conflict do nothing;`,
    );
  }

  override down(): void {
    this.addSql(`drop trigger if exists "member_search_words" on "member";`);
    this.addSql(`drop function if exists irm_collect_search_words();`);
    this.addSql(`drop table if exists "search_word";`);
  }
}
