import type { EntityManager } from '@mikro-orm/postgresql';
import { offersSql, scoreSupplier, supplierScoreSql, type Requirements } from '../../shared/matching.ts';
import { regionToday } from '../../shared/region-day.ts';
import { scoreScale } from '../../shared/search.ts';
import { joinSql, raw, sql, type Fragment } from '../../shared/sql.ts';
import { earthPoint, surfaceMetresSql } from './geo.ts';

// The network's half of findSuppliers, one statement per request: hard
// requirements filter, the shared rules (shared/matching.ts) score every
// candidate in SQL, and only the page's members come back, explained by the
// same rules in TypeScript.

export interface SupplierHit {
  localId: number;
  sortKey: string;
  rank: number;
  score: number;
  distanceKm: number | null;
  breakdown: ReturnType<typeof scoreSupplier>['breakdown'];
}

/**
 * Below this maximum distance the members inside the circle are few enough to read through the location's
 * GiST index; from it on, all are read from member_supplier_idx (see the box below). Q3's requirements around
 * Eisenach, one network at 10,000 members, the statement's time in ms, GiST index against member_supplier_idx:
 * 10 km 5.4 against 6.2-6.9, 15 km 7.4-8.1 against 7.1-7.2, 20 km 12.1-12.8 against 8.3-8.6. Where the two
 * meet depends on how the members are spread, not on how many they are: both reads grow with the network.
 */
export const narrowCircleKm = 15;

export function matchStatement(requirements: Requirements, first: number): Fragment {
  const where: Fragment[] = [raw('m.archived_at is null')];
  for (const standard of requirements.certifications ?? []) {
    // The holders of a certificate as one set, joined by hash: written as `exists`, PostgreSQL looked the
    // certificate up per candidate, since it took the box below, then always `@>`, for 10 rows (cube has no
    // statistics) where a request for 100 km around Eisenach keeps all of them (Q3 per network at 10,000
    // members, before the index-only scan: 7,631 index lookups; 27 ms for the statement instead of 34). A
    // narrow circle's box is still `@>`, and OFFSET 0 keeps the planner from turning the set back into
    // lookups. Its cost is the holders' count, bounded by the network's size, also for a narrow circle that
    // the lookups would have served cheaper.
    where.push(sql`m.id in (select c.member_id from certification c where c.standard = ${standard} and c.valid_until >= ${regionToday} offset 0)`);
  }
  if (requirements.processes?.length) {
    // A supplier must offer at least one of the processes; how many it covers is scored.
    where.push(offersSql(...requirements.processes));
  }
  let distanceKm = raw('null::float8');
  const withinReach: Fragment[] = [];
  if (requirements.delivery) {
    const point = earthPoint(requirements.delivery.latitude, requirements.delivery.longitude);
    distanceKm = sql`${surfaceMetresSql(point)} / 1000`;
    if (requirements.maxDistanceKm != null) {
      const box = sql`earth_box(${point}, ${requirements.maxDistanceKm * 1000})`;
      // Written as `@>`, the box lets the planner read the members through the location's GiST index, which
      // cube's missing statistics make look like 10 rows, and then each row from the heap. For a narrow circle
      // that is right. A wider one holds most members (100 km around Eisenach all of them), and as a function
      // the box is only a filter of the index-only scan of member_supplier_idx (migration supplier_cover): Q3's
      // statement in one network at 10,000 members took 10.4-11.7 ms so instead of 20.2-21.5, within 30 km
      // 9.4-9.9 instead of 16.7-17.3 (narrowCircleKm above for the narrow ones).
      where.push(requirements.maxDistanceKm < narrowCircleKm ? sql`${box} @> m.location` : sql`cube_contains(${box}, m.location)`);
      withinReach.push(sql`m.distance_km <= ${requirements.maxDistanceKm}`);
    }
  }
  const score = supplierScoreSql(requirements, { distanceKm: raw('m.distance_km') });
  // `near` computes each candidate's distance once: the distance rule compares it up to four times, and
  // written inline PostgreSQL would evaluate it for every comparison (Q3 per network at 10,000 members,
  // with earth_distance: about 82 ms instead of 48). OFFSET 0 keeps the planner from inlining it back.
  // Every candidate is scored, the page is sorted out in the database, and what the
  // explanation needs (certificates) is read for the page's members only. The total is counted over the
  // candidates apart: `count(*) over ()` kept every scored row in the window's store before the sort could
  // start (Q3 per network at 10,000 members: 28 ms for the statement, 24 this way).
  // Equal scores go nearest first, by the distance as the hit shows it (a tenth of a km), so that region merges the
  // networks' pages by the same key (shared/sort-key.ts compareSupplierKeys): every distance up to 50 km meets the
  // distance rule in full, and ordered by name alone the 68 suppliers meeting a request around Eschwege in full gave
  // its three invitations to Beck, Beck and Brandt at 28-38 km, while four shops in Eschwege itself sat further down
  // the alphabet (the self-service probe). Without a delivery place the name decides, as before.
  return sql`with near as (select m.id, m.sort_key, m.process_mask, m.material_mask, m.materials, m.employees, ${distanceKm} as distance_km from member m where ${joinSql(where, ' and ')} offset 0),
    candidate as (select m.id, m.sort_key, m.distance_km, round(m.distance_km::numeric, 1) as shown_km, ${raw(String(scoreScale))} - ${score} as rank from near m${withinReach.length ? sql` where ${joinSql(withinReach, ' and ')}` : raw('')}),
    page as (select *, (select count(*) from candidate) as total from candidate order by rank, shown_km nulls last, sort_key, id limit ${first})
    select p.id, p.sort_key, p.rank, p.total, m.process_codes, m.materials, m.employees, p.distance_km,
      coalesce((select json_agg(json_build_object('standard', c.standard, 'validUntil', c.valid_until) order by c.valid_until desc)
                from certification c where c.member_id = m.id and c.valid_until >= ${regionToday}), '[]'::json) as certificates
    from page p join member m on m.id = p.id order by p.rank, p.shown_km nulls last, p.sort_key, p.id`;
}

export async function matchSuppliers(em: EntityManager, requirements: Requirements, first: number): Promise<{ totalCount: number; hits: SupplierHit[] }> {
  const statement = matchStatement(requirements, first);
  const rows = await em.getConnection().execute<
    {
      id: number;
      sort_key: string;
      rank: number;
      total: string;
      process_codes: string[];
      materials: string[];
      employees: number | null;
      distance_km: number | null;
      certificates: { standard: string; validUntil: string }[];
    }[]
  >(statement.sql, statement.params);
  const hits = rows.map((row) => {
    const { score, breakdown } = scoreSupplier(requirements, {
      processCodes: row.process_codes,
      materials: row.materials,
      employees: row.employees,
      distanceKm: row.distance_km,
      certificates: row.certificates,
    });
    return {
      localId: row.id,
      sortKey: row.sort_key,
      rank: Number(row.rank),
      score,
      distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      breakdown,
    };
  });
  return { totalCount: rows.length ? Number(rows[0].total) : 0, hits };
}
