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
  const type: EventType = movedUp ? 'EVENT_MOVED_UP' : 'EVENT_REGISTRATION_CONFIRMED';
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
    },
    fannedOut: false,
  });
}
