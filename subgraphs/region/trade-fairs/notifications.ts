import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEventSchema } from '../inquiries/entities.ts';
import { boothId, boothRegistrationId, tradeFairId } from '../ids.ts';
import type { BoothRegistration } from './booth-registration.entity.ts';
import type { JointBooth } from './joint-booth.entity.ts';

// A confirmed booth registration notifies through region's outbox, so the
// inquiries' webhooks and dispatcher deliver it to the exhibiting member's
// webhooks and its network office's. It is written in the confirmation's own
// transaction (the flush that follows), so it exists exactly when the
// confirmation does.

export function notifyBoothConfirmed(em: EntityManager, registration: BoothRegistration, booth: JointBooth): void {
  em.create(OutboxEventSchema, {
    id: randomUUID(),
    type: 'BOOTH_REGISTRATION_CONFIRMED',
    inquiryId: null,
    memberId: registration.memberId,
    network: registration.memberNetwork,
    ownerKey: null,
    payload: {
      registrationId: boothRegistrationId(registration.id),
      boothId: boothId(booth.id),
      tradeFairId: tradeFairId(booth.fair.id),
      areaM2: registration.areaM2,
      status: registration.status,
    },
    fannedOut: false,
  });
}
