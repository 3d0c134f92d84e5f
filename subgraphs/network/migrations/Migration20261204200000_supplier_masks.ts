import { Migration } from '@mikro-orm/migrations';

// A member's processes and materials also as bit strings, a bit per catalog entry, which findSuppliers' rules
// test instead of comparing text arrays (shared/matching.ts, "The catalogs as bits"). A trigger computes them
// from the arrays on every write, bulk loads included. The functions it calls are written here without a
// catalog: the service writes them from its catalogs at every start and computes the masks again where they
// changed (subgraphs/network/catalog-masks.ts), since the catalogs are extended in code, not in databases.
// member_supplier_idx holds the masks in place of the process codes; it keeps the materials for a material
// the catalog lacks, which is compared as text.
export class Migration20261204200000_supplier_masks extends Migration {
  override up(): void {
    this.addSql(`alter table "member" add column "process_mask" varbit not null default '', add column "material_mask" varbit not null default '';`);
    this.addSql(`create function irm_process_mask(entries text[]) returns varbit language sql immutable parallel safe as $$ select ''::varbit $$;`);
    this.addSql(`create function irm_material_mask(entries text[]) returns varbit language sql immutable parallel safe as $$ select ''::varbit $$;`);
    this.addSql(`create function irm_member_masks() returns trigger language plpgsql as $$
      begin
        new.process_mask := irm_process_mask(new.process_codes);
        new.material_mask := irm_material_mask(new.materials);
        return new;
      end $$;`);
    this.addSql(
      `create trigger member_masks before insert or update of process_codes, materials on "member" for each row execute function irm_member_masks();`,
    );
    this.addSql(`drop index if exists "member_supplier_idx";`);
    this.addSql(
      `create index "member_supplier_idx" on "member" ("id") include ("sort_key", "process_mask", "material_mask", "materials", "employees", "location") where "archived_at" is null;`,
    );
  }

  override down(): void {
    this.addSql(`drop index if exists "member_supplier_idx";`);
    this.addSql(`drop trigger if exists member_masks on "member";`);
    this.addSql(`drop function if exists irm_member_masks();`);
    this.addSql(`drop function if exists irm_process_mask(text[]);`);
    this.addSql(`drop function if exists irm_material_mask(text[]);`);
    this.addSql(`alter table "member" drop column if exists "process_mask", drop column if exists "material_mask";`);
    this.addSql(
      `create index "member_supplier_idx" on "member" ("id") include ("sort_key", "process_codes", "materials", "employees", "location") where "archived_at" is null;`,
    );
  }
}
