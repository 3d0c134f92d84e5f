import { networks } from '../shared/networks.ts';
import { variedShapes, type Ask } from './traffic.ts';

// The query shapes the benchmark drives. Adding a shape is one entry in
// `shapes`: how a client asks (through a gateway) and what the query planner
// fetches for it (for the floor, which calls the subgraphs directly).

export interface RequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * What the floor fetches: region answers `region` with member references, then each owner its `memberFields`, in
 * parallel; or, `provided`, region answers the members' fields itself (a page of members: MemberEdge.node's @provides),
 * asked for them in `region`'s `node { __typename id }`, and that is the plan's one fetch.
 */
export interface FloorPlan {
  region: string;
  memberFields: string;
  provided?: true;
}

export interface Shape {
  name: string;
  description: string;
  /** The n-th request; `membersPerNetwork` bounds the ids a write may touch. */
  body(n: number, membersPerNetwork: number): RequestBody;
  /** The plan the floor follows; a shape that mixes operations picks one per request. */
  floor: FloorPlan | ((body: RequestBody) => FloorPlan);
  /** Writes need a token that may change every network's members. */
  write?: boolean;
  /**
   * Runs once before the shape's runs, through our gateway with the shape's token: what the requests need
   * from the data (cursors, inquiries to read). Says what it prepared, for the log.
   */
  prepare?(ask: Ask): Promise<string>;
}

const q2Fields = 'name services { title } processes { code name } certifications { standard validUntil }';

function unifiedMembers(first: number): Shape {
  return {
    name: `Q2.${first}`,
    description: `unified members of the three networks, first = ${first}, with services, processes and certifications`,
    body: () => ({ query: `query Q2($first: Int) { members(first: $first) { edges { node { id ${q2Fields} } } } }`, variables: { first } }),
    floor: { region: `query($first: Int) { members(first: $first) { edges { node { __typename id } } } }`, memberFields: q2Fields, provided: true },
  };
}

const q3Requirements = {
  processes: ['3.2.3', '3.2.1'],
  material: '42CrMo4',
  quantity: 'SMALL_SERIES',
  tolerance: 'FINE',
  certifications: ['ISO 9001'],
  deliveryLocation: { postalCode: '99817' },
  maxDistanceKm: 100,
};

// Q5's capacity offers: four weeks starting a week from the day the benchmark runs.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const q5Window = { from: day(7), to: day(35) };

// Q4 picks its fields from this pool by the bits of the request number, and
// names operation and alias after it, so no two requests share a document at the
// gateway. The networks' entity fetches, which the gateway sends unnamed, repeat:
// one per selection of the pool (gateway/subgraph-source.ts).
const q4Pool = ['name', 'city', 'postalCode', 'website', 'employees', 'services { title }', 'processes { code }', 'certifications { standard }'];

export const shapes: Shape[] = [
  {
    name: 'Q1',
    description: "one network's members (NIWE, first = 20) with their services",
    body: () => ({ query: '{ network(code: NIWE) { members(first: 20) { edges { node { id name services { title } } } } } }' }),
    floor: {
      region: '{ network(code: NIWE) { members(first: 20) { edges { node { __typename id } } } } }',
      memberFields: 'name services { title }',
      provided: true,
    },
  },
  unifiedMembers(1),
  unifiedMembers(10),
  unifiedMembers(100),
  {
    name: 'Q3',
    description:
      'findSuppliers for a realistic part request (milling and turning, 42CrMo4, small series, fine tolerances, ISO 9001, within 100 km of Eisenach), first = 10',
    body: () => ({
      query: `query Q3($r: SupplierRequirements!) { findSuppliers(requirements: $r, first: 10) { totalCount edges { score distanceKm breakdown { requirement status reason } node { id name services { title } } } } }`,
      variables: { r: q3Requirements },
    }),
    floor: {
      region: `query($r: SupplierRequirements!) { findSuppliers(requirements: $r, first: 10) { totalCount edges { score distanceKm breakdown { requirement status reason } node { __typename id } } } }`,
      memberFields: 'name services { title }',
    },
  },
  {
    name: 'Q4',
    description: 'unified members, first = 10, a new document every request (misses the query-plan cache)',
    body: (n) => {
      const fields = q4Pool.filter((_, bit) => ((n >> bit) & 1) === 1).join(' ') || 'name';
      return { query: `query Q4_${n} { m${n}: members(first: 10) { edges { node { id ${fields} } } } }`, operationName: `Q4_${n}` };
    },
    floor: { region: '{ members(first: 10) { edges { node { __typename id } } } }', memberFields: q4Pool.join(' '), provided: true },
  },
  {
    name: 'Q5',
    description:
      'writes in turn: updateMember with a scalar change, updateMember replacing the services, and a CAD capacity offer posted in region for the member, on members spread over the three networks',
    body: (n, membersPerNetwork) => {
      const id = `${networks[n % networks.length].code}:m-${1 + ((n * 7919) % membersPerNetwork)}`;
      if (n % 3 === 2) {
        const input = {
          side: 'OFFER',
          memberId: id,
          kind: 'CAD',
          cadSystem: 'CATIA_V5',
          hours: 8 + (n % 32),
          from: q5Window.from,
          to: q5Window.to,
          postalCode: '99817',
        };
        return {
          query: 'mutation Q5Post($input: CapacityPostInput!) { postCapacity(input: $input) { side hours weeks member { id name } } }',
          variables: { input },
          operationName: 'Q5Post',
        };
      }
      const input = n % 3 === 0 ? { employees: 10 + (n % 400) } : { services: [{ title: `Lohnfertigung ${n % 100}`, processes: ['3.2.3'] }] };
      return {
        query: 'mutation Q5($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { id name employees services { title } } }',
        variables: { id, input },
        operationName: 'Q5',
      };
    },
    floor: (body) =>
      body.operationName === 'Q5Post'
        ? { region: 'mutation($input: CapacityPostInput!) { postCapacity(input: $input) { side hours weeks member { __typename id } } }', memberFields: 'name' }
        : {
            region: 'mutation($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { __typename id } }',
            memberFields: 'name employees services { title }',
          },
    write: true,
  },
  // Traffic as users send it: no two requests in flight alike (bench/traffic.ts).
  ...variedShapes,
];
