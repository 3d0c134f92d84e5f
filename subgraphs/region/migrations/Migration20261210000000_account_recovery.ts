import { Migration } from '@mikro-orm/migrations';

// Getting back into an account (accounts/accounts.ts resetAccountPassword, restoreAccount): when a one-time password
// was set and not yet replaced, and when an archived account was restored.
export class Migration20261210000000_account_recovery extends Migration {
  override up(): void {
    this.addSql(`alter table "account" add column "password_reset_at" timestamptz null, add column "restored_at" timestamptz null;`);
  }

  override down(): void {
    this.addSql(`alter table "account" drop column "password_reset_at", drop column "restored_at";`);
  }
}
