import { Migration } from '@mikro-orm/migrations';

// Region's ids that the API shows (inq-…, q-…, con-…, att-…, wh-…, cap-…, bk-…, k-…)
// were a serial counter: whoever held inq-12 could try inq-13. New rows get a
// random id instead: 52 bits from PostgreSQL's strong random source
// (gen_random_uuid), offset so every id has 16 digits and stays a safe
// JavaScript integer (2^52 ≤ id < 2^53). Rows created before keep their ids, so
// references held outside (webhook receivers, partners' systems) stay valid.
// Ids that never leave region (invitations, consortium partners, quote
// revisions, webhook deliveries, audit entries) keep their counters: their
// order is the order of creation, which region pages and sorts by.

const randomIdTables = ['inquiry', 'quote', 'consortium', 'inquiry_attachment', 'webhook', 'capacity_post', 'capacity_booking', 'api_key'];

/** Columns that hold one of those ids, widened with them. */
const references: [table: string, column: string][] = [
  ['inquiry', 'awarded_quote_id'],
  ['inquiry_invitation', 'inquiry_id'],
  ['consortium', 'inquiry_id'],
  ['consortium_partner', 'consortium_id'],
  ['quote', 'inquiry_id'],
  ['quote', 'consortium_id'],
  ['quote_revision', 'quote_id'],
  ['inquiry_attachment', 'inquiry_id'],
  ['outbox_event', 'inquiry_id'],
  ['webhook_delivery', 'webhook_id'],
  ['capacity_booking', 'offer_id'],
  // The id of an idempotent operation's result: an inquiry or a quote.
  ['idempotency_key', 'result_id'],
];

export class Migration20261201100100_random_ids extends Migration {
  override up(): void {
    this.addSql(`create function "random_id"() returns bigint language sql volatile as $$
      select 4503599627370496 + ('x' || substr(md5(gen_random_uuid()::text), 1, 13))::bit(52)::bigint
    $$;`);
    for (const table of randomIdTables) {
      this.addSql(`alter table "${table}" alter column "id" type bigint, alter column "id" set default "random_id"();`);
      this.addSql(`drop sequence if exists "${table}_id_seq";`);
    }
    for (const [table, column] of references) this.addSql(`alter table "${table}" alter column "${column}" type bigint;`);
    // Lists that were newest (or oldest) first by id now sort by creation time.
    this.addSql(`create index "inquiry_created_idx" on "inquiry" ("created_at", "id");`);
    this.addSql(`create index "capacity_post_created_idx" on "capacity_post" ("created_at", "id");`);
  }

  override down(): void {
    this.addSql(`drop index if exists "inquiry_created_idx", "capacity_post_created_idx";`);
    for (const [table, column] of references) this.addSql(`alter table "${table}" alter column "${column}" type int;`);
    for (const table of randomIdTables) {
      this.addSql(`create sequence "${table}_id_seq" owned by "${table}"."id";`);
      this.addSql(`select setval('"${table}_id_seq"', coalesce((select max("id") from "${table}" where "id" < 2147483647), 0) + 1, false);`);
      this.addSql(`alter table "${table}" alter column "id" set default nextval('"${table}_id_seq"'), alter column "id" type int;`);
    }
    this.addSql(`drop function if exists "random_id"();`);
  }
}
