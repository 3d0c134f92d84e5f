import { readFileSync } from 'node:fs';
import { networks } from '../shared/networks.ts';
import type { FloorPlan, RequestBody, Shape } from './shapes.ts';

// Shapes whose requests differ as real users' do: each request's variables
// come from the fixtures in bench/fixtures/ (search texts, filters, part
// requests) or from the seeded members, picked by the request number so that
// no two of the requests in flight at concurrency 32 ask the same thing and
// every target gets the same sequence. What a gateway shares between
// identical requests in flight cannot help here; subgraph calls per request
// show it.

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;

interface SearchTexts {
  description: string;
  [group: string]: string[] | string;
}
interface SearchFilters {
  nextPageShare: number;
  first: number[];
  filters: Record<string, unknown>[];
}
interface SupplierRequests {
  requirements: Record<string, unknown>[];
  deliveryPostalCodes: string[];
}

/** The search shape's texts (bench/fixtures/search-texts.json), in the order its requests take them. */
export const texts = Object.values(fixture<SearchTexts>('search-texts.json'))
  .filter((v): v is string[] => Array.isArray(v))
  .flat();
const searchFilters = fixture<SearchFilters>('search-filters.json');
const supplierRequests = fixture<SupplierRequests>('supplier-requests.json');

/** A number in [0, 1) that depends on the request number and a salt only (mulberry32), so every target draws alike. */
export function draw(n: number, salt: number): number {
  let t = (Math.imul(n, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const pick = <T>(items: T[], n: number, salt: number): T => items[Math.floor(draw(n, salt) * items.length)];

/** What the caller of a shape's prepare step can do: send one request through a gateway and get its data. */
export type Ask = (body: RequestBody) => Promise<Record<string, any>>;

/** One request to a GraphQL endpoint; its data, or an error with the answer (a minute at most). */
export async function ask(url: string, headers: Record<string, string>, request: RequestBody): Promise<Record<string, any>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

// --- profile --------------------------------------------------------------

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The n-th member over all networks: n times a stride prime to the number of
 * members walks every member once before any repeats, so requests in flight
 * never share an id, and consecutive requests land in different networks and
 * far apart in the table (not in one cached page).
 */
export function memberIdOf(n: number, membersPerNetwork: number): string {
  const all = membersPerNetwork * networks.length;
  const stride = [7919, 7907, 7901].find((s) => gcd(s, all) === 1)!;
  const k = (n * stride) % all;
  return `${networks[k % networks.length].code}:m-${1 + Math.floor(k / networks.length)}`;
}

const profileFields = 'name city postalCode employees services { title description } processes { code name } certifications { standard validUntil }';

const profileBody = (n: number, membersPerNetwork: number): RequestBody => ({
  query: `query Profile($id: ID!) { member(id: $id) { id ${profileFields} } }`,
  variables: { id: memberIdOf(n, membersPerNetwork) },
  operationName: 'Profile',
});
const profilePlan: FloorPlan = { region: 'query($id: ID!) { member(id: $id) { __typename id } }', memberFields: profileFields };

// --- search ---------------------------------------------------------------

const hitFields = 'name city services { title }';
/** A next-page request every `nextPageEvery` requests (the fixture's share, 0.2: every fifth). */
const nextPageEvery = Math.round(1 / searchFilters.nextPageShare);

interface NextPage {
  filter: Record<string, unknown>;
  first: number;
  after: string;
}

/** The n-th first-page search: the text in turn (240 of them, so none repeats among 32 in flight), filter and page size drawn. */
function firstPageVariables(n: number) {
  const filter = { text: texts[n % texts.length], ...pick(searchFilters.filters, n, 1) };
  return { filter, first: pick(searchFilters.first, n, 2) };
}

/**
 * Sends every search text once before a shape that searches runs: region learns from the first search of a word
 * which networks' members use it, and asks the networks that lack it once more (subgraphs/region/members/known-words.ts).
 * Whichever target ran first would pay that for the others. Again for each such shape (a second time asks nothing
 * more): a few seconds, and right whatever stack the shape runs on.
 */
async function learnWords(ask: Parameters<NonNullable<Shape['prepare']>>[0]): Promise<void> {
  for (let from = 0; from < texts.length; from += 10) {
    await Promise.all(
      texts
        .slice(from, from + 10)
        .map((text) => ask({ query: 'query Words($text: String) { members(first: 1, filter: { text: $text }) { edges { score } } }', variables: { text } })),
    );
  }
}

function searchShape(): Shape {
  // Cursors are taken from first pages before the run (prepare); a cursor is region's, so it serves every target.
  const nextPages: NextPage[] = [];
  return {
    name: 'search',
    description: `members(filter) with one of ${texts.length} German search texts (trades, materials, towns, typos, ae/ä spellings) and a drawn filter, totalCount and first page; every ${nextPageEvery}th request the next page by cursor (without totalCount)`,
    body(n) {
      const next = nextPages.length && n % nextPageEvery === nextPageEvery - 1 ? nextPages[Math.floor(n / nextPageEvery) % nextPages.length] : null;
      if (next) {
        return {
          query: `query SearchMore($filter: MemberFilter, $first: Int, $after: String) { members(filter: $filter, first: $first, after: $after) { edges { score node { id ${hitFields} } } pageInfo { hasNextPage endCursor } } }`,
          variables: { ...next },
          operationName: 'SearchMore',
        };
      }
      return {
        query: `query Search($filter: MemberFilter, $first: Int) { members(filter: $filter, first: $first) { totalCount edges { score node { id ${hitFields} } } pageInfo { hasNextPage endCursor } } }`,
        variables: firstPageVariables(n),
        operationName: 'Search',
      };
    },
    floor: (body) => ({
      region:
        body.operationName === 'SearchMore'
          ? 'query($filter: MemberFilter, $first: Int, $after: String) { members(filter: $filter, first: $first, after: $after) { edges { score node { __typename id } } pageInfo { hasNextPage endCursor } } }'
          : 'query($filter: MemberFilter, $first: Int) { members(filter: $filter, first: $first) { totalCount edges { score node { __typename id } } pageInfo { hasNextPage endCursor } } }',
      memberFields: hitFields,
      provided: true,
    }),
    async prepare(ask) {
      await learnWords(ask);
      nextPages.length = 0;
      // 40 cursors: a fifth of 32 requests in flight is about 7 next pages, each with its own cursor. At most 100
      // first pages are read for them: tiny data sets (the dry run's 20 members per network) have few second pages.
      // Ten at a time, kept in the order of n: one after the other took 5 s of the dry run's 100.
      for (let from = 0; from < 100 && nextPages.length < 40; from += 10) {
        const pages = await Promise.all(
          Array.from({ length: 10 }, async (_, i) => {
            const variables = firstPageVariables(from + i);
            const data = await ask({
              query: 'query Cursor($filter: MemberFilter, $first: Int) { members(filter: $filter, first: $first) { pageInfo { hasNextPage endCursor } } }',
              variables,
            });
            const { hasNextPage, endCursor } = data.members.pageInfo;
            return hasNextPage ? { ...variables, after: endCursor as string } : null;
          }),
        );
        for (const page of pages) if (page && nextPages.length < 40) nextPages.push(page);
      }
      return `${nextPages.length} next-page cursors`;
    },
  };
}

// --- suppliers ------------------------------------------------------------

const supplierFields = 'name city services { title }';

/** The delivery location changes with every request (40 postal codes), the requirements are drawn. */
function suppliersVariables(n: number) {
  const { deliveryPostalCodes, requirements } = supplierRequests;
  return { r: { ...pick(requirements, n, 3), deliveryLocation: { postalCode: deliveryPostalCodes[n % deliveryPostalCodes.length] } }, first: 10 };
}

const suppliersBody = (n: number): RequestBody => ({
  query: `query Suppliers($r: SupplierRequirements!, $first: Int) { findSuppliers(requirements: $r, first: $first) { totalCount edges { score distanceKm breakdown { requirement status reason } node { id ${supplierFields} } } } }`,
  variables: suppliersVariables(n),
  operationName: 'Suppliers',
});
const suppliersPlan: FloorPlan = {
  region:
    'query($r: SupplierRequirements!, $first: Int) { findSuppliers(requirements: $r, first: $first) { totalCount edges { score distanceKm breakdown { requirement status reason } node { __typename id } } } }',
  memberFields: supplierFields,
  provided: true,
};

// --- portal ---------------------------------------------------------------

const portalSearchFields = 'name city postalCode employees processes { code name }';

/** The portal's search page: counts and every facet, as portal/src/operations.ts asks (its member fields those of the owners). */
const portalSearchBody = (n: number): RequestBody => ({
  query: `query PortalSearch($filter: MemberFilter, $first: Int) { members(filter: $filter, first: $first) { totalCount exactCounts facets { networks { value label count } processMainGroups { value label count } certifications { value label count } } edges { cursor score distanceKm matched { text processes materials certifications withinRadius employees } node { id ${portalSearchFields} } } pageInfo { hasNextPage endCursor } } }`,
  variables: { filter: { text: texts[n % texts.length], ...pick(searchFilters.filters, n, 4) }, first: 20 },
  operationName: 'PortalSearch',
});

const inquiryFields = 'id title status processes material deliveryDate quoteDeadline';

/**
 * Shares of a portal session's requests, in percent: mostly searching and
 * reading profiles, some part requests, buyers looking at their inquiries and
 * a few writes (a new inquiry draft, a member's website changed: writes that
 * change nothing the reads select, so every target reads the same).
 */
export const portalWeights = { search: 40, profile: 30, suppliers: 10, inquiry: 12, write: 8 } as const;
type PortalKind = keyof typeof portalWeights;

/** The kind of the n-th portal request: 37 is prime to 100, so every 100 requests hold each kind by its weight, spread out. */
export function portalKind(n: number): PortalKind {
  let slot = (n * 37) % 100;
  for (const [kind, weight] of Object.entries(portalWeights) as [PortalKind, number][]) {
    if (slot < weight) return kind;
    slot -= weight;
  }
  throw new Error('portal weights must add up to 100');
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

function inquiryInput(n: number) {
  const requirements = pick(supplierRequests.requirements, n, 5) as { processes: string[]; material?: string };
  return {
    title: `Anfrage ${n}: ${requirements.processes.join(', ')}`,
    partDescription: `Bauteil nach Zeichnung, ${requirements.material ?? 'Werkstoff nach Absprache'}`,
    processes: requirements.processes,
    material: requirements.material,
    quantities: [{ quantity: 50 + (n % 500) }],
    deliveryLocation: { postalCode: supplierRequests.deliveryPostalCodes[n % supplierRequests.deliveryPostalCodes.length] },
    deliveryDate: inDays(60).toISOString().slice(0, 10),
    quoteDeadline: inDays(21).toISOString(),
  };
}

function portalShape(): Shape {
  const inquiryIds: string[] = [];
  return {
    name: 'portal',
    description: `a portal session mix (percent of requests: ${Object.entries(portalWeights)
      .map(([k, w]) => `${k} ${w}`)
      .join(', ')}), as an admin`,
    write: true,
    body(n, membersPerNetwork) {
      switch (portalKind(n)) {
        case 'search':
          return portalSearchBody(n);
        case 'profile':
          return profileBody(n, membersPerNetwork);
        case 'suppliers':
          return suppliersBody(n);
        case 'inquiry':
          return {
            query: `query Inquiry($id: ID!) { inquiry(id: $id) { ${inquiryFields} } }`,
            variables: { id: inquiryIds[n % inquiryIds.length] },
            operationName: 'Inquiry',
          };
        case 'write':
          // The answer names no id: new inquiries' ids differ between targets.
          return n % 2 === 0
            ? {
                query: 'mutation NewInquiry($input: InquiryInput!) { createInquiry(input: $input) { title status } }',
                variables: { input: inquiryInput(n) },
                operationName: 'NewInquiry',
              }
            : {
                query: 'mutation Website($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { id website } }',
                variables: { id: memberIdOf(n, membersPerNetwork), input: { website: `https://www.example.de/${n}` } },
                operationName: 'Website',
              };
      }
    },
    floor(body): FloorPlan {
      switch (body.operationName) {
        case 'PortalSearch':
          return {
            region: `query($filter: MemberFilter, $first: Int) { members(filter: $filter, first: $first) { totalCount exactCounts facets { networks { value label count } processMainGroups { value label count } certifications { value label count } } edges { cursor score distanceKm matched { text processes materials certifications withinRadius employees } node { __typename id } } pageInfo { hasNextPage endCursor } } }`,
            memberFields: portalSearchFields,
            provided: true,
          };
        case 'Profile':
          return profilePlan;
        case 'Suppliers':
          return suppliersPlan;
        case 'Inquiry':
          return { region: `query($id: ID!) { inquiry(id: $id) { ${inquiryFields} } }`, memberFields: '' };
        case 'NewInquiry':
          return { region: 'mutation($input: InquiryInput!) { createInquiry(input: $input) { title status } }', memberFields: '' };
        default:
          return { region: 'mutation($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { __typename id } }', memberFields: 'website' };
      }
    },
    async prepare(ask) {
      await learnWords(ask);
      inquiryIds.length = 0;
      // 40 drafts: the 12 % of 32 requests in flight that read one (about 4) never share it.
      for (let n = 0; n < 40; n++) {
        const data = await ask({
          query: 'mutation Draft($input: InquiryInput!) { createInquiry(input: $input) { id } }',
          variables: { input: inquiryInput(n) },
        });
        inquiryIds.push(data.createInquiry.id);
      }
      return `${inquiryIds.length} inquiries to read`;
    },
  };
}

export const variedShapes: Shape[] = [
  {
    name: 'profile',
    description: 'member(id) with services, processes and certifications, the id walking every member of the three networks',
    body: profileBody,
    floor: profilePlan,
  },
  searchShape(),
  {
    name: 'suppliers',
    description: `findSuppliers with one of ${supplierRequests.requirements.length} part requests and one of ${supplierRequests.deliveryPostalCodes.length} delivery locations, first = 10`,
    body: suppliersBody,
    floor: suppliersPlan,
  },
  portalShape(),
];
