import type { GraphQLError } from 'graphql';
import { badInput } from '../../../shared/errors.ts';
import { networks } from '../../../shared/networks.ts';
import { canSeeMembersOnly } from '../../../shared/news/access.ts';
import { compareFeedKeys, feedPage, type FeedKey } from '../../../shared/news/feed.ts';
import { regionSource } from '../../../shared/news/ids.ts';
import type { NewsView } from '../../../shared/news/items.ts';
import type { NewsKind } from '../../../shared/news/news.entity.ts';
import { boundedList } from '../../../shared/validation.ts';
import type { RegionContext } from '../context.ts';
import type { NetworkCode } from '../generated/resolvers-types.ts';
import { newerOrOlder } from '../network-client.ts';
import { networkPages, pageSize, walkIncomplete } from '../pages.ts';
import { correctedRecordFields, newsRecordFields, toRecord, type NewsRecord } from './records.ts';

// The feed: scatter-gather as in members/search.ts. Every network answers its
// next page after the cursor from its own database, region adds its own page,
// and the merge in the one feed order (shared/news/feed.ts) takes the first.
// One statement per database whatever the page size.

const feedQuery = (fields: string) => /* GraphQL */ `
  query Feed($first: Int!, $after: FeedKeyInput, $kind: NewsKind, $upcoming: Boolean) {
    feed(first: $first, after: $after, kind: $kind, upcoming: $upcoming) { ${fields} }
  }
`;

/** Internal API 1.7 brought corrections: NewsRecord.updatedAt and withdrawnAt. */
const correctionsSince = '1.7';

/**
 * A network's items with 1.7's fields, asked of a network not known to serve less; one that does not know them (an
 * older minor, or replicas not all updated yet) is asked again without, and its items are then as published, which
 * for a network that cannot correct or withdraw them they are.
 */
export async function askNews<T>(ctx: RegionContext, code: string, query: (fields: string) => string, variables: Record<string, unknown>): Promise<T> {
  const client = ctx.client(code);
  return newerOrOlder(
    client,
    correctionsSince,
    () => client.request<T>(query(correctedRecordFields), variables, ctx.identityHeader),
    () => client.request<T>(query(newsRecordFields), variables, ctx.identityHeader),
  );
}

export interface FeedArgs {
  first?: number | null;
  after?: string | null;
  filter?: { kind?: NewsKind | null; networks?: string[] | null; regionWide?: boolean | null; upcoming?: boolean | null } | null;
}

export interface SourcedRecord extends NewsRecord {
  source: string;
}

/** `path`: where the answer stands in the response, for the error of a network left out. */
export async function feed(ctx: RegionContext, args: FeedArgs, path?: readonly (string | number)[]) {
  const size = pageSize(args.first, 100);
  const after = args.after ? decodeFeedCursor(args.after) : null;
  const filter = args.filter ?? {};
  const codes = filter.networks?.length ? [...new Set(boundedList('filter.networks', filter.networks, networks.length))] : networks.map((n) => n.code);
  const query = { first: size + 1, after, kind: filter.kind ?? null, upcoming: filter.upcoming ?? false };

  // A network missing from the page says what that means for a cursor walk, as a member page does (pages.ts walkIncomplete):
  // the walk on from its endCursor starts behind it in that network too, and never brings the items it lacks.
  const ask = (code: string) =>
    askNews<{ feed: NewsRecord[] }>(ctx, code, feedQuery, query).then(
      (data) => data.feed,
      (error: GraphQLError) => {
        throw walkIncomplete(error, { plural: 'news and events', one: 'item' });
      },
    );
  const [pages, own] = await Promise.all([
    networkPages(ctx, codes, ask, path),
    filter.regionWide === false ? [] : feedPage(ctx.em, regionSource, { ...query, membersOnly: canSeeMembersOnly(ctx.identity) }),
  ]);
  const items: SourcedRecord[] = [
    ...pages.flatMap(({ code, page }) => page.map((r) => ({ ...r, source: code }))),
    ...own.map((v: NewsView) => ({ ...toRecord(v), source: regionSource })),
  ].sort((a, b) => compareFeedKeys(feedKey(a), feedKey(b)));

  const edges = items.slice(0, size).map((node) => ({ cursor: encodeFeedCursor(feedKey(node)), node }));
  // Registered networks' codes, the enum's values: the filter's are checked against it, the others come from the registry.
  const missingNetworks = codes.filter((code) => !pages.some((p) => p.code === code)) as NetworkCode[];
  return { edges, pageInfo: { hasNextPage: items.length > size, endCursor: edges.at(-1)?.cursor ?? null, missingNetworks } };
}

function feedKey(r: SourcedRecord): FeedKey {
  return { at: Date.parse(r.publishedAt), source: r.source, localId: r.localId };
}

// Opaque to clients: the feed key of the last item seen.
function encodeFeedCursor(key: FeedKey): string {
  return Buffer.from(JSON.stringify(['feed', key.at, key.source, key.localId])).toString('base64url');
}

const latestCursorTime = Date.UTC(3000, 0, 1);
/** GraphQL's Int, the type of a network's ids on the internal API. */
const maxInt = 2 ** 31 - 1;

function decodeFeedCursor(cursor: string): FeedKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 4 && value[0] === 'feed') {
    const [, at, source, localId] = value;
    const knownSource = source === regionSource || networks.some((n) => n.code === source);
    // Within what a Date writes as ISO and a network's Int takes: a hand-made cursor of year 10000 failed every
    // network's page (RangeError, INTERNAL_SERVER_ERROR), one of id 2^31 came back as the internal API's refusal.
    const onCalendar = Number.isSafeInteger(at) && at >= 0 && at < latestCursorTime;
    if (onCalendar && knownSource && Number.isSafeInteger(localId) && localId > 0 && localId <= maxInt) return { at, source, localId };
  }
  throw badInput('after', 'after is not a cursor of the feed; pass the endCursor or an edge cursor of a previous page.', { reason: 'NOT_A_CURSOR' });
}
