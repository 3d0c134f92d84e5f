import type { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../../shared/errors.ts';
import { unknownMaterial } from '../../../shared/validation.ts';
import { findNetwork, networks as registry } from '../../../shared/networks.ts';
import { familiesSince, namesFamily } from '../../../shared/data/materials.ts';
import { findProcess } from '../../../shared/data/processes.ts';
import { searchWords, type FacetCount, type MemberOrder, type PushedDownFilter, type SearchPage } from '../../../shared/search.ts';
import { serves } from '../../../shared/internal-api.ts';
import { newerOrOlder } from '../network-client.ts';
import { selectsField } from '../../../shared/selection.ts';
import type { RegionContext } from '../context.ts';
import { mergeHits, networkPages, pageSize, walkIncomplete } from '../pages.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { closeToListedMaterial, soleMaterial, validateFilter, type MemberFilter } from './filter.ts';
import { memberFieldsSince, memberNode, providedFieldsAsked, withMemberFields } from './provided.ts';

// Scatter-gather with filter push-down: every network searches its own
// database for its next page after the cursor, with its hits' fields when the
// client asked for them (provided.ts), and region merges the pages in the
// shared order.

/**
 * What the client selected of a page's counts. Each network computes only
 * what region asks it for: without a count or facet selected no statistics
 * statement runs at all, and a facet of one dimension is counted alone.
 */
export interface SearchSelection {
  /** totalCount or exactCounts, or the networks facet (each network's total). */
  total: boolean;
  /** The networks facet: with filter.networks, the networks not chosen are counted too. */
  networkFacet: boolean;
  /** The facets object itself (null when not selected). */
  facets: boolean;
  processMainGroups: boolean;
  certifications: boolean;
  /** Each edge's `matched`: only then does a network work out what its hits matched. */
  matched: boolean;
  /** What the client asked of the nodes' provided fields (provided.ts), as a selection for the networks; null for none. */
  member: string | null;
}

/** No counts, facets or explanations: what a member count (memberCount) starts from. */
export const pageOnly: SearchSelection = {
  total: false,
  networkFacet: false,
  facets: false,
  processMainGroups: false,
  certifications: false,
  matched: false,
  member: null,
};

export function searchSelection(info: GraphQLResolveInfo): SearchSelection {
  return {
    total: selectsField(info, 'totalCount') || selectsField(info, 'exactCounts') || selectsField(info, 'facets', 'networks'),
    networkFacet: selectsField(info, 'facets', 'networks'),
    facets: selectsField(info, 'facets'),
    processMainGroups: selectsField(info, 'facets', 'processMainGroups'),
    certifications: selectsField(info, 'facets', 'certifications'),
    matched: selectsField(info, 'edges', 'matched'),
    member: providedFieldsAsked(info),
  };
}

/**
 * The network's search selecting what `selection` needs: the network reads its own selection the same way (network/search.ts
 * selectedStatistics). `words`: the network speaks internal API 1.4, so it takes knownWords and says its heldWords.
 */
function searchQuery(selection: SearchSelection, words = false): string {
  const facets = [selection.processMainGroups && 'processMainGroups { value count }', selection.certifications && 'certifications { value count }'].filter(
    Boolean,
  );
  return /* GraphQL */ `
  query Search($filter: SearchFilter, $order: SearchOrder!, $first: Int!, $after: OrderKeyInput, $facets: Boolean, $countLimit: Int${words ? ', $knownWords: [String!]' : ''}) {
    search(filter: $filter, order: $order, first: $first, after: $after, facets: $facets, countLimit: $countLimit${words ? ', knownWords: $knownWords' : ''}) {
      ${selection.total ? 'totalCount exactCounts' : ''}
      hits { localId sortKey rank score distanceKm ${selection.matched ? 'matched { text processes materials certifications withinRadius employees }' : ''} ${selection.member ? `member { ${selection.member} }` : ''} }
      ${facets.length ? `facets { ${facets.join(' ')} }` : ''}
      ${words ? 'heldWords' : ''}
    }
  }
`;
}

/** A network's page as region reads it: without heldWords from a network of internal API 1.3 or older. */
type NetworkPage = Omit<SearchPage, 'heldWords'> & { heldWords?: string[] };

/** The internal API version that brought knownWords and heldWords. */
const wordsSince = '1.4';

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

/** `path`: where the answer stands in the response, for the error of a network left out. */
export async function searchMembers(ctx: RegionContext, args: SearchArgs, selection: SearchSelection, path?: readonly (string | number)[]) {
  const size = pageSize(args.first, 100);
  const { pushedDown, networks: codes } = validateFilter(args.filter, selection.certifications);
  const order = args.orderBy ?? defaultOrder(pushedDown);
  if (order === 'RELEVANCE' && !pushedDown.text) throw badInput('orderBy', 'orderBy RELEVANCE needs filter.text.', { reason: 'COMBINATION' });
  if (order === 'DISTANCE' && !pushedDown.near) throw badInput('orderBy', 'orderBy DISTANCE needs filter.near.', { reason: 'COMBINATION' });
  const cursor = args.after ? decodeCursor(args.after, order) : null;

  const facets = selection.processMainGroups || selection.certifications;
  const pageVariables = { filter: pushedDown, order, first: size + 1, after: cursor, facets, countLimit: ctx.searchCountLimit };
  const words = searchWords(pushedDown.text);
  // Built once per request, not per network and asking; without the hits' member fields for a network before 1.8.
  const queries = [searchQuery(selection), searchQuery(selection, true)];
  const withoutMembers = selection.member ? [searchQuery({ ...selection, member: null }), searchQuery({ ...selection, member: null }, true)] : queries;
  // A family's word among the materials is misread by a network before 1.4: it is left out with INTERNAL_API_VERSION.
  const since = pushedDown.materials && namesFamily(pushedDown.materials) ? familiesSince : undefined;
  // The networks facet offers the networks not chosen too, each with its count, so that a second one can be added by
  // it: it listed the chosen ones alone (the search probe). Those are asked for their count only (one statement),
  // and one that fails is left out of the facet without an error, as nothing else of the answer is its.
  const unchosen = selection.networkFacet && args.filter?.networks?.length ? registry.map((n) => n.code).filter((c) => !codes.includes(c)) : [];
  const counting = { ...pageOnly, total: true };
  const countQueries = unchosen.length ? [searchQuery(counting), searchQuery(counting, true)] : [];
  const countVariables = { ...pageVariables, first: 0, after: null, facets: false };
  const ask = (knownWords: string[]) => async (code: string) => {
    const client = ctx.client(code);
    const counts = unchosen.includes(code);
    const variables = counts ? countVariables : pageVariables;
    const search = async ([aloneQuery, wordsQuery]: string[], since: string | undefined) => {
      const alone = async () => (await client.request<{ search: NetworkPage }>(aloneQuery, variables, ctx.identityHeader, { since })).search;
      // A network known to serve an older minor searches alone, as before; one not known yet (region's first call to it)
      // or of replicas not all updated is asked with the words, and alone when it does not know them.
      if (words.length === 0 || (client.served !== undefined && !serves(client.served, wordsSince))) return alone();
      try {
        return (await client.request<{ search: NetworkPage }>(wordsQuery, { ...variables, knownWords }, ctx.identityHeader, { since })).search;
      } catch (error) {
        if ((error as GraphQLError).extensions?.code === 'INTERNAL_API_VERSION') return alone();
        throw error;
      }
    };
    if (counts) return search(countQueries, since);
    if (!selection.member) return search(queries, since);
    // A network before 1.8 cannot answer its hits' fields with its search: it is asked without them, and the members
    // of the page it holds are fetched at its subgraph endpoint (withMemberFields), as the gateway fetched them before.
    return newerOrOlder(
      client,
      memberFieldsSince,
      () => search(queries, memberFieldsSince),
      () => search(withoutMembers, since),
    );
  };
  const known = ctx.regionWords.known(words);
  // A network missing from the page says what that means for a cursor walk (walkIncomplete), in the error networkPages adds.
  const askPage = (code: string) =>
    ask(known)(code).catch((error: GraphQLError) => {
      throw walkIncomplete(error, { plural: 'members', one: 'member' });
    });
  let [pages, counted] = await Promise.all([networkPages(ctx, codes, askPage, path), networkPages(ctx, unchosen, ask(known), path, true)]);
  const missing = codes.filter((code) => !pages.some((p) => p.code === code));
  // A word some network's members use, which region did not know yet: the networks that do not hold it read it as a
  // typo, so they are asked again with it known (members/known-words.ts). Once per word.
  const held = new Set([...pages, ...counted].flatMap(({ page }) => page.heldWords ?? []));
  const learned = [...held].filter((word) => !known.includes(word));
  ctx.regionWords.add(held);
  // A network that found nothing finds nothing with the word known either (a known word it lacks matches nothing
  // there): only one with hits may have read it as a typo.
  const misread = [...pages, ...counted]
    .filter(({ page }) => page.heldWords && (page.hits.length > 0 || page.totalCount > 0) && learned.some((word) => !page.heldWords!.includes(word)))
    .map(({ code }) => code);
  if (misread.length > 0) {
    // A network that fails the second asking keeps its first page, with its typo hits, rather than dropping out.
    const partial = ctx.partialErrors.length;
    const again = await networkPages(ctx, misread, ask([...known, ...learned]));
    ctx.partialErrors.splice(partial);
    const renewed = (page: { code: string; page: NetworkPage }) => again.find((p) => p.code === page.code) ?? page;
    pages = pages.map(renewed);
    counted = counted.map(renewed);
  }
  const hits = mergeHits(pages);
  const shown = hits.slice(0, size);
  if (selection.member) await withMemberFields(ctx, shown, selection.member, path);
  // Only a first page that every network answered says that nothing matches, and only of a material searched alone
  // that no member works it (filter.ts soleMaterial).
  const sole = !cursor && missing.length === 0 && hits.length === 0 ? soleMaterial(pushedDown, codes) : null;
  if (sole !== null && closeToListedMaterial(sole))
    throw unknownMaterial('filter.materials', sole, 'is not a listed material, and no member works it as typed');
  // A hit whose member is gone since its network's search read it (archived or removed in between), or whose fields its
  // network failed to give (withMemberFields), is left out.
  const edges = shown
    .filter((hit) => !selection.member || hit.member)
    .map((hit) => ({
      cursor: encodeCursor(order, hit),
      node: memberNode(hit),
      score: hit.score,
      distanceKm: hit.distanceKm,
      matched: hit.matched,
    }));
  // Counts nobody selected were not asked of the networks; graphql-js reads only selected fields, so these are never seen.
  return {
    totalCount: selection.total ? pages.reduce((sum, p) => sum + p.page.totalCount, 0) : 0,
    // A network left out (down, late) counted nothing: the total is then a lower bound, as past the count limit.
    exactCounts: selection.total ? pages.length === codes.length && pages.every((p) => p.page.exactCounts) : true,
    edges,
    pageInfo: { hasNextPage: hits.length > size, endCursor: edges.at(-1)?.cursor ?? null, missingNetworks: missing },
    facets: selection.facets ? mergeFacets(pages, counted) : null,
  };
}

/** `counted`: the networks not chosen, asked for their count alone, for the networks facet. */
function mergeFacets(pages: { code: string; page: NetworkPage }[], counted: { code: string; page: NetworkPage }[]) {
  const sum = (pick: (page: NetworkPage) => FacetCount[]) => {
    const counts = new Map<string, number>();
    for (const { page } of pages) for (const f of pick(page)) counts.set(f.value, (counts.get(f.value) ?? 0) + f.count);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count }));
  };
  return {
    networks: registry
      .flatMap((n) => [...pages, ...counted].filter((p) => p.code === n.code))
      .map(({ code, page }) => ({ value: code, label: findNetwork(code)?.name ?? code, count: page.totalCount }))
      .filter((f) => f.count > 0),
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
