import { GraphQLError } from 'graphql';
import { badInput } from '../../shared/errors.ts';
import { memberGlobalId } from '../../shared/ids.ts';
import { memberTypeName, networks } from '../../shared/networks.ts';
import { compareOrderKeys, type MemberOrderKey } from '../../shared/sort-key.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { RegionContext } from './context.ts';

// Scatter-gather with filter push-down: every network searches its own
// database for its next page after the cursor, region merges the pages in the
// shared order and returns references that the gateway resolves at the owners.

export interface MemberFilter {
  text?: string | null;
  networks?: string[] | null;
  processes?: string[] | null;
  certifications?: string[] | null;
}

const searchQuery = /* GraphQL */ `
  query Search($filter: SearchFilter, $first: Int!, $after: OrderKeyInput) {
    search(filter: $filter, first: $first, after: $after) { totalCount hits { localId sortKey } }
  }
`;

interface SearchPage {
  totalCount: number;
  hits: { localId: number; sortKey: string }[];
}

export function memberRef(network: string, localId: number) {
  return { __typename: memberTypeName(network), id: memberGlobalId(network, localId) };
}

export async function searchMembers(ctx: RegionContext, filter: MemberFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw badInput('first', `first must lie between 1 and 100, got ${size}.`);
  const cursor = after ? decodeCursor(after) : null;
  if (filter?.text && filter.text.length > 200) throw badInput('filter.text', `filter.text must be at most 200 characters, got ${filter.text.length}.`);
  const codes = filter?.networks?.length ? [...new Set(filter.networks)] : networks.map((n) => n.code);
  const pushedDown = { text: filter?.text ?? null, processes: filter?.processes ?? null, certifications: filter?.certifications ?? null };

  const results = await Promise.allSettled(
    codes.map(async (code) => {
      const page = await ctx.client(code).request<{ search: SearchPage }>(searchQuery, { filter: pushedDown, first: size + 1, after: cursor }, ctx.identityHeader);
      return { code, page: page.search };
    }),
  );

  let totalCount = 0;
  const keys: MemberOrderKey[] = [];
  for (const result of results) {
    if (result.status === 'rejected') {
      const error = result.reason as GraphQLError;
      // A client error from one network is the caller's mistake and fails the field; an outage only removes that network's part.
      if (error.extensions?.code !== 'NETWORK_UNAVAILABLE') throw error;
      ctx.partialErrors.push(error);
      continue;
    }
    totalCount += result.value.page.totalCount;
    for (const hit of result.value.page.hits) keys.push({ sortKey: hit.sortKey, network: result.value.code, localId: hit.localId });
  }
  keys.sort(compareOrderKeys);
  const page = keys.slice(0, size);
  const edges = page.map((key) => ({ cursor: encodeCursor(key), node: memberRef(key.network, key.localId) }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: keys.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

export async function memberCount(ctx: RegionContext, code: string): Promise<number> {
  const page = await ctx.client(code).request<{ search: SearchPage }>(searchQuery, { filter: {}, first: 0, after: null }, ctx.identityHeader);
  return page.search.totalCount;
}
