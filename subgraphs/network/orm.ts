import { initOrm, type SqlCounter } from '../../shared/orm.ts';
import { AuditEntrySchema, CertificationSchema, ContactPersonSchema, MemberSchema, ServiceSchema } from './entities/index.ts';
import { migrations } from './migrations/index.ts';
import { newsEntities } from '../../shared/news/news.entity.ts';

export type { SqlCounter };

export function initNetworkOrm(clientUrl: string, sqlDebug = false) {
  return initOrm({
    clientUrl,
    entities: [MemberSchema, CertificationSchema, ServiceSchema, ContactPersonSchema, AuditEntrySchema, ...newsEntities],
    migrations,
    sqlDebug,
    // Typo tolerance of the text search: a dictionary word is a close spelling at 0.4 trigram similarity (one wrong letter in a town name).
    // No parallel plans: the relevance page relies on Append running its tiers in order (search.ts), and on
    // two shared cores parallel workers only add latency to short searches.
    overrides: { driverOptions: { options: '-c pg_trgm.similarity_threshold=0.4 -c max_parallel_workers_per_gather=0' } },
  });
}
