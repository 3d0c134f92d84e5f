import { Migration } from '@mikro-orm/migrations';

// findSuppliers reads every live member that may pass its hard requirements, and of each only what the rules
// score (subgraphs/network/suppliers.ts). Read from the member rows, 1.5 kB each with their folded search
// columns, that was a bitmap scan of every heap page (1,904 at 10,000 members); this index holds just those
// columns, 309 pages, and an index-only scan reads it. Keyed by id, the narrowest key: the scan is whole.
// The scan still visits the heap for the pages a member's update left out of the visibility map until
// autovacuum (or a bulk load's own vacuum, scripts/seed-bulk.ts) marks them all-visible again.
export class Migration20261203100000_supplier_cover extends Migration {
  override up(): void {
    this.addSql(
      `create index "member_supplier_idx" on "member" ("id") include ("sort_key", "process_codes", "materials", "employees", "location") where "archived_at" is null;`,
    );
  }

  override down(): void {
    this.addSql(`drop index if exists "member_supplier_idx";`);
  }
}
