import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEventSchema } from '../inquiries/entities.ts';
import { relationshipId } from '../ids.ts';
import type { BusinessRelationship } from './relationship.entity.ts';

// Relationships notify through region's outbox, so the inquiries' webhooks and
// dispatcher deliver them: a request to the partner that is to confirm it, a
// confirmation to the member that asked (and each one's network office). The
// event is written in the change's own transaction (the flush that follows).

export function notifyRelationship(em: EntityManager, relationship: BusinessRelationship): void {
  const requested = relationship.status === 'REQUESTED';
  em.create(OutboxEventSchema, {
    id: randomUUID(),
    type: requested ? 'RELATIONSHIP_REQUESTED' : 'RELATIONSHIP_CONFIRMED',
    inquiryId: null,
    memberId: requested ? relationship.partnerId : relationship.requesterId,
    network: requested ? relationship.partnerNetwork : relationship.requesterNetwork,
    ownerKey: null,
    payload: {
      relationshipId: relationshipId(relationship.id),
      kind: relationship.kind,
      requesterId: relationship.requesterId,
      partnerId: relationship.partnerId,
      status: relationship.status,
    },
    fannedOut: false,
  });
}
