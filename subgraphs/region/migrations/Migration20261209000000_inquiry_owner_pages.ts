import { Migration } from '@mikro-orm/migrations';

// A partner reads its own inquiries page after page, newest first (inquiries(after)): the owner's inquiries in the
// list's order, so each page is an index range from the previous page's last inquiry on. The index on owner_key
// alone found the owner's inquiries and sorted all of them for every page; the new one finds them by its leading
// column as well (a member's or office's list: its own or those it is invited to), so it replaces that one.
export class Migration20261209000000_inquiry_owner_pages extends Migration {
  override up(): void {
    this.addSql(`create index "inquiry_owner_created_idx" on "inquiry" ("owner_key", "created_at", "id");`);
    this.addSql(`drop index if exists "inquiry_owner_idx";`);
  }

  override down(): void {
    this.addSql(`create index "inquiry_owner_idx" on "inquiry" ("owner_key");`);
    this.addSql(`drop index if exists "inquiry_owner_created_idx";`);
  }
}
