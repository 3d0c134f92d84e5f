import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound } from '../errors.ts';
import type { RegistrationOwners } from './access.ts';
import { visibleText } from '../validation.ts';
import { EventRegistrationSchema, NewsItemSchema, type EventRegistration, type NewsItem, type RegistrationStatus } from './news.entity.ts';

// Registration for an event. Every change takes the event's row lock first, so
// registrations and cancellations of one event run one after another: the
// count of registered people read under the lock is the count the new row
// joins, and the limit holds however many requests arrive at once. Past the
// limit people wait in the order they registered (their ids) and the first
// waiting moves up when a registered person cancels.

export interface Participant {
  name: string;
  email: string;
}

export interface RegistrationView {
  localId: number;
  eventLocalId: number;
  memberId: string;
  participant: string;
  email: string;
  status: RegistrationStatus;
  /** 1 for the first in line; null unless WAITING. */
  waitingPosition: number | null;
  createdAt: Date;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkParticipant(participant: Participant): Participant {
  const name = visibleText('participant.name', participant.name.trim(), true);
  const email = participant.email.trim();
  if (name.length === 0 || name.length > 200)
    throw badInput(
      'participant.name',
      'participant.name must have 1 to 200 characters.',
      name.length === 0 ? { reason: 'REQUIRED' } : { reason: 'TOO_LONG', max: 200 },
    );
  if (email.length > 254 || !emailPattern.test(email))
    throw badInput('participant.email', `participant.email "${email.slice(0, 40)}" is not an e-mail address.`, { reason: 'EMAIL' });
  return { name, email };
}

async function lockedEvent(tx: EntityManager, localId: number, eventId: string): Promise<NewsItem> {
  const event = await tx.findOne(NewsItemSchema, localId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!event) throw notFound(`Event ${eventId} does not exist.`);
  if (event.kind !== 'EVENT') throw badInput('eventId', `${eventId} is news, not an event; only events take registrations.`, { reason: 'NOT_APPLICABLE' });
  return event;
}

/** Registers one participant of a member: REGISTERED while places are left, WAITING after. */
/** Called inside the transaction of a change, so what it writes (region's outbox events) exists exactly when the change does. */
export type InTransaction = (tx: EntityManager, registration: RegistrationView) => void;

export async function register(
  em: EntityManager,
  eventLocalId: number,
  eventId: string,
  memberId: string,
  participant: Participant,
  visible: (event: NewsItem) => boolean,
  onRegistered?: InTransaction,
): Promise<RegistrationView> {
  const person = checkParticipant(participant);
  return em.transactional(async (tx) => {
    const event = await lockedEvent(tx, eventLocalId, eventId);
    // A members-only event the caller may not see is, to the caller, not there.
    if (!visible(event)) throw notFound(`Event ${eventId} does not exist.`);
    if (event.withdrawnAt)
      throw conflict(`${eventId} was withdrawn on ${event.withdrawnAt.toISOString()}; it takes no registrations.`, { reason: 'STATUS', status: 'WITHDRAWN' });
    const closesAt = event.registrationDeadline ?? event.startsAt!;
    if (closesAt <= new Date())
      throw conflict(`Registration for ${eventId} closed at ${closesAt.toISOString()}.`, { reason: 'CLOSED', closedAt: closesAt.toISOString() });
    const counts = await statusCounts(tx, event.id, person.email);
    if (counts.same > 0) throw conflict(`${person.email} is already registered for ${eventId}.`, { reason: 'EXISTS' }, { field: 'participant.email' });
    const limit = event.registrationLimit ?? null;
    const status: RegistrationStatus = limit === null || counts.registered < limit ? 'REGISTERED' : 'WAITING';
    const registration = tx.create(EventRegistrationSchema, { event, memberId, participant: person.name, email: person.email, status } as EventRegistration);
    await tx.flush();
    const registered = view(registration, event.id, status === 'WAITING' ? counts.waiting + 1 : null);
    if (onRegistered) {
      onRegistered(tx, registered);
      await tx.flush();
    }
    return registered;
  });
}

async function statusCounts(tx: EntityManager, eventId: number, email: string) {
  const [row] = await tx.getConnection().execute<{ registered: number; waiting: number; same: number }[]>(
    `select count(*) filter (where "status" = 'REGISTERED')::int as registered, count(*) filter (where "status" = 'WAITING')::int as waiting,
            count(*) filter (where "status" <> 'CANCELLED' and lower("email") = lower(?))::int as same
     from "event_registration" where "event_id" = ?`,
    [email, eventId],
    'all',
    tx.getTransactionContext(),
  );
  return row;
}

/** The cancelled registration and the first of the waiting list that took its place, if any. */
export interface Cancellation {
  cancelled: RegistrationView;
  /** What the cancelled registration was: REGISTERED or WAITING. */
  was: RegistrationStatus;
  movedUp: RegistrationView | null;
}

/** A registration as its audit entry keeps it. */
export function registrationSnapshot(r: RegistrationView, eventId: string): Record<string, unknown> {
  return { event: eventId, memberId: r.memberId, participant: r.participant, email: r.email, status: r.status };
}

/**
 * Cancels a registration; when it held a place, the first waiting moves up in
 * the same transaction. Returns the cancelled one and the one that moved up.
 */
export async function cancel(
  em: EntityManager,
  localId: number,
  registrationId: string,
  mayManage: (registration: EventRegistration) => boolean,
  onCancelled: (tx: EntityManager, result: Cancellation) => void,
): Promise<Cancellation> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(EventRegistrationSchema, localId);
    if (!found || !mayManage(found)) throw notFound(`Registration ${registrationId} does not exist.`);
    const eventLocalId = found.event.id;
    await lockedEvent(tx, eventLocalId, String(eventLocalId));
    // Read again under the event's lock: a cancellation that ran meanwhile has changed it.
    await tx.refresh(found);
    if (found.status === 'CANCELLED') throw conflict(`Registration ${registrationId} is already cancelled.`, { reason: 'STATUS', status: 'CANCELLED' });
    const heldPlace = found.status === 'REGISTERED';
    found.status = 'CANCELLED';
    const next = heldPlace ? await tx.findOne(EventRegistrationSchema, { event: eventLocalId, status: 'WAITING' }, { orderBy: { id: 'asc' } }) : null;
    if (next) next.status = 'REGISTERED';
    const result = {
      cancelled: view(found, eventLocalId, null),
      was: heldPlace ? ('REGISTERED' as const) : ('WAITING' as const),
      movedUp: next ? view(next, eventLocalId, null) : null,
    };
    onCancelled(tx, result);
    await tx.flush();
    return result;
  });
}

/** An event's registrations holding a place or waiting, in the order they came (ids), each waiting one with its place in line. */
export async function activeRegistrations(tx: EntityManager, eventLocalId: number): Promise<RegistrationView[]> {
  const rows = await tx.find(EventRegistrationSchema, { event: eventLocalId, status: { $ne: 'CANCELLED' } }, { orderBy: { id: 'asc' } });
  let waiting = 0;
  return rows.map((r) => view(r, eventLocalId, r.status === 'WAITING' ? ++waiting : null));
}

/**
 * These registrations take a place (the first of the waiting list, for a raised limit): one statement, from the
 * event's active registrations read under its lock (activeRegistrations), which they are.
 */
export async function moveUp(tx: EntityManager, waiting: readonly RegistrationView[]): Promise<RegistrationView[]> {
  return setStatus(tx, waiting, 'REGISTERED');
}

/** Every registration of the event that holds a place or waits, cancelled (the event withdrawn): as moveUp, one statement. */
export async function cancelActive(tx: EntityManager, active: readonly RegistrationView[]): Promise<RegistrationView[]> {
  return setStatus(tx, active, 'CANCELLED');
}

async function setStatus(tx: EntityManager, registrations: readonly RegistrationView[], status: RegistrationStatus): Promise<RegistrationView[]> {
  if (registrations.length === 0) return [];
  await tx.nativeUpdate(EventRegistrationSchema, { id: { $in: registrations.map((r) => r.localId) } }, { status });
  return registrations.map((r) => ({ ...r, status, waitingPosition: null }));
}

/** An event's registrations in order: the registered, then the waiting list from its first. */
export async function registrationsOf(em: EntityManager, eventLocalId: number, eventId: string): Promise<RegistrationView[]> {
  const event = await em.findOne(NewsItemSchema, eventLocalId);
  if (event?.kind !== 'EVENT') throw notFound(`Event ${eventId} does not exist.`);
  const views = await activeRegistrations(em, eventLocalId);
  return [...views.filter((v) => v.status === 'REGISTERED'), ...views.filter((v) => v.status === 'WAITING')];
}

/**
 * The registrations of one member, or of every member of a network, for the
 * events of this database (with `ahead`, only active ones for events not begun), newest first, each waiting one with its place in
 * line: one statement, whatever the count (the position is counted per row
 * over the event's index on event, status and id).
 */
export async function registrationsOfOwners(em: EntityManager, owners: RegistrationOwners, first: number, ahead = false): Promise<RegistrationView[]> {
  // Network codes are capital letters only (shared/networks.ts), so the prefix needs no escaping.
  const [owned, value] = 'memberId' in owners ? ['r."member_id" = ?', owners.memberId] : ['r."member_id" like ?', `${owners.network}:%`];
  // `ahead`: only places held or waited for at events not begun, what a member's archiving cancels (region's
  // news.resolvers.ts), read in rounds until none is left; the newest 100 of all missed older ones.
  const where = ahead
    ? `${owned} and r."status" <> 'CANCELLED' and exists (select 1 from "news_item" n where n."id" = r."event_id" and n."starts_at" > now())`
    : owned;
  const rows = await em.getConnection().execute<
    {
      id: number;
      event_id: number;
      member_id: string;
      participant: string;
      email: string;
      status: RegistrationStatus;
      created_at: Date;
      position: number | null;
    }[]
  >(
    `select r.*, case when r."status" = 'WAITING' then (select count(*) from "event_registration" w
                   where w."event_id" = r."event_id" and w."status" = 'WAITING' and w."id" <= r."id")::int end as "position"
     from "event_registration" r where ${where} order by r."created_at" desc, r."id" desc limit ?`,
    [value, first],
  );
  return rows.map((r) => ({
    localId: r.id,
    eventLocalId: r.event_id,
    memberId: r.member_id,
    participant: r.participant,
    email: r.email,
    status: r.status,
    waitingPosition: r.position,
    createdAt: new Date(r.created_at),
  }));
}

function view(r: EventRegistration, eventLocalId: number, waitingPosition: number | null): RegistrationView {
  return {
    localId: r.id,
    eventLocalId,
    memberId: r.memberId,
    participant: r.participant,
    email: r.email,
    status: r.status,
    waitingPosition,
    createdAt: r.createdAt,
  };
}
