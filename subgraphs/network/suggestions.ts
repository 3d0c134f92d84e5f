import type { EntityManager } from '@mikro-orm/postgresql';
import { processAndDescendants } from '../../shared/data/processes.ts';
import { badInput } from '../../shared/errors.ts';
import { joinSql, raw, sql, textArray, type Fragment } from '../../shared/sql.ts';
import { chordMetres, earthPoint, surfaceMetresSql } from './geo.ts';

// The network's half of partner suggestions (region's half:
// subgraphs/region/relationships/suggestions.ts, which holds the rule). Region
// asks each network once per request for the members that offer any of the
// complementary process groups within the radius, in the suggestions' own
// order (more groups first, then the nearer, then the id), with only what the
// rule needs: the id, the groups offered and the distance. Because every
// network answers its best `first` in that one order, region's merge of the
// pages is the ranking over all networks.

export interface PartnerCandidatesArgs {
  groups: string[];
  near?: { latitude: number; longitude: number; radiusKm: number } | null;
  exclude: number[];
  first: number;
}

export interface PartnerCandidate {
  localId: number;
  /** The groups asked for that this member offers (at or below them), in the order asked. */
  groups: string[];
  distanceKm: number | null;
}

/** Region asks for at most the eight groups of complements.ts; a longer list is not region's. */
const maxGroups = 20;

function codesOf(group: string): string[] {
  const codes = processAndDescendants(group);
  if (codes.length === 0)
    throw badInput('groups', `"${group.slice(0, 20)}" is not a process group of the catalogue (DIN 8580), such as 3.2.`, { reason: 'UNKNOWN_PROCESS' });
  return codes;
}

export async function partnerCandidates(em: EntityManager, args: PartnerCandidatesArgs): Promise<PartnerCandidate[]> {
  if (args.groups.length === 0) return [];
  if (args.groups.length > maxGroups)
    throw badInput('groups', `At most ${maxGroups} groups, got ${args.groups.length}.`, { reason: 'TOO_MANY', max: maxGroups });
  const groups = args.groups.map((group) => ({ group, codes: codesOf(group) }));
  const offered = joinSql(
    groups.map(({ group, codes }) => sql`case when m.process_codes && ${textArray(codes)}::text[] then ${group} end`),
    ', ',
  );
  const where: Fragment[] = [
    raw('m.archived_at is null'),
    sql`m.process_codes && ${textArray(groups.flatMap((g) => g.codes))}::text[]`,
    sql`m.id <> all(${`{${args.exclude.join(',')}}`}::int[])`,
  ];
  let distance = raw('null::int');
  if (args.near) {
    const { latitude, longitude, radiusKm } = args.near;
    const point = earthPoint(latitude, longitude);
    // The box finds candidates on the GiST index; the straight-line distance keeps those inside the circle. Search leaves
    // the box out from narrowSearchCircleKm on (search.ts); suggestions keep it at every radius, not measured with wide circles.
    where.push(sql`earth_box(${point}, ${radiusKm * 1000}) @> m.location and m.location <-> ${point} <= ${chordMetres(radiusKm * 1000)}`);
    distance = sql`round(${surfaceMetresSql(point)})::int`;
  }
  const statement = sql`select c.* from (
      select m.id, array_remove(array[${offered}]::text[], null) as groups, ${distance} as distance_m from member m where ${joinSql(where, ' and ')}
    ) c order by cardinality(c.groups) desc, c.distance_m asc nulls last, c.id limit ${args.first}`;
  const rows = await em.getConnection().execute<{ id: number; groups: string[]; distance_m: number | null }[]>(statement.sql, statement.params);
  return rows.map((row) => ({ localId: row.id, groups: row.groups, distanceKm: row.distance_m === null ? null : row.distance_m / 1000 }));
}
