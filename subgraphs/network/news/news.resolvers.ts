import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { assertCanListRegistrations, assertCanManageRegistration, assertCanPublish, canSeeMembersOnly, registrantOf } from '../../../shared/news/access.ts';
import { feedPage, newsByIds, type FeedKey } from '../../../shared/news/feed.ts';
import { newsIds, registrationIds } from '../../../shared/news/ids.ts';
import { publishNews, type NewsInput } from '../../../shared/news/items.ts';
import type { NewsKind } from '../../../shared/news/news.entity.ts';
import { cancel, register, registrationsOf, type Participant } from '../../../shared/news/registrations.ts';
import { pageSize } from '../../../shared/validation.ts';
import type { NetworkContext } from '../resolvers.ts';
import type { Resolvers as InternalResolvers } from '../generated/internal-resolvers-types.ts';

// The network's half of news and events (region's half: subgraphs/region/news/).
// The office publishes in this database; registrations for its events are
// counted under the event's row lock here, where the event lives.

const iso = (at: Date | null) => at?.toISOString() ?? null;

function newsInternalResolvers(network: string) {
  return {
    Query: {
      feed(_: unknown, args: { first: number; after?: FeedKey | null; kind?: NewsKind | null; upcoming: boolean }, ctx: NetworkContext) {
        // Region's page of at most 100, and the one more that tells whether another page follows.
        const first = pageSize(args.first, 101);
        return feedPage(ctx.em, network, { first, after: args.after ?? null, kind: args.kind ?? null, membersOnly: canSeeMembersOnly(ctx.identity), upcoming: args.upcoming });
      },
      newsItems: (_: unknown, args: { localIds: number[] }, ctx: NetworkContext) => newsByIds(ctx.em, args.localIds, canSeeMembersOnly(ctx.identity)),
      eventRegistrations(_: unknown, args: { localId: number }, ctx: NetworkContext) {
        assertCanListRegistrations(ctx.identity, network);
        return registrationsOf(ctx.em, args.localId, newsIds.format(network, args.localId));
      },
    },
    Mutation: {
      publishNews(_: unknown, args: { input: NewsInput }, ctx: NetworkContext) {
        assertCanPublish(ctx.identity, network);
        return publishNews(ctx.em, args.input, ctx.identity.subject ?? null);
      },
      registerForEvent(_: unknown, args: { localId: number; memberId?: string | null; participant: Participant }, ctx: NetworkContext) {
        const memberId = registrantOf(ctx.identity, args.memberId);
        const membersOnly = canSeeMembersOnly(ctx.identity);
        return register(ctx.em, args.localId, newsIds.format(network, args.localId), memberId, args.participant, (event) => membersOnly || event.visibility === 'PUBLIC');
      },
      cancelEventRegistration(_: unknown, args: { localId: number }, ctx: NetworkContext) {
        return cancel(ctx.em, args.localId, registrationIds.format(network, args.localId), (r) => assertCanManageRegistration(ctx.identity, r.memberId, network));
      },
    },
    NewsRecord: {
      publishedAt: (n: { publishedAt: Date }) => n.publishedAt.toISOString(),
      startsAt: (n: { startsAt: Date | null }) => iso(n.startsAt),
      endsAt: (n: { endsAt: Date | null }) => iso(n.endsAt),
      registrationDeadline: (n: { registrationDeadline: Date | null }) => iso(n.registrationDeadline),
    },
    RegistrationRecord: {
      createdAt: (r: { createdAt: Date }) => r.createdAt.toISOString(),
    },
  } as GraphQLResolverMap<unknown>;
}

type ResolverMap = Record<string, Record<string, unknown>>;

/** The internal API's resolvers with news and events added to its Query and Mutation (one SDL, networkInternalSdl). */
export function withNewsResolvers(base: InternalResolvers, network: string): GraphQLResolverMap<unknown> {
  const news = newsInternalResolvers(network) as ResolverMap;
  const own = base as ResolverMap;
  return { ...own, ...news, Query: { ...own.Query, ...news.Query }, Mutation: { ...own.Mutation, ...news.Mutation } } as GraphQLResolverMap<unknown>;
}
