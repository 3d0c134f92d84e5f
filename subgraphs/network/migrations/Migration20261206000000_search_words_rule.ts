import { Migration } from '@mikro-orm/migrations';

// What the dictionary holds of a text, written once in SQL: the trigger adds a member's words with it, and
// `npm run restore`, which loads with triggers off, gathers the dictionary from the loaded texts with it. A backup
// from before this migration restores without the function; this migration's gathering, run when `npm start`
// meets the restored database, stands in for the restore's. Four characters is also where search.ts starts to
// look a word up (fuzzyMinLength): the two must agree.
export class Migration20261206000000_search_words_rule extends Migration {
  override up(): void {
    // Words of four or more characters of the folded text, which search_text separates by single spaces. Not
    // strict (a null text gives no words all the same): PostgreSQL inlines only a set-returning function that is
    // not, so the gatherings below run as one plan instead of a call per member (10,077 members of the benchmark's
    // NIWE, 224,715 words, 192 of them distinct: 206 ms against 256, EXPLAIN ANALYZE).
    this.addSql(`create function irm_search_words(text) returns setof text language sql immutable parallel safe as $$
      select distinct w from unnest(string_to_array($1, ' ')) as w where length(w) >= 4
    $$;`);
    this.addSql(`create or replace function irm_collect_search_words() returns trigger language plpgsql as $$
      begin
        insert into search_word (word) select irm_search_words(new.search_text) on conflict do nothing;
        return null;
      end $$;`);
    this.addSql(`insert into search_word (word) select distinct w from member, irm_search_words(search_text) as w on conflict do nothing;`);
  }

  override down(): void {
    this.addSql(`create or replace function irm_collect_search_words() returns trigger language plpgsql as $$
      begin
        insert into search_word (word)
          select distinct w from unnest(string_to_array(new.search_text, ' ')) as w where length(w) >= 4
          on conflict do nothing;
        return null;
      end $$;`);
    this.addSql(`drop function irm_search_words(text);`);
  }
}
