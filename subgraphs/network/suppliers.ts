import type { EntityManager } from '@mikro-orm/postgresql';
import { processAndDescendants } from '../../shared/data/processes.ts';
import { scoreSupplier, type Requirements } from '../../shared/matching.ts';
import { scoreScale } from '../../shared/search.ts';
import { compareOrderKeys } from '../../shared/sort-key.ts';
import { textArray } from './sql.ts';

// The network's half of findSuppliers: hard requirements filter in SQL, the
// shared scoring code ranks the remaining candidates. One statement per request.

export interface SupplierHit {
  localId: number;
  sortKey: string;
  rank: number;
  score: number;
  distanceKm: number | null;
  breakdown: ReturnType<typeof scoreSupplier>['breakdown'];
}

export async function matchSuppliers(em: EntityManager, requirements: Requirements, first: number): Promise<{ totalCount: number; hits: SupplierHit[] }> {
  const where = ['m.archived_at is null'];
  const params: unknown[] = [];
  const required = requirements.certifications ?? [];
  for (const standard of required) {
    where.push('exists (select 1 from certification c where c.member_id = m.id and c.standard = ? and c.valid_until >= current_date)');
    params.push(standard);
  }
  if (requirements.processes?.length) {
    // A supplier must offer at least one of the processes; how many it covers is scored.
    const codes = requirements.processes.flatMap(processAndDescendants);
    where.push('m.process_codes && ?::text[]');
    params.push(textArray(codes));
  }
  let distance = 'null::float8';
  const distanceParams: unknown[] = [];
  if (requirements.delivery) {
    const { latitude, longitude } = requirements.delivery;
    distance = 'earth_distance(m.location, ll_to_earth(?, ?)) / 1000';
    distanceParams.push(latitude, longitude);
    if (requirements.maxDistanceKm != null) {
      where.push('earth_box(ll_to_earth(?, ?), ?) @> m.location and earth_distance(m.location, ll_to_earth(?, ?)) <= ?');
      const metres = requirements.maxDistanceKm * 1000;
      params.push(latitude, longitude, metres, latitude, longitude, metres);
    }
  }
  const rows = await em.getConnection().execute<{ id: number; sort_key: string; process_codes: string[]; materials: string[]; employees: number | null; distance_km: number | null; certificates: { standard: string; validUntil: string }[] }[]>(
    `select m.id, m.sort_key, m.process_codes, m.materials, m.employees, ${distance} as distance_km,
       coalesce((select json_agg(json_build_object('standard', c.standard, 'validUntil', c.valid_until) order by c.valid_until desc)
                 from certification c where c.member_id = m.id and c.valid_until >= current_date), '[]'::json) as certificates
     from member m where ${where.join(' and ')}`,
    [...distanceParams, ...params],
  );
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
      rank: scoreScale - Math.round(score * scoreScale),
      score,
      distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      breakdown,
    };
  });
  hits.sort((a, b) => compareOrderKeys({ ...a, network: '' }, { ...b, network: '' }));
  return { totalCount: hits.length, hits: hits.slice(0, first) };
}
