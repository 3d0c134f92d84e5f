import { responsePathAsArray } from 'graphql';
import { inArgument } from '../../../shared/errors.ts';
import { currentLog } from '../../../shared/observability.ts';
import { keyedWrite, newerOrOlder } from '../network-client.ts';
import DataLoader from 'dataloader';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { findNetwork, networks } from '../../../shared/networks.ts';
import {
  assertCanListRegistrations,
  mayManageRegistration,
  canManageRegistration,
  assertCanPublish,
  canSeeMembersOnly,
  ownRegistrationsOf,
  registrantOf,
} from '../../../shared/news/access.ts';
import { newsByIds } from '../../../shared/news/feed.ts';
import { newsIds, regionSource, registrationIds } from '../../../shared/news/ids.ts';
import { newsSnapshot, publishNews, updateNews, withdrawNews, type ChangeRecords, type NewsInput } from '../../../shared/news/items.ts';
import type { RegistrationStatus } from '../../../shared/news/news.entity.ts';
import {
  cancel,
  register,
  registrationSnapshot,
  registrationsOf,
  registrationsOfOwners,
  type Participant,
  type RegistrationView,
} from '../../../shared/news/registrations.ts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseMemberId } from '../../../shared/ids.ts';
import { encodeIdentity, type Identity, requireSignedIn } from '../../../shared/identity.ts';
import { assertMemberExists } from '../access.ts';
import type { RegionContext } from '../context.ts';
import { idempotency, remember } from '../idempotency.ts';
import { memberRefById } from '../ids.ts';
import { networkPages, pageSize } from '../pages.ts';
import { recordRegionAudit } from '../members/audit.ts';
import { askNews, feed, type SourcedRecord } from './feed.ts';
import { notifyChange, notifyRegistration } from './notifications.ts';
import {
  correctedRecordFields,
  newsRecordFields,
  registrationRecordFields,
  toRecord,
  toRegistrationRecord,
  type NewsRecord,
  type RegistrationRecord,
  type SourcedRegistration,
} from './records.ts';

// News and events through region: the feed across networks, and every read or
// write of one item routed by its id to the database that holds it — a
// network's (over its internal API, where the network checks access again) or
// region's own for region-wide items.

const itemsQueryOf = (fields: string) => `query($localIds: [Int!]!) { newsItems(localIds: $localIds) { ${fields} } }`;
const itemsQuery = itemsQueryOf(newsRecordFields);
const registrationsQuery = `query($localId: Int!) { eventRegistrations(localId: $localId) { ${registrationRecordFields} } }`;
const publishMutation = `mutation($input: NewsInput!) { publishNews(input: $input) { ${newsRecordFields} } }`;
const keyedPublishMutation = `mutation($input: NewsInput!, $key: String!) { publishNews(input: $input, idempotencyKey: $key) { ${newsRecordFields} } }`;
const registerMutation = `mutation($localId: Int!, $memberId: String, $participant: ParticipantInput!) {
  registerForEvent(localId: $localId, memberId: $memberId, participant: $participant) { ${registrationRecordFields} }
}`;
const ownRegistrationsQuery = `query($memberId: String, $first: Int!) { ownRegistrations(memberId: $memberId, first: $first) { ${registrationRecordFields} } }`;
const aheadRegistrationsQuery = `query($memberId: String, $first: Int!, $ahead: Boolean) {
  ownRegistrations(memberId: $memberId, first: $first, ahead: $ahead) { ${registrationRecordFields} }
}`;
const cancelMutation = `mutation($localId: Int!) { cancelEventRegistration(localId: $localId) { cancelled { ${registrationRecordFields} } movedUp { ${registrationRecordFields} } } }`;

const changeFields = `item { ${correctedRecordFields} } movedUp { ${registrationRecordFields} } cancelled { ${registrationRecordFields} } rescheduled { ${registrationRecordFields} }`;
const updateMutation = `mutation($localId: Int!, $input: NewsInput!) { updateNews(localId: $localId, input: $input) { ${changeFields} } }`;
const withdrawMutation = `mutation($localId: Int!) { withdrawNews(localId: $localId) { ${changeFields} } }`;

const sourced = <T>(source: string, record: T) => ({ ...record, source });

async function newsItem(ctx: RegionContext, id: string): Promise<SourcedRecord | null> {
  const { source, localId } = newsIds.parse(id);
  if (source === regionSource) {
    const [found] = await newsByIds(ctx.em, [localId], canSeeMembersOnly(ctx.identity));
    return found ? sourced(source, toRecord(found)) : null;
  }
  const data = await askNews<{ newsItems: NewsRecord[] }>(ctx, source, itemsQueryOf, { localIds: [localId] });
  return data.newsItems[0] ? sourced(source, data.newsItems[0]) : null;
}

async function publish(
  ctx: RegionContext,
  network: string | null | undefined,
  input: NewsInput,
  idempotencyKey: string | null | undefined,
): Promise<SourcedRecord> {
  const source = network ?? regionSource;
  assertCanPublish(ctx.identity, source);
  if (source === regionSource) {
    // The key is checked outside: its refusal names idempotencyKey, not a field of input.
    const key = idempotency(ctx.identity, 'publishNews', idempotencyKey, input);
    const item = await inArgument('input', () =>
      publishNews(ctx.em, input, ctx.identity.subject ?? null, {
        key,
        remember,
        audit: (tx, view) =>
          recordRegionAudit(tx, ctx.identity, { action: 'publishNews', target: newsIds.format(source, view.localId), before: null, after: newsSnapshot(view) }),
      }),
    );
    return sourced(source, toRecord(item));
  }
  // The network keeps the key with the item, so a retry after an answer lost on the way finds the first write.
  // A network of internal API 1.1 publishes without a key; a keyed request needs 1.2.
  const client = ctx.client(source);
  const data =
    idempotencyKey == null
      ? await client.request<{ publishNews: NewsRecord }>(publishMutation, { input }, ctx.identityHeader, { write: keyedWrite(null) })
      : await client.request<{ publishNews: NewsRecord }>(keyedPublishMutation, { input, key: idempotencyKey }, ctx.identityHeader, {
          write: true,
          since: '1.2',
        });
  return sourced(source, data.publishNews);
}

type NewsChangeRecord = { item: NewsRecord; movedUp: RegistrationRecord[]; cancelled: RegistrationRecord[]; rescheduled: RegistrationRecord[] };

/**
 * A correction (input given) or withdrawal of a published item, by its publisher, in the database that holds it:
 * region's own with its notifications in the same transaction; a network's over its internal API (1.7), which
 * checks the publisher again, and the notifications once it has answered, as registrations are told
 * (notifications.ts). Sending either again is safe: the same correction changes nothing, a second withdrawal
 * answers the item as it is.
 */
async function changeNews(ctx: RegionContext, id: string, input: NewsInput | null): Promise<SourcedRecord> {
  // Before the id: an anonymous caller is told to sign in, whatever it names.
  requireSignedIn(ctx.identity);
  const { source, localId } = newsIds.parse(id);
  assertCanPublish(ctx.identity, source);
  const action = input ? 'updateNews' : 'withdrawNews';
  if (source === regionSource) {
    const records: ChangeRecords = {
      audit: (tx, before, after) => recordRegionAudit(tx, ctx.identity, { action, target: id, before: newsSnapshot(before), after: newsSnapshot(after) }),
      onChanged: (tx, change) => notifyChange(tx, source, change),
    };
    const change = input ? await inArgument('input', () => updateNews(ctx.em, localId, id, input, records)) : await withdrawNews(ctx.em, localId, id, records);
    return sourced(source, toRecord(change.item));
  }
  const client = ctx.client(source);
  const write = { write: 'Sending it again is safe: the same correction changes nothing, a second withdrawal answers the item.', since: '1.7' } as const;
  const change = input
    ? (await client.request<{ updateNews: NewsChangeRecord }>(updateMutation, { localId, input }, ctx.identityHeader, write)).updateNews
    : (await client.request<{ withdrawNews: NewsChangeRecord }>(withdrawMutation, { localId }, ctx.identityHeader, write)).withdrawNews;
  notifyChange(ctx.em, source, change);
  await ctx.em.flush();
  return sourced(source, change.item);
}

/**
 * A region-wide event's registration in region's audit log, readable by the
 * registering member's office as well as admin (its network).
 */
function auditRegistration(tx: EntityManager, actor: Identity, action: string, was: RegistrationStatus | null, r: RegistrationView): void {
  const target = registrationIds.format(regionSource, r.localId);
  const after = registrationSnapshot(r, newsIds.format(regionSource, r.eventLocalId));
  const network = parseMemberId(r.memberId).network.code;
  recordRegionAudit(tx, actor, { action, target, before: was && { ...after, status: was }, after, network });
}

async function registerFor(ctx: RegionContext, eventId: string, memberId: string | null | undefined, participant: Participant): Promise<SourcedRegistration> {
  const { source, localId } = newsIds.parse(eventId, 'eventId');
  const registrant = registrantOf(ctx.identity, memberId);
  // An office or admin names the member, a member registers itself; either must exist and not have left its network.
  await assertMemberExists(ctx, registrant, 'memberId');
  if (source === regionSource) {
    const membersOnly = canSeeMembersOnly(ctx.identity);
    const visible = (event: { visibility: string }) => membersOnly || event.visibility === 'PUBLIC';
    const view = await register(ctx.em, localId, eventId, registrant, participant, visible, (tx, registered) => {
      notifyRegistration(tx, source, registered);
      auditRegistration(tx, ctx.identity, 'registerForEvent', null, registered);
    });
    return sourced(source, toRegistrationRecord(view));
  }
  const data = await ctx
    .client(source)
    .request<{ registerForEvent: RegistrationRecord }>(registerMutation, { localId, memberId: registrant, participant }, ctx.identityHeader, {
      write: 'Registering the same person again is safe: a CONFLICT without closedAt then means the registration was made (myEventRegistrations shows it).',
    });
  notifyRegistration(ctx.em, source, data.registerForEvent);
  await ctx.em.flush();
  return sourced(source, data.registerForEvent);
}

async function cancelRegistration(ctx: RegionContext, id: string) {
  // Before the lookup: an anonymous caller told UNAUTHENTICATED for an id that exists and NOT_FOUND for one that does not learnt which exist.
  requireSignedIn(ctx.identity);
  const { source, localId } = registrationIds.parse(id);
  if (source === regionSource) {
    const mayManage = (r: { memberId: string }) => canManageRegistration(ctx.identity, r.memberId, regionSource);
    const result = await cancel(ctx.em, localId, id, mayManage, (tx, { cancelled, was, movedUp }) => {
      auditRegistration(tx, ctx.identity, 'cancelEventRegistration', was, cancelled);
      if (!movedUp) return;
      notifyRegistration(tx, source, movedUp, true);
      auditRegistration(tx, ctx.identity, 'cancelEventRegistration', 'WAITING', movedUp);
    });
    return {
      cancelled: sourced(source, toRegistrationRecord(result.cancelled)),
      movedUp: shownMovedUp(ctx, source, result.movedUp && toRegistrationRecord(result.movedUp)),
    };
  }
  type Answer = { cancelEventRegistration: { cancelled: RegistrationRecord; movedUp: RegistrationRecord | null } };
  const data = await ctx.client(source).request<Answer>(cancelMutation, { localId }, ctx.identityHeader, {
    write: 'Cancelling it again is safe: CONFLICT then means it was cancelled.',
  });
  const { cancelled, movedUp } = data.cancelEventRegistration;
  if (movedUp) {
    notifyRegistration(ctx.em, source, movedUp, true);
    await ctx.em.flush();
  }
  return { cancelled: sourced(source, cancelled), movedUp: shownMovedUp(ctx, source, movedUp) };
}

/** Places are given up for what lies ahead only: a registration for an event begun or over is the record of who came. */
const ahead = (event: { startsAt: Date | string | null } | undefined, now: number) => event?.startsAt != null && new Date(event.startsAt).getTime() > now;

/** CONFLICT STATUS: cancelled meanwhile by someone else, which is what was wanted. */
const alreadyCancelled = (error: unknown) => (error as { extensions?: { reason?: unknown } }).extensions?.reason === 'STATUS';

/** What one round of the cascade reads: a member's open registrations ahead, in one database. */
const cascadeRound = 100;
/**
 * At most this many rounds a database (10,000 registrations): each round cancels every registration it read, so the
 * next reads others, and one that reads none ends it; the bound is for a database that keeps answering the same.
 */
const cascadeRounds = 100;
/** ownRegistrations(ahead) came with internal API 1.7; an older network is read once, its newest 100 of every kind. */
const aheadSince = '1.7';

/**
 * The registrations of a member that has left its network, for events yet to begin, cancelled as
 * cancelEventRegistration does: the first waiting moves up and is told (EVENT_MOVED_UP), each step in the audit log
 * of the database that holds it. A place of a company archived stayed taken ("1 von 1 vergeben; 1 auf der
 * Warteliste", the archiving probe). Region's own in its database; a network's through its internal API, listed as
 * the member's own office lists them (admin has no members of its own to list: ownRegistrationsOf) and cancelled as
 * the caller, whom the network checks again. Each database is read in rounds of its open registrations ahead until
 * none is left: one read of the newest 100 of every kind missed the older of a member with more. Run again, it finds
 * none left; a network that cannot be reached fails it, and the archiving with it, to be done again.
 */
export async function cancelMemberRegistrations(ctx: RegionContext, memberId: string): Promise<void> {
  for (let round = 0; round < cascadeRounds; round++) {
    const open = await registrationsOfOwners(ctx.em, { memberId }, cascadeRound, true);
    if (open.length === 0) break;
    for (const r of open) {
      try {
        await cancel(
          ctx.em,
          r.localId,
          registrationIds.format(regionSource, r.localId),
          () => true,
          (tx, { cancelled, was, movedUp }) => {
            auditRegistration(tx, ctx.identity, 'cancelEventRegistration', was, cancelled);
            if (!movedUp) return;
            notifyRegistration(tx, regionSource, movedUp, true);
            auditRegistration(tx, ctx.identity, 'cancelEventRegistration', 'WAITING', movedUp);
          },
        );
      } catch (error) {
        if (!alreadyCancelled(error)) throw error;
      }
    }
  }
  const office = encodeIdentity({ role: 'office', network: parseMemberId(memberId).network.code, subject: ctx.identity.subject });
  // A network that does not answer keeps the member's places at its events (each shows on its office's event page
  // with "hat das Netzwerk verlassen" and Abmelden): archiving waited for every network otherwise, and one office's
  // outage stopped another's archiving. The member's own network is asked next for the archiving itself.
  for (const { code } of networks) {
    try {
      await cancelAtNetwork(ctx, code, memberId, office);
    } catch (error) {
      const reason = (error as { extensions?: { code?: unknown } }).extensions?.code;
      if (reason !== 'NETWORK_UNAVAILABLE' && reason !== 'INTERNAL_API_VERSION') throw error;
      currentLog().warn(
        { network: code, member: memberId, code: reason },
        `event registrations of ${memberId} at ${code} left as they are: ${code} did not answer`,
      );
    }
  }
}

/** The member's registrations for events of network `code` ahead, cancelled by that network (its waiting list moves up). */
async function cancelAtNetwork(ctx: RegionContext, code: string, memberId: string, office: string): Promise<void> {
  const client = ctx.client(code);
  type Listed = { ownRegistrations: RegistrationRecord[] };
  const inRounds = async () => {
    for (let round = 0; round < cascadeRounds; round++) {
      const variables = { memberId, first: cascadeRound, ahead: true };
      const open = (await client.request<Listed>(aheadRegistrationsQuery, variables, office, { since: aheadSince })).ownRegistrations;
      if (open.length === 0) return;
      for (const r of open) await cancelThere(ctx, code, r);
    }
  };
  // A network before 1.7: its newest 100 registrations of every kind, those ahead cancelled.
  const once = async () => {
    const listed = await client.request<Listed>(ownRegistrationsQuery, { memberId, first: 100 }, office, { since: '1.2' });
    const open = listed.ownRegistrations.filter((r) => r.status !== 'CANCELLED');
    if (open.length === 0) return;
    const localIds = [...new Set(open.map((r) => r.eventLocalId))];
    const items = (await client.request<{ newsItems: NewsRecord[] }>(itemsQuery, { localIds }, office)).newsItems;
    const now = Date.now();
    for (const r of open) {
      if (
        ahead(
          items.find((e) => e.localId === r.eventLocalId),
          now,
        )
      )
        await cancelThere(ctx, code, r);
    }
  };
  await newerOrOlder(client, aheadSince, inRounds, once);
}

/** One registration cancelled by network `code`, the one that moved up told; one cancelled meanwhile is what was wanted. */
async function cancelThere(ctx: RegionContext, code: string, r: RegistrationRecord): Promise<void> {
  type Answer = { cancelEventRegistration: { movedUp: RegistrationRecord | null } };
  try {
    const data = await ctx.client(code).request<Answer>(cancelMutation, { localId: r.localId }, ctx.identityHeader, {
      write: 'Archiving the member again is safe: its registrations cancelled already are left as they are.',
    });
    const { movedUp } = data.cancelEventRegistration;
    if (movedUp) {
      notifyRegistration(ctx.em, code, movedUp, true);
      await ctx.em.flush();
    }
  } catch (error) {
    if (!alreadyCancelled(error)) throw error;
  }
}

/**
 * The registration that moved up, for a caller who may manage it (its member, that member's office, the publishing
 * office, admin); null for anyone else. It is another company's participant more often than not: a member
 * cancelling its own place was handed the name and e-mail address of whoever of another network waited next.
 */
function shownMovedUp(ctx: RegionContext, source: string, movedUp: RegistrationRecord | null): SourcedRegistration | null {
  return movedUp && mayManageRegistration(ctx.identity, movedUp.memberId, source) ? sourced(source, movedUp) : null;
}

async function eventRegistrations(ctx: RegionContext, eventId: string): Promise<SourcedRegistration[]> {
  const { source, localId } = newsIds.parse(eventId, 'eventId');
  assertCanListRegistrations(ctx.identity, source);
  if (source === regionSource) return (await registrationsOf(ctx.em, localId, eventId)).map((v) => sourced(source, toRegistrationRecord(v)));
  const data = await ctx.client(source).request<{ eventRegistrations: RegistrationRecord[] }>(registrationsQuery, { localId }, ctx.identityHeader);
  return data.eventRegistrations.map((r) => sourced(source, r));
}

/**
 * The caller's registrations in every database, merged newest first: each
 * network answers its newest `first` (checking the caller again), region adds
 * its own, and the merge keeps the first `first`.
 */
async function myEventRegistrations(ctx: RegionContext, first: number | null | undefined, memberId: string | null | undefined): Promise<SourcedRegistration[]> {
  const size = pageSize(first, 100, 50);
  const owners = ownRegistrationsOf(ctx.identity, memberId);
  const variables = { memberId: memberId ?? null, first: size };
  const [pages, own] = await Promise.all([
    networkPages(
      ctx,
      networks.map((n) => n.code),
      async (code) =>
        (await ctx.client(code).request<{ ownRegistrations: RegistrationRecord[] }>(ownRegistrationsQuery, variables, ctx.identityHeader, { since: '1.2' }))
          .ownRegistrations,
    ),
    registrationsOfOwners(ctx.em, owners, size),
  ]);
  const all: SourcedRegistration[] = [
    ...pages.flatMap(({ code, page }) => page.map((r) => sourced(code, r))),
    ...own.map((v) => sourced(regionSource, toRegistrationRecord(v))),
  ];
  const newestFirst = (a: SourcedRegistration, b: SourcedRegistration) =>
    Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.source < b.source ? 1 : a.source > b.source ? -1 : b.localId - a.localId);
  return all.sort(newestFirst).slice(0, size);
}

/**
 * The events of a request's registrations, by id: one newsItems request per
 * network and one statement for region's, however many registrations the
 * answer lists. A network that is down leaves its events null, with its error.
 */
const eventLoaders = new WeakMap<RegionContext, DataLoader<string, SourcedRecord | null>>();

function eventLoader(ctx: RegionContext): DataLoader<string, SourcedRecord | null> {
  let loader = eventLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const refs = ids.map((id) => newsIds.parse(id));
      const wanted = (source: string) => [...new Set(refs.filter((r) => r.source === source).map((r) => r.localId))];
      const sources = [...new Set(refs.map((r) => r.source))];
      const [pages, own] = await Promise.all([
        networkPages(
          ctx,
          sources.filter((s) => s !== regionSource),
          async (code) => (await askNews<{ newsItems: NewsRecord[] }>(ctx, code, itemsQueryOf, { localIds: wanted(code) })).newsItems,
        ),
        sources.includes(regionSource) ? newsByIds(ctx.em, wanted(regionSource), canSeeMembersOnly(ctx.identity)) : [],
      ]);
      const found = new Map<string, SourcedRecord>();
      for (const { code, page } of pages) for (const record of page) found.set(newsIds.format(code, record.localId), sourced(code, record));
      for (const view of own) found.set(newsIds.format(regionSource, view.localId), sourced(regionSource, toRecord(view)));
      return ids.map((id) => found.get(id) ?? null);
    });
    eventLoaders.set(ctx, loader);
  }
  return loader;
}

export const newsResolvers: Resolvers = {
  Query: {
    feed: (_, args, ctx, info) => feed(ctx, args, responsePathAsArray(info.path)),
    newsItem: (_, args, ctx) => newsItem(ctx, args.id),
    eventRegistrations: (_, args, ctx) => eventRegistrations(ctx, args.eventId),
    myEventRegistrations: (_, args, ctx) => myEventRegistrations(ctx, args.first, args.memberId),
  },
  Mutation: {
    publishNews: (_, args, ctx) => publish(ctx, args.network, args.input, args.idempotencyKey),
    updateNews: (_, args, ctx) => changeNews(ctx, args.id, args.input),
    withdrawNews: (_, args, ctx) => changeNews(ctx, args.id, null),
    registerForEvent: (_, args, ctx) => registerFor(ctx, args.eventId, args.memberId, args.participant),
    cancelEventRegistration: (_, args, ctx) => cancelRegistration(ctx, args.id),
  },
  NewsItem: {
    id: (n) => newsIds.format(n.source, n.localId),
    network: (n) => (n.source === regionSource ? null : (findNetwork(n.source) ?? null)),
    registeredCount: (n) => n.registered,
    waitingCount: (n) => n.waiting,
    updatedAt: (n) => n.updatedAt ?? null,
    withdrawnAt: (n) => n.withdrawnAt ?? null,
    calendarPath: (n) => (n.kind === 'EVENT' ? `/calendar/event.ics?id=${encodeURIComponent(newsIds.format(n.source, n.localId))}` : null),
  },
  EventRegistration: {
    id: (r) => registrationIds.format(r.source, r.localId),
    eventId: (r) => newsIds.format(r.source, r.eventLocalId),
    event: (r, _, ctx) => eventLoader(ctx).load(newsIds.format(r.source, r.eventLocalId)),
    member: (r) => memberRefById(r.memberId),
  },
};
