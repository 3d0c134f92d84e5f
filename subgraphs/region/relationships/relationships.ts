import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import type { RegionContext } from '../context.ts';
import { oldestFirst, parseRelationshipId } from '../ids.ts';
import { notifyRelationship } from './notifications.ts';
import { assertMemberExists } from '../access.ts';
import { actingMember, isSide, requireRelationshipReader, seesUnconfirmed } from './access.ts';
import { BusinessRelationshipSchema, inverseKind, type BusinessRelationship, type RelationshipKind, type RelationshipStatus } from './relationship.entity.ts';

// Recording, confirming and ending relationships. A refused request changes
// nothing: every check runs before the one transaction that writes the
// relationship with its notification (notifications.ts), and the database's
// unique index refuses a duplicate that slipped past the check in a race.

const duplicate = (partnerId: string, kind: string) =>
  conflict(
    `An active ${kind} relationship with ${partnerId} exists already; end it first or confirm the one requested.`,
    { reason: 'EXISTS' },
    { field: 'partnerId' },
  );

export async function requestRelationship(ctx: RegionContext, partnerId: string, kind: RelationshipKind): Promise<BusinessRelationship> {
  const requesterId = actingMember(ctx.identity);
  if (partnerId === requesterId) throw badInput('partnerId', 'A member cannot have a business relationship with itself.', { reason: 'NOT_APPLICABLE' });
  // Neither side may have left its network: the requester's own staff is told so (access.ts archivedMember).
  await assertMemberExists(ctx, requesterId, 'memberId');
  const partnerNetwork = await assertMemberExists(ctx, partnerId, 'partnerId');
  // The same fact, asked by either side (relationship.entity.ts factSql): for a supply, the inverse kind from the other side.
  const reversed = { kind: inverseKind[kind] ?? kind, requesterId: partnerId, partnerId: requesterId };
  const active = await ctx.em.count(BusinessRelationshipSchema, { status: { $ne: 'ENDED' }, $or: [{ kind, requesterId, partnerId }, reversed] });
  if (active > 0) throw duplicate(partnerId, kind);
  const requesterNetwork = parseMemberId(requesterId).network.code;
  try {
    return await ctx.em.transactional(async (tx) => {
      const relationship = tx.create(BusinessRelationshipSchema, { kind, requesterId, requesterNetwork, partnerId, partnerNetwork, status: 'REQUESTED' });
      // The database draws the id (random_id()), and the notification names it.
      await tx.flush();
      notifyRelationship(tx, relationship);
      return relationship;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate(partnerId, kind);
    throw error;
  }
}

/**
 * The relationship by id, for one of its sides; NOT_FOUND for anyone else, so a request stays invisible to third
 * parties. Locked for the caller's transaction: a confirm and an end that both read REQUESTED left it CONFIRMED with
 * the end's date, and the requester was told it had ended.
 */
async function ownRelationship(em: EntityManager, id: string, memberId: string): Promise<BusinessRelationship> {
  const found = await em.findOne(BusinessRelationshipSchema, { id: parseRelationshipId(id) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!found || !isSide(found, memberId)) throw notFound(`Relationship ${id} does not exist.`);
  return found;
}

export async function confirmRelationship(ctx: RegionContext, id: string): Promise<BusinessRelationship> {
  const memberId = actingMember(ctx.identity);
  // Neither side may have left its network since it was asked; read before the transaction, which locks the record.
  const asked = await ctx.em.findOne(BusinessRelationshipSchema, { id: parseRelationshipId(id) });
  if (asked && isSide(asked, memberId)) {
    await assertMemberExists(ctx, memberId, 'id');
    await assertMemberExists(ctx, asked.requesterId, 'id');
  }
  return ctx.em.transactional(async (tx) => {
    const relationship = await ownRelationship(tx, id, memberId);
    if (relationship.requesterId === memberId) throw forbidden('The member that requested a relationship cannot confirm it; the partner does.');
    if (relationship.status !== 'REQUESTED')
      throw conflict(`Relationship ${id} is ${relationship.status}, not REQUESTED.`, { reason: 'STATUS', status: relationship.status });
    relationship.status = 'CONFIRMED';
    relationship.confirmedAt = new Date();
    notifyRelationship(tx, relationship);
    return relationship;
  });
}

export async function endRelationship(ctx: RegionContext, id: string): Promise<BusinessRelationship> {
  const memberId = actingMember(ctx.identity);
  return ctx.em.transactional(async (tx) => {
    const relationship = await ownRelationship(tx, id, memberId);
    if (relationship.status === 'ENDED') throw conflict(`Relationship ${id} has ended already.`, { reason: 'STATUS', status: relationship.status });
    relationship.status = 'ENDED';
    relationship.endedAt = new Date();
    relationship.endedBy = memberId;
    return relationship;
  });
}

/** A member's relationships as the caller may see them, oldest first. */
export async function relationshipsOf(ctx: RegionContext, memberId: string | null | undefined, includeEnded: boolean): Promise<BusinessRelationship[]> {
  // Who may read comes first: an anonymous caller was told memberId was missing, as if naming one would do.
  requireRelationshipReader(ctx.identity);
  const member = memberId ?? ctx.identity.memberId;
  if (!member) throw badInput('memberId', 'memberId is needed for callers that are not a member.', { reason: 'REQUIRED' });
  // Named as the argument it came in (it said id); a member's own id, when none was given, is well formed.
  parseMemberId(member, 'memberId');
  const statuses: RelationshipStatus[] = !seesUnconfirmed(ctx.identity, member)
    ? ['CONFIRMED']
    : includeEnded
      ? ['REQUESTED', 'CONFIRMED', 'ENDED']
      : ['REQUESTED', 'CONFIRMED'];
  return ctx.em.find(BusinessRelationshipSchema, { $or: [{ requesterId: member }, { partnerId: member }], status: { $in: statuses } }, oldestFirst);
}
