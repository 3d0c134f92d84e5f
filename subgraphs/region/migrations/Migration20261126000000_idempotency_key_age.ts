import { Migration } from '@mikro-orm/migrations';

// Expired idempotency keys are deleted by age on every poll of the outbox dispatcher.
export class Migration20261126000000_idempotency_key_age extends Migration {
  override up(): void {
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);
  }

  override down(): void {
    this.addSql(`drop index if exists "idempotency_key_created_at_index";`);
  }
}
