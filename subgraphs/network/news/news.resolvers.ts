import { assertCanListRegistrations, assertCanManageRegistration, assertCanPublish, canSeeMembersOnly, registrantOf } from '../../../shared/news/access.ts';
import { feedPage, newsByIds } from '../../../shared/news/feed.ts';
import { newsIds, registrationIds } from '../../../shared/news/ids.ts';
import { publishNews } from '../../../shared/news/items.ts';
import { cancel, register, registrationsOf } from '../../../shared/news/registrations.ts';
import { pageSize } from '../../../shared/validation.ts';
import type { Resolvers as InternalResolvers } from '../generated/internal-resolvers-types.ts';

// The network's half of news and events (region's half: subgraphs/region/news/).
// The office publishes in this database; registrations for its events are
// counted under the event's row lock here, where the event lives.

const iso = (at: Date | null) => at?.toISOString() ?? null;

function newsInternalResolvers(network: string): InternalResolvers {
  return {
    Query: {
      feed(_, args, ctx) {
        // Region's page of at most 100, and the one more that tells whether another page follows.
        const first = pageSize(args.first, 101);
        return feedPage(ctx.em, network, {
          first,
          after: args.after ?? null,
          kind: args.kind ?? null,
          membersOnly: canSeeMembersOnly(ctx.identity),
          upcoming: args.upcoming,
        });
      },
      newsItems: (_, args, ctx) => newsByIds(ctx.em, args.localIds, canSeeMembersOnly(ctx.identity)),
      eventRegistrations(_, args, ctx) {
        assertCanListRegistrations(ctx.identity, network);
        return registrationsOf(ctx.em, args.localId, newsIds.format(network, args.localId));
      },
    },
    Mutation: {
      publishNews(_, args, ctx) {
        assertCanPublish(ctx.identity, network);
        return publishNews(ctx.em, args.input, ctx.identity.subject ?? null);
      },
      registerForEvent(_, args, ctx) {
        const memberId = registrantOf(ctx.identity, args.memberId);
        const membersOnly = canSeeMembersOnly(ctx.identity);
        return register(
          ctx.em,
          args.localId,
          newsIds.format(network, args.localId),
          memberId,
          args.participant,
          (event) => membersOnly || event.visibility === 'PUBLIC',
        );
      },
      cancelEventRegistration(_, args, ctx) {
        return cancel(ctx.em, args.localId, registrationIds.format(network, args.localId), (r) =>
          assertCanManageRegistration(ctx.identity, r.memberId, network),
        );
      },
    },
    NewsRecord: {
      publishedAt: (n) => n.publishedAt.toISOString(),
      startsAt: (n) => iso(n.startsAt),
      endsAt: (n) => iso(n.endsAt),
      registrationDeadline: (n) => iso(n.registrationDeadline),
    },
    RegistrationRecord: {
      createdAt: (r) => r.createdAt.toISOString(),
    },
  };
}

/** The internal API's resolvers with news and events added to its Query and Mutation (one SDL, networkInternalSdl). */
export function withNewsResolvers(own: InternalResolvers, network: string): InternalResolvers {
  const news = newsInternalResolvers(network);
  return { ...own, ...news, Query: { ...own.Query, ...news.Query }, Mutation: { ...own.Mutation, ...news.Mutation } };
}
