import { Migration } from '@mikro-orm/migrations';

// The fact's key as relationships/relationship.entity.ts factSql states it today, written out: a migration that has
// run must not change with the entity.
const factSql = {
  kind: `(case when "kind" in ('SUPPLIER_OF', 'CUSTOMER_OF') then 'SUPPLY' else "kind" end)`,
  first: `(case "kind" when 'SUPPLIER_OF' then "requester_id" when 'CUSTOMER_OF' then "partner_id" else least("requester_id", "partner_id") end)`,
  second: `(case "kind" when 'SUPPLIER_OF' then "partner_id" when 'CUSTOMER_OF' then "requester_id" else greatest("requester_id", "partner_id") end)`,
};

// One active business relationship per fact (relationships/relationship.entity.ts factSql) instead of per sorted
// pair and kind: "B SUPPLIER_OF A" beside "A SUPPLIER_OF B" is allowed now, "B CUSTOMER_OF A" beside it refused.
// Two active rows that state one supply already (allowed before) would keep the new index from being built: of
// each such pair the confirmed one stays, else the older, and the other is ended with no member named as ending it.
export class Migration20261206100000_relationship_facts extends Migration {
  override up(): void {
    const fact = (row: string) =>
      Object.values(factSql)
        .map((expression) =>
          expression
            .replaceAll('"kind"', `${row}."kind"`)
            .replaceAll('"requester_id"', `${row}."requester_id"`)
            .replaceAll('"partner_id"', `${row}."partner_id"`),
        )
        .join(', ');
    this.addSql(`drop index if exists "business_relationship_active_pair_idx";`);
    this.addSql(
      `update "business_relationship" b set "status" = 'ENDED', "ended_at" = now() where b."status" <> 'ENDED' and exists (
        select 1 from "business_relationship" o where o."status" <> 'ENDED' and o."id" <> b."id" and (${fact('o')}) = (${fact('b')})
          and (o."status" = 'CONFIRMED', b."created_at", b."id") > (b."status" = 'CONFIRMED', o."created_at", o."id"));`,
    );
    this.addSql(
      `create unique index "business_relationship_active_fact_idx" on "business_relationship" (${factSql.first}, ${factSql.second}, ${factSql.kind}) where "status" <> 'ENDED';`,
    );
  }

  override down(): void {
    this.addSql(`drop index "business_relationship_active_fact_idx";`);
    // Both directions of a supply may be active now, which the old key refuses: the later of such a pair ends.
    this.addSql(
      `update "business_relationship" b set "status" = 'ENDED', "ended_at" = now() where b."status" <> 'ENDED' and exists (
        select 1 from "business_relationship" o where o."status" <> 'ENDED' and o."id" <> b."id" and o."kind" = b."kind"
          and least(o."requester_id", o."partner_id") = least(b."requester_id", b."partner_id") and greatest(o."requester_id", o."partner_id") = greatest(b."requester_id", b."partner_id")
          and (o."status" = 'CONFIRMED', b."created_at", b."id") > (b."status" = 'CONFIRMED', o."created_at", o."id"));`,
    );
    this.addSql(
      `create unique index "business_relationship_active_pair_idx" on "business_relationship" (least("requester_id", "partner_id"), greatest("requester_id", "partner_id"), "kind") where "status" <> 'ENDED';`,
    );
  }
}
