import { Migration } from '@mikro-orm/migrations';
import { openSecret, sealSecret } from '../inquiries/webhook-secrets.ts';

// Webhooks of inquiry owners, and their secrets encrypted at rest.
// - A webhook names its owner as inquiries do (owner_key: member:…, office:…,
//   partner:…, admin:…), so that partners, who own most inquiries and belong to
//   no network, hear of their own inquiries; outbox events name the inquiry
//   owner they concern (QUOTE_RECEIVED).
// - Secrets stored in plain text are sealed with region's webhook key
//   (inquiries/webhook-secrets.ts); the key is not in the database, so this
//   migration is made for it.

export function webhookOwnersMigration(webhookKey: Buffer) {
  return class Migration20261201200000_webhook_owners extends Migration {
    override async up(): Promise<void> {
      await this.execute(
        `alter table "webhook" add column "owner_key" varchar(240) null, alter column "network" drop not null, alter column "secret" type varchar(200);`,
      );
      await this.execute(`update "webhook" set "owner_key" = case when "member_id" is not null then 'member:' || "member_id" else 'office:' || "network" end;`);
      await this.execute(`alter table "webhook" alter column "owner_key" set not null;`);
      await this.execute(`create index "webhook_owner_key_idx" on "webhook" ("owner_key");`);
      await this.execute(`alter table "outbox_event" add column "owner_key" varchar(240) null;`);
      const rows = await this.execute(`select "id", "secret" from "webhook"`);
      for (const row of rows) await this.execute(`update "webhook" set "secret" = ? where "id" = ?`, [sealSecret(webhookKey, String(row.secret)), row.id]);
    }

    override async down(): Promise<void> {
      const rows = await this.execute(`select "id", "secret" from "webhook"`);
      for (const row of rows) await this.execute(`update "webhook" set "secret" = ? where "id" = ?`, [openSecret(webhookKey, String(row.secret)), row.id]);
      // Webhooks of partners and admin have no network, which the old schema requires.
      await this.execute(`delete from "webhook" where "network" is null;`);
      await this.execute(`alter table "outbox_event" drop column "owner_key";`);
      await this.execute(`drop index if exists "webhook_owner_key_idx";`);
      await this.execute(`alter table "webhook" drop column "owner_key", alter column "network" set not null, alter column "secret" type varchar(100);`);
    }
  };
}
