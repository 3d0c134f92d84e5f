import { Migration } from '@mikro-orm/migrations';

// An office's inquiry access reads its network's consortium partnerships (inquiries/access.ts readParticipation),
// which only member_id indexed: every office request read the whole table. And the revisions of quotes already
// filed for a consortium: migration revision_consortium left them none's, so its partners saw none of them; the
// revision a quote now stands at was submitted for the consortium it names.
export class Migration20261207100000_consortium_partner_network extends Migration {
  override up(): void {
    this.addSql(`create index "consortium_partner_network_idx" on "consortium_partner" ("network");`);
    this.addSql(`update "quote_revision" r set "consortium_id" = q."consortium_id"
      from "quote" q where q."id" = r."quote_id" and q."consortium_id" is not null and r."revision" = q."revision" and r."consortium_id" is null;`);
  }

  override down(): void {
    this.addSql(`drop index "consortium_partner_network_idx";`);
  }
}
