import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEventSchema, type Inquiry, type OutboxEvent } from './entities.ts';
import { inquiryId } from '../ids.ts';
import type { EventType } from './outbox-event.entity.ts';

/**
 * Records an event in the caller's transaction, so it exists exactly when the
 * change does. It reaches the webhooks of `memberId` and of its network's
 * office, or, without a member, of the office of `network`; and those of
 * `ownerKey`, the inquiry owner it concerns (a partner has no network).
 */
export function emit(
  em: EntityManager,
  type: EventType,
  inquiry: Inquiry,
  to: { memberId?: string | null; network?: string | null; ownerKey?: string },
  data: Record<string, unknown> = {},
): OutboxEvent | null {
  if (!to.memberId && !to.network && !to.ownerKey) return null;
  return em.create(OutboxEventSchema, {
    id: randomUUID(),
    type,
    inquiryId: inquiry.id,
    memberId: to.memberId ?? null,
    network: to.network ?? null,
    ownerKey: to.ownerKey ?? null,
    payload: { inquiryId: inquiryId(inquiry.id), title: inquiry.title, ...data },
    fannedOut: false,
  });
}
