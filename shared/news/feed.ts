import type { EntityManager } from '@mikro-orm/postgresql';
import { regionDayEndOf } from '../region-day.ts';
import type { NewsKind } from './news.entity.ts';
import type { NewsView } from './items.ts';

// The feed's one order, newest first: published time, then the source (a
// network code or REGION), then the local id, each descending. Every database
// answers its page after the cursor in this order and region merges the pages
// (compareFeedKeys), so a cursor is exact across networks.

export interface FeedKey {
  /** publishedAt in epoch milliseconds. */
  at: number;
  source: string;
  localId: number;
}

/** Negative when a comes first in the feed. */
export function compareFeedKeys(a: FeedKey, b: FeedKey): number {
  if (a.at !== b.at) return b.at - a.at;
  if (a.source !== b.source) return a.source < b.source ? 1 : -1;
  return b.localId - a.localId;
}

export interface FeedQuery {
  first: number;
  after: FeedKey | null;
  kind: NewsKind | null;
  /** True for members, offices and admin (access.ts canSeeMembersOnly). */
  membersOnly: boolean;
  /** Only events that are not over yet: to come, or running now. */
  upcoming: boolean;
}

/**
 * The items of this database after the cursor, with their registration counts,
 * in one statement whatever the page size. Which of this source's items come
 * after the cursor depends on how the source compares with the cursor's.
 */
export async function feedPage(em: EntityManager, source: string, query: FeedQuery): Promise<NewsView[]> {
  const params: unknown[] = [];
  // Withdrawn items leave the feed, and with it the calendars that subscribe to it (gateway/calendar.ts).
  const where: string[] = [`n."withdrawn_at" is null`];
  if (!query.membersOnly) where.push(`n."visibility" = 'PUBLIC'`);
  if (query.kind) {
    where.push(`n."kind" = ?`);
    params.push(query.kind);
  }
  // Over when it has ended, not when it has begun: a calendar subscription (gateway/calendar.ts) that dropped an event
  // at its start had subscribers' calendar clients delete it while it ran, a fair of three days on its first morning.
  // An event given no end (an evening talk) lasts, for this, to the end of its day in the region: dropped at its
  // start, it went from the calendars of those on their way to it.
  if (query.upcoming) where.push(`coalesce(n."ends_at", ${regionDayEndOf('n."starts_at"').sql}) > now()`);
  if (query.after) {
    const at = new Date(query.after.at).toISOString();
    if (source === query.after.source) {
      where.push(`(n."published_at", n."id") < (?::timestamptz, ?)`);
      params.push(at, query.after.localId);
    } else {
      // A later source sorts first at equal times (descending), so it keeps the cursor's own instant.
      where.push(source < query.after.source ? `n."published_at" <= ?::timestamptz` : `n."published_at" < ?::timestamptz`);
      params.push(at);
    }
  }
  params.push(query.first);
  const rows = await em.getConnection().execute<Row[]>(
    `select n.*, r.registered, r.waiting from "news_item" n
     cross join lateral (select count(*) filter (where "status" = 'REGISTERED')::int as registered, count(*) filter (where "status" = 'WAITING')::int as waiting
                         from "event_registration" where "event_id" = n."id") r
     where ${where.join(' and ')}
     order by n."published_at" desc, n."id" desc limit ?`,
    params,
  );
  return rows.map(fromRow);
}

/** Items by local id with their counts, in one statement; those the caller may not see are left out, withdrawn ones kept (they say so). */
export async function newsByIds(em: EntityManager, localIds: readonly number[], membersOnly: boolean): Promise<NewsView[]> {
  if (localIds.length === 0) return [];
  const rows = await em.getConnection().execute<Row[]>(
    `select n.*, r.registered, r.waiting from "news_item" n
     cross join lateral (select count(*) filter (where "status" = 'REGISTERED')::int as registered, count(*) filter (where "status" = 'WAITING')::int as waiting
                         from "event_registration" where "event_id" = n."id") r
     where n."id" in (${localIds.map(() => '?').join(', ')}) ${membersOnly ? '' : `and n."visibility" = 'PUBLIC'`}`,
    [...localIds],
  );
  return rows.map(fromRow);
}

interface Row {
  id: number;
  kind: NewsKind;
  title: string;
  text: string;
  visibility: 'PUBLIC' | 'MEMBERS';
  published_at: Date;
  starts_at: Date | null;
  ends_at: Date | null;
  place: string | null;
  registration_limit: number | null;
  registration_deadline: Date | null;
  updated_at: Date | null;
  withdrawn_at: Date | null;
  registered: number;
  waiting: number;
}

function fromRow(row: Row): NewsView {
  return {
    localId: row.id,
    kind: row.kind,
    title: row.title,
    text: row.text,
    visibility: row.visibility,
    publishedAt: new Date(row.published_at),
    startsAt: row.starts_at && new Date(row.starts_at),
    endsAt: row.ends_at && new Date(row.ends_at),
    place: row.place,
    registrationLimit: row.registration_limit,
    registrationDeadline: row.registration_deadline && new Date(row.registration_deadline),
    updatedAt: row.updated_at && new Date(row.updated_at),
    withdrawnAt: row.withdrawn_at && new Date(row.withdrawn_at),
    registered: row.registered,
    waiting: row.waiting,
  };
}
