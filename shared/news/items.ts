import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors.ts';
import { isoDateTime, line, text } from '../validation.ts';
import { replayed, type Idempotency } from '../idempotency.ts';
import { newsByIds } from './feed.ts';
import { NewsItemSchema, type NewsItem, type NewsKind, type Visibility } from './news.entity.ts';

// Publishing: the input checked as a whole before anything is written, so bad
// input changes nothing.

export interface NewsInput {
  kind: NewsKind;
  title: string;
  text: string;
  visibility: Visibility;
  startsAt?: string | null;
  endsAt?: string | null;
  place?: string | null;
  registrationLimit?: number | null;
  registrationDeadline?: string | null;
}

/** What the feed and the API show of an item, with its registration counts. */
export interface NewsView {
  localId: number;
  kind: NewsKind;
  title: string;
  text: string;
  visibility: Visibility;
  publishedAt: Date;
  startsAt: Date | null;
  endsAt: Date | null;
  place: string | null;
  registrationLimit: number | null;
  registrationDeadline: Date | null;
  registered: number;
  waiting: number;
}

/** A required text, as every other is checked (shared/validation.ts); a title on one line. */
const required = (field: string, value: string | null | undefined, max: number, oneLine: boolean): string => text(field, value, max, true, oneLine)!;

function instant(field: string, value: string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  // With an offset: an event at "2027-03-01" alone would fall on a different day in each time zone.
  return isoDateTime(field, value, '2027-03-01T09:00:00Z');
}

/** The item to store, or BAD_USER_INPUT naming the first field at fault. */
export function checkNewsInput(input: NewsInput, now = new Date()) {
  const item = {
    kind: input.kind,
    title: required('title', input.title, 200, true),
    text: required('text', input.text, 20000, false),
    visibility: input.visibility,
    startsAt: instant('startsAt', input.startsAt),
    endsAt: instant('endsAt', input.endsAt),
    place: line('place', input.place, 200, false),
    registrationLimit: input.registrationLimit ?? null,
    registrationDeadline: instant('registrationDeadline', input.registrationDeadline),
  };
  if (item.kind === 'NEWS') {
    for (const field of ['startsAt', 'endsAt', 'registrationLimit', 'registrationDeadline'] as const) {
      if (item[field] !== null) throw badInput(field, `${field} belongs to events; news has none.`, { reason: 'COMBINATION' });
    }
    return item;
  }
  if (item.startsAt === null) throw badInput('startsAt', 'An event needs startsAt.', { reason: 'REQUIRED' });
  if (item.startsAt <= now)
    throw badInput('startsAt', `An event must lie in the future; ${item.startsAt.toISOString()} has passed.`, { reason: 'IN_THE_PAST' });
  if (item.endsAt !== null && item.endsAt < item.startsAt)
    throw badInput('endsAt', 'endsAt must not lie before startsAt.', { reason: 'ORDER', other: 'startsAt' });
  if (item.registrationLimit !== null && (!Number.isInteger(item.registrationLimit) || item.registrationLimit < 1)) {
    throw badInput('registrationLimit', `registrationLimit must be a positive whole number of places, got ${item.registrationLimit}.`, {
      reason: 'OUT_OF_RANGE',
      min: 1,
      integer: true,
    });
  }
  if (item.registrationDeadline !== null) {
    if (item.registrationDeadline > item.startsAt)
      throw badInput('registrationDeadline', 'registrationDeadline must not lie after the event starts.', { reason: 'ORDER', other: 'startsAt' });
    if (item.registrationDeadline <= now) throw badInput('registrationDeadline', 'registrationDeadline has already passed.', { reason: 'IN_THE_PAST' });
  }
  return item;
}

/**
 * What the service that holds the item writes in the publishing transaction: the
 * request's idempotency key (each service keeps its own table) and its audit entry.
 */
export interface PublishRecords {
  key: Idempotency | null;
  remember: (tx: EntityManager, key: Idempotency | null, resultId: number) => void | Promise<void>;
  audit: (tx: EntityManager, item: NewsView) => void;
}

/**
 * Publishes the item with its audit entry and idempotency key in one transaction.
 * A retry with the same key and input answers the item the first request wrote
 * (and writes nothing); the same key with other input is CONFLICT (shared/idempotency.ts).
 */
export async function publishNews(em: EntityManager, input: NewsInput, publishedBy: string | null, records: PublishRecords): Promise<NewsView> {
  const fields = checkNewsInput(input);
  return em.transactional(async (tx) => {
    const prior = await replayed(tx, records.key);
    if (prior !== null) {
      const [first] = await newsByIds(tx, [prior], true);
      return first;
    }
    const item = tx.create(NewsItemSchema, { ...fields, publishedBy } as NewsItem);
    await tx.flush();
    const view = { ...toView(item), registered: 0, waiting: 0 };
    records.audit(tx, view);
    await records.remember(tx, records.key, item.id);
    return view;
  });
}

/** An item as its audit entry keeps it. */
export function newsSnapshot(v: NewsView): Record<string, unknown> {
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return {
    kind: v.kind,
    title: v.title,
    text: v.text,
    visibility: v.visibility,
    publishedAt: v.publishedAt.toISOString(),
    startsAt: iso(v.startsAt),
    endsAt: iso(v.endsAt),
    place: v.place,
    registrationLimit: v.registrationLimit,
    registrationDeadline: iso(v.registrationDeadline),
  };
}

export function toView(item: NewsItem): Omit<NewsView, 'registered' | 'waiting'> {
  return {
    localId: item.id,
    kind: item.kind,
    title: item.title,
    text: item.text,
    visibility: item.visibility,
    publishedAt: item.publishedAt,
    startsAt: item.startsAt ?? null,
    endsAt: item.endsAt ?? null,
    place: item.place ?? null,
    registrationLimit: item.registrationLimit ?? null,
    registrationDeadline: item.registrationDeadline ?? null,
  };
}
