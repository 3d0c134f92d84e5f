import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postalCodeLocation } from '../shared/data/postal-codes.ts';
import type { Requirements } from '../shared/matching.ts';
import { positional } from '../shared/sql.ts';
import { matchStatement, narrowCircleKm } from '../subgraphs/network/suppliers.ts';
import { seededNetworkDatabase } from './support/network-database.ts';

// findSuppliers reads the members it scores from member_supplier_idx alone (an index-only scan), not from
// the member rows, which are six times as many pages (subgraphs/network/suppliers.ts, migration
// supplier_cover); only a narrow circle is read through the location's index. The plan is PostgreSQL's
// choice, so it is checked here on a network large enough for the choice to matter, for the requests that
// differ in what narrows the candidates. That the rows are the same either way is supplier-scoring's part.

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Heap Fetches'?: number;
  Plans?: PlanNode[];
}

let client: pg.Client;

beforeAll(async () => {
  // Vacuumed and analysed at the end, as a bulk load is: the visibility map an index-only scan relies on.
  client = new pg.Client({ connectionString: await seededNetworkDatabase('supplier_plan', 3000) });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
});

/** Every scan of a table (member unless told) in the statement's plan, as run (ANALYZE, for the heap fetches). */
async function tableScans(requirements: Requirements, table = 'member'): Promise<PlanNode[]> {
  const statement = matchStatement(requirements, 10);
  const { rows } = await client.query(`explain (analyze, format json) ${positional(statement.sql)}`, statement.params);
  const scans: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    // A bitmap's index scan names the index only; its heap scan, the table.
    if (node['Relation Name'] === table || node['Index Name']?.startsWith(`${table}_`)) scans.push(node);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(rows[0]['QUERY PLAN'][0].Plan);
  return scans;
}

const eisenach = postalCodeLocation('99817')!;
const requests: [string, Requirements][] = [
  [
    'Q3: processes, certificate, within 100 km',
    { processes: ['3.2.3', '3.2.1'], material: '42CrMo4', certifications: ['ISO 9001'], delivery: eisenach, maxDistanceKm: 100 },
  ],
  ['within 30 km, no certificate', { processes: ['3.2.1'], delivery: eisenach, maxDistanceKm: 30 }],
  ['a delivery location without a maximum distance', { processes: ['3.3'], delivery: eisenach }],
  ['a material only', { material: 'PA66' }],
  ['a certificate without a delivery location', { certifications: ['ISO 9001'], quantity: 'PROTOTYPE' }],
];

/** The scans of the member table other than the page's own members, read by primary key for what the explanation shows. */
async function candidateScans(requirements: Requirements) {
  const scans = await tableScans(requirements);
  return scans.filter((s) => !(s['Index Name'] === 'member_pkey' && s['Node Type'] === 'Index Scan')).map((s) => [s['Node Type'], s['Index Name']]);
}

describe('findSuppliers reads the candidates from member_supplier_idx', () => {
  test.each(requests)('%s', async (_, requirements) => {
    expect(await candidateScans(requirements)).toEqual([['Index Only Scan', 'member_supplier_idx']]);
  });

  test('with the table just vacuumed, without a visit to the member rows', async () => {
    const [scan] = (await tableScans(requests[0][1])).filter((s) => s['Index Name'] === 'member_supplier_idx');
    expect(scan['Heap Fetches']).toBe(0);
  });

  test(`a circle narrower than ${narrowCircleKm} km through the location's index`, async () => {
    const scans = await candidateScans({ processes: ['3.2.1'], delivery: eisenach, maxDistanceKm: narrowCircleKm - 5 });
    const indexes = scans.map(([, index]) => index);
    expect(indexes).toContain('member_location_idx');
    expect(indexes).not.toContain('member_supplier_idx');
  });

  test("a required certificate's holders from certification_standard_idx alone", async () => {
    // The explanation's certificates of the page's members are read by member id; the holders' set is the other scan.
    const scans = (await tableScans(requests[0][1], 'certification')).filter((s) => s['Index Name'] !== 'certification_member_id_idx');
    expect(scans.map((s) => [s['Node Type'], s['Index Name']])).toEqual([['Index Only Scan', 'certification_standard_idx']]);
  });
});
