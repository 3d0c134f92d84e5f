import { Migration } from '@mikro-orm/migrations';

// The prune (migration search_words_prune) looked up every absent word of its batch of up to 1,000 queue rows while
// it held SHARE ROW EXCLUSIVE on search_word, which every member write waits for: at 0.4 ms a word (median) and up to
// 22 ms (10,000 seed:bulk members), a batch of absent words held member writes for up to seconds, past the 2 s region
// gives a write (NETWORK_TIMEOUT_MS). Now a call stops reading the queue once it has `max_absent` absent words, looks
// up only those under the lock, and says with `more` that queued rows are left for another call: its own statement,
// so its own transaction and lock hold. The service calls again while `more` (subgraphs/network/search-words.ts).
// Stopping the read early, rather than checking the whole batch and locking for a part of it, spares each later call
// the lock-free look-ups of words the earlier ones found absent again.
//
// The function's result gains a column, so it is dropped and made anew; down brings back the former one.
export class Migration20261209000000_search_words_prune_batches extends Migration {
  override up(): void {
    this.addSql(`drop function irm_prune_search_words(int, int);`);
    // max_absent null: no cap (the whole batch under one hold, as before).
    this.addSql(`create function irm_prune_search_words(max_rows int, lock_wait_ms int, max_absent int,
        out taken int, out checked int, out pruned int, out postponed int, out more boolean)
      language plpgsql as $$
      declare
        queued record;
        held boolean;
        done bigint[] := '{}';
        absent text[] := '{}';
        w text;
        previous text := current_setting('lock_timeout');
      begin
        taken := 0; checked := 0; pruned := 0; postponed := 0; more := false;
        for queued in select q.word, array_agg(q.id) as ids from (select id, word from search_word_stale order by id limit max_rows) q group by q.word loop
          if cardinality(absent) >= coalesce(max_absent, max_rows) then
            more := true;
            exit;
          end if;
          taken := taken + cardinality(queued.ids);
          checked := checked + 1;
          execute 'select exists (select 1 from member where archived_at is null and search_text like $1)' into held using '%' || queued.word || '%';
          if held then done := done || queued.ids; else absent := absent || queued.word; end if;
        end loop;
        -- A full batch read leaves rows past it queued.
        more := more or coalesce(taken >= max_rows, false);
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
  }

  override down(): void {
    this.addSql(`drop function irm_prune_search_words(int, int, int);`);
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
  }
}
