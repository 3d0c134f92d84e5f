import { Migration } from '@mikro-orm/migrations';

// Which consortium a quote's revision was submitted for (inquiries/quote-revision.entity.ts consortiumId): a partner
// of the consortium read every revision of the lead's quote, the lead's own prices from before the consortium
// among them (the inquiry probe). Revisions written before are none's: a partner sees none of them.
export class Migration20261207000000_revision_consortium extends Migration {
  override up(): void {
    this.addSql(`alter table "quote_revision" add column "consortium_id" bigint null;`);
  }

  override down(): void {
    this.addSql(`alter table "quote_revision" drop column "consortium_id";`);
  }
}
