import type { EntityManager } from '@mikro-orm/postgresql';
import { windowDays } from '../../shared/certificates.ts';
import { regionToday } from '../../shared/region-day.ts';
import { sql } from '../../shared/sql.ts';

// The network office's follow-up list: certificates of its live members that run out soon or ran out lately.
// Automotive customers buy from IATF 16949 and ISO 9001 holders only, so a lapsed certificate costs a member its
// orders; the profile showed one expiring in 13 days as plainly valid, and no office could see whose ran out
// without opening every profile (the self-service probe).

export interface ExpiringRow {
  memberId: number;
  standard: string;
  number: string | null;
  validUntil: string;
}

/**
 * Certificates of live members valid until a day from `expiredSinceDays` before the region's today to `withinDays`
 * after it, the soonest to run out first (the longest lapsed at the top), then by member name. One statement; it
 * reads the network's certificates without an index on the date (20,000 rows at 10,000 members, a few
 * milliseconds for a page an office opens now and then), `first` at most 500.
 */
export async function expiringCertifications(em: EntityManager, withinDays: number, expiredSinceDays: number, first: number): Promise<ExpiringRow[]> {
  const ahead = windowDays('withinDays', withinDays);
  const behind = windowDays('expiredSinceDays', expiredSinceDays);
  const query = sql`select c.member_id as "memberId", c.standard, c.number, c.valid_until::text as "validUntil"
    from certification c join member m on m.id = c.member_id
    where m.archived_at is null and c.valid_until between ${regionToday} - ${behind}::int and ${regionToday} + ${ahead}::int
    order by c.valid_until, m.name, c.standard, c.id
    limit ${first}`;
  return em.getConnection().execute<ExpiringRow[]>(query.sql, query.params);
}
