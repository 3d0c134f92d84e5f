import { Migration } from '@mikro-orm/migrations';

// The trigram indexes take new entries directly instead of in a pending list
// (GIN fastupdate). The pending list, up to gin_pending_list_limit (4 MB), is
// read in full by every text search until a vacuum merges it: at 100,000
// members the count of 'Eisenahc' took 60 ms with it and 5.5 ms after the
// vacuum. Members are written at the pace of people, searches far more often,
// so a slower write (the entry goes into the index at once) buys every search.
const indexes = ['member_search_text_trgm_idx', 'member_search_name_trgm_idx', 'search_word_trgm_idx'];

export class Migration20261201510000_search_gin_direct extends Migration {
  override up(): void {
    for (const index of indexes) {
      this.addSql(`alter index "${index}" set (fastupdate = off);`);
      // What is pending now goes into the index; without the list's entries a search would miss them.
      this.addSql(`select gin_clean_pending_list('"${index}"'::regclass);`);
    }
  }

  override down(): void {
    for (const index of indexes) this.addSql(`alter index "${index}" reset (fastupdate);`);
  }
}
