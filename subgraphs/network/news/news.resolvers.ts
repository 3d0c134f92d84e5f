import { inArgument } from '../../../shared/errors.ts';
import {
  assertCanListRegistrations,
  canManageRegistration,
  assertCanPublish,
  canSeeMembersOnly,
  ownRegistrationsOf,
  registrantOf,
} from '../../../shared/news/access.ts';
import { feedPage, newsByIds } from '../../../shared/news/feed.ts';
import { newsIds, registrationIds } from '../../../shared/news/ids.ts';
import { newsSnapshot, publishNews, updateNews, withdrawNews, type ChangeRecords } from '../../../shared/news/items.ts';
import type { RegistrationStatus } from '../../../shared/news/news.entity.ts';
import { cancel, register, registrationSnapshot, registrationsOf, registrationsOfOwners, type RegistrationView } from '../../../shared/news/registrations.ts';
import { pageSize } from '../../../shared/validation.ts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Identity, requireSignedIn } from '../../../shared/identity.ts';
import type { Resolvers as InternalResolvers } from '../generated/internal-resolvers-types.ts';
import { recordAudit } from '../audit.ts';
import { idempotency, remember } from '../idempotency.ts';

// The network's half of news and events (region's half: subgraphs/region/news/).
// The office publishes in this database; registrations for its events are
// counted under the event's row lock here, where the event lives.

const iso = (at: Date | null) => at?.toISOString() ?? null;

/**
 * A registration's change in the network's audit log: registered (before
 * null), cancelled, or moved up by a cancellation (entered under the
 * cancellation's action, as importMembers enters each member it writes).
 */
function audit(tx: EntityManager, actor: Identity, action: string, network: string, was: RegistrationStatus | null, r: RegistrationView): void {
  const now = registrationSnapshot(r, newsIds.format(network, r.eventLocalId));
  recordAudit(tx, actor, action, `r-${r.localId}`, was && { ...now, status: was }, now);
}

/** A correction's or withdrawal's audit entry, the item before and after. */
function changeRecords(actor: Identity, action: string): ChangeRecords {
  return { audit: (tx, before, after) => recordAudit(tx, actor, action, `n-${after.localId}`, newsSnapshot(before), newsSnapshot(after)) };
}

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
      // Region's list of at most 100, as for the feed.
      ownRegistrations: (_, args, ctx) => registrationsOfOwners(ctx.em, ownRegistrationsOf(ctx.identity, args.memberId), pageSize(args.first, 100), args.ahead),
      eventRegistrations(_, args, ctx) {
        assertCanListRegistrations(ctx.identity, network);
        return registrationsOf(ctx.em, args.localId, newsIds.format(network, args.localId));
      },
    },
    Mutation: {
      publishNews(_, args, ctx) {
        assertCanPublish(ctx.identity, network);
        // The key is checked outside: its refusal names idempotencyKey, not a field of input.
        const key = idempotency(ctx.identity, 'publishNews', args.idempotencyKey, args.input);
        return inArgument('input', () =>
          publishNews(ctx.em, args.input, ctx.identity.subject ?? null, {
            key,
            remember,
            audit: (tx, item) => recordAudit(tx, ctx.identity, 'publishNews', `n-${item.localId}`, null, newsSnapshot(item)),
          }),
        );
      },
      updateNews(_, args, ctx) {
        assertCanPublish(ctx.identity, network);
        const id = newsIds.format(network, args.localId);
        return inArgument('input', () => updateNews(ctx.em, args.localId, id, args.input, changeRecords(ctx.identity, 'updateNews')));
      },
      withdrawNews(_, args, ctx) {
        assertCanPublish(ctx.identity, network);
        return withdrawNews(ctx.em, args.localId, newsIds.format(network, args.localId), changeRecords(ctx.identity, 'withdrawNews'));
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
          (tx, registered) => audit(tx, ctx.identity, 'registerForEvent', network, null, registered),
        );
      },
      cancelEventRegistration(_, args, ctx) {
        requireSignedIn(ctx.identity);
        return cancel(
          ctx.em,
          args.localId,
          registrationIds.format(network, args.localId),
          (r) => canManageRegistration(ctx.identity, r.memberId, network),
          (tx, { cancelled, was, movedUp }) => {
            audit(tx, ctx.identity, 'cancelEventRegistration', network, was, cancelled);
            if (movedUp) audit(tx, ctx.identity, 'cancelEventRegistration', network, 'WAITING', movedUp);
          },
        );
      },
    },
    NewsRecord: {
      publishedAt: (n) => n.publishedAt.toISOString(),
      startsAt: (n) => iso(n.startsAt),
      endsAt: (n) => iso(n.endsAt),
      registrationDeadline: (n) => iso(n.registrationDeadline),
      updatedAt: (n) => iso(n.updatedAt),
      withdrawnAt: (n) => iso(n.withdrawnAt),
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
