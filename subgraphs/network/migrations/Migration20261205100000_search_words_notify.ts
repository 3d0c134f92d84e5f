import { Migration } from '@mikro-orm/migrations';

// The dictionary's collector (migration search_words) now says when it added a word: a network service keeps the
// close spellings it looked up (subgraphs/network/spellings-cache.ts, since removed) until the dictionary grows. A transaction
// notifies once however many words it adds (PostgreSQL folds equal notifications of one transaction), when it commits.
// The channel is written out: a migration stays what it was when it ran. Undone by search_words_quiet.
export class Migration20261205100000_search_words_notify extends Migration {
  override up(): void {
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

  override down(): void {
    this.addSql(`create or replace function irm_collect_search_words() returns trigger language plpgsql as $$
      begin
        insert into search_word (word)
          select distinct w from unnest(string_to_array(new.search_text, ' ')) as w where length(w) >= 4
          on conflict do nothing;
        return null;
      end $$;`);
  }
}
