import { Migration } from '@mikro-orm/migrations';

// The dictionary (search_word) held every word a member's text ever had, archived members' too, and a word it holds
// is read as typed, never through its close spellings (search.ts WordPatterns.absent). So a typo a member saved and
// corrected switched typo tolerance off for that word for good: "Werkzeugbauu" found 70 members through
// "werkzeugbau" on the demo data, and none once a member had saved it and corrected it again (the usability probe).
// From here on it holds the words of active members, and more only until a prune (irm_prune_search_words, which the
// network service runs every SEARCH_WORDS_PRUNE_MS, subgraphs/network/search-words.ts).
//
// Counting the holders of each word was rejected: every write would update the rows of common words ("gmbh", a town)
// and hold their locks until it commits, an import for its whole transaction, past region's 2 s for a write, and two
// writers that lock rows in different orders deadlock. A writer instead queues what it takes away, without a lock on
// anything another writer needs: the queue (search_word_stale) has no unique key, so no insert waits for another.
export class Migration20261208000000_search_words_prune extends Migration {
  override up(): void {
    this.addSql(`create table "search_word_stale" ("id" bigint generated always as identity primary key, "word" text not null);`);
    // The words a member's new state no longer holds are queued, those it holds added; an archived member holds none
    // (the search reads active members only), a restored one its words again. An update that changes neither the text
    // nor whether the member is active ends at once: the trigger fires on every update of member all the same, since
    // PostgreSQL counts every stored generated column as updated when a BEFORE UPDATE row trigger (member_masks) is
    // there (checked on PostgreSQL 18.4: `after update of search_text` fired on an update of employees alone, and on
    // a table without such a trigger did not; it fires when a column search_text is made of changes, or the former
    // trigger would never have collected an update's words). An active member's insert takes search_word's ROW
    // EXCLUSIVE lock until the write commits, even when every word is there already: what the prune waits for.
    this.addSql(`create or replace function irm_collect_search_words() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and new.search_text is not distinct from old.search_text and (new.archived_at is null) = (old.archived_at is null) then
          return null;
        end if;
        if tg_op <> 'DELETE' and new.archived_at is null then
          insert into search_word (word) select irm_search_words(new.search_text) on conflict do nothing;
        end if;
        if tg_op <> 'INSERT' and old.archived_at is null then
          insert into search_word_stale (word)
            select irm_search_words(old.search_text)
            except select irm_search_words(new.search_text) where tg_op = 'UPDATE' and new.archived_at is null;
        end if;
        return null;
      end $$;`);
    this.addSql(`drop trigger "member_search_words" on "member";`);
    this.addSql(
      `create trigger "member_search_words" after insert or update of "search_text", "archived_at" or delete on "member" for each row execute function irm_collect_search_words();`,
    );
    // The prune, one function for the service and whoever else prunes. A queued word goes only if no active member's
    // text contains it, alone or inside a longer word: the dictionary's own rule (search.ts closeSpellingsText takes a
    // word inside a longer one as held), so nothing it keeps changes what a search reads as typed. Each word is
    // looked up in a statement of its own, planned for that word: the trigram index for a rare one, the first rows
    // of the table for a common one ("gmbh"). At 10,000 members (seed:bulk) that is 0.4 ms a word (median, up to
    // 22 ms), and one statement for 53 words (an anti-join) took 215 ms where these took 40.
    //
    // First, with no lock, the words some active member holds leave the queue: the rows read, not the word, so a
    // member that takes the word away meanwhile has queued a row of its own, seen next time. Archiving one of those
    // 10,000 members queued 32 words, all held by others: 45 ms, and no lock taken.
    //
    // Then the words held by none, under `share row exclusive` on search_word, which conflicts with the ROW
    // EXCLUSIVE lock every writer of a member's words takes (the trigger's insert above, kept to its commit). A
    // writer that gave a member the word while the word was there ("on conflict do nothing", nothing inserted,
    // nothing row-locked) has thus committed before the word is looked up again, or waits until the prune has
    // committed and then inserts the word anew. Without the lock such a writer's member, uncommitted while the prune
    // looked, would hold a word the dictionary lacks, and a search of that word would find it only through close
    // spellings: not at all. Each statement of the function sees what committed before it began (READ COMMITTED,
    // the default), so the look after the lock sees the writers it waited for. The prune waits for the lock at most
    // lock_wait_ms (null: as long as it takes): a writer that comes meanwhile queues behind the prune, so the wait is
    // what it may cost a member write. Words not pruned then stay queued for the next prune.
    this.addSql(`create function irm_prune_search_words(max_rows int, lock_wait_ms int, out taken int, out checked int, out pruned int, out postponed int)
      language plpgsql as $$
      declare
        queued record;
        held boolean;
        done bigint[] := '{}';
        absent text[] := '{}';
        w text;
        previous text := current_setting('lock_timeout');
      begin
        taken := 0; checked := 0; pruned := 0; postponed := 0;
        for queued in select q.word, array_agg(q.id) as ids from (select id, word from search_word_stale order by id limit max_rows) q group by q.word loop
          taken := taken + cardinality(queued.ids);
          checked := checked + 1;
          execute 'select exists (select 1 from member where archived_at is null and search_text like $1)' into held using '%' || queued.word || '%';
          if held then done := done || queued.ids; else absent := absent || queued.word; end if;
        end loop;
        delete from search_word_stale where id = any(done);
        if cardinality(absent) = 0 then return; end if;
        perform set_config('lock_timeout', coalesce(lock_wait_ms, 0)::text, true);
        begin
          lock table search_word in share row exclusive mode;
        exception when lock_not_available then
          perform set_config('lock_timeout', previous, true);
          postponed := cardinality(absent);
          return;
        end;
        perform set_config('lock_timeout', previous, true);
        foreach w in array absent loop
          execute 'select exists (select 1 from member where archived_at is null and search_text like $1)' into held using '%' || w || '%';
          if not held then
            delete from search_word where word = w;
            delete from search_word_stale where word = w;
            pruned := pruned + 1;
          end if;
        end loop;
      end $$;`);
    // The words no active member holds as a word of its own: archived members' words, typos taken back. The first
    // prune keeps those inside a longer word.
    this.addSql(
      `insert into "search_word_stale" ("word") select "word" from "search_word" except select w from "member", irm_search_words("search_text") as w where "archived_at" is null;`,
    );
  }

  override down(): void {
    this.addSql(`drop function irm_prune_search_words(int, int);`);
    this.addSql(`drop trigger "member_search_words" on "member";`);
    this.addSql(
      `create trigger "member_search_words" after insert or update of "search_text" on "member" for each row execute function irm_collect_search_words();`,
    );
    this.addSql(`create or replace function irm_collect_search_words() returns trigger language plpgsql as $$
      begin
        insert into search_word (word) select irm_search_words(new.search_text) on conflict do nothing;
        return null;
      end $$;`);
    this.addSql(`drop table "search_word_stale";`);
    // Back to every word of every text, as that trigger keeps it.
    this.addSql(`insert into search_word (word) select distinct w from member, irm_search_words(search_text) as w on conflict do nothing;`);
  }
}
