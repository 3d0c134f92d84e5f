import { raw, sql, type Fragment } from '../../shared/sql.ts';

// Distances between members and a point, for search, suppliers and suggestions.
// A member's `location` is an earthdistance `earth`: a point in metres on a
// sphere of earthdistance's radius, as cube. Straight lines between two such
// points are cube's `<->`, written in C and the GiST index's own operator.
// earthdistance's earth_distance turns that line into the arc along the
// surface through sec_to_gc, a SQL function declared STRICT around a CASE:
// PostgreSQL does not inline such a function, so it runs through the SQL
// function executor for every row. At 7,631 candidates findSuppliers'
// distances cost about 15 ms that way and 3 ms as the same formula written
// inline (test/supplier-scoring.e2e.ts holds the two to the same numbers).

/** The radius earthdistance's earth() gives, in metres. */
const earthRadius = 6378168;

/**
 * The straight line through the earth between two points this far apart on
 * its surface. Distances compare as straight lines: the order is the same, as
 * the chord grows with the arc.
 */
export function chordMetres(arcMetres: number): number {
  return 2 * earthRadius * Math.sin(arcMetres / (2 * earthRadius));
}

/** `ll_to_earth(latitude, longitude)` with the coordinates as parameters. */
export function earthPoint(latitude: number, longitude: number): Fragment {
  return sql`ll_to_earth(${latitude}, ${longitude})`;
}

/**
 * The distance in metres along the surface between the member `m` and a point:
 * earth_distance's own formula (sec_to_gc of the chord) inline. `least` stands
 * for sec_to_gc's case beyond the antipode, where the arc is half the
 * circumference.
 */
export function surfaceMetresSql(point: Fragment): Fragment {
  const diameter = raw(`${2 * earthRadius}::float8`);
  return sql`(${diameter} * asin(least(1::float8, (m.location <-> ${point}) / ${diameter})))`;
}
