import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound } from '../errors.ts';
import { isoDateTime, line, text } from '../validation.ts';
import { replayed, type Idempotency } from '../idempotency.ts';
import { newsByIds } from './feed.ts';
import { NewsItemSchema, type NewsItem, type NewsKind, type Visibility } from './news.entity.ts';
import { activeRegistrations, cancelActive, moveUp, type RegistrationView } from './registrations.ts';

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
  updatedAt: Date | null;
  withdrawnAt: Date | null;
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

/** Whether a time of the input is the one the item already has: a correction may keep a start that has passed. */
const kept = (value: Date | null, stored: Date | null | undefined) => value !== null && stored != null && value.getTime() === stored.getTime();

/**
 * The item to store, or BAD_USER_INPUT naming the first field at fault. `was`, for a correction (updateNews): the
 * item as stored, whose start and deadline may have passed as they stand, so an event under way gets its text
 * corrected; a new time must still lie ahead.
 */
export function checkNewsInput(input: NewsInput, now = new Date(), was?: NewsItem) {
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
  if (item.startsAt <= now && !kept(item.startsAt, was?.startsAt))
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
    if (item.registrationDeadline <= now && !kept(item.registrationDeadline, was?.registrationDeadline))
      throw badInput('registrationDeadline', 'registrationDeadline has already passed.', { reason: 'IN_THE_PAST' });
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
    ...(v.withdrawnAt && { withdrawnAt: iso(v.withdrawnAt) }),
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
    updatedAt: item.updatedAt ?? null,
    withdrawnAt: item.withdrawnAt ?? null,
  };
}

/** What a correction or withdrawal changed besides the item: whom it concerns, for the notifications (region's outbox). */
export interface NewsChange {
  item: NewsView;
  /** Waiting registrations that took the places a raised limit added, first in line first. */
  movedUp: RegistrationView[];
  /** Registrations a withdrawal cancelled: those of an event still ahead. */
  cancelled: RegistrationView[];
  /** When a correction moved the event's time or place: the registrations holding a place or waiting, as they now stand. */
  rescheduled: RegistrationView[];
}

/** What the service that holds the item writes in the transaction of a correction or withdrawal. */
export interface ChangeRecords {
  audit: (tx: EntityManager, before: NewsView, after: NewsView) => void;
  /** Region's notifications for a region-wide event, written with the change; a network's are written by region once the network answered. */
  onChanged?: (tx: EntityManager, change: NewsChange) => void;
}

const sameTime = (a: Date | null | undefined, b: Date | null | undefined) => (a ?? null)?.getTime() === (b ?? null)?.getTime();

/** The item under its row lock, as registrations take it (registrations.ts), so a correction and a registration run one after the other. */
async function lockedItem(tx: EntityManager, localId: number, id: string): Promise<NewsItem> {
  const item = await tx.findOne(NewsItemSchema, localId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!item) throw notFound(`News item ${id} does not exist.`);
  return item;
}

function countsOf(active: RegistrationView[]) {
  return { registered: active.filter((r) => r.status === 'REGISTERED').length, waiting: active.filter((r) => r.status === 'WAITING').length };
}

/**
 * Corrects a published item: every field as given, the kind and publication time as they are (the feed's order stays).
 * A limit below the places taken is refused (the publisher cancels registrations first, with the people told); a
 * raised limit, or none, gives the new places to the waiting list in its order. An input like the item changes
 * nothing, so a retry is safe. A withdrawn item is not corrected: publish it anew.
 */
export async function updateNews(em: EntityManager, localId: number, id: string, input: NewsInput, records: ChangeRecords): Promise<NewsChange> {
  return em.transactional(async (tx) => {
    const item = await lockedItem(tx, localId, id);
    if (item.withdrawnAt)
      throw conflict(`${id} was withdrawn on ${item.withdrawnAt.toISOString()}; publish it anew.`, { reason: 'STATUS', status: 'WITHDRAWN' });
    if (input.kind !== item.kind)
      throw badInput('kind', `${id} is ${item.kind === 'EVENT' ? 'an event' : 'news'}; a correction keeps the kind: withdraw it and publish anew.`, {
        reason: 'NOT_APPLICABLE',
      });
    const fields = checkNewsInput(input, new Date(), item);
    const active = item.kind === 'EVENT' ? await activeRegistrations(tx, item.id) : [];
    const before: NewsView = { ...toView(item), ...countsOf(active) };
    const { registered } = before;
    if (fields.registrationLimit !== null && fields.registrationLimit < registered)
      throw badInput(
        'registrationLimit',
        `registrationLimit ${fields.registrationLimit} is below the ${registered} places taken: at least ${registered}, or cancel registrations first.`,
        { reason: 'OUT_OF_RANGE', min: registered, integer: true },
      );
    const unchanged =
      fields.title === item.title &&
      fields.text === item.text &&
      fields.visibility === item.visibility &&
      (fields.place ?? null) === (item.place ?? null) &&
      fields.registrationLimit === (item.registrationLimit ?? null) &&
      sameTime(fields.startsAt, item.startsAt) &&
      sameTime(fields.endsAt, item.endsAt) &&
      sameTime(fields.registrationDeadline, item.registrationDeadline);
    if (unchanged) return { item: before, movedUp: [], cancelled: [], rescheduled: [] };
    const moved = !sameTime(fields.startsAt, item.startsAt) || !sameTime(fields.endsAt, item.endsAt) || (fields.place ?? null) !== (item.place ?? null);
    tx.assign(item, { ...fields, updatedAt: new Date() });
    const free = fields.registrationLimit === null ? Number.POSITIVE_INFINITY : fields.registrationLimit - registered;
    const movedUp = await moveUp(tx, active.filter((r) => r.status === 'WAITING').slice(0, free));
    const standing = active.map((r) => movedUp.find((m) => m.localId === r.localId) ?? r);
    const waitingLeft = standing.filter((r) => r.status === 'WAITING');
    const after: NewsView = { ...toView(item), ...countsOf(standing) };
    const change: NewsChange = {
      item: after,
      movedUp,
      cancelled: [],
      rescheduled: moved ? standing.map((r) => (r.status === 'WAITING' ? { ...r, waitingPosition: waitingLeft.indexOf(r) + 1 } : r)) : [],
    };
    await tx.flush();
    records.audit(tx, before, after);
    records.onChanged?.(tx, change);
    await tx.flush();
    return change;
  });
}

/**
 * Withdraws an item: it leaves the feed and the calendars; read by id it says when it was withdrawn. An event still
 * ahead ends its registrations (their people are told); those of an event begun or over stay, the record of who came.
 * Withdrawing it again answers it as it is.
 */
export async function withdrawNews(em: EntityManager, localId: number, id: string, records: ChangeRecords): Promise<NewsChange> {
  return em.transactional(async (tx) => {
    const item = await lockedItem(tx, localId, id);
    const active = item.kind === 'EVENT' ? await activeRegistrations(tx, item.id) : [];
    const before: NewsView = { ...toView(item), ...countsOf(active) };
    if (item.withdrawnAt) return { item: before, movedUp: [], cancelled: [], rescheduled: [] };
    const now = new Date();
    item.withdrawnAt = now;
    const ahead = item.kind === 'EVENT' && item.startsAt !== undefined && item.startsAt !== null && item.startsAt > now;
    const cancelled = ahead ? await cancelActive(tx, active) : [];
    const after: NewsView = { ...toView(item), ...(ahead ? { registered: 0, waiting: 0 } : countsOf(active)) };
    const change: NewsChange = { item: after, movedUp: [], cancelled, rescheduled: [] };
    await tx.flush();
    records.audit(tx, before, after);
    records.onChanged?.(tx, change);
    await tx.flush();
    return change;
  });
}
