import { initOrm, type SqlCounter } from '../../shared/orm.ts';
import { AuditEntrySchema, CertificationSchema, ContactPersonSchema, MemberSchema, ServiceSchema } from './entities/index.ts';
import { keepCatalogMasks } from './catalog-masks.ts';
import { migrations } from './migrations/index.ts';
import { newsEntities } from '../../shared/news/news.entity.ts';

export type { SqlCounter };

export function initNetworkOrm(clientUrl: string, sqlDebug = false) {
  return initOrm({
    clientUrl,
    entities: [MemberSchema, CertificationSchema, ServiceSchema, ContactPersonSchema, AuditEntrySchema, ...newsEntities],
    migrations,
    afterMigrations: async (session) => {
      await keepCatalogMasks(session);
    },
    sqlDebug,
    // Kept by the database, not sent as start-up options, which PgBouncer refuses. Typo tolerance of the text search:
    // a dictionary word is a close spelling at 0.4 trigram similarity (one wrong letter in a town name; the default
    // 0.3 lets in words that share a syllable, test/search-settings.e2e.ts). No parallel plans: the relevance page
    // relies on Append running its tiers in order (search.ts), and on two shared cores parallel workers only add
    // latency to short searches. Pages read out of order cost about what pages read in order do, as a network's
    // data sits in the server's buffers (the default of 4 is for disks that seek): with 4 the planner took a scan of
    // the member table over the trigram index for words that few members hold, and the search shape's samples (one
    // network of 10,000 members, 220 of its searches three times, EXPLAIN ANALYZE, twice in turn) ran 1.84 and 1.67 ms
    // on average instead of 1.29 and 1.27 (test/search-plan.e2e.ts). findSuppliers' certificate holders are read from
    // their index alone (migration certificate_holders), which an index scan at 1.1 would otherwise read page by page.
    databaseSettings: {
      load: "select similarity('', '')",
      values: { 'pg_trgm.similarity_threshold': '0.4', max_parallel_workers_per_gather: '0', random_page_cost: '1.1' },
    },
  });
}
