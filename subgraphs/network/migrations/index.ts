import { Migration20261123000000_members } from './Migration20261123000000_members.ts';
import { Migration20261123010000_search } from './Migration20261123010000_search.ts';
import { Migration20261124000000_audit } from './Migration20261124000000_audit.ts';
import { Migration20261124010000_search_name } from './Migration20261124010000_search_name.ts';
import { Migration20261124020000_search_words } from './Migration20261124020000_search_words.ts';
import { Migration20261125000000_search_scale } from './Migration20261125000000_search_scale.ts';
import { Migration20261201300000_versions_idempotency } from './Migration20261201300000_versions_idempotency.ts';
import { Migration20261201400000_news } from './Migration20261201400000_news.ts';
import { Migration20261201500000_search_fields } from './Migration20261201500000_search_fields.ts';
import { Migration20261201510000_search_gin_direct } from './Migration20261201510000_search_gin_direct.ts';
import { Migration20261203100000_supplier_cover } from './Migration20261203100000_supplier_cover.ts';
import { Migration20261204200000_supplier_masks } from './Migration20261204200000_supplier_masks.ts';
import { Migration20261205000000_certificate_holders } from './Migration20261205000000_certificate_holders.ts';
import { Migration20261205100000_search_words_notify } from './Migration20261205100000_search_words_notify.ts';
import { Migration20261205200000_search_words_quiet } from './Migration20261205200000_search_words_quiet.ts';
import { Migration20261206000000_search_words_rule } from './Migration20261206000000_search_words_rule.ts';
import { Migration20261207000000_search_materials_certificates } from './Migration20261207000000_search_materials_certificates.ts';
import { Migration20261208000000_search_words_prune } from './Migration20261208000000_search_words_prune.ts';
import { Migration20261209000000_search_words_prune_batches } from './Migration20261209000000_search_words_prune_batches.ts';
import { Migration20261210000000_news_corrections } from './Migration20261210000000_news_corrections.ts';

// Committed migrations, oldest first. They run at start-up; the schema is never synchronised from entities outside tests.
export const migrations = [
  { name: 'Migration20261123000000_members', class: Migration20261123000000_members },
  { name: 'Migration20261123010000_search', class: Migration20261123010000_search },
  { name: 'Migration20261124000000_audit', class: Migration20261124000000_audit },
  { name: 'Migration20261124010000_search_name', class: Migration20261124010000_search_name },
  { name: 'Migration20261124020000_search_words', class: Migration20261124020000_search_words },
  { name: 'Migration20261125000000_search_scale', class: Migration20261125000000_search_scale },
  { name: 'Migration20261201300000_versions_idempotency', class: Migration20261201300000_versions_idempotency },
  { name: 'Migration20261201400000_news', class: Migration20261201400000_news },
  { name: 'Migration20261201500000_search_fields', class: Migration20261201500000_search_fields },
  { name: 'Migration20261201510000_search_gin_direct', class: Migration20261201510000_search_gin_direct },
  { name: 'Migration20261203100000_supplier_cover', class: Migration20261203100000_supplier_cover },
  { name: 'Migration20261204200000_supplier_masks', class: Migration20261204200000_supplier_masks },
  { name: 'Migration20261205000000_certificate_holders', class: Migration20261205000000_certificate_holders },
  { name: 'Migration20261205100000_search_words_notify', class: Migration20261205100000_search_words_notify },
  { name: 'Migration20261205200000_search_words_quiet', class: Migration20261205200000_search_words_quiet },
  { name: 'Migration20261206000000_search_words_rule', class: Migration20261206000000_search_words_rule },
  { name: 'Migration20261207000000_search_materials_certificates', class: Migration20261207000000_search_materials_certificates },
  { name: 'Migration20261208000000_search_words_prune', class: Migration20261208000000_search_words_prune },
  { name: 'Migration20261209000000_search_words_prune_batches', class: Migration20261209000000_search_words_prune_batches },
  { name: 'Migration20261210000000_news_corrections', class: Migration20261210000000_news_corrections },
];
