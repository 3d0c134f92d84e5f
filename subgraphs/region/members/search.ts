import type { GraphQLError } from 'graphql';
import { badInput } from '../../../shared/errors.ts';
import { memberGlobalId, parseMemberId } from '../../../shared/ids.ts';
import { findNetwork, memberTypeName } from '../../../shared/networks.ts';
import { findProcess } from '../../../shared/data/processes.ts';
import type { FacetCount, MemberOrder, PushedDownFilter, SearchHit, SearchPage } from '../../../shared/search.ts';
import { compareOrderKeys, type MemberOrderKey } from '../../../shared/sort-key.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { RegionContext } from '../context.ts';
import { validateFilter, type MemberFilter } from './filter.ts';

// Scatter-gather with filter push-down: every network searches its own
// database for its next page after the cursor, region merges the pages in the
// shared order and returns references that the gateway resolves at the owners.

const searchQuery = /* GraphQL */ `
  query Search($filter: SearchFilter, $order: SearchOrder!, $first: Int!, $after: OrderKeyInput, $facets: Boolean, $countLimit: Int) {
    search(filter: $filter, order: $order, first: $first, after: $after, facets: $facets, countLimit: $countLimit) {
      totalCount
      exactCounts
      hits { localId sortKey rank score distanceKm matched { text processes materials certifications withinRadius employees } }
      facets { processMainGroups { value count } certifications { value count } }
    }
  }
`;

export function memberRef(network: string, localId: number) {
  return { __typename: memberTypeName(network), id: memberGlobalId(network, localId) };
}

/** The reference for a global member id such as NIWE:m-42. */
export function memberRefById(memberId: string) {
  const { network, localId } = parseMemberId(memberId);
  return memberRef(network.code, localId);
}

export interface SearchArgs {
  filter?: MemberFilter | null;
  orderBy?: MemberOrder | null;
  first?: number | null;
  after?: string | null;
}

function defaultOrder(filter: PushedDownFilter): MemberOrder {
  if (filter.text?.trim()) return 'RELEVANCE';
  if (filter.near) return 'DISTANCE';
  return 'NAME';
}

export async function searchMembers(ctx: RegionContext, args: SearchArgs, withFacets: boolean) {
  const size = args.first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw badInput('first', `first must lie between 1 and 100, got ${size}.`);
  const { pushedDown, networks: codes } = validateFilter(args.filter);
  const order = args.orderBy ?? defaultOrder(pushedDown);
  if (order === 'RELEVANCE' && !pushedDown.text) throw badInput('orderBy', 'orderBy RELEVANCE needs filter.text.');
  if (order === 'DISTANCE' && !pushedDown.near) throw badInput('orderBy', 'orderBy DISTANCE needs filter.near.');
  const cursor = args.after ? decodeCursor(args.after, order) : null;

  const results = await Promise.allSettled(
    codes.map(async (code) => {
      const data = await ctx.client(code).request<{ search: SearchPage }>(
        searchQuery,
        { filter: pushedDown, order, first: size + 1, after: cursor, facets: withFacets, countLimit: ctx.searchCountLimit },
        ctx.identityHeader,
      );
      return { code, page: data.search };
    }),
  );

  const pages: { code: string; page: SearchPage }[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') {
      pages.push(result.value);
      continue;
    }
    const error = result.reason as GraphQLError;
    // A client error from a network is the caller's mistake and fails the field; an outage only removes that network's part.
    if (error.extensions?.code !== 'NETWORK_UNAVAILABLE') throw error;
    ctx.partialErrors.push(error);
  }

  const hits: (MemberOrderKey & { hit: SearchHit })[] = pages.flatMap(({ code, page }) =>
    page.hits.map((hit) => ({ rank: hit.rank, sortKey: hit.sortKey, network: code, localId: hit.localId, hit })),
  );
  hits.sort(compareOrderKeys);
  const edges = hits.slice(0, size).map((key) => ({
    cursor: encodeCursor(order, key),
    node: memberRef(key.network, key.localId),
    score: key.hit.score,
    distanceKm: key.hit.distanceKm,
    matched: key.hit.matched,
  }));
  return {
    totalCount: pages.reduce((sum, p) => sum + p.page.totalCount, 0),
    exactCounts: pages.every((p) => p.page.exactCounts),
    edges,
    pageInfo: { hasNextPage: hits.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    facets: withFacets ? mergeFacets(pages) : null,
  };
}

function mergeFacets(pages: { code: string; page: SearchPage }[]) {
  const sum = (pick: (page: SearchPage) => FacetCount[]) => {
    const counts = new Map<string, number>();
    for (const { page } of pages) for (const f of pick(page)) counts.set(f.value, (counts.get(f.value) ?? 0) + f.count);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count }));
  };
  return {
    networks: pages.map(({ code, page }) => ({ value: code, label: findNetwork(code)?.name ?? code, count: page.totalCount })).filter((f) => f.count > 0),
    processMainGroups: sum((p) => p.facets?.processMainGroups ?? []).map((f) => ({ ...f, label: findProcess(f.value)?.name ?? f.value })),
    certifications: sum((p) => p.facets?.certifications ?? []).map((f) => ({ ...f, label: f.value })),
  };
}

export async function memberCount(ctx: RegionContext, code: string): Promise<number> {
  const data = await ctx.client(code).request<{ search: SearchPage }>(searchQuery, { filter: {}, order: 'NAME', first: 0, after: null, facets: false, countLimit: null }, ctx.identityHeader);
  return data.search.totalCount;
}
