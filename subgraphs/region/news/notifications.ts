import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseMemberId } from '../../../shared/ids.ts';
import { newsIds, registrationIds } from '../../../shared/news/ids.ts';
import type { RegistrationView } from '../../../shared/news/registrations.ts';
import { OutboxEventSchema } from '../inquiries/entities.ts';
import type { EventType } from '../inquiries/outbox-event.entity.ts';
import type { RegistrationRecord } from './records.ts';

// Registrations notify through region's outbox, so the inquiries' webhooks
// and dispatcher deliver them: the registering member's webhooks and its
// network office's receive them. A region-wide event's notification is written
// in the registration's own transaction; a network's event lives in the
// network's database, so region records it once the network has confirmed the
// change (a crash between the two loses the notification, never invents one).

type Notified = Pick<RegistrationView | RegistrationRecord, 'localId' | 'eventLocalId' | 'memberId' | 'participant' | 'status'>;

/** The registration's notification, if it has one: a place held is confirmed; a waiting one is not yet. */
export function notifyRegistration(em: EntityManager, source: string, registration: Notified, movedUp = false): void {
  if (registration.status !== 'REGISTERED') return;
  notify(em, movedUp ? 'EVENT_MOVED_UP' : 'EVENT_REGISTRATION_CONFIRMED', source, registration);
}

/** What a correction or withdrawal tells (news.resolvers.ts changeNews): whoever moved up, was cancelled or had the event moved. */
export interface ToldOfChange {
  item: { startsAt: Date | string | null; endsAt: Date | string | null; place: string | null };
  movedUp: Notified[];
  cancelled: Notified[];
  rescheduled: Notified[];
}

/**
 * A corrected or withdrawn event's notifications: EVENT_MOVED_UP for the places a raised limit gave, EVENT_WITHDRAWN
 * for each registration its withdrawal cancelled, EVENT_CHANGED with the new time and place for each one holding a
 * place or waiting when those moved. One per participant, as registrations notify: a member with two people
 * registered hears it for each.
 */
export function notifyChange(em: EntityManager, source: string, change: ToldOfChange): void {
  const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());
  for (const r of change.movedUp) notifyRegistration(em, source, r, true);
  for (const r of change.cancelled) notify(em, 'EVENT_WITHDRAWN', source, r);
  const { startsAt, endsAt, place } = change.item;
  for (const r of change.rescheduled) notify(em, 'EVENT_CHANGED', source, r, { startsAt: iso(startsAt), endsAt: iso(endsAt), place });
}

function notify(em: EntityManager, type: EventType, source: string, registration: Notified, data: Record<string, unknown> = {}): void {
  em.create(OutboxEventSchema, {
    id: randomUUID(),
    type,
    inquiryId: null,
    memberId: registration.memberId,
    network: parseMemberId(registration.memberId).network.code,
    ownerKey: null,
    payload: {
      eventId: newsIds.format(source, registration.eventLocalId),
      registrationId: registrationIds.format(source, registration.localId),
      participant: registration.participant,
      status: registration.status,
      ...data,
    },
    fannedOut: false,
  });
}
