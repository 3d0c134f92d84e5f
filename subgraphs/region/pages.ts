import { GraphQLError } from 'graphql';
import { badInput } from '../../shared/errors.ts';
import { compareOrderKeys, type MemberOrderKey } from '../../shared/sort-key.ts';
import type { RegionContext } from './context.ts';

/** A page size from `first`, or BAD_USER_INPUT naming the allowed range; `fallback` when the client left it out. */
export function pageSize(first: number | null | undefined, max: number, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max)
    throw badInput('first', `first must lie between 1 and ${max}, got ${size}.`, { reason: 'OUT_OF_RANGE', min: 1, max, integer: true });
  return size;
}

/**
 * Asks every network at once for its page. A network that is down or late, or whose service speaks
 * an internal API version that does not fit region's, only removes its part: its NETWORK_UNAVAILABLE or
 * INTERNAL_API_VERSION error is added to the response. A client error from a network is the caller's
 * mistake and fails the field.
 */
export async function networkPages<P>(
  ctx: RegionContext,
  codes: readonly string[],
  ask: (code: string) => Promise<P>,
  path?: readonly (string | number)[],
  /** Leave out a network that fails without an error: what it was asked for is no part of the answer's data. */
  quiet = false,
): Promise<{ code: string; page: P }[]> {
  const results = await Promise.allSettled(codes.map(async (code) => ({ code, page: await ask(code) })));
  const pages: { code: string; page: P }[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') {
      pages.push(result.value);
      continue;
    }
    const error = result.reason as GraphQLError;
    if (error.extensions?.code !== 'NETWORK_UNAVAILABLE' && error.extensions?.code !== 'INTERNAL_API_VERSION') throw error;
    if (quiet) continue;
    // At the field whose answer lacks the network's part, where the caller gives it: "members" in a query asking
    // several things said nothing of which of them was partial (the faults probe).
    ctx.partialErrors.push(path ? new GraphQLError(error.message, { path, extensions: error.extensions }) : error);
  }
  return pages;
}

/** What a walk lacks: a list's items of a network, and one of them ("members", "member"). */
export interface WalkItems {
  plural: string;
  one: string;
}

/**
 * A network's error on a page it is missing from, saying what it means for a cursor walk. The cursor is one position
 * in the region's order, not one per network: the next page starts behind this page's end in every network, so a
 * network that answers again later never gives the items it sorts before that end. Each partial page carried
 * NETWORK_UNAVAILABLE, but a walk went on and lost them unseen (28 members in the partner probe). A cursor per
 * network would pick them up, at the cost of a cursor that grows with the networks; a walk is restarted instead.
 */
export function walkIncomplete(error: GraphQLError, items: WalkItems): GraphQLError {
  // Other errors fail the field (networkPages), and no page is walked on from it.
  if (error.extensions?.code !== 'NETWORK_UNAVAILABLE' && error.extensions?.code !== 'INTERNAL_API_VERSION') return error;
  const network = typeof error.extensions?.network === 'string' ? error.extensions.network : 'that network';
  // A version that does not fit is no outage to wait out: the walk is restarted once the network's service is updated.
  const when = error.extensions?.code === 'INTERNAL_API_VERSION' ? `once ${network}'s service is updated (its office's part)` : `once ${network} answers`;
  const message = `${error.message} This page lacks ${network}'s ${items.plural}, and so does every page walked on from its endCursor: to get every ${items.one}, start the walk again ${when}.`;
  return new GraphQLError(message, { path: error.path, extensions: { ...error.extensions, walkIncomplete: true } });
}

/** The hits of every network's page in the one order of the region (shared/sort-key.ts; `compare` another of its orders), each with its network. */
export function mergeHits<H extends Omit<MemberOrderKey, 'network'>>(
  pages: { code: string; page: { hits: H[] } }[],
  compare: (a: H & { network: string }, b: H & { network: string }) => number = compareOrderKeys,
): (H & { network: string })[] {
  return pages.flatMap(({ code, page }) => page.hits.map((hit) => ({ ...hit, network: code }))).sort(compare);
}
