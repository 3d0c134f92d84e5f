import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { postalCodeLocation } from '../shared/data/postal-codes.ts';
import { quantities, scoreSupplier, supplierScoreSql, tolerances, type Requirements } from '../shared/matching.ts';
import { regionToday } from '../shared/region-day.ts';
import { positional, sql, type Fragment } from '../shared/sql.ts';
import { earthPoint, surfaceMetresSql } from '../subgraphs/network/geo.ts';
import { seededNetworkDatabase } from './support/network-database.ts';

// findSuppliers ranks in SQL and explains in TypeScript; both come from the
// rules in shared/matching.ts. Here every rule combination is scored both ways
// for every member of a generated network, and the scores must be equal.

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: await seededNetworkDatabase('scoring', 300) });
  await client.connect();
  // The rules' edge cases: unknown size, unknown location, no processes or materials at all, other spellings.
  await client.query(`update member set employees = null where id % 11 = 0`);
  await client.query(`update member set latitude = null, longitude = null where id % 13 = 0`);
  await client.query(`update member set process_codes = '{}', materials = '{}' where id % 17 = 0`);
  // Materials by another spelling: an alias (C45's number), a name with a comma, one the list lacks.
  await client.query(`update member set materials = '{1.0503,"AlMgSi0,5",Unobtainium}' where id % 19 = 0`);
  // A family's word stored as typed, as an import's "Werkstoffe: Edelstahl" leaves it.
  await client.query(`update member set materials = '{Edelstahl}' where id % 23 = 0`);
}, 60_000);
afterAll(async () => {
  await client?.end();
});

async function run(statement: Fragment) {
  return (await client.query(positional(statement.sql), statement.params)).rows;
}

const eisenach = postalCodeLocation('99817')!;
const processSets = [['3.2.1'], ['3.2.1', '3.3'], ['1.1', '6.2']];
// "Edelstahl" and "Alu" name a family as a whole (materials.ts findFamily).
const materials = ['42CrMo4', 'PA66', 'AlMgSi1', 'Unobtainium', 'Edelstahl', 'Alu', 'Stahl', null];
const deliveries: Pick<Requirements, 'delivery' | 'maxDistanceKm'>[] = [{}, { delivery: eisenach }, { delivery: eisenach, maxDistanceKm: 30 }];

test('SQL and TypeScript give every member the same score for every rule combination', async () => {
  let compared = 0;
  for (const processes of processSets)
    for (const material of materials)
      for (const quantity of [...quantities, null])
        for (const tolerance of [...tolerances, null])
          for (const delivery of deliveries) {
            const requirements: Requirements = { processes, material, quantity, tolerance, ...delivery };
            const point = delivery.delivery ? earthPoint(eisenach.latitude, eisenach.longitude) : null;
            const distanceKm = point ? sql`${surfaceMetresSql(point)} / 1000` : sql`null::float8`;
            const rows = await run(sql`select m.process_codes, m.materials, m.employees, ${distanceKm} as distance_km,
                coalesce((select json_agg(json_build_object('standard', c.standard, 'validUntil', c.valid_until)) from certification c
                          where c.member_id = m.id and c.valid_until >= ${regionToday}), '[]'::json) as certificates,
                ${supplierScoreSql(requirements, { distanceKm })} as score
              from member m`);
            for (const row of rows) {
              const expected = scoreSupplier(requirements, {
                processCodes: row.process_codes,
                materials: row.materials,
                employees: row.employees,
                distanceKm: row.distance_km,
                certificates: row.certificates,
              });
              if (Math.round(expected.score * 10000) !== Number(row.score)) {
                expect({ requirements, row, sql: Number(row.score) / 10000 }).toEqual({ requirements, row, sql: expected.score });
              }
              compared++;
            }
          }
  expect(compared).toBe(processSets.length * materials.length * (quantities.length + 1) * (tolerances.length + 1) * deliveries.length * 300);
}, 120_000);

test("distances along the surface are earthdistance's earth_distance, to the millimetre, from nearby to the antipode", async () => {
  // Points all over the globe, from next to the region's members to near their antipode, so that every branch of sec_to_gc is crossed.
  const points = [
    eisenach,
    { latitude: 50.98, longitude: 10.32 },
    { latitude: -50.98566, longitude: -169.68554 },
    { latitude: 0, longitude: 0 },
    { latitude: 90, longitude: 0 },
  ];
  let compared = 0;
  for (const { latitude, longitude } of points) {
    const point = earthPoint(latitude, longitude);
    const rows = await run(sql`select earth_distance(m.location, ${point}) as expected, ${surfaceMetresSql(point)} as actual
      from member m where m.location is not null`);
    for (const row of rows) {
      if (Math.abs(row.expected - row.actual) > 0.001)
        expect({ latitude, longitude, actual: row.actual }).toEqual({ latitude, longitude, actual: row.expected });
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(points.length * 250);
});
