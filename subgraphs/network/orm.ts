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
    // latency to short searches.
    databaseSettings: { load: "select similarity('', '')", values: { 'pg_trgm.similarity_threshold': '0.4', max_parallel_workers_per_gather: '0' } },
  });
}
