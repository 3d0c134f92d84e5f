import { Migration } from '@mikro-orm/migrations';

// The dictionary's collector no longer notifies when it adds a word: no service listens any more. A network keeps
// only the words the dictionary holds (subgraphs/network/known-words.ts), which a new word cannot make stale.
export class Migration20261205200000_search_words_quiet extends Migration {
  override up(): void {
    this.addSql(`create or replace function irm_collect_search_words() returns trigger language plpgsql as $$
      begin
        insert into search_word (word)
          select distinct w from unnest(string_to_array(new.search_text, ' ')) as w where length(w) >= 4
          on conflict do nothing;
        return null;
      end $$;`);
  }

  override down(): void {
    this.addSql(`create or replace function irm_collect_search_words() returns trigger language plpgsql as $$
      declare added int;
      begin
        insert into search_word (word)
          select distinct w from unnest(string_to_array(new.search_text, ' ')) as w where length(w) >= 4
          on conflict do nothing;
        get diagnostics added = row_count;
        if added > 0 then perform pg_notify('irm_search_words', ''); end if;
        return null;
      end $$;`);
  }
}
