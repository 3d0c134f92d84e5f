import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../../shared/errors.ts';
import { findNetwork } from '../../../shared/networks.ts';
import { findProcess } from '../../../shared/data/processes.ts';
import type { FacetCount, MemberOrder, PushedDownFilter, SearchPage } from '../../../shared/search.ts';
import { selectsField } from '../../../shared/selection.ts';
import type { RegionContext } from '../context.ts';
import { memberRef } from '../ids.ts';
import { mergeHits, networkPages, pageSize } from '../pages.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { validateFilter, type MemberFilter } from './filter.ts';

// Scatter-gather with filter push-down: every network searches its own
// database for its next page after the cursor, region merges the pages in the
// shared order and returns references that the gateway resolves at the owners.

/**
 * What the client selected of a page's counts. Each network computes only
 * what region asks it for: without a count or facet selected no statistics
 * statement runs at all, and a facet of one dimension is counted alone.
 */
export interface SearchSelection {
  /** totalCount or exactCounts, or the networks facet (each network's total). */
  total: boolean;
  /** The facets object itself (null when not selected). */
  facets: boolean;
  processMainGroups: boolean;
  certifications: boolean;
  /** Each edge's `matched`: only then does a network work out what its hits matched. */
  matched: boolean;
}

/** No counts, facets or explanations: what a member count (memberCount) starts from. */
export const pageOnly: SearchSelection = { total: false, facets: false, processMainGroups: false, certifications: false, matched: false };

export function searchSelection(info: GraphQLResolveInfo): SearchSelection {
  return {
    total: selectsField(info, 'totalCount') || selectsField(info, 'exactCounts') || selectsField(info, 'facets', 'networks'),
    facets: selectsField(info, 'facets'),
    processMainGroups: selectsField(info, 'facets', 'processMainGroups'),
    certifications: selectsField(info, 'facets', 'certifications'),
    matched: selectsField(info, 'edges', 'matched'),
  };
}

/** The network's search selecting what `selection` needs: the network reads its own selection the same way (network/search.ts selectedStatistics). */
function searchQuery(selection: SearchSelection): string {
  const facets = [selection.processMainGroups && 'processMainGroups { value count }', selection.certifications && 'certifications { value count }'].filter(
    Boolean,
  );
  return /* GraphQL */ `
  query Search($filter: SearchFilter, $order: SearchOrder!, $first: Int!, $after: OrderKeyInput, $facets: Boolean, $countLimit: Int) {
    search(filter: $filter, order: $order, first: $first, after: $after, facets: $facets, countLimit: $countLimit) {
      ${selection.total ? 'totalCount exactCounts' : ''}
      hits { localId sortKey rank score distanceKm ${selection.matched ? 'matched { text processes materials certifications withinRadius employees }' : ''} }
      ${facets.length ? `facets { ${facets.join(' ')} }` : ''}
    }
  }
`;
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

/** A page of `members`: facets are null when the query does not select them. */
export type MemberPage = Awaited<ReturnType<typeof searchMembers>>;

export async function searchMembers(ctx: RegionContext, args: SearchArgs, selection: SearchSelection) {
  const size = pageSize(args.first, 100);
  const { pushedDown, networks: codes } = validateFilter(args.filter);
  const order = args.orderBy ?? defaultOrder(pushedDown);
  if (order === 'RELEVANCE' && !pushedDown.text) throw badInput('orderBy', 'orderBy RELEVANCE needs filter.text.', { reason: 'COMBINATION' });
  if (order === 'DISTANCE' && !pushedDown.near) throw badInput('orderBy', 'orderBy DISTANCE needs filter.near.', { reason: 'COMBINATION' });
  const cursor = args.after ? decodeCursor(args.after, order) : null;

  const facets = selection.processMainGroups || selection.certifications;
  const variables = { filter: pushedDown, order, first: size + 1, after: cursor, facets, countLimit: ctx.searchCountLimit };
  const query = searchQuery(selection);
  const pages = await networkPages(
    ctx,
    codes,
    async (code) => (await ctx.client(code).request<{ search: SearchPage }>(query, variables, ctx.identityHeader)).search,
  );
  const hits = mergeHits(pages);
  const edges = hits.slice(0, size).map((hit) => ({
    cursor: encodeCursor(order, hit),
    node: memberRef(hit.network, hit.localId),
    score: hit.score,
    distanceKm: hit.distanceKm,
    matched: hit.matched,
  }));
  // Counts nobody selected were not asked of the networks; graphql-js reads only selected fields, so these are never seen.
  return {
    totalCount: selection.total ? pages.reduce((sum, p) => sum + p.page.totalCount, 0) : 0,
    exactCounts: selection.total ? pages.every((p) => p.page.exactCounts) : true,
    edges,
    pageInfo: { hasNextPage: hits.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    facets: selection.facets ? mergeFacets(pages) : null,
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
  const data = await ctx
    .client(code)
    .request<{ search: SearchPage }>(
      searchQuery({ ...pageOnly, total: true }),
      { filter: {}, order: 'NAME', first: 0, after: null, facets: false, countLimit: null },
      ctx.identityHeader,
    );
  return data.search.totalCount;
}
